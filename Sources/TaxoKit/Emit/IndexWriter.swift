import Foundation

/// Writes the compiled library to `index.sqlite`: into a temporary file beside it, in one transaction,
/// rows in sorted order, then renamed into place, so a crash never leaves a half-written index and two
/// builds of one library differ only in `meta.build_time`.
public enum IndexWriter {
    public static func write(_ result: CompileResult, to path: String, buildTime: String) throws {
        let tmp = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: tmp)
        do {
            try fill(result, path: tmp, buildTime: buildTime)
            if ProcessInfo.processInfo.environment["TAXO_TEST_PAUSE_BEFORE_RENAME"] == "1" {
                // Tests kill the process here to prove the previous index survives.
                FileHandle.standardError.write(Data("taxo: paused before rename\n".utf8))
                Thread.sleep(forTimeInterval: 30)
            }
            if rename(tmp, path) != 0 { throw SQLiteDatabase.Error(message: "cannot rename the index into place", sql: path) }
        } catch {
            try? FileManager.default.removeItem(atPath: tmp)
            throw error
        }
    }

    static func fill(_ r: CompileResult, path: String, buildTime: String) throws {
        let db = try SQLiteDatabase(path: path)
        try db.exec("PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;")
        try db.exec("BEGIN")
        try db.exec(IndexSchema.sql)
        let lib = r.library
        let kinds = lib.config.kinds.map(\.name)

        let meta = try db.prepare("INSERT INTO meta VALUES (?, ?)")
        for (k, v) in [("schema_version", String(IndexSchema.version)), ("taxo_version", TaxoVersion.string),
                       ("config_hash", lib.config.hash), ("build_time", buildTime),
                       ("errors", String(r.summary.errors)), ("warnings", String(r.summary.warnings))] {
            try meta.run([.text(k), .text(v)])
        }

        let files = try db.prepare("INSERT INTO files VALUES (?, ?, ?, ?)")
        for f in lib.files.sorted(by: { $0.path < $1.path }) {
            try files.run([.text(f.path), .text(f.format.rawValue), .int(f.size), .text(f.hash)])
        }

        let ent = try db.prepare("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let fts = try db.prepare("INSERT INTO entity_fts VALUES (?, ?, ?, ?, ?, ?)")
        let alias = try db.prepare("INSERT INTO aliases VALUES (?, ?, ?, ?, ?)")
        let order = lib.entities.indices.sorted { lib.entities[$0].location < lib.entities[$1].location }
        for i in order {
            let e = lib.entities[i]
            let id = lib.displayID(e)
            try ent.run([.text(id), .text(e.id?.key), .text(kinds[e.kind]), .text(e.name), .text(e.department), .text(e.description),
                         .text(e.file), .int(e.location.line), .int(e.location.column), .text(e.record)])
            try fts.run([.text(id), .text(kinds[e.kind]), .text(e.file), .int(e.location.line), .text(e.name ?? ""), .text(e.description ?? "")])
            for a in e.legacyKeys.sorted() {
                try alias.run([.text(a.hasPrefix("~") ? String(a.dropFirst()) : a), .text(kinds[e.kind]), .text(id), .text(e.id?.key), .text(e.file)])
            }
            if let p = e.id, p.written != p.canonical {
                try alias.run([.text(p.written), .text(kinds[e.kind]), .text(id), .text(p.key), .text(e.file)])
            }
        }

        let link = try db.prepare("INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for i in order {
            let e = lib.entities[i]
            let refs = e.references.indices.sorted { (e.references[$0].location, e.references[$0].id.written) < (e.references[$1].location, e.references[$1].id.written) }
            for ri in refs {
                let ref = e.references[ri]
                let t = lib.targets[i][ri].map { lib.entities[$0] }
                try link.run([.text(lib.displayID(e)), .text(e.id?.key), .text(kinds[e.kind]), .text(ref.field), .text(ref.raw), .text(ref.label),
                              .text(ref.id.written), .text(ref.id.key), .text(kinds[ref.id.kind]),
                              .text(t.map { lib.displayID($0) }), .text(t?.id?.key), .text(t?.file),
                              .text(ref.location.file), .int(ref.location.line), .int(ref.location.column)])
            }
        }

        let doc = try db.prepare("INSERT INTO documents VALUES (?, ?, ?, ?, ?)")
        let sec = try db.prepare("INSERT INTO sections VALUES (?, ?, ?, ?)")
        let men = try db.prepare("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let dfts = try db.prepare("INSERT INTO document_fts VALUES (?, ?, ?, ?)")
        for d in lib.documents.sorted(by: { $0.path < $1.path }) {
            var w = JSONWriter(pretty: false)
            w.beginObject()
            for k in d.fields.keys.sorted() { w.string(k, d.fields[k]) }
            w.endObject()
            try doc.run([.text(d.path), .text(d.title), .text(d.type), .text(d.video), .text(w.out)])
            for h in d.headings.sorted(by: { $0.line < $1.line }) {
                try sec.run([.text(d.path), .int(h.level), .text(h.text), .int(h.line)])
            }
            let scope = d.video.flatMap { lib.scopes[$0] }
            for m in d.mentions.sorted(by: { ($0.location, $0.id.written) < ($1.location, $1.id.written) }) {
                let t = lib.lookup(m.id).map { lib.entities[$0] }
                let inScope = lib.config.kinds[m.id.kind].scoped && scope?.contains(m.id.key) == true
                try men.run([.text(d.path), .text(m.id.written), .text(m.id.key), .text(kinds[m.id.kind]),
                             .int(m.location.line), .int(m.location.column), .text(m.heading), .text(m.context), .text(m.label),
                             .int(m.isProposal ? 1 : 0), .int(m.declaresScope || inScope ? 1 : 0),
                             .text(t.map { lib.displayID($0) }), .text(t?.file)])
            }
            for s in sections(of: d) { try dfts.run([.text(d.path), .int(s.line), .text(s.heading), .text(s.text)]) }
        }

        let diag = try db.prepare("INSERT INTO diagnostics VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        for d in r.diagnostics {
            var w = JSONWriter(pretty: false)
            w.beginArray()
            for n in d.notes {
                w.beginObject()
                w.string("message", n.message)
                w.string("file", n.location?.file)
                w.int("line", n.location?.line)
                w.int("column", n.location?.column)
                w.endObject()
            }
            w.endArray()
            try diag.run([.text(d.code), .text(d.severity.label), .text(d.location?.file), .int(d.location?.line),
                          .int(d.location?.column), .text(d.message), .text(d.hint), .text(w.out)])
        }
        try db.exec("COMMIT")
        try db.exec("INSERT INTO entity_fts(entity_fts) VALUES('optimize'); INSERT INTO document_fts(document_fts) VALUES('optimize');")
    }

    /// A document's text cut at its headings: (first line, heading, text).
    static func sections(of d: Document) -> [(line: Int, heading: String, text: String)] {
        guard let text = d.text else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let starts = Set(d.headings.map(\.line))
        var out: [(Int, String, String)] = []
        var cur: [Substring] = []
        var curLine = 1
        var heading = d.title ?? ""
        for (i, l) in lines.enumerated() {
            if starts.contains(i + 1), !cur.isEmpty {
                out.append((curLine, heading, cur.joined(separator: "\n")))
                cur = []
            }
            if starts.contains(i + 1) {
                curLine = i + 1
                heading = d.headings.first { $0.line == i + 1 }?.text ?? heading
            }
            cur.append(l)
        }
        if !cur.isEmpty { out.append((curLine, heading, cur.joined(separator: "\n"))) }
        return out
    }
}
