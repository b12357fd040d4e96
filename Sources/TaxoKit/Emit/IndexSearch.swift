/// Ranked full-text search over the index's entity and document tables.
public enum IndexSearch {
    /// One search hit: where, a title, a snippet with the matches in brackets, how closely it matches the
    /// whole query (`tier`), and its bm25 rank.
    public struct Hit: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var title: String
        public var snippet: String
        public var rank: Double
        /// 0: the entity the query's ID or alias names; 1: an entity whose name is the query; 2: an entity
        /// whose name starts with it; 3: any other hit (bm25 orders within a tier).
        public var tier: Int = 3
    }

    /// Queries with more terms than this are refused (FTS5's cost grows with each, and no person writes them).
    public static let maxTerms = 64

    /// The best `limit` entity and document hits of a query in an index file: the entity an ID or alias
    /// names first (`key`: the query's canonical ID key, when it is an ID; it is found also when the text
    /// search is not, `TOL-SEC-0124` for `TOL-SEC-124`), then entities named by the query, then those whose
    /// name starts with it, then every other hit by bm25.
    public static func search(indexPath: String, query: String, limit: Int = 20, key: String? = nil) throws -> [Hit] {
        try validate(query)
        IndexWriter.recover(indexPath)
        return try search(SQLiteDatabase(path: indexPath, readOnly: true), query: query, limit: limit, key: key)
    }

    /// An index in memory, made from a compile (what `taxo search` searches when no index was built).
    public static func memoryIndex(_ result: CompileResult) throws -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: ":memory:")
        try IndexWriter.fill(db, result, buildTime: "")
        return db
    }

    /// `search(indexPath:...)` on an open index.
    public static func search(_ db: SQLiteDatabase, query: String, limit: Int = 20, key: String? = nil) throws
        -> [Hit]
    {
        try validate(query)
        var hits = try key.map { try namedBy(db, key: $0) } ?? []
        let q = sanitize(query)
        let e = try db.prepare(
            """
            SELECT file, line, '[' || kind || ' ' || id || '] ' || name, snippet(entity_fts, -1, '[', ']', '…', 12),
                   bm25(entity_fts, 50.0, 0, 0, 0, 10.0, 1.0),
                   CASE WHEN upper(id) = upper(?2) THEN 0 WHEN lower(name) = lower(?2) THEN 1
                        WHEN substr(lower(name), 1, length(?2)) = lower(?2) THEN 2 ELSE 3 END
            FROM entity_fts WHERE entity_fts MATCH ?1 ORDER BY 6, 5, file, line LIMIT ?3
            """)
        try e.bind([.text(q), .text(query.trimmingSpaces()), .int(limit)])
        while try e.step() {
            let r = e.row()
            let hit = Hit(
                file: r[0] ?? "", line: Int(r[1] ?? "0") ?? 0, title: r[2] ?? "", snippet: r[3] ?? "",
                rank: Double(r[4] ?? "0") ?? 0, tier: Int(r[5] ?? "3") ?? 3)
            if !hits.contains(where: { $0.file == hit.file && $0.line == hit.line && $0.tier == 0 }) {
                hits.append(hit)
            }
        }
        hits += try documentHits(db, q, limit: limit)
        hits.sort { ($0.tier, $0.rank, $0.file, $0.line) < ($1.tier, $1.rank, $1.file, $1.line) }
        return Array(hits.prefix(limit))
    }

    /// The entity an ID key resolves to (by its ID or an alias), as a first hit.
    static func namedBy(_ db: SQLiteDatabase, key: String) throws -> [Hit] {
        let rows = try db.query(
            """
            SELECT e.file, e.line, '[' || e.kind || ' ' || e.id || '] ' || coalesce(e.name, ''), r.via
            FROM resolution r JOIN entities e ON e.id = r.id AND e.file = r.file WHERE r.lookup = ?
            ORDER BY e.file, e.line LIMIT 1
            """, [.text(key)])
        return rows.map { r in
            Hit(
                file: r[0] ?? "", line: Int(r[1] ?? "0") ?? 0, title: r[2] ?? "",
                snippet: r[3] == "alias" ? "(by its alias " + key + ")" : "(by its ID)", rank: -.infinity, tier: 0)
        }
    }

    /// The query with each word that no entity name or ID holds replaced by the closest one that does
    /// (`Scalekt` -> `ScaleKit`), or nil when no word has a close one: what `taxo search` offers when a
    /// query finds nothing.
    public static func correction(indexPath: String, query: String) throws -> String? {
        try correction(SQLiteDatabase(path: indexPath, readOnly: true), query: query)
    }

    /// `correction(indexPath:...)` on an open index.
    public static func correction(_ db: SQLiteDatabase, query: String) throws -> String? {
        var known = Set<String>()
        for r in try db.query("SELECT id, name FROM entities") {
            if let id = r[0] { known.insert(id) }
            // Words of the name: runs of the name matcher's word bytes and dashes, split on bytes (Character
            // properties cost most of a correction in a 100k library).
            for w in (r[1] ?? "").utf8.split(whereSeparator: { $0 != 45 && !NameMatcher.isWordByte($0) }) {
                known.insert(String(decoding: w, as: UTF8.self))
            }
        }
        let lower = Set(known.map { $0.lowercased() })
        let vocabulary = NearMiss.Vocabulary(known.sorted())
        var changed = false
        let words = query.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { w -> String in
            let word = String(w)
            guard word.count >= 3, !lower.contains(word.lowercased()),
                let near = vocabulary.suggestions(for: word, limit: 1).first,
                // A number is not misspelt by two digits (TOL-SEC-999 is not TOL-SEC-124).
                !word.contains(where: \.isNumber) || NearMiss.distance(word.lowercased(), near.lowercased()) <= 1
            else { return word }
            changed = true
            return near
        }
        return changed ? words.joined(separator: " ") : nil
    }

    /// Refuses queries no person writes: too many terms or too long.
    public static func validate(_ query: String) throws {
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
