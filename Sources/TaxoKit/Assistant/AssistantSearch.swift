/// Ranked full-text search for `taxo mcp`: the index's tables in an in-memory SQLite database, filled from
/// the compiled library once and then kept in step with it file by file (nothing is written to disk).
final class AssistantSearch {
    struct Hit {
        /// `entity` or `document`.
        var type: String
        var id: String?
        var kind: String?
        var name: String?
        var department: String?
        var file: String
        var line: Int
        var heading: String?
        var snippet: String
        var score: Double
    }

    let db: SQLiteDatabase

    init(_ result: CompileResult) throws {
        db = try SQLiteDatabase(path: ":memory:")
        try IndexWriter.fill(db, result, buildTime: "")
        try db.exec(
            """
            CREATE TABLE departments (file TEXT NOT NULL, line INTEGER NOT NULL, id TEXT NOT NULL, department TEXT);
            CREATE INDEX departments_place ON departments(file, line);
            """)
        try insertDepartments(result.library, only: nil)
    }

    /// Replaces the rows of changed and removed files.
    func apply(_ result: CompileResult, changed: Set<String>, removed: Set<String>) throws {
        try db.exec("BEGIN")
        try IndexWriter.replaceRows(db, result, changes: (changed, removed), buildTime: "")
        let del = try db.prepare("DELETE FROM departments WHERE file = ?")
        for f in changed.union(removed).sorted() { try del.run([.text(f)]) }
        try insertDepartments(result.library, only: changed)
        try db.exec("COMMIT")
    }

    /// Each entity's department as a code (`Library.departmentCode`), else the field as written.
    func insertDepartments(_ lib: Library, only: Set<String>?) throws {
        let ins = try db.prepare("INSERT INTO departments VALUES (?, ?, ?, ?)")
        for e in lib.entities where only?.contains(e.file) ?? true {
            let dept = lib.departmentCode(of: e) ?? e.department
            try ins.run([.text(e.file), .int(e.location.line), .text(lib.displayID(e)), .text(dept)])
        }
    }

    /// The query with its misspelt words corrected (`IndexSearch.correction`), or nil.
    func correction(_ query: String) throws -> String? { try IndexSearch.correction(db, query: query) }

    /// Hits of `page` (best first: the entities `first` names, then bm25, file and line), and whether more
    /// follow. With a kind or a department, entities only.
    func find(_ query: String, kind: String?, department: String?, page: Range<Int>, first: Set<String> = []) throws
        -> (hits: [Hit], more: Bool)
    {
        try IndexSearch.validate(query)
        let q = IndexSearch.sanitize(query)
        let wanted = page.upperBound + 1
        var hits: [Hit] = []
        let e = try db.prepare(
            """
            SELECT f.id, f.kind, f.file, f.line, f.name, e.department,
                   snippet(entity_fts, -1, '[', ']', '…', 12), bm25(entity_fts, 50.0, 0, 0, 0, 10.0, 1.0)
            FROM entity_fts f LEFT JOIN departments e ON e.file = f.file AND e.line = f.line AND e.id = f.id
            WHERE entity_fts MATCH ?1 AND (?2 IS NULL OR f.kind = ?2) AND (?3 IS NULL OR e.department = ?3)
            ORDER BY 8, f.file, f.line LIMIT ?4
            """)
        try e.bind([.text(q), .text(kind), .text(department), .int(wanted)])
        while try e.step() {
            let r = e.row()
            hits.append(
                Hit(
                    type: "entity", id: r[0], kind: r[1], name: r[4], department: r[5], file: r[2] ?? "",
                    line: Int(r[3] ?? "0") ?? 0, heading: nil, snippet: r[6] ?? "", score: Double(r[7] ?? "0") ?? 0))
        }
        if kind == nil, department == nil {
            for h in try IndexSearch.documentHits(db, q, limit: wanted) {
                hits.append(
                    Hit(
                        type: "document", id: nil, kind: nil, name: nil, department: nil, file: h.file, line: h.line,
                        heading: String(h.title.dropFirst(2)), snippet: h.snippet, score: h.rank))
            }
        }
        // Entities the query names exactly (`first`: by ID, name or alias) lead; then bm25, file and line.
        func lead(_ h: Hit) -> Int { h.id.map { first.contains($0) } == true ? 0 : 1 }
        hits.sort { (lead($0), $0.score, $0.file, $0.line) < (lead($1), $1.score, $1.file, $1.line) }
        let shown = hits.count > page.lowerBound ? Array(hits[page.lowerBound..<min(page.upperBound, hits.count)]) : []
        return (shown, hits.count > page.upperBound)
    }
}
