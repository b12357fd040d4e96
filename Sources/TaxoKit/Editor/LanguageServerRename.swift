import Foundation

/// `textDocument/prepareRename` and `textDocument/rename` of an ID: every spelling of it in every file of
/// the library (declaration, links, mentions, master lists, prose), open buffers as they stand, rewritten
/// to the new ID; not in file paths and names. The new ID must be of the same kind and free. A file whose
/// name carries the old ID keeps its name: `taxo check` then reports it (TAX0105), and its quick fix
/// renames the file with every link to it.
extension LanguageServer {
    /// The ID under the cursor when it names an entity that can be renamed, with its range; nil otherwise
    /// (the client then says there is nothing to rename).
    func prepareRename(_ params: [String: Any]) -> Any {
        guard let at = idAt(params), let lib = result?.library, lib.lookup(at.id) != nil,
            !lib.config.kinds[at.id.kind].scoped
        else { return NSNull() }
        return [
            "range": [
                "start": ["line": at.line, "character": at.range.0], "end": ["line": at.line, "character": at.range.1],
            ],
            "placeholder": at.id.written,
        ]
    }

    /// The workspace edit that renames the ID under the cursor, or an error saying why it cannot be.
    func rename(_ params: [String: Any]) -> Result<[String: Any], RenameRefusal> {
        guard let at = idAt(params), let lib = result?.library, let root else {
            return .failure(RenameRefusal("there is no ID at this position"))
        }
        guard let e = lib.lookup(at.id) else {
            return .failure(RenameRefusal("\(at.id.written) names no entity of the library"))
        }
        let kind = lib.config.kinds[at.id.kind]
        if kind.scoped {
            return .failure(RenameRefusal("\(kind.name) IDs are scoped to their video: rename them in its documents"))
        }
        let wanted = (params["newName"] as? String ?? "").trimmingCharacters(in: .whitespaces)
        guard case .valid(let new) = lib.grammar.check(wanted) else {
            return .failure(RenameRefusal("'\(wanted)' is not a valid ID"))
        }
        guard new.kind == at.id.kind else {
            return .failure(
                RenameRefusal("'\(wanted)' is a \(lib.config.kinds[new.kind].name) ID, not a \(kind.name) ID"))
        }
        let oldKey = lib.entities[e].id?.key ?? at.id.key
        if new.key != oldKey, lib.resolves(new.key) {
            return .failure(RenameRefusal("\(wanted) is already taken"))
        }
        var changes: [String: [[String: Any]]] = [:]
        for path in Set(lib.files.map(\.path)).union(buffers.keys).sorted() {
            guard let text = text(of: path), text.contains("-") else { continue }
            var edits: [[String: Any]] = []
            for (n, line) in LanguageServer.lines(text).enumerated() {
                for (a, z) in LanguageServer.idTokens(in: line, key: oldKey, grammar: lib.grammar) {
                    edits.append([
                        "range": ["start": ["line": n, "character": a], "end": ["line": n, "character": z]],
                        "newText": new.written,
                    ])
                }
            }
            if !edits.isEmpty { changes[root.appendingPathComponent(path).absoluteString] = edits }
        }
        return .success(["changes": changes])
    }

    /// The UTF-16 ranges of the ID tokens of a line whose key is `key` (any accepted spelling), but those in
    /// a file path or name (`../Tools/TOL-SEC-124.json`, `TOL-SEC-124/notes.md`): the file keeps its name, so
    /// a link to it must too.
    static func idTokens(in line: Substring, key: String, grammar: IDGrammar) -> [(Int, Int)] {
        let bytes = Array(line.utf8)
        var out: [(Int, Int)] = []
        bytes.withUnsafeBufferPointer { b in
            grammar.scan(b) { tok, a, z in
                guard case .id(let p) = tok, p.key == key, !inPath(bytes, a, z) else { return }
                let ua = String(decoding: bytes[..<a], as: UTF8.self).utf16.count
                let uz = ua + String(decoding: bytes[a..<z], as: UTF8.self).utf16.count
                out.append((ua, uz))
            }
        }
        return out
    }
}

extension LanguageServer {
    /// Whether the token at `a..<z` is part of a path or file name: the run of characters around it (up to a
    /// space, quote, bracket, pipe or comma) holds a `/` or ends in a library file's extension.
    static func inPath(_ bytes: [UInt8], _ a: Int, _ z: Int) -> Bool {
        let stops = Set(" \t\"'`()[]<>|,".utf8)
        var s = a, e = z
        while s > 0, !stops.contains(bytes[s - 1]) { s -= 1 }
        while e < bytes.count, !stops.contains(bytes[e]) { e += 1 }
        let word = String(decoding: bytes[s..<e], as: UTF8.self).lowercased()
        if word.contains("/") { return true }
        let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: ".:;!?"))
        return [".json", ".md", ".yaml", ".yml", ".csv"].contains { trimmed.hasSuffix($0) }
    }
}

/// Why a rename is refused (sent to the client as the request's error).
struct RenameRefusal: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
