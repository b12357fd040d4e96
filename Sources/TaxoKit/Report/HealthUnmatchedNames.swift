/// The health report's names that link to nothing: a record names a tool, action or skill (`"tool":
/// "Excel"`) that no entity of that kind has, or that several share (`NameLinks`). No finding: a missing
/// entry for an analyst to add, or a spelling to align with the library's.
extension HealthContext {
    struct UnmatchedName: Encodable {
        var kind, name: String
        /// How many records name it.
        var records: Int
        /// Where it is first written, as a link to the line.
        var first: Markdown
        var why: String
    }

    /// The unmatched names, most used first (then by kind and name), at most `limit`; and how many there are.
    static func unmatchedNames(_ lib: Library, links: ReportLinks, limit: Int = 20) -> (
        rows: [UnmatchedName], total: Int
    ) {
        let groups = lib.unmatchedNameGroups()
        var near = NearNames.ByKind()
        let rows = groups.prefix(limit).map { g -> UnmatchedName in
            let u = lib.unmatchedNames[g.members[0]], r = u.reference
            return UnmatchedName(
                kind: lib.config.kinds[r.id.kind].name,
                name: r.id.written + (g.alsoWritten.map { " (\($0))" } ?? ""), records: g.records,
                first: links.declaration(
                    lib.displayID(lib.entities[u.entity]) + " " + r.field, file: r.location.file, line: r.location.line),
                why: u.explanation(in: lib, near: near(r.id.kind, lib)))
        }
        return (rows, groups.count)
    }
}
