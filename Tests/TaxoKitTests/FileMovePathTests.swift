import Foundation
import Testing

@testable import TaxoKit

/// Paths that are not Markdown links: a record's links by file path (`by: path`) and a document's code spans
/// naming a library file from the root. A path that starts with one of the library's roots is read from the
/// root, and a move rewrites all of them in their own style.
@Suite struct FileMovePathTests {
    static let config = """
        version: 1
        roots: [LIBRARIES, TASK_MANAGERS]
        link_root_aliases: ["@/"]
        kinds:
          tool:
            prefix: TOL
            files: ["LIBRARIES/Tools/**/*.json", "LIBRARIES/Catalog/**/*.json"]
            id_fields: [tool_id]
          step:
            prefix: STP
            files: ["TASK_MANAGERS/Steps/**/*.json"]
            id_fields: [step_id]
            links:
              tool_file: { target: tool, by: path }
        documents:
          analysis:
            files: ["TASK_MANAGERS/ANALYSIS/**/*.md"]
        """
    static let tool = "LIBRARIES/Tools/TOL-001_Auth.json"
    static let notes = "TASK_MANAGERS/ANALYSIS/Notes.md"
    /// How each step writes the tool's path: from a root's name, from `/`, through the alias, from its folder.
    static let written = [
        "STP-001": "LIBRARIES/Tools/TOL-001_Auth.json", "STP-002": "/LIBRARIES/Tools/TOL-001_Auth.json",
        "STP-003": "@/LIBRARIES/Tools/TOL-001_Auth.json", "STP-004": "../../LIBRARIES/Tools/TOL-001_Auth.json",
    ]

    static func library() throws -> URL {
        var files: [(String, String)] = [
            ("taxonomy.yaml", config),
            (tool, "{\"tool_id\": \"TOL-001\", \"name\": \"Auth\"}\n"),
            (
                notes,
                """
                # Notes

                Target `LIBRARIES/Tools/TOL-001_Auth.json`, folder `/LIBRARIES/Tools/`, planned `` LIBRARIES/Tools/New.json ``.
                Left: `cat LIBRARIES/Tools/TOL-001_Auth.json`, `Tools/TOL-001_Auth.json`, \\`LIBRARIES/Tools/A.json\\`.

                ```
                `LIBRARIES/Tools/TOL-001_Auth.json`
                ```

                """
            ),
        ]
        for (id, path) in written.sorted(by: { $0.key < $1.key }) {
            files.append(
                (
                    "TASK_MANAGERS/Steps/\(id).json",
                    "{\"step_id\": \"\(id)\", \"name\": \"Step\", \"tool_file\": \"\(path)\"}\n"
                )
            )
        }
        return try TestSupport.writeTemp(files, prefix: "taxo-move-paths")
    }

    static func text(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Each step's link target (the ID of the entity it resolves to, or nil).
    static func targets(_ r: CompileResult) -> [String: String?] {
        let lib = r.library
        var out: [String: String?] = [:]
        for (i, e) in lib.entities.enumerated() where lib.kindName(e) == "step" {
            out[lib.displayID(e)] = lib.targets[i].first.flatMap { $0.map { lib.displayID(lib.entities[$0]) } }
        }
        return out
    }

    @Test func aPathStartingWithARootIsReadFromTheRoot() throws {
        let root = try Self.library()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try FileMoveTests.compile(root)
        #expect(
            Self.targets(r) == ["STP-001": "TOL-001", "STP-002": "TOL-001", "STP-003": "TOL-001", "STP-004": "TOL-001"])
        #expect(!r.diagnostics.contains { $0.code == DanglingReference.info.code }, "\(r.diagnostics)")
    }

    @Test func recordPathsAndCodeSpansFollowAMovedFolder() throws {
        let root = try Self.library()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try FileMoveTests.compile(root)
        let plan = try FileMoveTests.move([.init(from: "LIBRARIES/Tools", to: "LIBRARIES/Catalog/Tools")], in: root)
        #expect(plan.notes.isEmpty, "\(plan.notes)")
        #expect(plan.edits == 7)
        let after = try FileMoveTests.compile(root)
        #expect(Self.targets(after) == Self.targets(before))
        #expect(after.diagnostics.count == before.diagnostics.count, "\(after.diagnostics)")
        let moved = "LIBRARIES/Catalog/Tools/TOL-001_Auth.json"
        for (id, expected) in [
            ("STP-001", moved), ("STP-002", "/" + moved), ("STP-003", "@/" + moved), ("STP-004", "../../" + moved),
        ] {
            #expect(try Self.text(root, "TASK_MANAGERS/Steps/\(id).json").contains("\"tool_file\": \"\(expected)\""))
        }
        let notes = try Self.text(root, Self.notes)
        #expect(
            notes.contains(
                "Target `\(moved)`, folder `/LIBRARIES/Catalog/Tools/`, planned `` LIBRARIES/Catalog/Tools/New.json ``."
            ))
        // A span holding more than a path, a path not from the root, escaped backticks and code blocks: as written.
        #expect(
            notes.contains(
                "Left: `cat LIBRARIES/Tools/TOL-001_Auth.json`, `Tools/TOL-001_Auth.json`, \\`LIBRARIES/Tools/A.json\\`."
            ))
        #expect(notes.contains("```\n`LIBRARIES/Tools/TOL-001_Auth.json`\n```"))
    }

    @Test func aMovedRecordRewritesOnlyThePathsWrittenFromItsFolder() throws {
        let root = try Self.library()
        defer { try? FileManager.default.removeItem(at: root) }
        let moves = ["STP-001", "STP-004"].map {
            FileMove.Move(from: "TASK_MANAGERS/Steps/\($0).json", to: "TASK_MANAGERS/Steps/Done/\($0).json")
        }
        let plan = try FileMoveTests.move(moves, in: root)
        #expect(plan.edits == 1)
        #expect(
            try Self.text(root, "TASK_MANAGERS/Steps/Done/STP-004.json").contains(
                "\"tool_file\": \"../../../LIBRARIES/Tools/TOL-001_Auth.json\""))
        #expect(
            try Self.text(root, "TASK_MANAGERS/Steps/Done/STP-001.json").contains(
                "\"tool_file\": \"LIBRARIES/Tools/TOL-001_Auth.json\""))
        #expect(Self.targets(try FileMoveTests.compile(root)).values.allSatisfy { $0 == "TOL-001" })
    }

    @Test func codeSpansAreReadAsCommonMarkReadsThem() {
        func spans(_ line: String) -> [String] {
            let b = Array(line.utf8)
            return CodeSpans.spans(in: b, line: 0..<b.count).map { String(decoding: b[$0], as: UTF8.self) }
        }
        #expect(spans("a `b` c ``d ` e`` f") == ["b", "d ` e"])
        #expect(spans("`` x `` and ` ` and `  y  `") == ["x", " ", " y "])
        #expect(spans("\\`not\\` and `open") == [])
        #expect(spans("```three``` `one``") == ["three"])
    }
}
