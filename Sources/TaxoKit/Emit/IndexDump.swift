/// A text dump of every table of an index in sorted order, for golden tests and for diffing two
/// builds. `meta.build_time` is left out; document text is summarised by its length.
public enum IndexDump {
    public static let tables = [
        "meta", "files", "entities", "aliases", "link_rows", "resolution", "documents", "sections",
        "mention_rows", "scopes", "diagnostics",
    ]

    /// Every table of an index as sorted text lines (`taxo dump-index`).
    public static func dump(path: String) throws -> String {
        IndexWriter.recover(path)
        let db = try SQLiteDatabase(path: path, readOnly: true)
        var out = ""
        for t in tables {
            let cols = try db.query("SELECT name FROM pragma_table_info('\(t)') ORDER BY cid").compactMap { $0[0] }
            let whereClause = t == "meta" ? " WHERE key <> 'build_time'" : ""
            let rows = try db.query(
                "SELECT * FROM \(t)\(whereClause) ORDER BY " + cols.map { "\"\($0)\"" }.joined(separator: ", "))
            out += "## \(t) (\(rows.count) rows): \(cols.joined(separator: " | "))\n"
            for r in rows { out += r.map { $0.map(escape) ?? "∅" }.joined(separator: " | ") + "\n" }
            out += "\n"
        }
        let ef = try db.query("SELECT id, kind, file, line, name, description FROM entity_fts ORDER BY file, line, id")
        out +=
            "## entity_fts (\(ef.count) rows)\n"
            + ef.map { $0.map { $0.map(escape) ?? "∅" }.joined(separator: " | ") }.joined(separator: "\n") + "\n\n"
        let df = try db.query("SELECT path, line, heading, length(text) FROM document_fts ORDER BY path, line")
        out +=
            "## document_fts (\(df.count) rows): path | line | heading | text length\n"
            + df.map { $0.map { $0 ?? "∅" }.joined(separator: " | ") }.joined(separator: "\n") + "\n"
        return out
    }

    static func escape(_ s: String) -> String {
        s.replacingAll("\\", with: "\\\\").replacingAll("\n", with: "\\n").replacingAll("|", with: "\\|")
    }
}
