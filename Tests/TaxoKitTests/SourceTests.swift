import Testing

@testable import TaxoKit

@Suite struct SourceTests {
    @Test func bomIsStrippedAndCRLFCounted() {
        let f = SourceFile(path: "a.json", rawBytes: [0xEF, 0xBB, 0xBF] + Array("{\r\n  \"a\": 1\r\n}".utf8))
        #expect(f.hadBOM)
        #expect(f.bytes.first == UInt8(ascii: "{"))
        #expect(f.lines.lineText(2) == "  \"a\": 1")
        let off = f.bytes.firstIndex(of: UInt8(ascii: "a"))!
        #expect(f.location(off) == SourceLocation(file: "a.json", line: 2, column: 4))
    }

    /// A carriage return alone ends a line (old Mac files, or some lines of a file that mixes endings), as
    /// it does for CommonMark and editors; a carriage return before a newline is part of that one ending.
    @Test func carriageReturnsEndLines() {
        let f = SourceFile(path: "a.md", text: "# A\rone TOL-001\r\ntwo\nthree\r")
        #expect(f.lines.lineCount == 5)
        #expect((1...5).map { String(f.lines.lineText($0)) } == ["# A", "one TOL-001", "two", "three", ""])
        let off = f.bytes.firstIndex(of: UInt8(ascii: "T"))!
        #expect(f.location(off) == SourceLocation(file: "a.md", line: 2, column: 5))
        #expect(f.lines.offset(line: 1, column: 10) == 3)
        #expect(f.lines.offset(line: 2, column: 5) == off)
    }

    /// Markdown whose lines end in newlines and in carriage returns alone: cmark numbers its lines as the
    /// line table does (a marked heading's section beyond the table's last line trapped), and mentions keep
    /// their lines.
    @Test func markdownWithCarriageReturnsOnly() {
        let text =
            [
                "# Video_024 notes", "", "Uses TOL-SEC-124 here.", "", "## Next available IDs", "", "- TOL-SEC-777",
                "", "```csv", "New_ID,Name", "TOL-SEC-778,Thing", "```", "",
            ].joined(separator: "\r") + "\n\nMore TOL-SEC-124."
        let r = TestSupport.compile([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Video_024_notes.md", text)])
        let mentions = r.library.documents.first?.mentions ?? []
        #expect(mentions.map(\.id.written) == ["TOL-SEC-124", "TOL-SEC-777", "TOL-SEC-778", "TOL-SEC-124"])
        #expect(mentions.map(\.location.line) == [3, 7, 11, 14])
        #expect(mentions.map(\.isProposal) == [false, true, true, true])
        #expect(r.library.documents.first?.headings.map(\.line) == [1, 5])
    }

    @Test func columnsCountScalars() {
        let f = SourceFile(path: "a.md", text: "é✅ X")
        let off = Array("é✅ ".utf8).count
        #expect(f.location(off).column == 4)
        #expect(f.lines.offset(line: 1, column: 4) == off)
    }

    @Test func invalidUTF8IsFound() {
        let f = SourceFile(path: "a.md", rawBytes: Array("ok\n".utf8) + [0xC3, 0x28])
        #expect(f.firstInvalidUTF8Offset() == 3)
        #expect(SourceFile(path: "b.md", text: "fine ✅").firstInvalidUTF8Offset() == nil)
        #expect(SourceFile(path: "c.md", rawBytes: [0xE2, 0x9C]).firstInvalidUTF8Offset() == 0)
        #expect(SourceFile(path: "d.md", rawBytes: [0xED, 0xA0, 0x80]).firstInvalidUTF8Offset() == 0)
    }

    @Test func globs() {
        #expect(Glob("LIBRARIES/**/*.json").matches("LIBRARIES/a/b/c.json"))
        #expect(Glob("LIBRARIES/**/*.json").matches("LIBRARIES/c.json"))
        #expect(!Glob("LIBRARIES/*.json").matches("LIBRARIES/a/c.json"))
        #expect(Glob("**/*.{json,yaml}").matches("x/y.yaml"))
        #expect(!Glob("**/*.{json,yaml}").matches("x/y.md"))
        #expect(Glob("**/_archive/**").matches("a/_archive/b/c.md"))
        #expect(Glob("Video_0??.md").matches("Video_024.md"))
        #expect(Glob.validate("a/{b") != nil)
        #expect(Glob.validate("/abs") != nil)
    }

    @Test func nearMiss() {
        #expect(NearMiss.distance("TKS", "TSK") == 1)
        #expect(NearMiss.distance("kitten", "sitting") == 3)
        #expect(NearMiss.suggestions(for: "rots", in: ["roots", "kinds", "rules"]) == ["roots"])
    }

    @Test func fieldKeys() {
        #expect(FieldKey.normalize("Step ID") == "stepid")
        #expect(FieldKey.matches("step_id", normalized: "stepid"))
        #expect(FieldKey.matches("Step-ID", normalized: "stepid"))
        #expect(!FieldKey.matches("step", normalized: "stepid"))
        #expect(FieldKey.matches("Étape ID", normalized: FieldKey.normalize("étape_id")))
    }
}
