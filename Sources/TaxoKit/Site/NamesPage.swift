/// The names in records that link to nothing (`names.html`): each name once per kind (most records first),
/// why it links to nothing with the names it may have meant, and the records writing it, each a link to
/// its entity's page and to its line. The health report lists the first twenty; this page lists them all.
struct NamesPage: Encodable {
    /// A record writing the name: its entity, field, and file (its path as the link's title) at the line.
    struct Place: Encodable { var entity, entityHref, field, file, fileName, fileHref: String; var line: Int }
    struct Row: Encodable {
        var name: String
        /// Its other spellings ("also written Google-Sheets"), when it has some.
        var also: String?
        var kind, why: String
        var records: Int
        var places: [Place]
        /// Places beyond those listed; nil when all are.
        var more: Int?
    }

    static let path = "names.html"
    /// Places listed per name (a name written in thousands of records would make a page nobody reads).
    static let placesShown = 20

    var rows: [Row]
    var total: Int
    var hasRows: Bool

    init(_ site: SiteData) {
        let lib = site.lib, page = NamesPage.path
        var near = NearNames.ByKind()
        rows = site.unmatchedNames.map { g in
            let first = lib.unmatchedNames[g.members[0]], r = first.reference
            let places = g.members.prefix(NamesPage.placesShown).map { m -> Place in
                let u = lib.unmatchedNames[m], loc = u.reference.location
                return Place(
                    entity: lib.displayID(lib.entities[u.entity]),
                    entityHref: site.paths.entityPages[u.entity].map { SitePaths.link(from: page, to: $0) } ?? "",
                    field: u.reference.field, file: loc.file,
                    fileName: String(PathDisplay.fileName(loc.file)),
                    fileHref: site.paths.fileLink(from: page, loc.file, line: loc.line), line: loc.line)
            }
            return Row(
                name: r.id.written, also: g.alsoWritten, kind: lib.config.kinds[r.id.kind].name,
                why: first.explanation(in: lib, near: near(r.id.kind, lib)), records: g.records, places: places,
                more: g.members.count > places.count ? g.members.count - places.count : nil)
        }
        total = rows.count
        hasRows = !rows.isEmpty
    }
}
