/// Quick fixes from a finding's suggestions ("did you mean 'TOL-SEC-124'?"): one per suggestion, replacing
/// what the finding read at its place, offered only where the buffer still holds exactly that text.
extension LanguageServer {
    func suggestionActions(path: String, uri: String, lines asked: ClosedRange<Int>, result: CompileResult)
        -> [[String: Any]]
    {
        var out: [[String: Any]] = []
        var rows: [Substring]?
        for d in result.diagnostics where !d.suggestions.isEmpty {
            guard let at = d.location, at.file == path, asked.contains(at.line - 1) else { continue }
            if rows == nil { rows = lines(of: path) }
            guard let rows, at.line - 1 < rows.count else { continue }
            let chars = LanguageServer.scalars(rows[at.line - 1]), start = at.column - 1
            for s in d.suggestions {
                let written = Array(s.written.unicodeScalars)
                guard start >= 0, start + written.count <= chars.count,
                    Array(chars[start..<(start + written.count)]) == written
                else { continue }
                // A record's own ID in no scheme (TAX0102) is given its new ID everywhere it is written.
                let lib = result.library
                if let e = lib.entity(writtenAs: s.written), lib.entities[e].location == at, let root {
                    var action: [String: Any] = [
                        "title": "Rename '\(s.written)' to '\(s.with)' everywhere (\(d.code))", "kind": "quickfix",
                        "isPreferred": d.suggestions.count == 1,
                    ]
                    if resolvesActionEdits, case .success = IDRename.check(old: s.written, new: s.with, library: lib) {
                        // Made when chosen (`codeAction/resolve`): offering it reads no file.
                        action["data"] = ["rename": s.written, "to": s.with]
                        out.append(action)
                        continue
                    }
                    if case .success(let edit) = renameEdit(old: s.written, new: s.with, library: lib, root: root) {
                        action["edit"] = edit
                        out.append(action)
                        continue
                    }
                }
                let a = LanguageServer.utf16Count(chars[..<start])
                let range: [String: Any] = [
                    "start": ["line": at.line - 1, "character": a],
                    "end": ["line": at.line - 1, "character": a + s.written.utf16.count],
                ]
                out.append([
                    "title": "Change '\(s.written)' to '\(s.with)' (\(d.code))", "kind": "quickfix",
                    "isPreferred": d.suggestions.count == 1,
                    "edit": ["changes": [uri: [["range": range, "newText": s.with]]]],
                ])
            }
        }
        return out
    }
}

extension LanguageServer {
    /// The edit of a quick fix offered without one (the rename of an ID everywhere), made on the library as
    /// it is now; refused when the rename no longer can be made (the ID was renamed meanwhile, or the new
    /// one taken).
    func resolveCodeAction(_ action: [String: Any]) -> Result<[String: Any], IDRename.Refusal> {
        guard let data = action["data"] as? [String: Any], let old = data["rename"] as? String,
            let new = data["to"] as? String
        else { return .success(action) }
        guard let lib = result?.library, let root else {
            return .failure(IDRename.Refusal(message: "no library is open"))
        }
        return renameEdit(old: old, new: new, library: lib, root: root).map { edit in
            var resolved = action
            resolved["edit"] = edit
            return resolved
        }
    }
}
