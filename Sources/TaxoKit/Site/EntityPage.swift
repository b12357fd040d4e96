/// An entity's page (`entities/<ID>.html`): its record field by field, its file, what it links to and what
/// links to it (grouped by kind), where documents mention it, the findings in its file, and for an entity
/// with children its hierarchy drawn.
struct EntityPage: Encodable {
    struct Field: Encodable { var key, value: String }
    struct Link: Encodable {
        var field: String
        var id: String
        var name: String
        var href: String?
        var dangling: Bool
    }
    struct Group: Encodable {
        var kind: String
        var links: [Link]
    }
    struct MentionRow: Encodable {
        var document, href, context: String
        var line: Int
        /// How many mentions the row stands for, when more than one (the same line mentions it twice).
        var times: Int?
    }
    struct Finding: Encodable {
        var code, severity, message, href: String
        var line: Int
        /// The baseline holds it: known before, it fails no check.
        var known: Bool
    }
    /// A link by name of its record that links to nothing (`UnmatchedName`).
    struct UnmatchedName: Encodable {
        var name, kind, field, why, href: String
        var line: Int
    }
    struct Unmatched: Encodable { var names: [UnmatchedName] }

    var id: String
    var name: String
    var kind: SiteLink
    var department: SiteLink?
    var status: String?
    var description: String?
    var file: SiteLink
    var fields: [Field]
    var links: [Group]
    /// Nil when every name of its record links (the section is left out).
    var unmatched: Unmatched?
    var backlinks: [Group]
    var mentions: [MentionRow]
    var mentionsMore: Int?
    var diagnostics: [Finding]
    var tree: HierarchySVG.Drawing?

    init(_ i: Int, page: String, site: SiteData) {
        let lib = site.lib
        let e = lib.entities[i]
        id = lib.displayID(e)
        name = e.name ?? ""
        kind = SiteLink(text: lib.kindName(e), href: SitePaths.link(from: page, to: SitePaths.kind(lib.kindName(e))))
        department = site.department(of: e).map {
            SiteLink(text: $0, href: SitePaths.link(from: page, to: SitePaths.department($0)))
        }
        status = e.status
        description = e.description
        file = SiteLink(
            text: "\(e.file):\(e.location.line)", href: site.paths.fileLink(from: page, e.file, line: e.location.line))
        fields = EntityPage.fields(e.record)
        links = EntityPage.outgoing(i, page: page, site: site)
        let names = lib.unmatchedNames(of: i).prefix(200).map { u in
            UnmatchedName(
                name: u.reference.id.written, kind: lib.config.kinds[u.reference.id.kind].name,
                field: u.reference.field, why: u.why(in: lib),
                href: site.paths.fileLink(from: page, u.reference.location.file, line: u.reference.location.line),
                line: u.reference.location.line)
        }
        unmatched = names.isEmpty ? nil : Unmatched(names: names)
        backlinks = EntityPage.incoming(i, page: page, site: site)
        let all = site.mentions[e.id?.key ?? ""] ?? []
        mentions = MentionLines.collapse(all.prefix(200), place: { ($0.0, $0.1.location.line) }).map { row, n in
            let (d, m) = row
            return MentionRow(
                document: d, href: site.paths.fileLink(from: page, d, line: m.location.line), context: m.context,
                line: m.location.line, times: n > 1 ? n : nil)
        }
        mentionsMore = all.count > 200 ? all.count - 200 : nil
        diagnostics = (site.findingsByFile[e.file] ?? []).map { f in
            let d = f.diagnostic
            return Finding(
                code: d.code, severity: d.severity.label, message: d.message,
                href: site.paths.fileLink(from: page, e.file, line: d.location?.line), line: d.location?.line ?? 0,
                known: f.known)
        }
        tree = lib.hierarchy.children(of: i).isEmpty ? nil : HierarchySVG.Drawing([site.tree(i, page: page)], title: id)
    }

    /// The record's top-level fields: text as written, other values as compact JSON.
    static func fields(_ record: String?) -> [Field] {
        guard let record, case .success(let node) = JSONParser.parse(Array(record.utf8)), let members = node.members
        else { return [] }
        return members.map { m in
            if case .string(let s) = m.node.value { return Field(key: m.key, value: s) }
            return Field(key: m.key, value: m.node.compactJSON())
        }
    }

    static func outgoing(_ i: Int, page: String, site: SiteData) -> [Group] {
        let lib = site.lib
        let e = lib.entities[i]
        let targets = i < lib.targets.count ? lib.targets[i] : []
        var byKind: [String: [Link]] = [:]
        for (r, ref) in e.references.enumerated() {
            let t = r < targets.count ? targets[r] : nil
            let kind = t.map { lib.kindName(lib.entities[$0]) } ?? lib.config.kinds[ref.id.kind].name
            byKind[kind, default: []].append(
                Link(
                    field: ref.field, id: t.map { lib.displayID(lib.entities[$0]) } ?? ref.id.written,
                    name: t.flatMap { lib.entities[$0].name } ?? ref.label ?? "",
                    href: t.flatMap { site.paths.entityPages[$0] }.map { SitePaths.link(from: page, to: $0) },
                    dangling: lib.dangles(i, r)))
        }
        return byKind.keys.sorted().map { Group(kind: $0, links: byKind[$0]!) }
    }

    static func incoming(_ i: Int, page: String, site: SiteData) -> [Group] {
        let lib = site.lib
        var byKind: [String: [Link]] = [:]
        for (s, r) in site.backlinks[i] ?? [] {
            let source = lib.entities[s]
            byKind[lib.kindName(source), default: []].append(
                Link(
                    field: source.references[r].field, id: lib.displayID(source), name: source.name ?? "",
                    href: site.paths.entityPages[s].map { SitePaths.link(from: page, to: $0) }, dangling: false))
        }
        return byKind.keys.sorted().map { Group(kind: $0, links: byKind[$0]!) }
    }
}
