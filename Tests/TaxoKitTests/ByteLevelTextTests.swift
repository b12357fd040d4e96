import Foundation
import Testing

@testable import TaxoKit

/// Text read by its bytes where it is ASCII (the build's hot paths) says what reading it by characters said.
@Suite struct ByteLevelTextTests {
    @Test func trimmingByBytesAgreesWithCharacters() {
        // Reference: trimming by characters, as before the byte path.
        func byCharacters(_ s: Substring) -> Substring {
            var s = s
            while let f = s.first, f.isWhitespace { s = s.dropFirst() }
            while let l = s.last, l.isWhitespace { s = s.dropLast() }
            return s
        }
        let samples = [
            "  | a | b |  ", "\t x \r", "", "   ", "x", "\u{00A0}nbsp\u{00A0}", " \u{301}mark", "tail \u{301}",
            "é ", " é", "a\u{2003}", "\r\n", "mid dle",
        ]
        for s in samples {
            let sub = Substring(s)
            #expect(sub.trimmingSpacesSubstring() == byCharacters(sub), "\(s.debugDescription)")
        }
    }

    @Test func firstCharactersByBytesAgreeWithCharacters() {
        let long: String = String(repeating: "abcdefghij", count: 25)
        let head199: String = String(long.prefix(199)), head200: String = String(long.prefix(200))
        var samples: [String] = [long, "", "short", head200, String(long.prefix(201)), "é" + long]
        samples.append(head199 + "\u{301}" + long)
        samples.append(head200 + "\u{301}tail")
        samples.append(head199 + "\r\n" + long)
        samples.append(String(long.prefix(150)) + "é" + long)
        for s in samples {
            let expected: String = String(s.prefix(200))
            #expect(s.firstCharacters(200) == expected, "\(s.utf8.count) bytes")
        }
    }

    @Test func searchIgnoringCaseFindsWhatLowercasingFinds() {
        // Reference: the text lower-cased (ASCII), then searched byte by byte.
        func byLowercasing(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
            let low = hay.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            guard needle.count <= low.count else { return needle.isEmpty }
            return (0...(low.count - needle.count)).contains { Array(low[$0..<($0 + needle.count)]) == needle }
        }
        let needles = ["taxo-ignore", "new_id", "propos", "tool id", "a-", "-", "é_x", "po", "p", "sa"].map {
            Array($0.utf8)
        }
        let alphabet = Array("aAtTxXoO-_ iIgGnNrReEwWdDpPsS\né@`[{P0".utf8)
        var seed: UInt64 = 42
        for round in 0..<1200 {
            var hay: [UInt8] = []
            for _ in 0..<(round % 70) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                hay.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            if round % 5 == 0 { hay += Array("x TAXO-IGNORE New_ID".utf8).prefix(round % 21) }
            for nd in needles {
                #expect(
                    ByteSearch.containsIgnoringCase(bytes: hay[...], nd) == byLowercasing(hay, nd),
                    "\(String(decoding: hay, as: UTF8.self)) / \(String(decoding: nd, as: UTF8.self))")
            }
        }
    }

    /// `count` random bytes: `alphabet`'s, among twice as many `a`s.
    func randomText(_ alphabet: [UInt8], count: Int, seed: inout UInt64) -> [UInt8] {
        (0..<count).map { _ in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let pick = Int(seed >> 33) % (alphabet.count * 3)
            return pick < alphabet.count ? alphabet[pick] : 97
        }
    }

    /// Random texts over `alphabet` (its bytes among twice as many `a`s): from every offset, `search`
    /// finds the first byte `takes` takes, as a byte-by-byte search does.
    func checkFirstByteSearch(
        alphabet: [UInt8], seed: UInt64, takes: (UInt8) -> Bool,
        search: (UnsafeBufferPointer<UInt8>, Int) -> Int
    ) {
        var seed = seed
        for round in 0..<600 {
            let hay = randomText(alphabet, count: round % 50, seed: &seed)
            hay.withUnsafeBufferPointer { b in
                for from in 0...b.count {
                    let expected = (from..<b.count).first { takes(b[$0]) } ?? b.count
                    #expect(search(b, from) == expected, "\(hay) \(from)")
                }
            }
        }
    }

    /// The first upper-case letter found eight bytes at a time is the first capital, beside the bytes around
    /// `A`-`Z` and bytes of other characters.
    @Test func firstUppercaseIsTheFirstCapital() {
        checkFirstByteSearch(
            alphabet: [64, 65, 77, 90, 91, 96, 97, 122, 0xC1, 0xDA, 0xE2, 0x80, 32, 48], seed: 7,
            takes: { $0 >= 65 && $0 <= 90 }, search: { ByteSearch.firstUppercase(in: $0, from: $1) })
    }

    /// The first byte a JSON string escapes: control characters, quotes and backslashes beside bytes just
    /// around them.
    @Test func firstJSONEscapeIsTheFirstByteToEscape() {
        checkFirstByteSearch(
            alphabet: [0, 1, 9, 10, 31, 32, 33, 34, 35, 91, 92, 93, 0x80, 0xA2, 0xDC, 0xFF], seed: 3,
            takes: { $0 < 0x20 || $0 == 34 || $0 == 92 }, search: { ByteSearch.firstJSONEscape(in: $0, from: $1) })
    }

    /// A letter in either case, beside the bytes that differ from it by 0x20 but are not letters.
    @Test func firstLetterIsTheLetterInEitherCase() {
        checkFirstByteSearch(
            alphabet: [0x50, 0x70, 0x10, 0x30, 0xD0, 0xF0, 0x40, 0x60], seed: 5, takes: { $0 == 0x50 || $0 == 0x70 },
            search: { b, from in ByteSearch.firstLetter(0x70, in: b, from: from, through: b.count - 1) ?? b.count })
    }

    /// A line may hold a version where a byte-by-byte reading says so: a digit right after `v`, `V`, `=`,
    /// `^` or `~`, anywhere in the line (across the eight-byte words), and nowhere else.
    @Test func versionMarksAreFoundAsByteByByte() {
        func reference(_ b: [UInt8]) -> Bool {
            b.indices.dropFirst().contains { i in
                b[i] >= 48 && b[i] <= 57 && [118, 86, 61, 94, 126].contains(b[i - 1])
            }
        }
        let alphabet = Array("vV=^~1 a0x9".utf8) + [0x36, 0x56 ^ 0x80]
        var seed: UInt64 = 11
        for round in 0..<3000 {
            let line = randomText(alphabet, count: round % 30, seed: &seed)
            #expect(GapNames.mayHoldVersion(line[...]) == reference(line), "\(line)")
        }
    }

    @Test func idKeysMadeAsBytes() {
        // Reference: the key and canonical ID made by appending strings, as before the byte path.
        func byStrings(_ prefix: String, _ dept: String?, _ number: String) -> (String, String) {
            var trimmed = number.drop { $0 == "0" }
            if trimmed.isEmpty { trimmed = "0" }
            var stem = prefix
            if let dept { stem += "-" + dept }
            stem += "-"
            return (stem + trimmed, stem + number)
        }
        let samples: [(String, String?, String)] = [
            ("TOL", "SEC", "0124"), ("TOL", nil, "124"), ("MLS", nil, "000"), ("TSK", nil, "0"), ("TSK", nil, ""),
            ("OBJ", "OPS-ACC", "0510"), ("STP", nil, "00A"), ("WRF", "ÉQU", "007"), ("PRF", nil, "1000"),
        ]
        for (p, d, n) in samples {
            let made = IDGrammar.keyAndCanonical(prefix: p, department: d, number: n)
            let expected = byStrings(p, d, n)
            #expect(made.key == expected.0 && made.canonical == expected.1, "\(p) \(d ?? "-") \(n)")
        }
    }

    @Test func fieldLinesByBytes() {
        #expect(GapScanner.field("Tools Mentioned: FastAPI, Notion")! == ("Tools Mentioned", "FastAPI, Notion"))
        #expect(GapScanner.field("- TOOLS_REQUIRED: TOL-001")! == ("TOOLS_REQUIRED", "TOL-001"))
        #expect(GapScanner.field("**Tools Mentioned:** FastAPI")! == ("Tools Mentioned", "FastAPI"))
        #expect(GapScanner.field("- **Department**: AID")! == ("Department", "AID"))
        // Not fields: a digit or a dot in the key, a key too short or too long, no colon.
        #expect(GapScanner.field("At 10:30 we met") == nil)
        #expect(GapScanner.field("e.g. the key: value") == nil)
        #expect(GapScanner.field("ab: c") == nil)
        #expect(GapScanner.field(Substring(String(repeating: "k", count: 41) + ": v")) == nil)
        #expect(GapScanner.field("no colon here") == nil)
        #expect(GapScanner.field("  * **Tool**: Notion")! == ("Tool", "Notion"))
        #expect(GapScanner.field("*Tool*: Notion") == nil)
        #expect(HeaderFields.bold("- **Owner:** AID")?.key == "Owner")
        #expect(HeaderFields.bold("- *Owner:* AID") == nil)
        #expect(HeaderFields.bold("**") == nil)
        // A key with a letter outside ASCII is read by characters, as before.
        #expect(GapScanner.field("Catégorie: outils")! == ("Catégorie", "outils"))
    }

    /// Two-cell table rows read by bytes give what reading them by characters gave (random lines of pipes,
    /// letters, spaces, dashes, colons, backticks and a letter beyond ASCII), and rows of more cells are
    /// turned away by the byte check alone.
    @Test func tableRowsByBytes() {
        func byCharacters(_ line: Substring) -> [String]? {
            var s = line.trimmingSpacesSubstring()
            guard s.hasPrefix("|") else { return nil }
            s = s.dropFirst()
            if s.hasSuffix("|") { s = s.dropLast() }
            let cells = s.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count == 2 else { return nil }
            let key = cells[0].trimmingSpaces()
            guard !key.isEmpty, !key.allSatisfy({ $0 == "-" || $0 == ":" }) else { return nil }
            let valueStart = cells[1].firstIndex { $0 != " " } ?? cells[1].endIndex
            return [HeaderFields.clean(Substring(key)), HeaderFields.clean(cells[1][valueStart...])]
        }
        var rng = SystemRandomNumberGenerator()
        let pieces = ["|", "|", "|", "a", "Key", " ", "  ", "-", ":", "`", "é", "\t", "\r"]
        var taken = 0
        for _ in 0..<20_000 {
            let line = Substring(
                (0..<Int.random(in: 0...9, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
            let expected = byCharacters(line)
            if expected != nil {
                taken += 1
                #expect(HeaderFields.mayBeTableRow(line), "\(line.debugDescription)")
            }
            #expect(HeaderFields.tableRow(line).map { [$0.key, $0.value] } == expected, "\(line.debugDescription)")
        }
        #expect(taken > 100)
        let row = HeaderFields.tableRow("| Step ID | `STT-0012` |")
        #expect(row?.key == "Step ID" && row?.value == "STT-0012")
        #expect(!HeaderFields.mayBeTableRow("| 00:01 | Host | We use Notion |"))
        #expect(!HeaderFields.mayBeTableRow("| a | b | c"))
        #expect(!HeaderFields.mayBeTableRow("a | b"))
    }

    @Test func trigramsOfPaddedNames() {
        let space: UInt64 = 32, a: UInt64 = 97, b: UInt64 = 98
        #expect(FuzzyIndex.trigrams("ab").sorted() == [space << 16 | a << 8 | b, a << 16 | b << 8 | space].sorted())
        #expect(FuzzyIndex.trigrams("a").sorted() == [space << 16 | a << 8 | space])
        #expect(FuzzyIndex.trigrams("") == [0])
        #expect(FuzzyIndex.trigrams("aaaa").count == 3)
    }

    /// A name's trigrams are the distinct ones of its padded text, sorted; two lists share as many as their
    /// sets do (random names, ASCII and not, repeated letters).
    @Test func trigramListsAreSortedSetsAndShareAsSetsDo() {
        var rng = CompiledTemplateTests.Seeded(state: 29)
        let letters = Array("aabé xz")
        func name() -> String { rng.string(letters, 0...9) }
        for _ in 0..<800 {
            let (x, y) = (name(), name())
            let (tx, ty) = (FuzzyIndex.trigrams(x), FuzzyIndex.trigrams(y))
            #expect(tx == Array(Set(tx)).sorted(), "\(x)")
            let padded = Array(" " + x + " ")
            if x.utf8.allSatisfy({ $0 < 0x80 }), !x.isEmpty {
                let expected = Set(
                    (0...(padded.count - 3)).map { i in
                        padded[i..<(i + 3)].reduce(UInt64(0)) { $0 << 8 | UInt64($1.asciiValue!) }
                    })
                #expect(Set(tx) == expected, "\(x)")
            }
            #expect(FuzzyIndex.sharedCount(tx, ty) == Set(tx).intersection(Set(ty)).count, "\(x) \(y)")
        }
    }

    @Test func foldersOfLibraryPaths() {
        #expect(BrokenLink.folder(of: "a/b/c.md") == "a/b")
        #expect(BrokenLink.folder(of: "c.md") == "")
        #expect(BrokenLink.folder(of: "a//b/c.md") == "a/b")
        #expect(BrokenLink.folder(of: "/a/c.md") == "a")
    }

    @Test func numbersAndQuotedStringsAsBytes() {
        for n in [0, 7, 10, 99, 100, 12345, Int.max, -1, -40, Int.min] {
            var out: [UInt8] = []
            DecimalBytes.append(n, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(n))
        }
        var json: [UInt8] = []
        Node.appendQuoted("a\"b\\c\nd\u{1}é", to: &json)
        #expect(String(decoding: json, as: UTF8.self) == "\"a\\\"b\\\\c\\nd\\u0001é\"")
    }

    @Test func fieldKeysComparedAsBytes() {
        #expect(FieldKey.matches("Tool ID", normalized: "toolid"))
        #expect(FieldKey.matches("tool_id", normalized: "toolid"))
        #expect(!FieldKey.matches("tool_ids", normalized: "toolid"))
        #expect(!FieldKey.matches("tool", normalized: "toolid"))
        #expect(FieldKey.matches("Catégorie", normalized: FieldKey.normalize("catégorie")))
    }

    /// A key hashes as its normalised form does (a member's hash is compared before its key), and keys that
    /// normalise apart hash apart; members found through the hash are the ones the keys' bytes find.
    @Test func fieldKeyHashesFollowNormalisation() {
        let alike = [
            ["Tool ID", "tool_id", "TOOL-ID", "toolid", "\tTool  _Id"], ["Catégorie", "catégorie", "CATÉGORIE"],
            ["Étape", "étape"],
        ]
        for group in alike {
            for k in group {
                #expect(FieldKey.hash(k) == FieldKey.hash(FieldKey.normalize(k)), "\(k)")
                #expect(FieldKey.hash(k) == FieldKey.hash(group[0]), "\(k)")
            }
        }
        let apart = ["toolid", "toolids", "tool", "catégorie", "étape", "", "t", "stepid", "step_ids"]
        #expect(Set(apart.map(FieldKey.hash)).count == apart.count)
        let member = Member(key: "Step ID", keyOffset: 0, node: Node(.null, at: 0))
        #expect(member.matches("stepid", hash: FieldKey.hash("stepid")))
        #expect(!member.matches("toolid", hash: FieldKey.hash("toolid")))
        // A path's parent keeps the hashes of the steps it keeps (`steps[]` of `steps[].step_id`).
        let step = Node(.object([Member(key: "Step ID", keyOffset: 3, node: Node(.string("STP-001"), at: 4))]), at: 2)
        let task = Node(.object([Member(key: "Steps", keyOffset: 0, node: Node(.array([step]), at: 1))]), at: 0)
        #expect(FieldPath("steps[].step_id")?.parent?.resolve(in: task).count == 1)
        #expect(FieldPath("steps[].step_id")?.resolve(in: task).first?.string == "STP-001")
        let record = Node(
            .object([
                Member(key: "Task_ID", keyOffset: 0, node: Node(.string("TSK-001"), at: 1)),
                Member(key: "Étape ID", keyOffset: 2, node: Node(.string("STP-001"), at: 3)),
            ]), at: 0)
        #expect(record.member(matchingAny: ["task id"])?.node.string == "TSK-001")
        #expect(record.member(matchingAny: ["étape_id"])?.node.string == "STP-001")
        #expect(FieldPath("ÉTAPE ID")?.resolve(in: record).first?.string == "STP-001")
        #expect(record.member(matchingAny: ["task"]) == nil)
    }
}
