import Foundation

/// `workspace/symbol` (go to any entity of the library by ID or name) and `textDocument/documentSymbol` (a
/// file's outline: the entities it declares, a document's headings nested by level).
extension LanguageServer {
    /// LSP's SymbolKind for an entity (Object) and a document heading (String, as Markdown outlines use).
    static let entitySymbol = 19
    static let headingSymbol = 15
    /// At most this many workspace symbols per query (clients ask again as the user types).
    static let maxWorkspaceSymbols = 200

    /// Entities whose ID or name matches the query (`Library.entities(matching:)`: the ID itself first, then
    /// IDs and names starting with it, then names holding it). An empty query lists the first ones.
    func workspaceSymbols(_ params: [String: Any]) -> Any {
        guard let lib = result?.library else { return [] }
        let found = lib.entities(matching: params["query"] as? String ?? "")
        return found.prefix(LanguageServer.maxWorkspaceSymbols).compactMap { i -> [String: Any]? in
            let e = lib.entities[i]
            guard let loc = location(of: e.location) else { return nil }
            return [
                "name": lib.label(e), "kind": LanguageServer.entitySymbol,
                "location": loc, "containerName": lib.config.kinds[e.kind].name,
            ]
        }
    }

    /// The entities a file declares, in order, and a document's headings nested by level (a heading's range
    /// runs to the next heading of its level or above).
    func documentSymbols(_ params: [String: Any]) -> Any {
        guard let path = documentPath(params), let lib = result?.library else { return [] }
        let lines = lines(of: path) ?? []
        func lineRange(_ first: Int, _ last: Int) -> [String: Any] {
            let end = last < lines.count ? lines[last].utf16.count : 0
            return ["start": ["line": first, "character": 0], "end": ["line": last, "character": end]]
        }
        var out: [[String: Any]] = []
        for e in lib.entities where e.file == path {
            let line = max(0, e.location.line - 1)
            let range = lineRange(line, line)
            out.append([
                "name": lib.displayID(e), "detail": e.name ?? "", "kind": LanguageServer.entitySymbol,
                "range": range, "selectionRange": range,
            ])
        }
        if let d = lib.documents.first(where: { $0.path == path }) {
            let headings = d.headings.filter { $0.line >= 1 }.sorted { $0.line < $1.line }
            let lastLine = max(0, lines.count - 1)
            out += LanguageServer.nest(headings[...], lastLine: lastLine, range: lineRange)
        }
        return out
    }

    /// Headings as DocumentSymbols: each holds the deeper headings that follow it.
    static func nest(
        _ headings: ArraySlice<Heading>, lastLine: Int, range: (Int, Int) -> [String: Any]
    ) -> [[String: Any]] {
        var out: [[String: Any]] = []
        var i = headings.startIndex
        while i < headings.endIndex {
            let h = headings[i]
            var j = i + 1
            while j < headings.endIndex, headings[j].level > h.level { j += 1 }
            let first = h.line - 1
            let last = j < headings.endIndex ? max(first, headings[j].line - 2) : max(first, lastLine)
            out.append([
                "name": h.text.isEmpty ? "(untitled)" : h.text, "kind": headingSymbol,
                "range": range(first, last), "selectionRange": range(first, first),
                "children": nest(headings[(i + 1)..<j], lastLine: last, range: range),
            ])
            i = j
        }
        return out
    }
}
