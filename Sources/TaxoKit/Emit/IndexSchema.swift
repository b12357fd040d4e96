/// The SQLite index's schema (version 1). Documented with example queries in docs/index.md.
public enum IndexSchema {
    public static let version = 1

    public static let sql = """
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
    CREATE INDEX entities_key ON entities(key);
    CREATE INDEX entities_kind ON entities(kind, id);
    CREATE TABLE aliases (
      alias TEXT NOT NULL,
      kind TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      entity_key TEXT,
      file TEXT NOT NULL REFERENCES files(path)
    );
    CREATE INDEX aliases_alias ON aliases(alias);
    CREATE TABLE links (
      source_id TEXT NOT NULL,
      source_key TEXT,
      source_kind TEXT NOT NULL,
      field TEXT NOT NULL,
      raw TEXT NOT NULL,
      label TEXT,
      target_id TEXT NOT NULL,
      target_key TEXT NOT NULL,
      target_kind TEXT NOT NULL,
      resolved_id TEXT,
      resolved_key TEXT,
      resolved_file TEXT,
      file TEXT NOT NULL REFERENCES files(path),
      line INTEGER NOT NULL,
      col INTEGER NOT NULL
    );
    CREATE INDEX links_resolved ON links(resolved_key);
    CREATE INDEX links_target ON links(target_key);
    CREATE INDEX links_source ON links(source_key);
    CREATE TABLE documents (
      path TEXT PRIMARY KEY REFERENCES files(path),
      title TEXT,
      type TEXT,
      video TEXT,
      fields TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX documents_video ON documents(video);
    CREATE TABLE sections (
      document TEXT NOT NULL REFERENCES documents(path),
      level INTEGER NOT NULL,
      heading TEXT NOT NULL,
      line INTEGER NOT NULL
    );
    CREATE INDEX sections_document ON sections(document, line);
    CREATE TABLE mentions (
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
      scoped INTEGER NOT NULL,
      resolved_id TEXT,
      resolved_file TEXT
    );
    CREATE INDEX mentions_key ON mentions(key);
    CREATE INDEX mentions_document ON mentions(document, line);
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
    CREATE INDEX diagnostics_file ON diagnostics(file, line);
    CREATE INDEX diagnostics_code ON diagnostics(code);
    CREATE VIRTUAL TABLE entity_fts USING fts5(id UNINDEXED, kind UNINDEXED, file UNINDEXED, line UNINDEXED, name, description);
    CREATE VIRTUAL TABLE document_fts USING fts5(path UNINDEXED, line UNINDEXED, heading, text);
    CREATE VIEW broken_links AS
      SELECT source_id, source_kind, field, raw, target_id, target_kind, file, line, col
      FROM links WHERE resolved_key IS NULL;
    CREATE VIEW backlinks AS
      SELECT resolved_id AS target_id, resolved_key AS target_key, source_id, source_kind, field, label, file, line, col
      FROM links WHERE resolved_key IS NOT NULL;
    CREATE VIEW orphans AS
      SELECT e.id, e.kind, e.name, e.file, e.line FROM entities e
      WHERE e.key IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM links l WHERE l.resolved_key = e.key AND l.source_key IS NOT e.key)
        AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.key = e.key);
    CREATE VIEW coverage_by_kind AS
      SELECT e.kind,
             count(*) AS entities,
             sum(EXISTS (SELECT 1 FROM links l WHERE l.resolved_key = e.key AND l.source_key IS NOT e.key)) AS referenced,
             sum(EXISTS (SELECT 1 FROM mentions m WHERE m.key = e.key)) AS mentioned,
             (SELECT count(*) FROM links l WHERE l.source_kind = e.kind AND l.resolved_key IS NULL) AS dangling_links_out
      FROM entities e WHERE e.key IS NOT NULL GROUP BY e.kind;
    """
}
