/// One entity with its record, where it is written, what it links to and what each link resolves to, what
/// links to it, where documents mention it, and the findings in its file: `get_entity`'s answer and `taxo
/// show`'s. Long lists are cut at `limit` items with their totals.
public struct EntityCard {
    let result: CompileResult
    let entity: Int
    /// Entity -> the (entity, reference) pairs that link to it (`Library.backlinks`, made once by the caller
    /// that shows many cards).
    let backlinkTable: [Int: [(entity: Int, reference: Int)]]
    /// The entity's record as compact JSON (a compile that took its file from the cache has none: the caller
    /// may read it with `Compiler.record(of:)`).
    public var record: String?
    /// The library's baseline, when it has one: each finding is then marked as known (in it) or new.
    public var baseline: Baseline?
    static let limit = 200

    /// The card of an entity of a compiled library.
    public init(result: CompileResult, entity: Int, backlinks: [Int: [(entity: Int, reference: Int)]]? = nil) {
        self.result = result
        self.entity = entity
        self.backlinkTable = backlinks ?? result.library.backlinks()
        record = result.library.entities[entity].record
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
        if let record { w.raw("record", record) }
        w.beginArray("duplicates")
        for c in duplicates {
            w.beginObject(); w.string("file", lib.entities[c].file); w.int("line", lib.entities[c].location.line);
            w.endObject()
        }
        w.endArray()
        links(&w)
        unmatched(&w)
        backlinks(&w)
        hierarchy(&w)
        mentions(&w)
        EntityCard.writeFindings(findings, baseline: baseline, grammar: lib.grammar, into: &w)
        w.endObject()
        return w.out + "\n"
    }

    /// The `diagnostics` array, each finding marked `in_baseline` when there is a baseline.
    static func writeFindings(
        _ findings: [Diagnostic], baseline: Baseline?, grammar: IDGrammar, into w: inout JSONWriter
    ) {
        let held = baseline?.held(findings, grammar: grammar)
        w.beginArray("diagnostics")
        for (i, d) in findings.enumerated() {
            JSONReporter.write(d, into: &w, extra: held.map { h in { w in w.bool("in_baseline", h[i]) } })
        }
        w.endArray()
    }

    func links(_ w: inout JSONWriter) {
        let lib = result.library
        let e = lib.entities[entity]
        w.beginArray("links")
        for (r, ref) in e.references.enumerated().prefix(EntityCard.limit) {
            w.beginObject()
            w.string("field", ref.field)
            w.string("id", ref.id.written)
            w.string("kind", lib.config.kinds[ref.id.kind].name)
            w.string("label", ref.label)
            w.int("line", ref.location.line)
            if let t = target(r) {
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

    /// The record's links by name that link to nothing, with why and the names they may have meant.
    func unmatched(_ w: inout JSONWriter) {
        let lib = result.library
        w.beginArray("unmatched_names")
        var near = NearNames.ByKind()
        for u in lib.unmatchedNames(of: entity).prefix(EntityCard.limit) {
            let r = u.reference
            w.beginObject()
            w.string("field", r.field)
            w.string("name", r.id.written)
            w.string("kind", lib.config.kinds[r.id.kind].name)
            w.int("line", r.location.line)
            w.int("column", r.location.column)
            w.string("why", u.why(in: lib))
            w.beginArray("shared_by"); for e in u.sharedBy { w.string(nil, lib.displayID(lib.entities[e])) };
            w.endArray()
            w.beginArray("did_you_mean")
            for n in u.nearNames(in: lib, near: near(r.id.kind, lib)) { w.string(nil, n) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
    }

    func backlinks(_ w: inout JSONWriter) {
        let lib = result.library
        let from = backlinkTable[entity] ?? []
        w.beginArray("backlinks")
        for (i, r) in from.prefix(EntityCard.limit) {
            let ref = lib.entities[i].references[r]
            EntityCard.brief(i, lib, field: ref.field, at: ref.location, &w)
        }
        w.endArray()
        w.int("backlinks_total", from.count)
    }

    /// Its place in the configured hierarchy: its level, its parents and its children (null for a kind
    /// outside the hierarchy).
    func hierarchy(_ w: inout JSONWriter) {
        let lib = result.library
        guard let (level, parents, children) = family else { return w.raw("hierarchy", "null") }
        w.beginObject("hierarchy")
        w.string("level", lib.config.hierarchy[level])
        for (key, list) in [("parents", parents), ("children", children)] {
            w.beginArray(key)
            for i in list.prefix(EntityCard.limit) {
                EntityCard.brief(i, lib, at: lib.entities[i].location, &w)
            }
            w.endArray()
        }
        w.int("children_total", children.count)
        w.endObject()
    }

    /// Another entity in brief (a backlink's source with the field that links, a parent or a child): its ID,
    /// kind, name, and the place given.
    static func brief(
        _ i: Int, _ lib: Library, field: String? = nil, at place: SourceLocation, _ w: inout JSONWriter
    ) {
        let e = lib.entities[i]
        w.beginObject()
        w.string("id", lib.displayID(e))
        w.string("kind", lib.kindName(e))
        w.string("name", e.name)
        if let field { w.string("field", field) }
        w.string("file", place.file)
        w.int("line", place.line)
        w.endObject()
    }

    /// The entity's level in the hierarchy (an index into `hierarchy`), its parents and its children, in ID
    /// order; nil when its kind is not in the hierarchy.
    var family: (level: Int, parents: [Int], children: [Int])? {
        let lib = result.library, h = lib.hierarchy
        guard let level = h.level[lib.entities[entity].kind] else { return nil }
        func byID(_ list: [Int]) -> [Int] {
            list.map { (lib.displayID(lib.entities[$0]), $0) }.sorted { $0 < $1 }.map(\.1)
        }
        return (level, byID(h.parents(of: entity)), byID(h.children(of: entity)))
    }

    func mentions(_ w: inout JSONWriter) {
        let (shown, total) = mentionList()
        w.beginArray("mentions")
        for (d, m) in shown {
            w.beginObject()
            w.string("document", d.path)
            w.string("video", d.video)
            w.int("line", m.location.line)
            w.int("column", m.location.column)
            w.string("heading", m.heading)
            w.string("context", m.context)
            w.endObject()
        }
        w.endArray()
        w.int("mentions_total", total)
    }

    /// The other entities declaring the same ID.
    var duplicates: [Int] {
        let e = result.library.entities[entity]
        return (e.id.map { result.library.table[$0.key] ?? [] } ?? []).filter { $0 != entity }
    }

    /// The entity reference `r` resolves to, or nil when it dangles.
    func target(_ r: Int) -> Int? {
        let targets = entity < result.library.targets.count ? result.library.targets[entity] : []
        return r < targets.count ? targets[r] : nil
    }

    /// The documents' mentions of the entity, the first `limit` of them, and how many there are.
    func mentionList() -> (shown: [(document: Document, mention: Mention)], total: Int) {
        guard let key = result.library.entities[entity].id?.key else { return ([], 0) }
        let all = result.library.mentions(of: key)
        return (Array(all.prefix(EntityCard.limit)), all.count)
    }

    /// The findings in the entity's file.
    var findings: [Diagnostic] {
        let file = result.library.entities[entity].file
        return result.diagnostics.filter { $0.location?.file == file }
    }
}

extension EntityCard {
    /// The card as text for a terminal (`taxo show`): the entity, then its links, backlinks, mentions and the
    /// findings in its file, one per line with `file:line`; `path` shows a library path as the caller wants.
    /// Text from the library is made visible (`Visible`): a name cannot recolour the terminal.
    public func text(path: (String) -> String = { $0 }) -> String {
        let lib = result.library
        let e = lib.entities[entity]
        func named(_ i: Int) -> String { lib.label(at: i) }
        var facts = [lib.kindName(e)]
        if let d = lib.departmentCode(of: e) ?? e.department { facts.append("department " + d) }
        if let s = e.status { facts.append("status " + s) }
        var lines = [
            named(entity), "  " + facts.joined(separator: " · "),
            "  \(path(e.file)):\(e.location.line):\(e.location.column)",
        ]
        if let d = e.description, !d.isEmpty { lines.append("  " + d.replacingAll("\n", with: " ")) }
        if !e.aliases.isEmpty { lines.append("  also: " + e.aliases.joined(separator: ", ")) }
        for c in duplicates {
            lines.append("  also declared at \(path(lib.entities[c].file)):\(lib.entities[c].location.line)")
        }
        lines += EntityCard.section("Links", total: e.references.count)
        for (r, ref) in e.references.enumerated().prefix(EntityCard.limit) {
            let kind = lib.config.kinds[ref.id.kind].name
            let to =
                target(r).map(named)
                ?? ref.id.written + (ref.label.map { " " + $0 } ?? "")
                + (ref.declaredHere ? " (a \(kind) described in this file)" : " (no such \(kind))")
            lines.append("  \(ref.field): \(to)  line \(ref.location.line)")
        }
        let unmatched = lib.unmatchedNames(of: entity)
        if !unmatched.isEmpty {
            lines += EntityCard.section("Names that link to nothing", total: unmatched.count)
            var near = NearNames.ByKind()
            for u in unmatched.prefix(EntityCard.limit) {
                let r = u.reference
                lines.append(
                    "  \(r.field): \(r.id.written)  line \(r.location.line) (\(u.explanation(in: lib, near: near(r.id.kind, lib))))"
                )
            }
        }
        let from = backlinkTable[entity] ?? []
        lines += EntityCard.section("Backlinks", total: from.count)
        for (i, r) in from.prefix(EntityCard.limit) {
            let ref = lib.entities[i].references[r]
            lines.append(
                "  \(named(i)) (\(lib.kindName(lib.entities[i])), \(ref.field))  \(path(ref.location.file)):\(ref.location.line)"
            )
        }
        if let (level, parents, children) = family {
            let h = lib.config.hierarchy
            func count(_ n: Int, _ l: Int) -> String? { l >= 0 && l < h.count ? EnglishPlural.count(n, h[l]) : nil }
            let place = [
                count(parents.count, level - 1).map { "under " + $0 },
                count(children.count, level + 1).map { "over " + $0 },
            ]
            lines += [
                "",
                "Hierarchy: \(([h[level]] + place.compactMap { $0 }).joined(separator: ", ")) (\(h.joined(separator: " > ")))",
            ]
            for (word, list) in [("parent", parents), ("child", children)] {
                for i in list.prefix(EntityCard.limit) {
                    let e = lib.entities[i]
                    lines.append("  \(word): \(named(i)) (\(lib.kindName(e)))  \(path(e.file)):\(e.location.line)")
                }
            }
        }
        let (shown, total) = mentionList()
        lines += EntityCard.section("Mentions in documents", total: total)
        for ((d, m), n) in MentionLines.collapse(shown, place: { ($0.document.path, $0.mention.location.line) }) {
            lines.append(
                "  \(path(d.path)):\(m.location.line)" + (m.heading.map { "  § " + $0 } ?? "") + MentionLines.note(n))
        }
        lines += EntityCard.findingLines(
            findings, title: "Findings in its file", baseline: baseline, grammar: lib.grammar
        ) {
            "\(path($0.file)):\($0.line):\($0.column): "
        }
        return lines.map(Visible.escaped).joined(separator: "\n") + "\n"
    }

    /// A findings section: its title with the total, then one line per finding, `place` giving where; with a
    /// baseline, those it holds end "(in the baseline)".
    static func findingLines(
        _ findings: [Diagnostic], title: String, baseline: Baseline?, grammar: IDGrammar,
        place: (SourceLocation) -> String
    ) -> [String] {
        let held = baseline?.held(findings, grammar: grammar)
        return section(title, total: findings.count)
            + findings.prefix(limit).enumerated().map { i, d in
                "  \(d.location.map(place) ?? "")\(d.severity.label): \(d.message) [\(d.code)]"
                    + (held?[i] == true ? " (in the baseline)" : "")
            }
    }

    /// A section's title with its total (and how many are shown when it is cut), after a blank line.
    static func section(_ title: String, total: Int) -> [String] {
        ["", "\(title) (\(total > limit ? "\(limit) of \(total)" : "\(total)"))"]
    }
}
