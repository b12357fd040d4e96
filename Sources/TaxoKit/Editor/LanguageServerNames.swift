import Foundation

/// Completion by name in a JSON or YAML value: `"ScaleKit Da` offers ScaleKit Dashboard and writes its ID,
/// `TOL-SEC-124`, in place of what was typed (people know names, files want IDs).
extension LanguageServer {
    /// At most this many names are offered.
    static let maxNameCompletions = 100

    func nameCompletion(before: String, line: Int, character: Int, path: String, lib: Library) -> [String: Any] {
        let none: [String: Any] = ["isIncomplete": false, "items": []]
        guard let format = Discovery.format(of: path), format == .json || format == .yaml else { return none }
        // What was typed of the value: after its opening quote, `[`, `,` or `:` (and a YAML list's `- `).
        let stops: Set<Character> = ["\"", "'", "[", ",", ":", "{"]
        var fragment = Substring(String(before.reversed().prefix { !stops.contains($0) }.reversed())).drop { $0 == " " }
        if fragment.hasPrefix("- ") { fragment = fragment.dropFirst(2).drop { $0 == " " } }
        let query = fragment.lowercased()
        guard query.count >= 3, query.contains(where: \.isLetter) else { return none }
        // Only IDs in a scheme: writing one the library cannot parse would make a finding.
        let found = lib.entities(matching: query).filter {
            lib.entities[$0].id != nil && !(lib.entities[$0].name ?? "").isEmpty
        }
        let start = character - fragment.utf16.count
        let range = LanguageServer.lineRange(line, start, character)
        let items: [[String: Any]] = found.prefix(LanguageServer.maxNameCompletions).enumerated().map { n, i in
            let e = lib.entities[i], id = lib.displayID(e), name = e.name ?? ""
            return [
                "label": name, "kind": 18, "detail": "\(id) · \(lib.config.kinds[e.kind].name)",
                "filterText": name, "sortText": "\(1000 + n)",
                "textEdit": ["range": range, "newText": id],
                "documentation": "Writes \(id), the ID of \(name) (\(e.file))",
            ]
        }
        return ["isIncomplete": found.count > LanguageServer.maxNameCompletions, "items": items]
    }
}
