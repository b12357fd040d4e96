/// Ranked full-text search over the index's entity and document tables.
public enum IndexSearch {
    /// One search hit: where, a title, a snippet with the matches in brackets, and its bm25 rank.
    public struct Hit: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var title: String
        public var snippet: String
        public var rank: Double
    }

    /// Queries with more terms than this are refused (FTS5's cost grows with each, and no person writes them).
    public static let maxTerms = 64

    /// The best `limit` entity and document hits of a query in an index file.
    public static func search(indexPath: String, query: String, limit: Int = 20) throws -> [Hit] {
        try validate(query)
        IndexWriter.recover(indexPath)
        let db = try SQLiteDatabase(path: indexPath, readOnly: true)
        let q = sanitize(query)
        var hits: [Hit] = []
        let e = try db.prepare(
            """
            SELECT file, line, '[' || kind || ' ' || id || '] ' || name, snippet(entity_fts, -1, '[', ']', '…', 12), bm25(entity_fts, 50.0, 0, 0, 0, 10.0, 1.0)
            FROM entity_fts WHERE entity_fts MATCH ? ORDER BY 5, file, line LIMIT ?
            """)
        try e.bind([.text(q), .int(limit)])
        while try e.step() {
            let r = e.row()
            hits.append(
                Hit(
                    file: r[0] ?? "", line: Int(r[1] ?? "0") ?? 0, title: r[2] ?? "", snippet: r[3] ?? "",
                    rank: Double(r[4] ?? "0") ?? 0))
        }
        hits += try documentHits(db, q, limit: limit)
        hits.sort { ($0.rank, $0.file, $0.line) < ($1.rank, $1.file, $1.line) }
        return Array(hits.prefix(limit))
    }

    /// Refuses queries no person writes: too many terms or too long.
    static func validate(_ query: String) throws {
        let terms = query.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).count
        if terms > maxTerms { throw TaxoError.query("the query has \(terms) terms; at most \(maxTerms) are allowed") }
        if query.utf8.count > 4096 { throw TaxoError.query("the query is longer than 4,096 bytes") }
    }

    /// The best `limit` document sections for a sanitised query (`title` is the heading, marked `§`).
    static func documentHits(_ db: SQLiteDatabase, _ q: String, limit: Int) throws -> [Hit] {
        var hits: [Hit] = []
        let d = try db.prepare(
            """
            SELECT path, line, heading, snippet(document_fts, 3, '[', ']', '…', 12), bm25(document_fts, 0, 0, 2.0, 1.0)
            FROM document_fts WHERE document_fts MATCH ? ORDER BY 5, path, line LIMIT ?
            """)
        try d.bind([.text(q), .int(limit)])
        while try d.step() {
            let r = d.row()
            hits.append(
                Hit(
                    file: r[0] ?? "", line: Int(r[1] ?? "0") ?? 0, title: "§ " + (r[2] ?? ""),
                    snippet: (r[3] ?? "").replacingAll("\n", with: " "),
                    rank: Double(r[4] ?? "0") ?? 0))
        }
        return hits
    }

    /// Plain words become an implicit AND of terms, the last one a prefix (`tavil` finds Tavily); an ID
    /// (`TOL-SEC-124`) is a phrase. FTS5 syntax is passed through when present.
    static func sanitize(_ q: String) -> String {
        if q.contains("\"") || q.contains("*") || q.contains(" AND ") || q.contains(" OR ") || q.contains(" NOT ") {
            return q
        }
        let words = q.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { String($0).replacingAll("\"", with: "") }
            .filter { !$0.isEmpty }
        return words.enumerated().map { i, w in
            let quoted = "\"" + w + "\""
            return i == words.count - 1 && w.allSatisfy({ $0.isLetter || $0.isNumber }) ? quoted + "*" : quoted
        }.joined(separator: " ")
    }
}
