import Foundation

/// `workspace/willRenameFiles` and `workspace/didRenameFiles`: when the editor moves or renames files or
/// folders inside the library, the links and master-list paths to them (and the relative links inside them)
/// are rewritten through `FileMove`, open buffers as they stand, before the move; after it, open buffers
/// follow their files.
extension LanguageServer {
    /// The moves of a rename request's `files` (each `oldUri` and `newUri` inside the library).
    func fileMoves(_ params: [String: Any]) -> [FileMove.Move] {
        (params["files"] as? [[String: Any]] ?? []).compactMap { f in
            guard let old = (f["oldUri"] as? String).flatMap(relativePath),
                let new = (f["newUri"] as? String).flatMap(relativePath)
            else { return nil }
            return FileMove.Move(from: old, to: new)
        }
    }

    /// The workspace edit that keeps links working after the moves, or null when there is nothing to edit
    /// (or the moves cannot be planned: a file moved out of the library, two onto one place).
    func willRenameFiles(_ params: [String: Any]) -> Any {
        let moves = fileMoves(params)
        guard !moves.isEmpty, let result, let root,
            case .success(let plan) = FileMove.plan(
                moves, result: result, root: root.path, text: { self.buffers[$0].map { Array($0.utf8) } }),
            plan.edits > 0
        else { return NSNull() }
        var changes: [String: [[String: Any]]] = [:]
        for fix in plan.fixes {
            changes[root.appendingPathComponent(fix.path).absoluteString] = fix.edits.map { e in
                [
                    "range": LanguageServer.lspRange(bytes: fix.original, start: e.start, end: e.end),
                    "newText": e.replacement,
                ]
            }
        }
        return ["changes": changes]
    }

    /// Open buffers of moved files (or of files in moved folders) now stand for their new paths.
    func didRenameFiles(_ params: [String: Any]) {
        let paths = FileMove.MovedPaths(fileMoves(params))
        var moved: [String: String] = [:]
        for (path, text) in buffers { moved[paths.moved(path)] = text }
        buffers = moved
        recompile()
    }
}
