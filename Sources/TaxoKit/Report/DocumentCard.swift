/// One document (a transcript, an analysis, a report) as the library sees it: its type, title and video,
/// the IDs it mentions with what each resolves to (or that it resolves to nothing, or is a proposal), the
/// entities its file declares, and the findings in it: `taxo show PATH` and the MCP `get_document` answer.
public struct DocumentCard {
    let result: CompileResult
    let path: String
    /// The library's baseline, when it has one: each finding is then marked as known (in it) or new.
    public var baseline: Baseline?

    /// One ID the document mentions: every place it is written, and what it resolves to.
    struct Mentioned {
        var id: ParsedID
        var entity: Int?
        var lines: [Int]
        var proposal: Bool
        /// The video's own ID (its transcript declares it), never a library entity.
        var ofVideo: Bool
    }

    /// The card of a library file (root-relative), or nil when the compile read no such file.
    public init?(path: String, result: CompileResult) {
        guard result.library.files.contains(where: { $0.path == path }) else { return nil }
        self.result = result
        self.path = path
    }

    var document: Document? { result.library.documents.first { $0.path == path } }

    /// The one entity a file that is no document declares (its card is that entity's), if so.
    public var soleEntity: Int? {
        let d = declared
        return d.count == 1 && document == nil ? d[0] : nil
    }

    /// The entities the file declares, in order.
    var declared: [Int] { result.library.entities.indices.filter { result.library.entities[$0].file == path } }

    /// The IDs mentioned, in order of first mention; an ID the document or its video proposes is a proposal
    /// at every mention (as `taxo check` judges it).
    var mentioned: [Mentioned] {
        guard let d = document else { return [] }
        let lib = result.library
        var out: [Mentioned] = [], at: [String: Int] = [:]
        for m in d.mentions {
            if let i = at[m.id.key] {
                if out[i].lines.last != m.location.line { out[i].lines.append(m.location.line) }
            } else {
                at[m.id.key] = out.count
                out.append(
                    Mentioned(
                        id: m.id, entity: lib.entity(mentionedBy: m, in: d), lines: [m.location.line],
                        proposal: lib.isProposed(m, in: d), ofVideo: lib.namesVideoEntity(m, in: d)))
            }
        }
        return out
    }

    var findings: [Diagnostic] { result.diagnostics.filter { $0.location?.file == path } }

    /// The card as JSON (one object).
    public func json() -> String {
        let lib = result.library
        let d = document
        var w = JSONWriter()
        w.beginObject()
        w.string("path", path)
        w.string("type", d?.type)
        w.string("title", d?.title)
        w.string("video", d?.video)
        w.beginArray("entities")
        for i in declared {
            let e = lib.entities[i]
            w.beginObject(); w.string("id", lib.displayID(e)); w.string("kind", lib.kindName(e))
            w.string("name", e.name); w.int("line", e.location.line); w.endObject()
        }
        w.endArray()
        let ms = mentioned
        w.beginArray("mentions")
        for m in ms.prefix(EntityCard.limit) {
            w.beginObject()
            w.string("id", m.id.written)
            w.string("kind", lib.config.kinds[m.id.kind].name)
            w.beginArray("lines"); for l in m.lines { w.int(nil, l) }; w.endArray()
            w.bool("proposal", m.proposal)
            w.bool("video_own", m.ofVideo)
            if let t = m.entity {
                w.string("resolved_id", lib.displayID(lib.entities[t])); w.string("resolved_name", lib.entities[t].name)
                w.string("resolved_file", lib.entities[t].file)
            } else {
                w.string("resolved_id", nil)
            }
            w.endObject()
        }
        w.endArray()
        w.int("mentions_total", ms.count)
        EntityCard.writeFindings(findings, baseline: baseline, grammar: lib.grammar, into: &w)
        w.endObject()
        return w.out + "\n"
    }

    /// The card for a terminal: what the document is, the IDs it mentions (resolved first, then proposals,
    /// then those that resolve to nothing), the entities its file declares and its findings.
    public func text(path display: (String) -> String = { $0 }) -> String {
        let lib = result.library
        let d = document
        var lines = [display(path)]
        let facts = [d?.type, d?.video, d?.title].compactMap { $0 }
        if !facts.isEmpty { lines.append("  " + facts.joined(separator: " · ")) }
        let ms = mentioned
        func place(_ m: Mentioned) -> String {
            "  line" + (m.lines.count == 1 ? " " : "s ") + m.lines.prefix(8).map(String.init).joined(separator: ", ")
                + (m.lines.count > 8 ? ", +\(m.lines.count - 8)" : "")
        }
        let resolved = ms.filter { $0.entity != nil }, own = ms.filter(\.ofVideo)
        let proposed = ms.filter { $0.entity == nil && !$0.ofVideo && $0.proposal }
        let missing = ms.filter { $0.entity == nil && !$0.ofVideo && !$0.proposal }
        lines += EntityCard.section("Mentions that resolve", total: resolved.count)
        for m in resolved.prefix(EntityCard.limit) {
            let e = lib.entities[m.entity!]
            lines.append("  \(m.id.written) \(e.name ?? "") (\(lib.kindName(e)))" + place(m))
        }
        if d?.video != nil {
            lines += EntityCard.section("The video's own IDs", total: own.count)
            for m in own.prefix(EntityCard.limit) { lines.append("  \(m.id.written)" + place(m)) }
        }
        lines += EntityCard.section("Proposed IDs", total: proposed.count)
        for m in proposed.prefix(EntityCard.limit) { lines.append("  \(m.id.written)" + place(m)) }
        lines += EntityCard.section("Mentions of nothing", total: missing.count)
        for m in missing.prefix(EntityCard.limit) {
            lines.append("  \(m.id.written) (no such \(lib.config.kinds[m.id.kind].name))" + place(m))
        }
        let declared = self.declared
        if !declared.isEmpty {
            lines += EntityCard.section("Entities it declares", total: declared.count)
            for i in declared.prefix(EntityCard.limit) {
                let e = lib.entities[i]
                lines.append("  \(lib.displayID(e)) \(e.name ?? "") (\(lib.kindName(e)))  line \(e.location.line)")
            }
        }
        lines += EntityCard.findingLines(findings, title: "Findings", baseline: baseline, grammar: lib.grammar) {
            "\($0.line):\($0.column): "
        }
        return lines.map(Visible.escaped).joined(separator: "\n") + "\n"
    }
}
