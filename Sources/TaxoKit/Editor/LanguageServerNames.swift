import Foundation

/// Completion by name in a JSON or YAML value: `"ScaleKit Da` offers ScaleKit Dashboard and writes its ID,
/// `TOL-SEC-124`, in place of what was typed (people know names, files want IDs).
extension LanguageServer {
    /// At most this many names are offered.
    static let maxNameCompletions = 100

    func nameCompletion(before: String, line: Int, character: Int, path: String, lib: Library) -> [String: Any] {
        let none: [String: Any] = ["isIncomplete": false, "items": []]
        guard [".json", ".yaml", ".yml"].contains(where: { path.lowercased().hasSuffix($0) }) else { return none }
        // What was typed of the value: after its opening quote, `[`, `,` or `:` (and a YAML list's `- `).
        let stops: Set<Character> = ["\"", "'", "[", ",", ":", "{"]
        var fragment = Substring(String(before.reversed().prefix { !stops.contains($0) }.reversed())).drop { $0 == " " }
        if fragment.hasPrefix("- ") { fragment = fragment.dropFirst(2).drop { $0 == " " } }
        let query = fragment.lowercased()
        guard query.count >= 3, query.contains(where: \.isLetter) else { return none }
        var ranked: [(rank: Int, name: String, entity: Int)] = []
        for (i, e) in lib.entities.enumerated() where e.id != nil {
            guard let name = e.name, !name.isEmpty else { continue }
            let lower = name.lowercased()
            if lower.hasPrefix(query) {
                ranked.append((0, name, i))
            } else if lower.split(separator: " ").contains(where: { $0.hasPrefix(query) }) {
                ranked.append((1, name, i))
            }
        }
        ranked.sort { ($0.rank, $0.name, $0.entity) < ($1.rank, $1.name, $1.entity) }
        let start = character - fragment.utf16.count
        let range: [String: Any] = [
            "start": ["line": line, "character": start], "end": ["line": line, "character": character],
        ]
        let items: [[String: Any]] = ranked.prefix(LanguageServer.maxNameCompletions).map { r in
            let e = lib.entities[r.entity], id = lib.displayID(e)
            return [
                "label": r.name, "kind": 18, "detail": "\(id) · \(lib.config.kinds[e.kind].name)",
                "filterText": r.name, "sortText": "\(r.rank) \(r.name)",
                "textEdit": ["range": range, "newText": id],
                "documentation": "Writes \(id), the ID of \(r.name) (\(e.file))",
            ]
        }
        return ["isIncomplete": ranked.count > LanguageServer.maxNameCompletions, "items": items]
    }
}
