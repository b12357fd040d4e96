import Foundation
import Testing

@testable import TaxoKit

/// Moving files and folders (`taxo move`, the editor's file renames): after the edits and the move, every
/// link and master-list path that found its file before finds it at its new place, every broken link names
/// the same missing path, and what else changes is said.
@Suite struct FileMoveTests {
    static let config = """
        version: 1
        roots: [LIBRARIES, TASK_MANAGERS]
        link_root_aliases: ["@/"]
        kinds:
          tool:
            prefix: TOL
            files: ["LIBRARIES/Tools/**/*.json"]
            id_fields: [tool_id]
        documents:
          analysis:
            files: ["TASK_MANAGERS/ANALYSIS/**/*.md"]
        master_lists:
          - files: ["LIBRARIES/**/*.csv"]
            kind: tool
            id_column: TOL_ID
            path_column: Path
        """
    static let notes = "TASK_MANAGERS/ANALYSIS/Notes.md"
    static let tool = "LIBRARIES/Tools/TOL-001_Auth.json"

    static func library() throws -> URL {
        try TestSupport.writeTemp(
            [
                ("taxonomy.yaml", config),
                (
                    notes,
                    """
                    # Notes\r
                    \r
                    Uses [Auth](../../LIBRARIES/Tools/TOL-001_Auth.json#L2), [root](/LIBRARIES/Tools/TOL-001_Auth.json),\r
                    [alias](@/LIBRARIES/Tools/TOL-001_Auth.json), [angle](<../../LIBRARIES/Tools/TOL-001_Auth.json>), [tools](../../LIBRARIES/Tools/), [with slashes](..\\..\\LIBRARIES\\Tools\\TOL-001_Auth.json),\r
                    [other](./Other%20Notes.md#top), [gone](Missing.md), [here](#notes), [web](https://example.com/x.md).\r

                    """
                ),
                (
                    "TASK_MANAGERS/ANALYSIS/Other Notes.md",
                    "# Other\n\nBack to [notes](Notes.md), [again](./x/../Notes.md).\n"
                ),
                (tool, "{\"tool_id\": \"TOL-001\",\n \"name\": \"Auth\"}\n"),
                ("LIBRARIES/Tools/Tools.csv", "TOL_ID,Path\nTOL-001,\"LIBRARIES/Tools/TOL-001_Auth.json\"\n"),
                ("LIBRARIES/Tools/Bare.csv", "TOL_ID,Path\nTOL-001,TOL-001_Auth.json\n"),
            ], prefix: "taxo-move")
    }

    static func compile(_ root: URL) throws -> CompileResult {
        let config = try #require(ConfigLoader.load(root: root).0)
        return Compiler.compile(root: root.path, config: config)
    }

    /// Every Markdown link of the library as `file -> target (exists?)`, each file and target at its place
    /// after `moves` (so a library before and after a move can be compared).
    static func links(_ r: CompileResult, mapping moves: [FileMove.Move] = []) -> [String] {
        let paths = FileMove.MovedPaths(moves)
        let lib = r.library
        return lib.files.flatMap { f in
            let dir = f.path.split(separator: "/").dropLast().joined(separator: "/")
            return (f.markdown?.links ?? []).map { link in
                switch LinkTarget.resolve(link.destination, from: dir, aliases: lib.config.linkRootAliases) {
                case .path(let target, let anchor):
                    let state = lib.inventory.kind(of: target) == nil ? "missing" : "found"
                    return "\(paths.moved(f.path)) -> \(paths.moved(target))#\(anchor) \(state)"
                default: return "\(paths.moved(f.path)) -> \(link.destination)"
                }
            }
        }.sorted()
    }

    /// Plans the moves, applies them as `taxo move --write` does, and returns the plan.
    static func move(_ moves: [FileMove.Move], in root: URL) throws -> FileMove.Plan {
        let plan = try FileMove.plan(moves, result: compile(root), root: root.path).get()
        for f in plan.fixes { try Data(f.fixed).write(to: root.appendingPathComponent(f.path)) }
        for m in moves {
            let dst = root.appendingPathComponent(m.to)
            try FileManager.default.createDirectory(
                at: dst.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: root.appendingPathComponent(m.from), to: dst)
        }
        return plan
    }

    static func text(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func linksToAMovedFileFollowItInTheirOwnStyle() throws {
        let root = try Self.library()
        defer { try? FileManager.default.removeItem(at: root) }
        let moves = [FileMove.Move(from: Self.tool, to: "LIBRARIES/Tools/Security/TOL-001_Auth.json")]
        let before = Self.links(try Self.compile(root), mapping: moves)
        let plan = try Self.move(moves, in: root)
        #expect(plan.notes.isEmpty, "\(plan.notes)")
        let after = try Self.compile(root)
        #expect(Self.links(after) == before)
        let notes = try Self.text(root, Self.notes)
        #expect(notes.contains("[Auth](../../LIBRARIES/Tools/Security/TOL-001_Auth.json#L2)"))
        #expect(notes.contains("[root](/LIBRARIES/Tools/Security/TOL-001_Auth.json)"))
        #expect(notes.contains("[alias](@/LIBRARIES/Tools/Security/TOL-001_Auth.json)"))
        #expect(notes.contains("[angle](<../../LIBRARIES/Tools/Security/TOL-001_Auth.json>)"))
        #expect(notes.contains("[with slashes](../../LIBRARIES/Tools/Security/TOL-001_Auth.json)"))
        // The folder link did not move; line ends stay CRLF.
        #expect(notes.contains("[tools](../../LIBRARIES/Tools/)"))
        #expect(notes.components(separatedBy: "\r\n").count == 6)
        // The master list's path from the root is rewritten in its quotes; the bare name is still found below the list's
        // folder, as it was.
        #expect(
            try Self.text(root, "LIBRARIES/Tools/Tools.csv").contains(
                "TOL-001,\"LIBRARIES/Tools/Security/TOL-001_Auth.json\"\n"))
        #expect(try Self.text(root, "LIBRARIES/Tools/Bare.csv").hasSuffix("TOL-001,TOL-001_Auth.json\n"))
        #expect(after.library.masterRows.count == 2)
        #expect(after.library.masterRows.allSatisfy { $0.file == "LIBRARIES/Tools/Security/TOL-001_Auth.json" })
        #expect(!after.diagnostics.contains { $0.code.hasPrefix("TAX060") })
    }

    @Test func aMovedDocumentKeepsWhatItsLinksMeant() throws {
        let root = try Self.library()
        defer { try? FileManager.default.removeItem(at: root) }
        let moves = [FileMove.Move(from: Self.notes, to: "TASK_MANAGERS/ANALYSIS/2026/December/Notes.md")]
        let r = try Self.compile(root)
        let before = Self.links(r, mapping: moves)
        // The link written with backslashes (broken) is written with `/` now.
        let broken = r.diagnostics.filter { $0.code == BrokenLink.info.code && !$0.message.contains("backslashes") }
            .map(\.subject)
        _ = try Self.move(moves, in: root)
        let after = try Self.compile(root)
        #expect(Self.links(after) == before)
        // The broken link names the same missing file; nothing else became a finding.
        #expect(after.diagnostics.filter { $0.code == BrokenLink.info.code }.map(\.subject) == broken)
        #expect(after.diagnostics.count == r.diagnostics.count - 1, "\(after.diagnostics)")
        let notes = try Self.text(root, "TASK_MANAGERS/ANALYSIS/2026/December/Notes.md")
        #expect(notes.contains("[other](../../Other%20Notes.md#top)"))
        #expect(notes.contains("[gone](../../Missing.md)"))
        #expect(notes.contains("[here](#notes)") && notes.contains("(https://example.com/x.md)"))
        #expect(notes.contains("[root](/LIBRARIES/Tools/TOL-001_Auth.json)"))
        #expect(
            try Self.text(root, "TASK_MANAGERS/ANALYSIS/Other Notes.md").contains(
                "[notes](2026/December/Notes.md), [again](./2026/December/Notes.md)"))
    }

    @Test func aMovedFolderTakesItsLinksAlongAndSaysWhatItsFilesBecome() throws {
        let root = try Self.library()
        defer { try? FileManager.default.removeItem(at: root) }
        let moves = [FileMove.Move(from: "TASK_MANAGERS/ANALYSIS", to: "TASK_MANAGERS/Archive/Analysis")]
        let before = Self.links(try Self.compile(root), mapping: moves)
        let plan = try Self.move(moves, in: root)
        #expect(Self.links(try Self.compile(root)) == before)
        #expect(plan.notes.count == 1)
        let note = try #require(plan.notes.first?.message)
        #expect(
            note.hasPrefix(
                "\(Self.notes) and 1 more files: an analysis document now, a document of no type at the new place"),
            "\(note)")
        // Links between files that moved together are already right, and stay as written.
        #expect(
            try Self.text(root, "TASK_MANAGERS/Archive/Analysis/Other Notes.md")
                == "# Other\n\nBack to [notes](Notes.md), [again](./x/../Notes.md).\n")
    }

    @Test func aMovedListWritesTheWholePathOfABareNameItWouldNoLongerFind() throws {
        let root = try Self.library()
        defer { try? FileManager.default.removeItem(at: root) }
        let moves = [FileMove.Move(from: "LIBRARIES/Tools/Bare.csv", to: "LIBRARIES/Lists/Bare.csv")]
        let plan = try Self.move(moves, in: root)
        #expect(plan.edits == 1)
        #expect(try Self.text(root, "LIBRARIES/Lists/Bare.csv") == "TOL_ID,Path\nTOL-001,\(Self.tool)\n")
        #expect(try Self.compile(root).library.masterRows.allSatisfy { $0.file == Self.tool })
    }

    @Test func movesThatCannotBeMadeAreRefused() throws {
        let root = try Self.library()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try Self.compile(root)
        func refusal(_ moves: [FileMove.Move]) -> String? {
            if case .failure(let f) = FileMove.plan(moves, result: r, root: root.path) { return f.message }
            return nil
        }
        let other = "TASK_MANAGERS/ANALYSIS/Other Notes.md"
        #expect(refusal([.init(from: Self.notes, to: other)]) == "\(other) exists")
        #expect(
            refusal([.init(from: "TASK_MANAGERS/X.md", to: "TASK_MANAGERS/Y.md")])
                == "TASK_MANAGERS/X.md does not exist")
        #expect(
            refusal([.init(from: "TASK_MANAGERS", to: "TASK_MANAGERS/Inner")])
                == "TASK_MANAGERS cannot move into itself")
        #expect(
            refusal([.init(from: Self.notes, to: Self.tool + "/Notes.md")]) == "\(Self.tool) is a file, not a folder")
        #expect(
            refusal([.init(from: Self.notes, to: "A/Notes.md"), .init(from: other, to: "A/Notes.md")])
                == "two files would move to A/Notes.md")
        // As mv reads its arguments: into an existing folder, or a new name for one source only.
        let exists = r.library.inventory.kind(of:)
        #expect(
            try FileMove.moves(sources: [Self.notes, other], destination: "LIBRARIES/Tools", exists: exists).get()
                == [
                    .init(from: Self.notes, to: "LIBRARIES/Tools/Notes.md"),
                    .init(from: other, to: "LIBRARIES/Tools/Other Notes.md"),
                ])
        #expect(
            try FileMove.moves(sources: [Self.notes], destination: "New/", exists: exists).get()
                == [.init(from: Self.notes, to: "New/Notes.md")])
        #expect(
            try FileMove.moves(sources: [Self.notes], destination: "New/Renamed.md", exists: exists).get()
                == [.init(from: Self.notes, to: "New/Renamed.md")])
        if case .success = FileMove.moves(sources: [Self.notes, other], destination: "New.md", exists: exists) {
            Issue.record("several sources need a folder")
        }
    }
}
