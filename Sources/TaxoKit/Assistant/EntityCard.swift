/// `get_entity`'s answer: one entity with its record, where it is written, what it links to and what each
/// link resolves to, what links to it, where documents mention it, and the findings in its file. Long
/// lists are cut at `limit` items with their totals.
struct EntityCard {
    let session: AssistantSession
    let entity: Int
    static let limit = 200

    func json() -> String {
        let lib = session.library
        let e = lib.entities[entity]
        var w = JSONWriter()
        w.beginObject()
        w.string("id", lib.displayID(e))
        w.string("key", e.id?.key)
        w.string("kind", lib.kindName(e))
        w.string("name", e.name)
        w.string("department", e.department)
        w.string("status", e.status)
        w.string("description", e.description)
        w.string("file", e.file)
        w.int("line", e.location.line)
        w.int("column", e.location.column)
        w.beginArray("aliases"); for a in e.aliases { w.string(nil, a) }; w.endArray()
        if let record = e.record { w.raw("record", record) }
        let copies = (e.id.map { lib.table[$0.key] ?? [] } ?? []).filter { $0 != entity }
        w.beginArray("duplicates")
        for c in copies {
            w.beginObject(); w.string("file", lib.entities[c].file); w.int("line", lib.entities[c].location.line);
            w.endObject()
        }
        w.endArray()
        links(&w)
        backlinks(&w)
        mentions(&w)
        w.beginArray("diagnostics")
        for d in session.result.diagnostics where d.location?.file == e.file { JSONReporter.write(d, into: &w) }
        w.endArray()
        w.endObject()
        return w.out + "\n"
    }

    func links(_ w: inout JSONWriter) {
        let lib = session.library
        let e = lib.entities[entity]
        let targets = entity < lib.targets.count ? lib.targets[entity] : []
        w.beginArray("links")
        for (r, ref) in e.references.enumerated().prefix(EntityCard.limit) {
            w.beginObject()
            w.string("field", ref.field)
            w.string("id", ref.id.written)
            w.string("kind", lib.config.kinds[ref.id.kind].name)
            w.string("label", ref.label)
            w.int("line", ref.location.line)
            if let t = r < targets.count ? targets[r] : nil {
                let target = lib.entities[t]
                w.string("resolved_id", lib.displayID(target))
                w.string("resolved_name", target.name)
                w.string("resolved_file", target.file)
            } else {
                w.string("resolved_id", nil)
            }
            w.endObject()
        }
        w.endArray()
        w.int("links_total", e.references.count)
    }

    func backlinks(_ w: inout JSONWriter) {
        let lib = session.library
        let from = session.backlinks()[entity] ?? []
        w.beginArray("backlinks")
        for (i, r) in from.prefix(EntityCard.limit) {
            let source = lib.entities[i], ref = source.references[r]
            w.beginObject()
            w.string("id", lib.displayID(source))
            w.string("kind", lib.kindName(source))
            w.string("name", source.name)
            w.string("field", ref.field)
            w.string("file", ref.location.file)
            w.int("line", ref.location.line)
            w.endObject()
        }
        w.endArray()
        w.int("backlinks_total", from.count)
    }

    func mentions(_ w: inout JSONWriter) {
        let lib = session.library
        guard let key = lib.entities[entity].id?.key else {
            w.beginArray("mentions"); w.endArray(); w.int("mentions_total", 0)
            return
        }
        var count = 0
        w.beginArray("mentions")
        for d in lib.documents {
            for m in d.mentions where m.id.key == key {
                count += 1
                guard count <= EntityCard.limit else { continue }
                w.beginObject()
                w.string("document", d.path)
                w.string("video", d.video)
                w.int("line", m.location.line)
                w.int("column", m.location.column)
                w.string("heading", m.heading)
                w.string("context", m.context)
                w.endObject()
            }
        }
        w.endArray()
        w.int("mentions_total", count)
    }
}
