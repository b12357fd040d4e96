import Foundation
import TaxoTestSupport
import Testing

/// Hostile and broken input (issue 14), through the binary: each case ends in a clear diagnostic or exit 2,
/// never a signal, a hang (every run is killed after 30 s) or a silent pass.
@Suite struct HostileInputTests {
    typealias Run = CLI.Run

    /// A library folder with a small configuration (tools in LIBRARIES, documents in TASK_MANAGERS).
    func library(config: String? = nil, _ files: [String: String] = [:], body: (URL) throws -> Void) throws {
        let root = Scratch.folder("taxo-hostile")
        defer { try? FileManager.default.removeItem(at: root) }
        for d in ["LIBRARIES/LBS_003_Tools", "TASK_MANAGERS/RESEARCHES/03_ANALYSIS", "TALENTS"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(d), withIntermediateDirectories: true)
        }
        if let config {
            try config.write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
        }
        for (path, text) in files {
            try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        try body(root)
    }

    func check(_ root: URL, _ args: [String] = []) throws -> Run {
        let r = try CLI.taxo(["check", "--no-color"] + args, cwd: root, timeout: 30)
        #expect(r.code <= 2, "ended by a signal or killed: \(r.code)")
        return r
    }

    static let tools = "LIBRARIES/LBS_003_Tools/"

    @Test func deeplyNestedYAMLIsAnErrorNotAStackOverflow() throws {
        let deep = String(repeating: "[", count: 8000) + String(repeating: "]", count: 8000)
        try library([
            Self.tools + "deep.yaml": "tool_id: TOL-001\nx: \(deep)\n",
            "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/fm.md": "---\nx: \(deep)\n---\n# Doc\n",
        ]) { root in
            let r = try check(root)
            #expect(r.code == 1)
            #expect(r.out.contains("deep.yaml:2:"))
            #expect(r.out.contains("nesting is deeper than 200 levels"))
            #expect(r.out.contains("fm.md:2:"))
            #expect(r.out.contains("[TAX0001]"))
        }
        try library(config: "version: 1\nrules: " + String(repeating: "[", count: 5000) + "\n") { root in
            let r = try check(root)
            #expect(r.code == 2)
            #expect(r.out.contains("[TAX0901]"))
        }
    }

    @Test func aliasAndMergeBombsAreRefused() throws {
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var prev = "a"
        for n in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            bomb += "\(n): &\(n) [" + Array(repeating: "*" + prev, count: 9).joined(separator: ",") + "]\n"
            prev = n
        }
        var merge = "a0: &a0 {x: 1, y: 2}\n"
        for i in 1...20 { merge += "a\(i): &a\(i) {<<: [*a\(i - 1)], k\(i): [*a\(i - 1), *a\(i - 1), *a\(i - 1)]}\n" }
        try library([
            Self.tools + "bomb.yaml": bomb + "tool_id: TOL-001\n",
            Self.tools + "merge.yaml": merge + "tool_id: TOL-002\n",
        ]) { root in
            let r = try check(root)
            #expect(r.out.contains("bomb.yaml:1:1: error: invalid YAML: the document expands to more than"))
            #expect(r.out.contains("merge.yaml:1:1: error: invalid YAML: the document expands to more than"))
        }
    }

    @Test func configurationValuesOutOfRangeOrOfTheWrongType() throws {
        let kind = "kinds:\n  tool:\n    prefix: TOL\n    files: ['LIBRARIES/**/*.json']\n"
        let cases: [(String, String)] = [
            ("version: 1\n" + kind + "    digits: 9223372036854775807\n", "digits must be 1 to 18"),
            ("version: 1\n" + kind + "    digits: 4611686018427387904\n", "digits must be 1 to 18"),
            ("version: 1\n" + kind + "    max_digits: 100000000\n", "max_digits must be 1 to 18"),
            ("version: 1\nrules: \"str\"\n", "rules must be a mapping"),
            ("version: 1\nphases: true\n", "phases must be a list"),
            ("version: 1\ndocuments: 1\n", "documents must be a mapping"),
            ("version: 1\n" + kind + "    links: \"str\"\n", "links of tool must be a mapping"),
            ("version: 1\nroots: [LIBRARIES]\nroots: [TALENTS]\n", "'roots' is given twice"),
            ("version: 1\nexclude: ['" + String(repeating: "{a,b}", count: 22) + "']\n", "more than 256 alternatives"),
            (
                "version: 1\nexclude: ['" + Array(repeating: "**", count: 60).joined(separator: "/") + "']\n",
                "more than 8 '**' segments"
            ),
            ("version: 1\nroots: [\"../outside\"]\n", "root '../outside' is outside the library"),
        ]
        for (yaml, expected) in cases {
            try library(config: yaml) { root in
                let r = try check(root)
                #expect(r.code == 2, "\(expected): \(r.out)")
                #expect(r.out.contains(expected), "\(expected): \(r.out)")
                #expect(try CLI.taxo(["config"], cwd: root).code == 2, "taxo config must agree: \(expected)")
            }
        }
    }

    @Test func aConfigurationThatIsNotARegularFile() throws {
        try library { root in
            let yaml = root.appendingPathComponent("taxonomy.yaml")
            try FileManager.default.createDirectory(at: yaml, withIntermediateDirectories: true)
            #expect(try check(root).out.contains("taxonomy.yaml is not a regular file"))
            try FileManager.default.removeItem(at: yaml)
            #expect(mkfifo(yaml.path, 0o644) == 0)
            let fifo = try check(root)
            #expect(fifo.code == 2)
            #expect(fifo.out.contains("not a regular file"))
            try FileManager.default.removeItem(at: yaml)
            try FileManager.default.createSymbolicLink(atPath: yaml.path, withDestinationPath: "/dev/zero")
            #expect(try check(root).code == 2)
        }
    }

    @Test func oneLineFilesAndHugeIDsStayLinear() throws {
        let records = (0..<20_000).map {
            "{\"tool_id\": \"TOL-\(String(format: "%05d", $0))\", \"name\": \"Tool \($0)\", \"related\": [\"TOL-\(String(format: "%05d", ($0 + 1) % 20_000))\"]}"
        }
        let ids = (0..<40_000).map { "TOL-\(String(format: "%05d", $0 % 20_000))" }.joined(separator: " ")
        let huge = "RSP-" + String(repeating: "9", count: 8000)
        try library([
            Self.tools + "all.json": "[" + records.joined(separator: ",") + "]",
            Self.tools + "TOL-90000_Huge.json":
                "{\"tool_id\": \"TOL-90000\", \"name\": \"Huge\", \"related\": [\"\(huge)\"]}",
            "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/ids.md": "# IDs\n\n\(ids)\n",
        ]) { root in
            let r = try check(root, ["--no-cache"])
            #expect(r.code == 0, "\(r.out.prefix(500))")
            #expect(r.err.contains("20,001 entities") || r.err.contains("20001 entities"))
            _ = try CLI.taxo(["build", "--quiet"], cwd: root, timeout: 60)
            let many = try CLI.taxo(["search"] + Array(repeating: "tool", count: 2000), cwd: root, timeout: 30)
            #expect(many.code == 2)
            #expect(many.err.contains("at most 64"))
        }
    }

    @Test func linksOutOfTheLibraryAreNeverRead() throws {
        try library([Self.tools + "TOL-001_A.json": "{\"tool_id\": \"TOL-001\", \"name\": \"A\"}"]) { root in
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/passwd.md").path,
                withDestinationPath: "/etc/passwd")
            let r = try check(root)
            #expect(r.out.contains("passwd.md:1:1: note: skipped: it is a link to '/etc/passwd', outside the library"))
            let build = try CLI.taxo(["build", "--quiet"], cwd: root)
            #expect(build.code == 0)
            let search = try CLI.taxo(["search", "root"], cwd: root)
            #expect(!search.out.contains("passwd"))
            #expect(try CLI.taxo(["build", "--out", "LIBRARIES"], cwd: root).code == 2)
        }
    }

    @Test func malformedMasterListsAreDiagnosed() throws {
        let config = """
            version: 1
            roots: [LIBRARIES]
            kinds:
              tool:
                prefix: TOL
                files: ["LIBRARIES/**/*.json"]
                id_fields: [tool_id]
            master_lists:
              - files: ["LIBRARIES/**/*.csv"]
                kind: tool
                id_column: TOL_ID
                path_column: Filename
            """
        try library(
            config: config,
            [
                Self.tools + "quote.csv": "TOL_ID,Filename\nTOL-001,\"TOL-001_A.json\nTOL-002,x.json\n",
                Self.tools + "semi.csv": "TOL_ID;Filename\nTOL-001;TOL-001_A.json\nTOL-002;missing.json\n",
                Self.tools + "multi.csv": "TOL_ID,Note,Filename\nTOL-003,\"Two\nlines\",gone.json\n",
                Self.tools + "cr.csv": "TOL_ID,Filename\rTOL-001,TOL-001_A.json\rTOL-009,missing.json\r",
                Self.tools + "TOL-001_A.json": "{\"tool_id\": \"TOL-001\", \"name\": \"A\"}",
            ]
        ) { root in
            let r = try check(root)
            #expect(r.out.contains("quote.csv:2:9: error: invalid CSV: a quoted cell is never closed"))
            // Cells separated by semicolons (as Excel writes them in many locales) are read.
            #expect(!r.out.contains("semi.csv:1:1"))
            #expect(r.out.contains("semi.csv:3:9: warning: TOL-002: master list names 'missing.json'"), "\(r.out)")
            // A cell after a quoted cell holding a line break is found on its own line.
            #expect(r.out.contains("multi.csv:3:8: warning: TOL-003: master list names 'gone.json'"), "\(r.out)")
            // CR-only line ends: the missing file is on line 3.
            #expect(r.out.contains("cr.csv:3:"))
        }
    }

    @Test func encodingsLineEndsDuplicateKeysAndOutputSafety() throws {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in "{\"tool_id\": \"TOL-001\", \"name\": \"Wide\", \"related\": [\"TOL-404\"]}".utf16 {
            utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)]
        }
        try library([
            Self.tools + "TOL-002_Dup.json": "{\"tool_id\": \"TOL-002\",\n \"name\": \"A\",\n \"name\": \"B\"}",
            "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/mac.md": "# Mac\r\rTOL-405 on line 3.\r",
            Self.tools + "evil\u{1B}[31m\nforged.md:1:1: error: forged.json":
                "{\"tool_id\": \"TOL-003\", \"name\": \"E\", \"x\": \"TOL-406\"}",
        ]) { root in
            try Data(utf16).write(to: root.appendingPathComponent(Self.tools + "TOL-001_Wide.json"))
            let r = try check(root)
            #expect(r.out.contains("TOL-001_Wide.json:1:"))
            #expect(r.out.contains("'TOL-404'"))
            #expect(!r.out.contains("binary"))
            #expect(
                r.out.contains("TOL-002_Dup.json:3:2: warning: member \"name\" is given twice in this object [TAX0506]")
            )
            #expect(r.out.contains("mac.md:3:1: error: 'TOL-405'"))
            #expect(!r.out.contains("\u{1B}"))
            #expect(r.out.contains("evil\\x1B[31m\\x0Aforged.md"))
            #expect(!r.out.split(separator: "\n").contains { $0.hasPrefix("forged.md:1:1: error: forged") })
            let gh = try check(root, ["--format", "github"])
            #expect(!gh.out.contains("\u{1B}"))
        }
    }

    /// A report that cannot be written (its path is a folder) is an error that names the file and the reason,
    /// and leaves no temporary file behind.
    @Test func anUnwritableReportIsAnErrorWithItsReason() throws {
        try library([Self.tools + "TOL-001_A.json": "{\"tool_id\": \"TOL-001\", \"name\": \"A\"}"]) { root in
            let out = root.appendingPathComponent("output")
            try FileManager.default.createDirectory(
                at: out.appendingPathComponent("HEALTH.md/x"), withIntermediateDirectories: true)
            let r = try CLI.taxo(["build", "--quiet"], cwd: root)
            #expect(r.code == 2)
            #expect(r.err.contains("cannot write "), "\(r.err)")
            #expect(r.err.contains("/output/HEALTH.md: Is a directory"), "\(r.err)")
            let left = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains("taxo-tmp-") }
            #expect(left.isEmpty)
        }
    }

    @Test func aKilledBuildLeavesNoTemporariesBehind() throws {
        try library([Self.tools + "TOL-001_A.json": "{\"tool_id\": \"TOL-001\", \"name\": \"A\"}"]) { root in
            let out = root.appendingPathComponent("output/gaps")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try "x".write(to: out.appendingPathComponent(".dat.nosync1234.abcd"), atomically: false, encoding: .utf8)
            let half = ".Video_001_Gap_Analysis.md.taxo-tmp-999-1"
            try "x".write(to: out.appendingPathComponent(half), atomically: false, encoding: .utf8)
            try "x".write(
                to: root.appendingPathComponent("output/index.sqlite.tmp-999"), atomically: false, encoding: .utf8)
            #expect(try CLI.taxo(["build", "--quiet"], cwd: root).code == 0)
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".dat.nosync1234.abcd").path))
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(half).path))
            #expect(
                !FileManager.default.fileExists(atPath: root.appendingPathComponent("output/index.sqlite.tmp-999").path)
            )
        }
    }
}
