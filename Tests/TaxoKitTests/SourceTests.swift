import Foundation
import Testing

@testable import TaxoKit

@Suite struct SourceTests {
    /// A path's last component, as splitting it at every slash gives it.
    @Test func fileNameIsThePathsLastComponent() {
        for p in [
            "", "/", "a", "a/b", "LIBRARIES/LBS_003_Tools/TOL-011_ArtStation.json", "a/b/", "a//b", "//", "é/ü.md",
        ] {
            let split = p.split(separator: "/").last.map(String.init) ?? p
            #expect(String(PathDisplay.fileName(p)) == split, "\(p)")
        }
        #expect(PathDisplay.stem("LIBRARIES/LBS_003_Tools/TOL-011_ArtStation.json") == "TOL-011_ArtStation")
    }

    /// Cells are split at what the header line separates them with: commas, or the semicolons Excel writes
    /// where the decimal mark is a comma, or tabs; a separator inside quotes is text.
    @Test func csvCellsAreSplitAtTheHeadersSeparator() {
        func table(_ text: String) -> CSVTable { CSVReader.parse(SourceFile(path: "t.csv", text: text)) }
        let semi = table("\u{FEFF}TOL_ID;Name;Filename\r\nTOL-001;\"Figma; Sketch\";TOL-001.json\r\n")
        #expect(semi.header == ["TOL_ID", "Name", "Filename"])
        #expect(semi.rows.map(\.cells) == [["TOL-001", "Figma; Sketch", "TOL-001.json"]])
        #expect(semi.column(row: 0, cell: 2) == 25)
        let tabs = table("TOL_ID\tName\nTOL-001\tA, B\n")
        #expect(tabs.rows.map(\.cells) == [["TOL-001", "A, B"]])
        // Commas win a tie, and a header whose semicolons are quoted is comma-separated.
        #expect(table("a,b;c\n1,2;3\n").rows.map(\.cells) == [["1", "2;3"]])
        #expect(table("\"a;b\",c\n1,2\n").header == ["a;b", "c"])
        #expect(table("one\nTOL-001\n").rows.map(\.cells) == [["TOL-001"]])
    }

    /// `taxo new` adds its row to a semicolon-separated master list with semicolons (with commas, Excel
    /// would read the whole row as one cell).
    @Test func aNewRowIsWrittenWithTheMasterListsSeparator() throws {
        let files = MasterListExamples.files(rows: "").map { path, text in
            (path, path.hasSuffix(".csv") ? "TOL_ID;Name;Filename\nTOL-001;Figma;TOL-001_Figma.json\n" : text)
        }
        let root = try TestSupport.writeTemp(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let config = try #require(ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: files[0].1)).0)
        let lib = Compiler.compile(root: root.path, config: config).library
        let plan = try NewEntry.plan(
            kind: "tool", name: "Sketch; Pro", department: nil, parent: nil, dir: nil, library: lib, root: root.path,
            templates: Templates(directory: nil))
        let row = try #require(plan.updates.first { $0.path.hasSuffix(".csv") })
        #expect(row.text.hasSuffix("\nTOL-002;\"Sketch; Pro\";TOL-002_Sketch_Pro.json\n"), "\(row.text)")
    }

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

    /// Positions on lines long enough for column checkpoints (every 512 bytes) count the line's scalars as a
    /// walk from its start does, on long and short lines alike, beside multi-byte characters.
    @Test func columnsOnLongLinesCountScalars() {
        let long = String(repeating: "aé✅ ", count: 400)
        let text = "short\n" + long + "\nx\n" + long
        let f = SourceFile(path: "a.md", text: text)
        let u = Array(text.utf8)
        var lineStart = 0, line = 1
        for off in 0..<u.count {
            if off > 0, u[off - 1] == 10 { lineStart = off; line += 1 }
            let column = 1 + u[lineStart..<off].filter { $0 & 0xC0 != 0x80 }.count
            let got = f.location(off)
            if got.line != line || got.column != column {
                Issue.record("offset \(off): \(got.line):\(got.column), not \(line):\(column)")
                return
            }
        }
    }

    @Test func columnsCountScalars() {
        let f = SourceFile(path: "a.md", text: "é✅ X")
        let off = Array("é✅ ".utf8).count
        #expect(f.location(off).column == 4)
        #expect(f.lines.offset(line: 1, column: 4) == off)
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

    /// Globs match as a plain reference says (segments compared as strings, `*` and `?` by regular
    /// expression), on random patterns and paths: `**` anywhere, empty segments, braces, a path matched
    /// split once for many globs.
    @Test func globsMatchAsAReferenceSays() throws {
        func reference(_ pat: [String], _ segs: [String]) -> Bool {
            guard let first = pat.first else { return segs.isEmpty }
            if first == "**" {
                let rest = Array(pat.dropFirst())
                if rest.isEmpty { return !segs.isEmpty }
                return (0...segs.count).contains { reference(rest, Array(segs.dropFirst($0))) }
            }
            guard let seg = segs.first else { return false }
            let rx =
                "^"
                + first.map { $0 == "*" ? ".*" : $0 == "?" ? "." : NSRegularExpression.escapedPattern(for: String($0)) }
                .joined() + "$"
            guard seg.range(of: rx, options: .regularExpression) != nil else { return false }
            return reference(Array(pat.dropFirst()), Array(segs.dropFirst()))
        }
        var rng = CompiledTemplateTests.Seeded(state: 7)
        let pieces = ["a", "b", "ab", "*", "?", "a*", "*b", "**", "x?y", "{a,b}", ""]
        let names = ["a", "b", "ab", "ba", "xzy", "aab", "", "é"]
        for _ in 0..<3000 {
            let pattern = (0..<Int.random(in: 1...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                .joined(separator: "/")
            let path = (0..<Int.random(in: 0...5, using: &rng)).map { _ in names.randomElement(using: &rng)! }
                .joined(separator: "/")
            let segs = path.split(separator: "/").map(String.init)
            let expected = Glob.expandBraces(pattern).contains {
                reference($0.split(separator: "/").map(String.init), segs)
            }
            let glob = Glob(pattern)
            #expect(glob.matches(path) == expected, "\(pattern) \(path)")
            #expect(glob.matches(segments: GlobPath(path)) == expected, "\(pattern) \(path)")
        }
    }

    /// A set of glob groups (each kind's `files:`) gives, for a path, the groups one of whose globs takes
    /// it, in order: what matching each glob says.
    @Test func globSetsMatchAsTheirGlobs() {
        var rng = CompiledTemplateTests.Seeded(state: 9)
        let pieces = ["a", "b", "*", "?", "**", "{a,b}", "*.json", "x"]
        let names = ["a", "b", "x", "c.json", "a.json", ""]
        func pattern() -> String {
            (0..<Int.random(in: 1...3, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                .joined(separator: "/")
        }
        for _ in 0..<300 {
            let groups = (0..<Int.random(in: 0...5, using: &rng)).map { _ in
                (0..<Int.random(in: 0...2, using: &rng)).map { _ in Glob(pattern()) }
            }
            let set = GlobSet(groups)
            for _ in 0..<10 {
                let path = (0..<Int.random(in: 0...4, using: &rng)).map { _ in names.randomElement(using: &rng)! }
                    .joined(separator: "/")
                let expected = groups.indices.filter { g in groups[g].contains { $0.matches(path) } }
                #expect(set.matching(GlobPath(path)) == expected, "\(groups) \(path)")
            }
        }
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
