import Testing

@testable import TaxoKit

@Suite struct IDGrammarTests {
    /// A text's dash-separated parts are what splitting its characters gives, for ASCII texts (split by their
    /// bytes) and others: combining marks after a dash, CRLF, empty parts.
    @Test func dashPartsAreTheCharactersSplit() {
        var rng = CompiledTemplateTests.Seeded(state: 11)
        let pieces = ["TOL", "-", "SEC", "012", "", "--", "\r\n", "\u{301}", "é", "-\u{338}", "x", " "]
        for _ in 0..<2000 {
            let s = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(IDGrammar.dashParts(s) == s.split(separator: "-", omittingEmptySubsequences: false), "\(s)")
        }
    }

    let grammar = IDGrammar(config: TestSupport.defaultConfig)

    func kindName(_ c: IDCheck) -> String? {
        if case .valid(let p) = c { return grammar.kinds[p.kind].name }
        return nil
    }

    @Test func validIDs() {
        #expect(kindName(grammar.check("TOL-013")) == "tool")
        #expect(kindName(grammar.check("TOL-SEC-124")) == "tool")
        #expect(kindName(grammar.check("TOOL-AI-051")) == "tool")
        #expect(kindName(grammar.check("MLT-001")) == "milestone")
        #expect(kindName(grammar.check("TSK-0001")) == "task")
    }

    @Test func keysNormaliseAliasesPrefixesAndZeros() {
        guard case .valid(let a) = grammar.check("TOOL-AI-051"), case .valid(let b) = grammar.check("TOL-AID-051"),
            case .valid(let c) = grammar.check("TOL-AID-0051")
        else { Issue.record("did not parse"); return }
        #expect(a.key == b.key)
        #expect(b.key == c.key)
        #expect(a.usesAlternatePrefix)
    }

    @Test func malformedIDsGetRepairs() {
        for (bad, fix) in [
            ("tol-012", "TOL-012"), ("TOL_012", "TOL-012"), ("TOL012", "TOL-012"), ("TOL--012", "TOL-012"),
            ("TOL-012a", "TOL-012"),
        ] {
            if case .malformed(_, let s) = grammar.check(bad) {
                #expect(s == fix, "\(bad)")
            } else {
                Issue.record("\(bad) accepted")
            }
        }
        if case .malformed(let r, let s) = grammar.check("TOL-12") {
            #expect(r.contains("digits"))
            #expect(s == "TOL-012")
        } else {
            Issue.record("short number accepted")
        }
        if case .malformed = grammar.check("ACT-SEC-001") {
        } else {
            Issue.record("department on a kind without one accepted")
        }
    }

    @Test func placeholdersAndUnknownPrefixes() {
        if case .placeholder = grammar.check("TOL-XXX") {} else { Issue.record("TOL-XXX") }
        if case .placeholder = grammar.check("TST-###") {} else { Issue.record("TST-###") }
        if case .unknownPrefix(let p, let s) = grammar.check("TKS-001") {
            #expect(p == "TKS")
            #expect(s.contains("TSK"))
        } else {
            Issue.record("TKS")
        }
    }

    @Test func scanFindsIDsWithBoundaries() {
        let text =
            "See TOL-112 (Dropbox Dash), WF-AI-001: Deploy, TOL-013_Auth0.json, UC-TOOL113-001, xTOL-001, TSK-001-02 and TOL-XXX; TKS-007."
        let toks = grammar.tokens(in: text)
        var ids: [String] = [], placeholders: [String] = [], typos: [String] = []
        for (t, _, _) in toks {
            switch t {
            case .id(let p): ids.append(p.written)
            case .placeholder(_, let s): placeholders.append(s)
            case .unknownPrefix(let s, _, _): typos.append(s)
            }
        }
        #expect(ids == ["TOL-112", "WF-AI-001"])
        #expect(placeholders == ["TOL-XXX"])
        #expect(typos == ["TKS-007"])
    }

    /// The hyphens and dashes word processors put in place of `-` make IDs of known prefixes, whose keys are
    /// the ASCII ones (so they resolve); the em dash, a known prefix's absence or a typo never do.
    @Test func unicodeDashesMakeIDsOfKnownPrefixes() {
        let text =
            "TOL\u{2013}SEC\u{2013}124, TOL\u{2011}017, TOL\u{2010}013, TOL\u{2212}012, TOL\u{2014}011, "
            + "TKS\u{2013}007, ABC\u{2013}001, TOL-001\u{2013}TOL-005"
        var ids: [(String, String)] = []
        var others = 0
        for (t, start, end) in grammar.tokens(in: text) {
            guard case .id(let p) = t else { others += 1; continue }
            let written = String(decoding: Array(text.utf8)[start..<end], as: UTF8.self)
            #expect(written == p.written)
            ids.append((p.written, p.key))
        }
        #expect(ids.map(\.1) == ["TOL-SEC-124", "TOL-17", "TOL-13", "TOL-12", "TOL-1", "TOL-5"])
        #expect(ids[0].0 == "TOL\u{2013}SEC\u{2013}124")
        #expect(others == 0)
        // A value that must be one ID: malformed, with the ASCII spelling as the repair.
        if case .malformed(_, let s) = grammar.check("TOL\u{2013}099") {
            #expect(s == "TOL-099")
        } else {
            Issue.record("TOL\u{2013}099 accepted")
        }
        // An ID typed into a search or a rename, pasted from such a document, is the ASCII one.
        #expect(grammar.typedID("tol\u{2013}sec\u{2011}124")?.key == "TOL-SEC-124")
        #expect(grammar.typedID("TOL\u{2014}124") == nil)
    }

    @Test func scanOffsetsPointAtTheID() {
        let text = "ab TOL-001 cd"
        let t = grammar.tokens(in: text)
        #expect(t.count == 1)
        #expect(t[0].1 == 3)
        #expect(t[0].2 == 10)
    }

    @Test func labels() {
        #expect(Labels.after("TOL-112 (Dropbox Dash)", start: 0, end: 7) == "Dropbox Dash")
        #expect(
            Labels.after("WF-AI-001: Develop and Deploy AI Application", start: 0, end: 9)
                == "Develop and Deploy AI Application")
        #expect(Labels.after("MLS-001 – Prepare Baseline", start: 0, end: 7) == "Prepare Baseline")
        #expect(Labels.after("uses TOL-112 for x", start: 5, end: 12) == nil)
        #expect(Labels.agrees("99Designs", "99designs"))
        #expect(Labels.agrees("FastAPI", "FastAPI + FastMCP"))
        #expect(!Labels.agrees("Browse AI", "99designs"))
    }
}

extension IDGrammarTests {
    /// The IDs a file name carries are found as splitting the name at dots, underscores and spaces finds
    /// them (the rule reads the name's bytes in place): stems with several IDs, leading dots, folders
    /// named like IDs, spaces.
    @Test func fileNamesIDsAreTheSplitNamesIDs() {
        func reference(_ file: String, kind: Int) -> [String] {
            let name = file.utf8.split(separator: 47).last.map { String(decoding: $0, as: UTF8.self) } ?? file
            let stem = name.utf8.split(separator: 46).first ?? name.utf8[...]
            return stem.split(whereSeparator: { $0 == 95 || $0 == 32 }).compactMap { bytes in
                let part = Substring(bytes)
                guard OwnID.mayBeID(part), case .valid(let p) = grammar.check(String(part)), p.kind == kind else {
                    return nil
                }
                return p.written
            }
        }
        let own = grammar.check("TOL-999")
        guard case .valid(let id) = own else { Issue.record("TOL-999 is not an ID"); return }
        var rng = CompiledTemplateTests.Seeded(state: 5)
        let pieces = [
            "TOL-072", "TOL-SEC-010", "MLS-001", "_", " ", ".", "/", "Figma", "TOL-072.json", "..", "x-1", "é",
        ]
        for _ in 0..<2000 {
            let file = (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let e = Entity(
                kind: id.kind, id: id, rawID: "TOL-999", name: "X", file: file,
                location: SourceLocation(file: file, line: 1, column: 1), department: nil, idField: "tool_id",
                soleRecordInFile: true, references: [])
            let expected = reference(file, kind: id.kind)
            let found = FileNameMismatch.staleName(e, grammar: grammar)?.map(\.written) ?? []
            #expect(found == expected, "\(file)")
        }
    }
}

extension IDGrammarTests {
    /// Prefixes found by their bytes are those a dictionary of them holds: lengths up to 16 (longer ones are
    /// never found), prefixes that share their first eight bytes, bytes of other characters.
    @Test func prefixesFoundByBytesAreTheDictionarys() {
        var rng = CompiledTemplateTests.Seeded(state: 17)
        let letters = Array("ABTOLé0")
        func word() -> String { rng.string(letters, 1...16) }
        for _ in 0..<50 {
            var dict: [String: Int] = [:]
            for k in 0..<Int.random(in: 0...40, using: &rng) { dict[word()] = k }
            let table = PrefixTable(dict)
            for probe in Array(dict.keys) + (0..<40).map({ _ in word() }) {
                var p = probe
                let found = p.withUTF8 { table.lookup($0, 0, $0.count) }
                let expected = probe.utf8.count <= 15 ? dict[probe] : nil
                #expect(found?.kind == expected && (found == nil || found?.prefix == probe), "\(probe)")
            }
        }
    }
}

extension IDGrammarTests {
    /// Without legacy patterns the scan skips to capital letters eight bytes at a time; it finds the tokens
    /// the byte-by-byte scan (which a grammar with a legacy pattern no text matches takes) finds, on random
    /// texts of IDs, placeholders, Unicode dashes, typos and near misses.
    @Test func scanningWithoutLegacyPatternsFindsWhatTheByteScanFinds() throws {
        func grammar(legacy: String) throws -> IDGrammar {
            let yaml = """
                kinds:
                  tool:
                    prefix: TOL
                    department: optional
                    files: ["LIBRARIES/**/*.json"]
                    id_fields: [tool_id]
                    name_fields: [name]\(legacy)
                  task:
                    prefix: TSK
                    files: ["TASKS/**/*.json"]
                    id_fields: [task_id]
                    name_fields: [name]
                departments:
                  SEC: { name: "Security" }
                """
            return IDGrammar(config: try #require(ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: yaml)).0))
        }
        let fast = try grammar(legacy: ""), bytewise = try grammar(legacy: "\n    legacy_patterns: [\"Qqz-{n}\"]")
        #expect(!fast.hasLegacy && bytewise.hasLegacy)
        var rng = CompiledTemplateTests.Seeded(state: 23)
        let pieces = [
            "TOL-012", "TOL-SEC-124", "TSK-7", "TKS-001", "TOL-XXX", "TOL–017", " ", "a", "-", "_", "x", "TOL", "é",
            "012", "\n", "(TSK-001)", "ATOL-1", "TOL-1a",
        ]
        func describe(_ g: IDGrammar, _ text: String) -> [String] {
            g.tokens(in: text).map { "\($0.1)-\($0.2) \($0.0)" }
        }
        for _ in 0..<1500 {
            let text = (0..<Int.random(in: 0...10, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                .joined()
            #expect(describe(fast, text) == describe(bytewise, text), "\(text)")
        }
    }
}
