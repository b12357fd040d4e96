import Foundation

/// `textDocument/prepareRename` and `textDocument/rename` of an ID, through `IDRename`: every spelling of it
/// in every file of the library, open buffers as they stand, rewritten to the new ID (not in file paths and
/// names). The new ID must be of the same kind and free.
extension LanguageServer {
    /// The ID under the cursor when it names an entity that can be renamed, with its range; nil otherwise
    /// (the client then says there is nothing to rename).
    func prepareRename(_ params: [String: Any]) -> Any {
        guard let at = idAt(params), let lib = result?.library, entity(at: at) != nil,
            !lib.config.kinds[at.id.kind].scoped
        else { return NSNull() }
        return [
            "range": LanguageServer.lineRange(at.line, at.range.0, at.range.1),
            "placeholder": at.id.written,
        ]
    }

    /// The workspace edit that renames the ID under the cursor, or why it cannot be.
    func rename(_ params: [String: Any]) -> Result<[String: Any], IDRename.Refusal> {
        guard let at = idAt(params), let lib = result?.library, let root else {
            return .failure(IDRename.Refusal(message: "there is no ID at this position"))
        }
        return renameEdit(old: at.id.written, new: params["newName"] as? String ?? "", library: lib, root: root)
    }

    /// The workspace edit that renames `old` to `new` in every file and open buffer, or why it cannot be.
    func renameEdit(old: String, new: String, library lib: Library, root: URL) -> Result<
        [String: Any], IDRename.Refusal
    > {
        IDRename.check(old: old, new: new, library: lib).map { target in
            let fixes = IDRename.plan(
                entity: target.entity, new: target.new, library: lib, paths: lib.files.map(\.path) + buffers.keys
            ) { path in text(of: path).map { Array($0.utf8) } }
            var changes: [String: [[String: Any]]] = [:]
            for fix in fixes {
                changes[root.appendingPathComponent(fix.path).absoluteString] = fix.edits.map { e in
                    [
                        "range": LanguageServer.lspRange(bytes: fix.original, start: e.start, end: e.end),
                        "newText": e.replacement,
                    ]
                }
            }
            return ["changes": changes]
        }
    }
}
