import Foundation

/// A gap report: the candidates of some documents with their verdicts, as Markdown (from
/// `templates/gap-analysis.md.mustache`) or versioned JSON.
public struct GapReport {
    public var title: String
    public var sourceID: String
    public var targets: [String]
    public var candidates: [GapCandidate]
    public var library: Library
    public var command: String
    /// The library root (absolute), and the folder the report will be written to (absolute): links are made
    /// relative to it so that they resolve where the report is read. Nil: links relative to the library root.
    public var root = ""
    public var linksFrom: String?
    /// Documents of the targets that were not analysed, and why (a conflicted copy of another document).
    public var skipped: [(path: String, reason: String)] = []
    var allocator: IDAllocator

    /// The report's groups: a title (with the kinds' prefixes) and the kinds it holds; the last is "Other".
    var groups: [(name: String, kinds: [Int])] {
        let config = library.config
        var out: [(String, [Int])] = []
        for g in Role.gapGroups {
            let ks = g.roles.compactMap { config.kindIndex(role: $0) }
            guard !ks.isEmpty else { continue }
            let prefixes = ks.count == 1 ? " (" + config.kinds[ks[0]].prefix + ")" : ""
            out.append((g.title + prefixes, ks))
        }
        out.append(("Other", []))
        return out
    }

    /// The group of a candidate of this kind (the last, "Other", when none names it).
    func group(kind: Int?, in groups: [(name: String, kinds: [Int])]) -> Int {
        guard let k = kind else { return groups.count - 1 }
        return groups.firstIndex { $0.kinds.contains(k) } ?? groups.count - 1
    }

    /// How many of the candidates at these indices have each verdict (each read in place: a candidate is
    /// large, and a report has thousands).
    static func verdicts(of cs: [GapCandidate], at indices: some Sequence<Int>) -> [GapVerdict: Int] {
        var n: [GapVerdict: Int] = [:]
        for i in indices { n[cs[i].verdict, default: 0] += 1 }
        return n
    }

    static func maxPriority(_ cs: some Sequence<GapCandidate>) -> String {
        for p in ["HIGH", "MED", "LOW"] where cs.contains(where: { $0.priority == p }) { return p }
        return "—"
    }

    /// Distinct places (file and line) of a candidate, in order: the indices of their first occurrences
    /// (the occurrences themselves are large; most reports show four places of hundreds).
    func places(_ c: GapCandidate) -> [Int] {
        // Occurrences are sorted by file and line: a place is one that differs from the one before.
        var out: [Int] = []
        let os = c.occurrences
        for i in os.indices {
            if let last = out.last, os[last].line == os[i].line, os[last].file == os[i].file { continue }
            out.append(i)
        }
        return out
    }

    /// `a`, `a or b`, `a, b or c`.
    static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items.last!
    }

    func action(_ c: GapCandidate) -> String {
        let kind = c.kind.map { library.config.kinds[$0].name } ?? "entry"
        switch c.verdict {
        case .exists: return "none"
        case .conflict:
            let base = c.note.isEmpty ? "reconcile with the library" : "reconcile: " + c.note
            return base
                + (c.suggestedID.map { "; if it is another \(kind), create it with the proposed ID \($0)" } ?? "")
        case .near:
            return "check whether it is \(c.libraryID ?? "") (\(c.libraryName ?? "")); fix the spelling or add an alias"
        case .missing:
            let same =
                c.similar.isEmpty
                ? "" : "; it may be the same \(kind) as " + GapReport.list(c.similar) + ": if so, create one"
            guard let id = c.suggestedID else { return "create the \(kind)" + same }
            guard c.ids.count > 1 else { return "create the \(kind), proposed ID \(id)" + same }
            let others = c.ids.dropFirst().map(\.written).joined(separator: ", ")
            return "create the \(kind) once, proposed ID \(id); correct \(others) in the documents" + same
        case .placeholder:
            return c.suggestedID.map { "assign the proposed ID \($0) and create the \(kind)" }
                ?? "assign an ID and create the \(kind)"
        case .proposed: return "none (the video's own ID; integrate it in Phase 6)"
        case .broken: return "fix \(c.libraryFile ?? "the file") so that it parses"
        }
    }

    /// The report as Markdown, rendered through `gap-analysis.md`.
    public func markdown(templates: Templates) throws -> String {
        try templates.render("gap-analysis.md", context())
    }

    /// The report's typed context, as the templates are given it (`Report/GapReportContext.swift`; its tree
    /// made directly, `Report/GapReportTree.swift`).
    public func context() throws -> ReportValue {
        GapReportContext(self).templateTree
    }

    static let evidencePerPage = 20

    /// The report as JSON. With `page` (`taxo mcp`), only those candidates, with the total and the cursor of
    /// the next page; the summary always counts all of them.
    public func json(page: Range<Int>? = nil) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.int("version", 1)
        w.string("title", title)
        w.beginArray("targets"); for t in targets { w.string(nil, t) }; w.endArray()
        w.beginArray("skipped")
        for s in skipped { w.beginObject(); w.string("path", s.path); w.string("reason", s.reason); w.endObject() }
        w.endArray()
        w.beginArray("candidates")
        let shown = page.map { candidates[$0.clamped(to: candidates.indices)] } ?? candidates[...]
        for c in shown {
            w.beginObject()
            w.string("kind", c.kind.map { library.config.kinds[$0].name })
            w.string("text", c.text)
            w.string("name", c.name)
            w.string("id", c.id)
            w.beginArray("ids"); for i in c.ids { w.string(nil, i.written) };
            for p in c.placeholders { w.string(nil, p) }; w.endArray()
            w.string("verdict", c.verdict.rawValue)
            w.string("library_id", c.libraryID)
            w.string("library_name", c.libraryName)
            w.string("library_file", c.libraryFile)
            w.string("suggested_id", c.suggestedID)
            if let s = c.score { w.raw("score", String(format: "%.2f", s)) } else { w.raw("score", "null") }
            w.string("priority", c.priority)
            w.string("note", c.note.isEmpty ? nil : c.note)
            w.beginArray("similar"); for t in c.similar { w.string(nil, t) }; w.endArray()
            w.beginArray("versions"); for v in c.versions { w.string(nil, v) }; w.endArray()
            w.string("video", c.scopedTo)
            w.beginArray("evidence")
            let all = places(c)
            // A page (`taxo mcp`) is bounded: the first places of each candidate, with their count.
            for i in page == nil ? all[...] : all.prefix(GapReport.evidencePerPage) {
                let o = c.occurrences[i]
                w.beginObject()
                w.string("file", o.file); w.int("line", o.line); w.int("column", o.column)
                w.string("heading", o.heading); w.string("snippet", o.snippet); w.string("timestamp", o.timestamp)
                w.string("version", o.version)
                w.endObject()
            }
            w.endArray()
            if page != nil { w.int("evidence_total", all.count) }
            w.endObject()
        }
        w.endArray()
        w.beginObject("summary")
        let verdicts = GapReport.verdicts(of: candidates, at: candidates.indices)
        for v in GapVerdict.allCases { w.int(v.rawValue, verdicts[v] ?? 0) }
        w.endObject()
        if let page {
            w.int("total_candidates", candidates.count)
            w.string("next_cursor", page.upperBound < candidates.count ? String(page.upperBound) : nil)
        }
        w.endObject()
        return w.out + "\n"
    }
}
