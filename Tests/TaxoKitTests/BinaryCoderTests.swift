import Testing

@testable import TaxoKit

/// The cache's binary coding: every value written reads back, interned strings come back by reference,
/// and truncated or corrupt input is an error, never a crash.
@Suite struct BinaryCoderTests {
    func read<T>(_ bytes: [UInt8], _ body: (inout BinaryReader) throws -> T) throws -> T {
        try bytes.withUnsafeBufferPointer { buf in
            var r = BinaryReader(buf)
            return try body(&r)
        }
    }

    /// The string table gives a string met before its first index and a new one none, as a dictionary of
    /// the strings would: strings of every length up to 24 sharing prefixes and tails (the hash reads
    /// words, halves and single bytes), across the table's growth and a reset.
    @Test func internedStringsAreFoundAsADictionaryFindsThem() {
        var table = StringInterner()
        var seen: [String: Int] = [:]
        var rng = CompiledTemplateTests.Seeded(state: 3)
        let letters = Array("abAB-é0")
        for round in 0..<6000 {
            if round == 3000 {
                table.removeAll()
                seen.removeAll()
            }
            let s = rng.string(letters, 0...24)
            var t = s
            let found = t.withUTF8 { table.index(of: s, bytes: $0) }
            #expect(found == seen[s], "\(s)")
            if seen[s] == nil { seen[s] = seen.count }
        }
    }

    @Test func valuesRoundTrip() throws {
        var w = BinaryWriter()
        let ints = [0, 1, -1, 63, -64, 1 << 40, Int.max, Int.min]
        for n in ints { w.int(n) }
        w.bool(true)
        w.bool(false)
        w.string("TOL-AID-201")
        w.string("Müller ✅")
        w.string("TOL-AID-201")
        w.optString(nil)
        w.optString("x")
        w.optInt(nil)
        w.optInt(-7)
        w.fixed64(0xDEAD_BEEF_0123_4567)
        let bytes = w.bytes
        let back: (ints: [Int], bools: [Bool], strings: [String], opts: [String?], optInts: [Int?], fixed: UInt64) =
            try read(bytes) { r in
                let i = try ints.map { _ in try r.int() }
                let b = [try r.bool(), try r.bool()]
                let s = [try r.string(), try r.string(), try r.string()]
                let o = [try r.optString(), try r.optString()]
                let oi = [try r.optInt(), try r.optInt()]
                return (i, b, s, o, oi, try r.fixed64())
            }
        #expect(back.ints == ints)
        #expect(back.bools == [true, false])
        #expect(back.strings == ["TOL-AID-201", "Müller ✅", "TOL-AID-201"])
        #expect(back.opts == [nil, "x"])
        #expect(back.optInts == [nil, -7])
        #expect(back.fixed == 0xDEAD_BEEF_0123_4567)
    }

    /// A finding reads back whole: notes, hint, its repair and the suggestions a person chooses from.
    @Test func aDiagnosticRoundTrips() throws {
        var d = Diagnostic(
            code: "TAX0201", severity: .error, message: "dangling reference",
            at: SourceLocation(file: "a.json", line: 3, column: 7), notes: [.init("first here", at: nil)],
            hint: "did you mean 'TOL-SEC-124'?", replacement: .init("tol", with: "TOL"))
        d.suggestions = [.init("TOL-SCE-124", with: "TOL-SEC-124"), .init("TOL-SCE-124", with: "TOL-SEC-125")]
        var w = BinaryWriter()
        w.diagnostic(d)
        w.diagnostic(Diagnostic(code: "TAX0001", severity: .warning, message: "m", at: nil))
        let back = try read(w.bytes) { r in [try r.diagnostic(), try r.diagnostic()] }
        #expect(back[0] == d)
        #expect(back[1].suggestions.isEmpty && back[1].replacement == nil)
    }

    @Test func aRepeatedStringIsWrittenOnce() {
        var once = BinaryWriter()
        once.string("a long repeated string value")
        var twice = BinaryWriter()
        twice.string("a long repeated string value")
        twice.string("a long repeated string value")
        #expect(twice.bytes.count - once.bytes.count <= 2)
    }

    /// Two spellings Swift calls equal (é composed, and e with a combining accent) are two strings to the
    /// cache: each reads back with its own bytes. Many distinct strings (past the table's growth) come back
    /// in order, and after a reset nothing refers back to the previous record.
    @Test func stringsComeBackByteForByte() throws {
        var w = BinaryWriter()
        let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"
        #expect(composed == decomposed)
        w.string(composed)
        w.string(decomposed)
        let many = (0..<3000).map { "field_\($0 % 1500)" }
        for s in many { w.string(s) }
        w.resetStrings()
        w.string("field_1")
        let back = try read(w.bytes) { r in
            var out = [try r.string(), try r.string()]
            for _ in many { out.append(try r.string()) }
            r.resetStrings()
            out.append(try r.string())
            return out
        }
        #expect(Array(back[0].utf8) == Array(composed.utf8))
        #expect(Array(back[1].utf8) == Array(decomposed.utf8))
        #expect(Array(back[2..<3002]) == many)
        #expect(back[3002] == "field_1")
    }

    @Test func truncatedAndCorruptInputThrows() throws {
        var w = BinaryWriter()
        w.string("abcdef")
        let bytes = w.bytes
        #expect(throws: (any Error).self) { try self.read(Array(bytes.dropLast(2))) { try $0.string() } }
        // A back-reference to a string never read.
        #expect(throws: (any Error).self) { try self.read([0x0B]) { try $0.string() } }
        #expect(throws: (any Error).self) { try self.read([]) { try $0.int() } }
        #expect(throws: (any Error).self) { try self.read([0x01, 0x02]) { try $0.fixed64() } }
    }
}
