/// `taxo diff`'s answer in three forms: text for the terminal, Markdown for a pull request's comment
/// (`templates/diff.md.mustache`), and JSON. Long lists are cut at `limit` items with their totals.
public struct DiffReport {
    public let diff: LibraryDiff
    /// What was compared, in words (`origin/main (3f2a1c0) -> working tree`).
    public let title: String
    static let limit = 200

    public init(_ diff: LibraryDiff, title: String) {
        self.diff = diff
        self.title = title
    }

    /// One line saying how much changed.
    public var summary: String {
        let d = diff
        var parts = [
            count(d.added.count, "entity added", "entities added"),
            count(d.removed.count, "removed", "removed"),
            count(d.renamed.count, "renamed", "renamed"), count(d.changed.count, "changed", "changed"),
            count(d.linksAdded.count, "link added", "links added"),
            count(d.linksRemoved.count, "link removed", "links removed"),
            count(d.newFindings.count, "new finding", "new findings"),
            count(d.fixedFindings.count, "finding fixed", "findings fixed"),
            count(d.phases.count, "phase changed", "phases changed"),
            count(d.documents.count, "document changed", "documents changed"),
            count(d.masterRows.count, "master-list row changed", "master-list rows changed"),
        ].compactMap { $0 }
        if parts.isEmpty { parts = ["no change to entities, links, findings, phases, documents or master lists"] }
        return "\(d.filesChanged) file\(d.filesChanged == 1 ? "" : "s") changed: " + parts.joined(separator: ", ")
    }

    func count(_ n: Int, _ one: String, _ many: String) -> String? { n == 0 ? nil : "\(n) \(n == 1 ? one : many)" }

    static func entity(_ e: LibraryDiff.EntityRef) -> String {
        "\(e.id) \(e.kind)" + (e.name.map { " '\($0)'" } ?? "")
    }

    /// `+ path (analysis, Video_024)`, or `* path: mentions +TOL-SEC-125 -TOL-QA-031`.
    static func document(_ c: LibraryDiff.DocumentChange) -> String {
        let about = [c.type, c.video].compactMap { $0 }.joined(separator: ", ")
        return "\(marker(c.change)) \(c.path)" + (about.isEmpty ? "" : " (\(about))")
            + (mentions(c).map { ": " + $0 } ?? "")
    }

    /// The IDs a changed document's mentions gained and lost: `mentions +TOL-SEC-125 -TOL-QA-031`.
    static func mentions(_ c: LibraryDiff.DocumentChange) -> String? {
        guard !c.mentionsAdded.isEmpty || !c.mentionsRemoved.isEmpty else { return nil }
        return "mentions "
            + (c.mentionsAdded.map { "+" + $0 } + c.mentionsRemoved.map { "-" + $0 }).joined(separator: " ")
    }

    /// `+ LIBRARIES/Tools.csv:12 TOL-060 'Miro'`, or `* LIBRARIES/Tools.csv:4 TOL-002: name 'A' -> 'B'`.
    static func row(_ r: LibraryDiff.RowChange) -> String {
        "\(marker(r.change)) \(r.list):\(r.line) \(r.id)"
            + (r.changes.isEmpty ? r.name.map { " '\($0)'" } ?? "" : ": " + r.changes.joined(separator: "; "))
    }

    /// `+` for added, `-` for removed, `*` for changed.
    static func marker(_ change: String) -> String { change == "added" ? "+" : change == "removed" ? "-" : "*" }

    static func link(_ l: LibraryDiff.Link) -> String {
        "\(l.source) \(l.field) -> \(l.target)" + (l.targetName.map { " '\($0)'" } ?? "")
    }

    /// Up to `limit` lines of a list, then how many more.
    static func cut<T>(_ list: [T], _ line: (T) -> String) -> [String] {
        list.prefix(limit).map(line) + (list.count > limit ? ["  ... and \(list.count - limit) more"] : [])
    }

    /// The report for the terminal; new findings in the clang-style form `taxo check` prints. Paths are the
    /// library's own (relative to its root), as both sides have them.
    public func text(color: Bool = false) -> String {
        let d = diff
        var out = ["taxo diff: \(title)", Visible.escaped(summary)]
        // Lines escaped first (library text may hold terminal escapes), then their marker coloured: added
        // green, removed red, renamed and changed yellow.
        func section(_ name: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out += ["", color ? "\u{1B}[1m\(name)\u{1B}[0m" : name] + lines.map { colored(Visible.escaped($0)) }
        }
        func colored(_ line: String) -> String {
            guard color, line.count > 3, line.hasPrefix("  ") else { return line }
            let code: String
            switch line.dropFirst(2).first {
            case "+": code = "32"
            case "-": code = "31"
            case "~", "*": code = "33"
            default: return line
            }
            return "  \u{1B}[\(code)m" + line.dropFirst(2).prefix(1) + "\u{1B}[0m" + line.dropFirst(3)
        }
        func at(_ e: LibraryDiff.EntityRef) -> String { "  \(e.file):\(e.line)" }
        section(
            "Entities",
            DiffReport.cut(d.added) { "  + " + DiffReport.entity($0) + at($0) }
                + DiffReport.cut(d.removed) { "  - " + DiffReport.entity($0) + at($0) }
                + DiffReport.cut(d.renamed) { "  ~ \($0.from.id) -> " + DiffReport.entity($0.to) + at($0.to) }
                + DiffReport.cut(d.changed) {
                    "  * " + DiffReport.entity($0.entity) + ": " + $0.changes.joined(separator: "; ")
                })
        section(
            "Links",
            DiffReport.cut(d.linksAdded) { "  + " + DiffReport.link($0) }
                + DiffReport.cut(d.linksRemoved) { "  - " + DiffReport.link($0) })
        section("Documents", DiffReport.cut(d.documents) { "  " + DiffReport.document($0) })
        section("Master lists", DiffReport.cut(d.masterRows) { "  " + DiffReport.row($0) })
        section(
            "Phases",
            DiffReport.cut(d.phases) {
                "  \($0.video) \($0.phase) \($0.phaseName): \($0.before ?? "new") -> \($0.after)"
            }
        )
        let kinds = d.kinds.filter { $0.before != $0.after }
        section("Entities per kind", kinds.map { "  \($0.kind): \($0.before) -> \($0.after)" })
        var text = out.joined(separator: "\n") + "\n"
        if !d.newFindings.isEmpty {
            let shown = Array(d.newFindings.prefix(DiffReport.limit))
            text += "\nNew findings (\(d.newFindings.count))\n" + TextReporter.render(shown, color: color)
            if d.newFindings.count > shown.count { text += "... and \(d.newFindings.count - shown.count) more\n" }
        }
        if !d.fixedFindings.isEmpty {
            text += "\nFixed findings (\(d.fixedFindings.count))\n"
            text +=
                DiffReport.cut(d.fixedFindings) { f in
                    "  " + (f.location.map { "\($0.file):\($0.line): " } ?? "") + Visible.escaped(f.message)
                        + " [\(f.code)]"
                }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// The report as JSON (one object); with `limit`, each list holds at most that many items and
    /// `totals` gives every list's length.
    public func json(limit: Int? = nil) -> String {
        let d = diff
        let n = limit ?? Int.max
        var w = JSONWriter()
        w.beginObject()
        w.string("compared", title)
        w.string("summary", summary)
        w.int("files_changed", d.filesChanged)
        func entities(_ key: String, _ list: [LibraryDiff.EntityRef]) {
            w.beginArray(key)
            for e in list.prefix(n) { entity(&w, e) }
            w.endArray()
        }
        entities("added", d.added)
        entities("removed", d.removed)
        w.beginArray("renamed")
        for r in d.renamed.prefix(n) {
            w.beginObject(); w.string("from", r.from.id); w.string("to", r.to.id); w.string("kind", r.to.kind)
            w.string("name", r.to.name); w.string("file", r.to.file); w.endObject()
        }
        w.endArray()
        w.beginArray("changed")
        for c in d.changed.prefix(n) {
            w.beginObject(); w.string("id", c.entity.id); w.string("kind", c.entity.kind)
            w.string("file", c.entity.file)
            w.beginArray("changes"); for s in c.changes { w.string(nil, s) }; w.endArray()
            w.endObject()
        }
        w.endArray()
        func links(_ key: String, _ list: [LibraryDiff.Link]) {
            w.beginArray(key)
            for l in list.prefix(n) {
                w.beginObject(); w.string("source", l.source); w.string("field", l.field); w.string("target", l.target)
                w.string("target_name", l.targetName); w.string("file", l.file); w.endObject()
            }
            w.endArray()
        }
        links("links_added", d.linksAdded)
        links("links_removed", d.linksRemoved)
        w.beginArray("new_findings"); for f in d.newFindings.prefix(n) { JSONReporter.write(f, into: &w) }; w.endArray()
        w.beginArray("fixed_findings"); for f in d.fixedFindings.prefix(n) { JSONReporter.write(f, into: &w) }
        w.endArray()
        w.beginArray("phases")
        for p in d.phases.prefix(n) {
            w.beginObject(); w.string("video", p.video); w.int("phase", p.phase); w.string("name", p.phaseName)
            w.string("before", p.before); w.string("after", p.after); w.endObject()
        }
        w.endArray()
        w.beginArray("documents")
        for c in d.documents.prefix(n) {
            w.beginObject(); w.string("path", c.path); w.string("change", c.change); w.string("type", c.type)
            w.string("video", c.video)
            w.beginArray("mentions_added"); for m in c.mentionsAdded { w.string(nil, m) }; w.endArray()
            w.beginArray("mentions_removed"); for m in c.mentionsRemoved { w.string(nil, m) }; w.endArray()
            w.endObject()
        }
        w.endArray()
        w.beginArray("master_rows")
        for r in d.masterRows.prefix(n) {
            w.beginObject(); w.string("list", r.list); w.string("id", r.id); w.string("name", r.name)
            w.int("line", r.line); w.string("change", r.change)
            w.beginArray("changes"); for c in r.changes { w.string(nil, c) }; w.endArray()
            w.endObject()
        }
        w.endArray()
        w.beginArray("kinds")
        for k in d.kinds {
            w.beginObject(); w.string("kind", k.kind); w.int("before", k.before); w.int("after", k.after); w.endObject()
        }
        w.endArray()
        if limit != nil {
            w.beginObject("totals")
            for (key, count) in [
                ("added", d.added.count), ("removed", d.removed.count), ("renamed", d.renamed.count),
                ("changed", d.changed.count), ("links_added", d.linksAdded.count),
                ("links_removed", d.linksRemoved.count), ("new_findings", d.newFindings.count),
                ("fixed_findings", d.fixedFindings.count), ("phases", d.phases.count),
                ("documents", d.documents.count), ("master_rows", d.masterRows.count),
            ] {
                w.int(key, count)
            }
            w.endObject()
        }
        w.endObject()
        return w.out + "\n"
    }

    func entity(_ w: inout JSONWriter, _ e: LibraryDiff.EntityRef) {
        w.beginObject(); w.string("id", e.id); w.string("kind", e.kind); w.string("name", e.name)
        w.string("file", e.file); w.int("line", e.line); w.endObject()
    }

    /// The report as Markdown, through `templates/diff.md.mustache` (a library's own copy wins).
    public func markdown(templates: Templates, command: String) throws -> String {
        try templates.render("diff.md", try ReportValue.make(DiffContext(self, command: command)))
    }
}
