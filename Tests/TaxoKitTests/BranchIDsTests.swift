import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

/// `BranchIDs`: the IDs other git branches declare or announce and the work tree does not, which `taxo new`
/// and the assistant's `next_id` do not hand out.
@Suite struct BranchIDsTests {
    func git(_ args: [String], in root: URL) throws {
        let r = Subprocess.run(
            ["git", "-C", root.path, "-c", "user.email=t@example.invalid", "-c", "user.name=t"] + args)
        #expect(r?.status == 0, "git \(args): \(String(decoding: r?.out ?? [], as: UTF8.self))")
    }

    func write(_ path: String, _ text: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Commits `files` on a new branch made from main, then checks main out again.
    func commit(_ files: [(String, String)], onBranch branch: String, in root: URL) throws {
        try git(["checkout", "-qb", branch, "main"], in: root)
        for (path, text) in files { try write(path, text, in: root) }
        try git(["add", "-A"], in: root)
        try git(["commit", "-qm", branch], in: root)
        try git(["checkout", "-q", "main"], in: root)
    }

    /// The tool TOL-002 (Make) on the branch `feature/make`.
    static let make = ("LIBRARIES/LBS_003_Tools/TOL-002_Make.json", #"{"tool_id": "TOL-002", "name": "Make"}"#)

    @Test func branchesNotMergedTakeTheirIDs() throws {
        let root = try TestSupport.writeTemp([
            ("LIBRARIES/LBS_003_Tools/TOL-001_Zapier.json", #"{"tool_id": "TOL-001", "name": "Zapier"}"#)
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let config = TestSupport.defaultConfig
        #expect(BranchIDs.read(root: root, config: config) == nil)
        try git(["init", "-q", "-b", "main"], in: root)
        #expect(BranchIDs.read(root: root, config: config)?.taken.isEmpty == true)
        try git(["add", "-A"], in: root)
        try git(["commit", "-qm", "base"], in: root)
        // One branch adds a tool; another announces a tool ID in an analysis and changes a file outside the
        // library's roots.
        try commit([BranchIDsTests.make], onBranch: "feature/make", in: root)
        try commit(
            [
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap_Analysis/Video_030_Gap_Analysis.md",
                    "# Video_030 Gap Analysis\n\n## Proposed IDs\n- TOL-005 Pipedream\n\n## Notes\nMentions TOL-001.\n"
                ),
                ("notes/TOL-009_Ideas.json", #"{"tool_id": "TOL-009", "name": "Ideas"}"#),
            ], onBranch: "analysis", in: root)
        try git(["branch", "-q", "make-twin", "feature/make"], in: root)
        let b = try #require(BranchIDs.read(root: root, config: config))
        #expect(b.branchesRead == 2)
        #expect(b.taken.keys.sorted() == ["TOL-2", "TOL-5"])
        #expect(b.taken["TOL-2"]?.branches == ["feature/make", "make-twin"])
        #expect(b.taken["TOL-5"]?.branches == ["analysis"])
        // The library declares TOL-001 itself: the next ID skips the branches' TOL-002 (and TOL-005 later).
        let lib = Compiler.compile(root: root.path, config: config).library
        let plan = try NewEntry.plan(
            kind: "tool", name: "n8n", department: nil, parent: nil, dir: nil, library: lib, root: root.path,
            templates: Templates(directory: root.path + "/templates"), elsewhere: b)
        #expect(plan.id == "TOL-003")
        #expect(plan.skipped.map(\.id.written) == ["TOL-002"])
        // An assistant's next_id skips them too.
        let outcome = AssistantSession(root: root.path, config: config).call(
            "next_id", arguments: ["kind": .string("tool")])
        let next = try #require(try JSONSerialization.jsonObject(with: Data(outcome.text.utf8)) as? [String: Any])
        #expect(next["id"] as? String == "TOL-003")
        // Merged into main, a branch takes nothing from elsewhere.
        try git(["merge", "-q", "--no-edit", "feature/make"], in: root)
        let merged = try #require(BranchIDs.read(root: root, config: config))
        #expect(merged.taken["TOL-2"] == nil)
        #expect(merged.taken["TOL-5"] != nil)
    }
}

extension BranchIDsTests {
    /// The editor's "create this entry" quick fix does not create an ID another branch takes: a client that
    /// shows disabled actions gets it disabled with the branch named; any other gets none. After a save, the
    /// branches are read again: merged, the ID is no longer dangling.
    @Test func theEditorDoesNotCreateAnIDABranchTakes() throws {
        let root = try TestSupport.writeTemp([
            (
                "LIBRARIES/LBS_003_Tools/TOL-001_Zapier.json",
                #"{"tool_id": "TOL-001", "name": "Zapier", "alternatives": ["TOL-002 (Make)", "TOL-003 (Pipedream)"]}"#
            )
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        try git(["init", "-q", "-b", "main"], in: root)
        try git(["add", "-A"], in: root)
        try git(["commit", "-qm", "base"], in: root)
        try commit([BranchIDsTests.make], onBranch: "feature/make", in: root)
        let uri = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/TOL-001_Zapier.json").absoluteString
        func server(disabledSupport: Bool) -> LanguageServer {
            let s = LanguageServer(workingDirectory: root)
            let caps = disabledSupport ? #"{"textDocument":{"codeAction":{"disabledSupport":true}}}"# : "{}"
            _ = s.handle(
                Array(
                    #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(root.absoluteString)","capabilities":\#(caps)}}"#
                        .utf8))
            return s
        }
        func titles(_ s: LanguageServer) throws -> [String: String?] {
            let reply = try #require(
                s.handle(
                    Array(
                        #"{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"\#(uri)"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},"context":{"diagnostics":[]}}}"#
                            .utf8)
                ).first)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(reply)) as? [String: Any])
            let actions = try #require(object["result"] as? [[String: Any]])
            var out: [String: String?] = [:]
            for a in actions {
                guard let t = a["title"] as? String, t.hasPrefix("Create") else { continue }
                out[t] = (a["disabled"] as? [String: Any])?["reason"] as? String
            }
            return out
        }
        let editor = server(disabledSupport: true)
        let shown = try titles(editor)
        #expect(shown.count == 2)
        let make = try #require(shown.first { $0.key.hasPrefix("Create tool TOL-002") })
        #expect(make.key == "Create tool TOL-002 'Make'")
        #expect(
            make.value == "TOL-002 is taken on branch 'feature/make', not merged here: "
                + "merge that branch, or reference another ID")
        let pipedream = try #require(shown.first { $0.key.hasPrefix("Create tool TOL-003") })
        #expect(pipedream.value == .some(nil))
        // A client without disabled actions is offered only what it can apply.
        #expect(try titles(server(disabledSupport: false)).keys.map { $0.hasPrefix("Create tool TOL-003") } == [true])
        // Merged, and a file saved: TOL-002 exists, nothing to create or refuse.
        try git(["merge", "-q", "--no-edit", "feature/make"], in: root)
        _ = editor.handle(
            Array(
                #"{"jsonrpc":"2.0","method":"textDocument/didSave","params":{"textDocument":{"uri":"\#(uri)"}}}"#.utf8))
        #expect(editor.branches == nil)
        #expect(try titles(editor).keys.sorted().map { String($0.prefix(19)) } == ["Create tool TOL-003"])
    }
}
