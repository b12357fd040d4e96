import Foundation

/// Writes the compiled library to `index.sqlite`: into a temporary file beside it, in one transaction,
/// rows in sorted order, then renamed into place, so a crash never leaves a half-written index and two
/// builds of one library differ only in `meta.build_time`. An incremental write starts from a copy of
/// the previous index and replaces only the rows of files that changed, plus the whole-library tables.
public enum IndexWriter {
    /// What an existing index says about the build that wrote it.
    public struct Previous {
        public var files: [String: String]
        public var usable: Bool
        /// The `meta` table (schema and taxo versions, configuration hash, build time, counts).
        public var meta: [String: String]

        /// What an update must replace for these files (new or with another hash) and delete (gone); nil
        /// when a file taken from the cache is not the one this index holds, so only a full write is right.
        public func changes(for files: [FileResult]) -> (changed: Set<String>, removed: Set<String>)? {
            var changed = Set<String>(), known = 0
            for i in files.indices {
                let old = self.files[files[i].path]
                if old != nil { known += 1 }
                if old == files[i].hash { continue }
                if files[i].fromCache { return nil }
                changed.insert(files[i].path)
            }
            // None gone when every file of the index was seen.
            let removed = known == self.files.count ? [] : Set(self.files.keys).subtracting(files.map(\.path))
            return (changed, removed)
        }
    }

    /// Reads an existing index's meta and (with `files`, for an incremental build) its file hashes; it is
    /// usable when schema, taxo version and configuration match.
    public static func previous(at path: String, configHash: String, files withFiles: Bool = true) -> Previous? {
        recover(path)
        guard FileManager.default.fileExists(atPath: path), let db = try? SQLiteDatabase(path: path, readOnly: true),
            let meta = try? db.query("SELECT key, value FROM meta")
        else { return nil }
        var m: [String: String] = [:]
        for r in meta { if let k = r[0], let v = r[1] { m[k] = v } }
        let usable =
            m["schema_version"] == String(IndexSchema.version) && m["taxo_version"] == TaxoVersion.string
            && m["config_hash"] == configHash
        var files: [String: String] = [:]
        if withFiles {
            for r in (try? db.query("SELECT path, hash FROM files")) ?? [] {
                if let p = r[0], let h = r[1] { files[p] = h }
            }
        }
        return Previous(files: files, usable: usable, meta: m)
    }

    /// Writes the whole index. Every file result must carry its content (record JSON, document text).
    /// `beforeCommit` runs right before the index is renamed into place (the CLI's crash test pauses there).
    public static func write(
        _ result: CompileResult, to path: String, buildTime: String, globalHash: String? = nil,
        beforeCommit: (() -> Void)? = nil, lap: (String) -> Void = { _ in }
    ) throws {
        try atomically(path, beforeCommit: beforeCommit) { tmp in
            try fill(open(tmp), result, buildTime: buildTime, globalHash: globalHash, lap: lap)
        }
    }

    /// Creates the schema in an empty database and inserts every row, in one transaction (also into an
    /// in-memory database: `taxo mcp` searches one). `lap` is told when each part is done (benchmarks).
    public static func fill(
        _ db: SQLiteDatabase, _ result: CompileResult, buildTime: String, globalHash: String? = nil,
        lap: (String) -> Void = { _ in }
    ) throws {
        try db.exec("BEGIN")
        try db.exec(IndexSchema.tables)
        // The full-text tables merge no segments while they are filled (at 100k the documents' full text goes
        // in 14 % faster, in 12 segments instead of 6, searched as fast), then as usual for incremental builds.
        try db.exec(IndexSchema.fullTextMerging(0))
        try insertFileRows(db, result, only: nil, lap: lap)
        try insertGlobalRows(db, result, buildTime: buildTime, globalHash: globalHash ?? globalRowsHash(result))
        lap("index: library rows")
        try db.exec(IndexSchema.indexes)
        try db.exec(IndexSchema.fullTextMerging(IndexSchema.fullTextAutomerge))
        lap("index: create indexes")
        try db.exec("COMMIT")
        lap("index: commit")
    }

    /// Updates a copy of the previous index: rows of `changed` files are replaced, rows of files that
    /// are gone are deleted, whole-library tables are rebuilt. Changed results must carry their content.
    public static func update(
        _ result: CompileResult, changes: (changed: Set<String>, removed: Set<String>), at path: String,
        buildTime: String, globalHash: String? = nil, beforeCommit: (() -> Void)? = nil
    ) throws {
        // In place, in one transaction under a rollback journal with cache spilling off: the index file
        // is not touched before COMMIT, so a killed build leaves it as it was (the journal it leaves
        // behind is rolled back by the next connection: see `recover`).
        do {
            let db = try SQLiteDatabase(path: path)
            try db.exec(
                "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -1048576; PRAGMA cache_spill = OFF;"
            )
            try db.exec("BEGIN IMMEDIATE")
            try replaceRows(db, result, changes: changes, buildTime: buildTime, globalHash: globalHash)
            beforeCommit?()
            try db.exec("COMMIT")
        }
    }

    /// Inside an open transaction: replaces the rows of changed files, deletes those of removed files, and
    /// rewrites the whole-library tables when their content changed.
    public static func replaceRows(
        _ db: SQLiteDatabase, _ result: CompileResult, changes: (changed: Set<String>, removed: Set<String>),
        buildTime: String, globalHash: String? = nil
    ) throws {
        let (changed, removed) = changes
        for (table, column) in IndexSchema.perFileTables {
            let del = try db.prepare("DELETE FROM \(table) WHERE \(column) = ?")
            for f in changed.union(removed).sorted() { try del.run([.text(f)]) }
        }
        // Full-text rows by rowid (their file columns are not indexed), through fts_rows.
        for tbl in IndexSchema.fullTextTables {
            let del = try db.prepare(
                "DELETE FROM \(tbl) WHERE rowid IN (SELECT row FROM fts_rows WHERE file = ? AND tbl = '\(tbl)')")
            for f in changed.union(removed).sorted() { try del.run([.text(f)]) }
        }
        let delRows = try db.prepare("DELETE FROM fts_rows WHERE file = ?")
        for f in changed.union(removed).sorted() { try delRows.run([.text(f)]) }
        try insertFileRows(db, result, only: changed)
        // The whole-library tables are rewritten only when their content changed.
        let globalHash = globalHash ?? globalRowsHash(result)
        let old = try db.query("SELECT value FROM meta WHERE key = 'global_hash'").first?.first ?? nil
        if old == globalHash {
            let meta = try db.prepare("UPDATE meta SET value = ? WHERE key = ?")
            try meta.run([.text(buildTime), .text("build_time")])
        } else {
            for t in IndexSchema.globalTables { try db.exec("DELETE FROM \(t)") }
            try insertGlobalRows(db, result, buildTime: buildTime, globalHash: globalHash)
        }
    }

    /// Rolls back what a killed build left in the journal, so the index reads as before it.
    public static func recover(_ path: String) {
        guard FileManager.default.fileExists(atPath: path + "-journal") else { return }
        if let db = try? SQLiteDatabase(path: path) { _ = try? db.query("SELECT count(*) FROM sqlite_master") }
    }

    static func open(_ path: String) throws -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: path)
        try db.exec(
            "PRAGMA page_size = 65536; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA locking_mode = EXCLUSIVE;"
        )
        return db
    }

    static func atomically(_ path: String, beforeCommit: (() -> Void)? = nil, _ body: (String) throws -> Void) throws {
        let tmp = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: tmp)
        do {
            try body(tmp)
            beforeCommit?()
            // A journal left by a killed incremental build belongs to the file being replaced.
            try? FileManager.default.removeItem(atPath: path + "-journal")
            if rename(tmp, path) != 0 { throw TaxoError.index("cannot rename the index into place", sql: path) }
        } catch {
            try? FileManager.default.removeItem(atPath: tmp)
            throw error
        }
    }

    /// Rows that come from single files (all files, or only `only`), in sorted order.
    static func insertFileRows(
        _ db: SQLiteDatabase, _ r: CompileResult, only: Set<String>?, lap: (String) -> Void = { _ in }
    ) throws {
        let lib = r.library
        func wanted(_ path: String) -> Bool { only?.contains(path) ?? true }
        let files = try db.prepare("INSERT INTO files VALUES (?, ?, ?, ?)")
        for f in lib.files.filter({ wanted($0.path) }).sorted(by: { $0.path < $1.path }) {
            try files.insert { r in
                try r.text(f.path); try r.text(f.format.rawValue); try r.int(f.size); try r.text(f.hash)
            }
        }
        let ftsRow = try db.prepare("INSERT INTO fts_rows VALUES (?, ?, ?)")
        lap("index: files")
        try insertEntityRows(db, lib, only: only, ftsRow: ftsRow)
        lap("index: entities")
        try insertDocumentRows(db, lib, only: only, ftsRow: ftsRow)
        lap("index: documents")
    }

    /// Entities with their full-text rows, aliases and links, in file order.
    static func insertEntityRows(
        _ db: SQLiteDatabase, _ lib: Library, only: Set<String>?, ftsRow: SQLiteDatabase.Statement
    )
        throws
    {
        let kinds = lib.config.kinds.map(\.name)
        func wanted(_ path: String) -> Bool { only?.contains(path) ?? true }
        let ent = try db.prepare("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let fts = try db.prepare("INSERT INTO entity_fts VALUES (?, ?, ?, ?, ?, ?)")
        let alias = try db.prepare("INSERT INTO aliases VALUES (?, ?, ?, ?, ?)")
        let link = try db.prepare("INSERT INTO link_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let order = lib.entities.indices.filter { wanted(lib.entities[$0].file) }
            .sorted { lib.entities[$0].location < lib.entities[$1].location }
        for i in order {
            let e = lib.entities[i]
            let id = lib.displayID(e)
            let kind = kinds[e.kind]
            try ent.insert { r in
                try r.text(id); try r.text(e.id?.key); try r.text(kind); try r.text(e.name)
                try r.text(e.department); try r.text(e.description); try r.text(e.file)
                try r.int(e.location.line); try r.int(e.location.column); try r.text(e.record)
            }
            try fts.insert { r in
                try r.text(id); try r.text(kind); try r.text(e.file); try r.int(e.location.line)
                try r.text(e.name ?? ""); try r.text(e.description ?? "")
            }
            let row = db.lastInsertRowID
            try ftsRow.insert { r in
                try r.text("entity_fts"); try r.text(e.file); try r.int(row)
            }
            for a in e.legacyKeys.sorted() {
                try alias.insert { r in
                    try r.text(a.hasPrefix("~") ? String(a.dropFirst()) : a); try r.text(kind); try r.text(id)
                    try r.text(e.id?.key); try r.text(e.file)
                }
            }
            let refs = e.references.sorted { ($0.location, $0.id.written) < ($1.location, $1.id.written) }
            for ref in refs {
                try link.insert { r in
                    try r.text(id); try r.text(e.id?.key); try r.text(kind); try r.text(ref.field)
                    try r.text(ref.raw); try r.text(ref.label); try r.text(ref.id.written); try r.text(ref.id.key)
                    try r.text(kinds[ref.id.kind]); try r.text(ref.location.file); try r.int(ref.location.line)
                    try r.int(ref.location.column); try r.int(ref.declaredHere ? 1 : 0)
                }
            }
        }

    }

    /// Documents with their sections, mentions and full-text rows, in path order.
    static func insertDocumentRows(
        _ db: SQLiteDatabase, _ lib: Library, only: Set<String>?, ftsRow: SQLiteDatabase.Statement
    ) throws {
        let kinds = lib.config.kinds.map(\.name)
        func wanted(_ path: String) -> Bool { only?.contains(path) ?? true }
        let doc = try db.prepare("INSERT INTO documents VALUES (?, ?, ?, ?, ?)")
        let sec = try db.prepare("INSERT INTO sections VALUES (?, ?, ?, ?)")
        let men = try db.prepare("INSERT INTO mention_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let dfts = try db.prepare("INSERT INTO document_fts VALUES (?, ?, ?, ?)")
        for d in lib.documents.filter({ wanted($0.path) }).sorted(by: { $0.path < $1.path }) {
            var w = JSONWriter(pretty: false)
            w.beginObject()
            for k in d.fields.keys.sorted() { w.string(k, d.fields[k]) }
            w.endObject()
            try doc.insert { r in
                try r.text(d.path); try r.text(d.title); try r.text(d.type); try r.text(d.video); try r.text(w.out)
            }
            for h in d.headings.sorted(by: { $0.line < $1.line }) {
                try sec.insert { r in
                    try r.text(d.path); try r.int(h.level); try r.text(h.text); try r.int(h.line)
                }
            }
            for m in d.mentions.sorted(by: { ($0.location, $0.id.written) < ($1.location, $1.id.written) }) {
                try men.insert { r in
                    try r.text(d.path); try r.text(m.id.written); try r.text(m.id.key); try r.text(kinds[m.id.kind])
                    try r.int(m.location.line); try r.int(m.location.column); try r.text(m.heading)
                    try r.text(m.context); try r.text(m.label); try r.int(m.isProposal ? 1 : 0)
                    try r.int(m.declaresScope ? 1 : 0)
                }
            }
            for s in sections(of: d) {
                try dfts.insert { r in
                    try r.text(d.path); try r.int(s.line); try r.text(s.heading); try r.text(s.text)
                }
                let row = db.lastInsertRowID
                try ftsRow.insert { r in
                    try r.text("document_fts"); try r.text(d.path); try r.int(row)
                }
            }
        }
    }

    /// Every key the links and mentions resolve through, with its entity and how (`via`): IDs, older IDs
    /// (`alias`), and the keys of links written as a file path or a name that resolved; in no order (the
    /// hash takes them in any, the table sorts them).
    static func resolutionRows(_ lib: Library) -> [(key: String, entity: Int, via: String)] {
        var rows: [(key: String, entity: Int, via: String)] = []
        for (k, v) in lib.table { if let first = v.first { rows.append((k, first, "id")) } }
        for (k, v) in lib.aliases where lib.table[k] == nil {
            if let first = v.first { rows.append((k, first, "alias")) }
        }
        var seen = Set<String>()
        for (ei, e) in lib.entities.enumerated() {
            for (ri, ref) in e.references.enumerated() where ref.id.isNotAnID {
                guard let t = lib.targets[ei][ri], seen.insert(ref.id.key).inserted else { continue }
                rows.append((ref.id.key, t, ref.id.isName ? "name" : "path"))
            }
        }
        return rows
    }

    /// A hash of everything the whole-library tables hold (but the build time).
    static func globalRowsHash(_ r: CompileResult) -> String {
        let lib = r.library
        var all = UnorderedHash()
        func record(_ tag: String, _ fill: (inout StreamHash) -> Void) {
            var h = StreamHash()
            h.add(tag)
            fill(&h)
            all.add(h)
        }
        record("summary") {
            $0.add(r.summary.errors); $0.add(r.summary.warnings); $0.add(lib.entities.count);
            $0.add(r.summary.references)
        }
        for (k, e, via) in resolutionRows(lib) {
            record(via) {
                $0.add(k); $0.add(lib.displayID(lib.entities[e])); $0.add(lib.entities[e].file)
            }
        }
        for (v, ks) in lib.scopes {
            let own = lib.videoOwn[v] ?? []
            record("scope") { h in
                h.add(v); for k in ks.sorted() { h.add(k); h.add(own.contains(k) ? "1" : "0") }
            }
        }
        for d in r.diagnostics {
            record("diag") { h in
                h.add(d.code); h.add(d.location?.file); h.add(d.location?.line ?? -1); h.add(d.location?.column ?? -1)
                h.add(d.message); h.add(d.hint)
                for n in d.notes { h.add(n.message); h.add(n.location?.file); h.add(n.location?.line ?? -1) }
            }
        }
        return all.hex
    }

    /// Rows that depend on the whole library: meta, resolution of every ID and alias, scopes, diagnostics.
    /// `globalHash` is `globalRowsHash(r)`, which the caller has made.
    static func insertGlobalRows(_ db: SQLiteDatabase, _ r: CompileResult, buildTime: String, globalHash: String)
        throws
    {
        let lib = r.library
        let meta = try db.prepare("INSERT INTO meta VALUES (?, ?)")
        for (k, v) in [
            ("schema_version", String(IndexSchema.version)), ("taxo_version", TaxoVersion.string),
            ("config_hash", lib.config.hash), ("build_time", buildTime), ("global_hash", globalHash),
            ("errors", String(r.summary.errors)), ("warnings", String(r.summary.warnings)),
            ("entities", String(lib.entities.count)), ("references", String(r.summary.references)),
            ("dangling", String(lib.targets.reduce(0) { $0 + $1.filter { $0 == nil }.count })),
        ] {
            try meta.run([.text(k), .text(v)])
        }
        let res = try db.prepare("INSERT INTO resolution VALUES (?, ?, ?, ?, ?)")
        for (k, i, via) in resolutionRows(lib).sorted(by: { $0.key < $1.key }) {
            let e = lib.entities[i]
            try res.insert { r in
                try r.text(k); try r.text(lib.displayID(e)); try r.text(e.id?.key); try r.text(e.file); try r.text(via)
            }
        }
        let sc = try db.prepare("INSERT INTO scopes VALUES (?, ?, ?)")
        for v in lib.scopes.keys.sorted() {
            let own = lib.videoOwn[v] ?? []
            for k in lib.scopes[v]!.sorted() { try sc.run([.text(v), .text(k), .int(own.contains(k) ? 1 : 0)]) }
        }
        let diag = try db.prepare("INSERT INTO diagnostics VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        for d in r.diagnostics {
            var w = JSONWriter(pretty: false)
            w.notes(nil, d.notes)
            try diag.run([
                .text(d.code), .text(d.severity.label), .text(d.location?.file), .int(d.location?.line),
                .int(d.location?.column), .text(d.message), .text(d.hint), .text(w.out),
            ])
        }
    }

    /// A document's text cut at its headings: (first line, heading, text).
    static func sections(of d: Document) -> [(line: Int, heading: String, text: String)] {
        guard var text = d.text else { return [] }
        // The first heading of each line, in line order: met as the lines are walked (a dictionary of them
        // was asked twice a line).
        let sorted = d.headings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
        var heads: [(line: Int, text: String)] = []
        for (_, h) in sorted where heads.last?.line != h.line { heads.append((h.line, h.text)) }
        var out: [(Int, String, String)] = []
        text.withUTF8 { u in
            var start = 0, startLine = 1, line = 1
            var heading = d.title ?? ""
            var next = 0
            var i = 0
            while true {
                // At the start of `line` (offset i): a heading line closes the previous section.
                while next < heads.count, heads[next].line < line { next += 1 }
                if next < heads.count, heads[next].line == line {
                    if i > start {
                        out.append(
                            (
                                startLine, heading,
                                String(decoding: UnsafeBufferPointer(rebasing: u[start..<(i - 1)]), as: UTF8.self)
                            ))
                        start = i
                    }
                    startLine = line
                    heading = heads[next].text
                }
                guard let nl = ByteSearch.firstIndex(of: 10, in: u, from: i) else { break }
                i = nl + 1
                line += 1
            }
            if start < u.count {
                out.append(
                    (startLine, heading, String(decoding: UnsafeBufferPointer(rebasing: u[start...]), as: UTF8.self)))
            }
        }
        return out
    }
}
