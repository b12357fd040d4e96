/// One entity with its record, where it is written, what it links to and what each link resolves to, what
/// links to it, where documents mention it, and the findings in its file: `get_entity`'s answer and `taxo
/// show`'s. Long lists are cut at `limit` items with their totals.
public struct EntityCard {
    let result: CompileResult
    let entity: Int
    /// Entity -> the (entity, reference) pairs that link to it (`Library.backlinks`, made once by the caller
    /// that shows many cards).
    let backlinkTable: [Int: [(entity: Int, reference: Int)]]
    static let limit = 200

    /// The card of an entity of a compiled library.
    public init(result: CompileResult, entity: Int, backlinks: [Int: [(entity: Int, reference: Int)]]? = nil) {
        self.result = result
        self.entity = entity
        self.backlinkTable = backlinks ?? result.library.backlinks()
    }

    /// The card as JSON (one object).
    public func json() -> String {
        let lib = result.library
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
        for d in result.diagnostics where d.location?.file == e.file { JSONReporter.write(d, into: &w) }
        w.endArray()
        w.endObject()
        return w.out + "\n"
    }

    func links(_ w: inout JSONWriter) {
        let lib = result.library
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
        let lib = result.library
        let from = backlinkTable[entity] ?? []
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
        let lib = result.library
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

extension EntityCard {
    /// The card as text for a terminal (`taxo show`): the entity, then its links, backlinks, mentions and the
    /// findings in its file, one per line with `file:line`; `path` shows a library path as the caller wants.
    public func text(path: (String) -> String = { $0 }) -> String {
        let lib = result.library
        let e = lib.entities[entity]
        var out = lib.displayID(e) + (e.name.map { " " + $0 } ?? "") + "\n"
        var facts = [lib.kindName(e)]
        if let d = lib.departmentCode(of: e) ?? e.department { facts.append("department " + d) }
        if let s = e.status { facts.append("status " + s) }
        out += "  " + facts.joined(separator: " · ") + "\n"
        out += "  \(path(e.file)):\(e.location.line):\(e.location.column)\n"
        if let d = e.description, !d.isEmpty { out += "  " + d.replacingAll("\n", with: " ") + "\n" }
        if !e.aliases.isEmpty { out += "  also: " + e.aliases.joined(separator: ", ") + "\n" }
        for c in (e.id.map { lib.table[$0.key] ?? [] } ?? []) where c != entity {
            out += "  also declared at \(path(lib.entities[c].file)):\(lib.entities[c].location.line)\n"
        }
        let targets = entity < lib.targets.count ? lib.targets[entity] : []
        out += EntityCard.section("Links", total: e.references.count)
        for (r, ref) in e.references.enumerated().prefix(EntityCard.limit) {
            let to = (r < targets.count ? targets[r] : nil).map { t in
                let target = lib.entities[t]
                return lib.displayID(target) + (target.name.map { " " + $0 } ?? "")
            }
            out +=
                "  \(ref.field): \(to ?? ref.id.written + " (no such \(lib.config.kinds[ref.id.kind].name))")"
                + "  line \(ref.location.line)\n"
        }
        let from = backlinkTable[entity] ?? []
        out += EntityCard.section("Backlinks", total: from.count)
        for (i, r) in from.prefix(EntityCard.limit) {
            let source = lib.entities[i], ref = source.references[r]
            out +=
                "  \(lib.displayID(source))\(source.name.map { " " + $0 } ?? "") (\(lib.kindName(source)), "
                + "\(ref.field))  \(path(ref.location.file)):\(ref.location.line)\n"
        }
        var mentions: [String] = []
        var total = 0
        if let key = e.id?.key {
            for d in lib.documents {
                for m in d.mentions where m.id.key == key {
                    total += 1
                    guard total <= EntityCard.limit else { continue }
                    let under = m.heading.map { "  § " + $0 } ?? ""
                    mentions.append("  \(path(d.path)):\(m.location.line)\(under)\n")
                }
            }
        }
        out += EntityCard.section("Mentions in documents", total: total) + mentions.joined()
        let findings = result.diagnostics.filter { $0.location?.file == e.file }
        out += EntityCard.section("Findings in its file", total: findings.count)
        for d in findings.prefix(EntityCard.limit) {
            let at = d.location.map { "\(path($0.file)):\($0.line):\($0.column): " } ?? ""
            out += "  \(at)\(d.severity.label): \(d.message) [\(d.code)]\n"
        }
        return out
    }

    /// A section's title with its total (and how many are shown when it is cut).
    static func section(_ title: String, total: Int) -> String {
        "\n\(title) (\(total > limit ? "\(limit) of \(total)" : "\(total)"))\n"
    }
}
