import Foundation
import Testing

@testable import TaxoKit

/// Files moved in the editor (`workspace/willRenameFiles`, `workspace/didRenameFiles`), on the example library.
extension LanguageServerTests {
    static let inspector = "LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json"
    static let moveNotes = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md"
    static let phase3 = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_024_Phase3_Analysis.md"

    func renameFiles(_ s: LanguageServer, _ method: String, _ root: URL, from: String, to: String) throws -> Any? {
        let old = root.appendingPathComponent(from).absoluteString, new = root.appendingPathComponent(to).absoluteString
        let params = #"{"files":[{"oldUri":"\#(old)","newUri":"\#(new)"}]}"#
        if method == "workspace/didRenameFiles" {
            _ = s.handle(body(#"{"jsonrpc":"2.0","method":"\#(method)","params":\#(params)}"#))
            return nil
        }
        return try call(s, method, params: params)
    }

    @Test func movingAFileInTheEditorRewritesTheLinksToIt() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = "# Notes\n\nThe [inspector](../../../\(Self.inspector)#L3) and [gone](Gone.md).\n"
        try text.write(to: root.appendingPathComponent(Self.moveNotes), atomically: true, encoding: .utf8)
        _ = open(
            s, root.appendingPathComponent(Self.moveNotes).absoluteString, language: "markdown",
            escapedText: text.replacingOccurrences(of: "\n", with: "\\n"))
        let moved = "LIBRARIES/LBS_003_Tools/QA/Inspectors/MCP_Inspector.json"
        let edit = try #require(
            try renameFiles(s, "workspace/willRenameFiles", root, from: Self.inspector, to: moved) as? [String: Any])
        // The note's link, and the phase 3 analysis's code span naming the file from the root.
        #expect(try apply(edit, under: root) == 2)
        #expect(
            try String(contentsOf: root.appendingPathComponent(Self.phase3), encoding: .utf8).contains(
                "- **File Target**: `\(moved)`."))
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(moved).deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            at: root.appendingPathComponent(Self.inspector), to: root.appendingPathComponent(moved))
        #expect(
            try String(contentsOf: root.appendingPathComponent(Self.moveNotes), encoding: .utf8)
                == "# Notes\n\nThe [inspector](../../../\(moved)#L3) and [gone](Gone.md).\n")
        // The editor applies the edit to the open buffer too.
        let changed = "# Notes\\n\\nThe [inspector](../../../\(moved)#L3) and [gone](Gone.md).\\n"
        let uri = root.appendingPathComponent(Self.moveNotes).absoluteString
        _ = s.handle(
            body(
                #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":2},"contentChanges":[{"text":"\#(changed)"}]}}"#
            ))
        // A rename that changes no link: nothing to edit.
        #expect(
            try renameFiles(s, "workspace/willRenameFiles", root, from: "TALENTS", to: "People") is NSNull)

        // The open note itself moves: its links follow, and its buffer stands for the new path.
        let newNotes = "TASK_MANAGERS/RESEARCHES/Notes.md"
        let edit2 = try #require(
            try renameFiles(s, "workspace/willRenameFiles", root, from: Self.moveNotes, to: newNotes)
                as? [String: Any])
        #expect(try apply(edit2, under: root) == 2)
        try FileManager.default.moveItem(
            at: root.appendingPathComponent(Self.moveNotes), to: root.appendingPathComponent(newNotes))
        #expect(
            try String(contentsOf: root.appendingPathComponent(newNotes), encoding: .utf8)
                == "# Notes\n\nThe [inspector](../../\(moved)#L3) and [gone](03_ANALYSIS/Gone.md).\n")
        _ = try renameFiles(s, "workspace/didRenameFiles", root, from: Self.moveNotes, to: newNotes)
        #expect(s.buffers[newNotes] != nil && s.buffers[Self.moveNotes] == nil)
    }
}
