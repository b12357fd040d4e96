/// The SQLite index's schema (version 3: a video's own IDs in its documents resolve to no library entity;
/// `link_rows.declared_here`). Documented with example queries in docs/index.md.
public enum IndexSchema {
    public static let version = 3

    /// Tables whose rows all come from one library file, with the column naming it: an incremental
    /// build deletes and re-inserts just the rows of changed files.
    public static let perFileTables: [(table: String, column: String)] = [
        ("files", "path"), ("entities", "file"), ("aliases", "file"), ("link_rows", "file"), ("documents", "path"),
        ("sections", "document"), ("mention_rows", "document"),
    ]

    /// Tables rebuilt whole on every build (they depend on the whole library).
    public static let globalTables = ["meta", "resolution", "scopes", "diagnostics"]

    public static let tables = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE files (
          path TEXT PRIMARY KEY,
          format TEXT NOT NULL,
          size INTEGER NOT NULL,
          hash TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE entities (
          id TEXT NOT NULL,
          key TEXT,
          kind TEXT NOT NULL,
          name TEXT,
          department TEXT,
          description TEXT,
          file TEXT NOT NULL REFERENCES files(path),
          line INTEGER NOT NULL,
          col INTEGER NOT NULL,
          record TEXT,
          PRIMARY KEY (file, line, col)
        ) WITHOUT ROWID;
        CREATE TABLE aliases (
          alias TEXT NOT NULL,
          kind TEXT NOT NULL,
          entity_id TEXT NOT NULL,
          entity_key TEXT,
          file TEXT NOT NULL REFERENCES files(path)
        );
        CREATE TABLE link_rows (
          source_id TEXT NOT NULL,
          source_key TEXT,
          source_kind TEXT NOT NULL,
          field TEXT NOT NULL,
          raw TEXT NOT NULL,
          label TEXT,
          target_id TEXT NOT NULL,
          target_key TEXT NOT NULL,
          target_kind TEXT NOT NULL,
          file TEXT NOT NULL REFERENCES files(path),
          line INTEGER NOT NULL,
          col INTEGER NOT NULL,
          declared_here INTEGER NOT NULL
        );
        CREATE TABLE resolution (
          lookup TEXT PRIMARY KEY,
          id TEXT NOT NULL,
          key TEXT,
          file TEXT NOT NULL,
          via TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE VIEW links AS
          SELECT l.*, r.id AS resolved_id, r.key AS resolved_key, r.file AS resolved_file, r.via AS resolved_via
          FROM link_rows l LEFT JOIN resolution r ON r.lookup = l.target_key;
        CREATE TABLE documents (
          path TEXT PRIMARY KEY REFERENCES files(path),
          title TEXT,
          type TEXT,
          video TEXT,
          fields TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE sections (
          document TEXT NOT NULL REFERENCES documents(path),
          level INTEGER NOT NULL,
          heading TEXT NOT NULL,
          line INTEGER NOT NULL
        );
        CREATE TABLE mention_rows (
          document TEXT NOT NULL REFERENCES documents(path),
          id TEXT NOT NULL,
          key TEXT NOT NULL,
          kind TEXT NOT NULL,
          line INTEGER NOT NULL,
          col INTEGER NOT NULL,
          heading TEXT,
          context TEXT NOT NULL,
          label TEXT,
          proposal INTEGER NOT NULL,
          declares_scope INTEGER NOT NULL
        );
        CREATE TABLE scopes (
          video TEXT NOT NULL,
          key TEXT NOT NULL,
          own INTEGER NOT NULL,
          PRIMARY KEY (video, key)
        ) WITHOUT ROWID;
        CREATE VIEW mentions AS
          SELECT m.*, d.video AS video, s.key IS NOT NULL AS in_scope, coalesce(s.own, 0) AS video_own,
                 CASE WHEN coalesce(s.own, 0) = 0 THEN r.id END AS resolved_id,
                 CASE WHEN coalesce(s.own, 0) = 0 THEN r.file END AS resolved_file
          FROM mention_rows m JOIN documents d ON d.path = m.document
          LEFT JOIN scopes s ON s.video = d.video AND s.key = m.key
          LEFT JOIN resolution r ON r.lookup = m.key;
        CREATE TABLE diagnostics (
          code TEXT NOT NULL,
          severity TEXT NOT NULL,
          file TEXT,
          line INTEGER,
          col INTEGER,
          message TEXT NOT NULL,
          hint TEXT,
          notes TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE entity_fts USING fts5(id, kind UNINDEXED, file UNINDEXED, line UNINDEXED, name, description);
        CREATE VIRTUAL TABLE document_fts USING fts5(path UNINDEXED, line UNINDEXED, heading, text);
        CREATE TABLE fts_rows (tbl TEXT NOT NULL, file TEXT NOT NULL, row INTEGER NOT NULL);
        CREATE VIEW broken_links AS
          SELECT source_id, source_kind, field, raw, target_id, target_kind, file, line, col
          FROM links WHERE resolved_key IS NULL AND NOT declared_here;
        CREATE VIEW backlinks AS
          SELECT resolved_id AS target_id, resolved_key AS target_key, source_id, source_kind, field, label, file, line, col
          FROM links WHERE resolved_key IS NOT NULL;
        CREATE VIEW orphans AS
          SELECT e.id, e.kind, e.name, e.file, e.line FROM entities e
          WHERE e.key IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM links l WHERE l.resolved_key = e.key AND l.source_key IS NOT e.key)
            AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.key = e.key AND NOT m.video_own);
        CREATE VIEW coverage_by_kind AS
          SELECT e.kind,
                 count(*) AS entities,
                 sum(EXISTS (SELECT 1 FROM links l WHERE l.resolved_key = e.key AND l.source_key IS NOT e.key)) AS referenced,
                 sum(EXISTS (SELECT 1 FROM mentions m WHERE m.key = e.key AND NOT m.video_own)) AS mentioned,
                 (SELECT count(*) FROM links l WHERE l.source_kind = e.kind AND l.resolved_key IS NULL AND NOT l.declared_here) AS dangling_links_out
          FROM entities e WHERE e.key IS NOT NULL GROUP BY e.kind;
        """

    /// The full-text tables.
    public static let fullTextTables = ["entity_fts", "document_fts"]

    /// FTS5's default `automerge`: how many segments of one level it merges as rows are written.
    public static let fullTextAutomerge = 4

    /// Sets `automerge` of every full-text table (0: segments are not merged while rows are written).
    static func fullTextMerging(_ segments: Int) -> String {
        fullTextTables.map { "INSERT INTO \($0)(\($0), rank) VALUES ('automerge', \(segments));" }.joined(
            separator: " ")
    }

    /// Indexes, created after the rows of a full build are in (faster than maintaining them row by row).
    /// (`entities` needs none by file: its primary key starts with the file.)
    public static let indexes = """
        CREATE INDEX fts_rows_file ON fts_rows(file, tbl);
        CREATE INDEX entities_key ON entities(key);
        CREATE INDEX entities_kind ON entities(kind, id);
        CREATE INDEX aliases_alias ON aliases(alias);
        CREATE INDEX aliases_file ON aliases(file);
        CREATE INDEX link_rows_target ON link_rows(target_key);
        CREATE INDEX link_rows_source ON link_rows(source_key);
        CREATE INDEX link_rows_file ON link_rows(file);
        CREATE INDEX documents_video ON documents(video);
        CREATE INDEX sections_document ON sections(document, line);
        CREATE INDEX mention_rows_key ON mention_rows(key);
        CREATE INDEX mention_rows_document ON mention_rows(document, line);
        CREATE INDEX diagnostics_file ON diagnostics(file, line);
        CREATE INDEX diagnostics_code ON diagnostics(code);
        """

    public static var sql: String { tables + "\n" + indexes }
}
