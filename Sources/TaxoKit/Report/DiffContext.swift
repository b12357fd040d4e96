/// What `templates/diff.md.mustache` is given: the summary, entities added, removed, renamed and changed,
/// links added and removed, new and fixed findings, phase changes, master-list rows and per-kind counts that
/// moved; each list cut at `DiffReport.limit` rows with the number left out.
struct DiffContext: Encodable {
    struct Entity: Encodable { var id, kind, name, file: String; var line: Int }
    struct Renamed: Encodable { var from, to, kind, name, file: String }
    struct Changed: Encodable { var id, kind, changes: String }
    struct Link: Encodable { var source, field, target, targetName: String }
    struct Finding: Encodable { var location, severity, message, code: String }
    struct Phase: Encodable { var video: String; var phase: Int; var name, before, after: String }
    struct Kind: Encodable { var kind: String; var before, after: Int }
    struct Document: Encodable { var path, change, about, mentions: String }
    struct Row: Encodable { var list: String; var line: Int; var id, name, change, changes: String }
    /// A list and how many of it were left out.
    struct Part<T: Encodable>: Encodable {
        var rows: [T]
        var any: Bool
        var more: Int
        var hasMore: Bool

        init<S>(_ list: [S], _ row: (S) -> T) {
            rows = list.prefix(DiffReport.limit).map(row)
            any = !list.isEmpty
            more = max(0, list.count - DiffReport.limit)
            hasMore = more > 0
        }
    }

    var title = "Library Diff"
    var compared: String
    var command: String
    var taxoVersion = TaxoVersion.string
    var summary: String
    var empty: Bool
    var added, removed: Part<Entity>
    var renamed: Part<Renamed>
    var changed: Part<Changed>
    var linksAdded, linksRemoved: Part<Link>
    var newFindings, fixedFindings: Part<Finding>
    var phases: Part<Phase>
    var documents: Part<Document>
    var masterRows: Part<Row>
    var kinds: Part<Kind>

    init(_ r: DiffReport, command: String) {
        let d = r.diff
        compared = r.title
        self.command = command
        summary = r.summary
        empty = d.isEmpty
        func entity(_ e: LibraryDiff.EntityRef) -> Entity {
            Entity(id: e.id, kind: e.kind, name: e.name ?? "", file: e.file, line: e.line)
        }
        func link(_ l: LibraryDiff.Link) -> Link {
            Link(source: l.source, field: l.field, target: l.target, targetName: l.targetName ?? "")
        }
        func finding(_ f: Diagnostic) -> Finding {
            Finding(
                location: f.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "", severity: f.severity.label,
                message: f.message, code: f.code)
        }
        added = Part(d.added, entity)
        removed = Part(d.removed, entity)
        renamed = Part(d.renamed) {
            Renamed(from: $0.from.id, to: $0.to.id, kind: $0.to.kind, name: $0.to.name ?? "", file: $0.to.file)
        }
        changed = Part(d.changed) {
            Changed(id: $0.entity.id, kind: $0.entity.kind, changes: $0.changes.joined(separator: "; "))
        }
        linksAdded = Part(d.linksAdded, link)
        linksRemoved = Part(d.linksRemoved, link)
        newFindings = Part(d.newFindings, finding)
        fixedFindings = Part(d.fixedFindings, finding)
        phases = Part(d.phases) {
            Phase(video: $0.video, phase: $0.phase, name: $0.phaseName, before: $0.before ?? "new", after: $0.after)
        }
        documents = Part(d.documents) {
            Document(
                path: $0.path, change: $0.change, about: [$0.type, $0.video].compactMap { $0 }.joined(separator: ", "),
                mentions: DiffReport.mentions($0) ?? "")
        }
        masterRows = Part(d.masterRows) {
            Row(
                list: $0.list, line: $0.line, id: $0.id, name: $0.name ?? "", change: $0.change,
                changes: $0.changes.joined(separator: "; "))
        }
        kinds = Part(d.kinds.filter { $0.before != $0.after }) {
            Kind(kind: $0.kind, before: $0.before, after: $0.after)
        }
    }
}
