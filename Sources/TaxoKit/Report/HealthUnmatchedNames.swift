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
        struct Group {
            var first: Int
            var entities: Set<Int>
        }
        var groups: [String: Group] = [:]
        var order: [String] = []
        for (i, u) in lib.unmatchedNames.enumerated() {
            let key = u.reference.id.key
            if groups[key] == nil {
                groups[key] = Group(first: i, entities: [])
                order.append(key)
            }
            groups[key]?.entities.insert(u.entity)
        }
        // Most records first, then by kind and name.
        let sorted = order.map { key -> (count: Int, kind: String, name: String, key: String) in
            let g = groups[key]!, r = lib.unmatchedNames[g.first].reference
            return (-g.entities.count, lib.config.kinds[r.id.kind].name, r.id.written.lowercased(), key)
        }
        .sorted { ($0.count, $0.kind, $0.name) < ($1.count, $1.kind, $1.name) }.map(\.key)
        var near = NearNames.ByKind()
        let rows = sorted.prefix(limit).map { key -> UnmatchedName in
            let g = groups[key]!, u = lib.unmatchedNames[g.first], r = u.reference
            return UnmatchedName(
                kind: lib.config.kinds[r.id.kind].name, name: r.id.written, records: g.entities.count,
                first: links.declaration(
                    lib.displayID(lib.entities[u.entity]) + " " + r.field, file: r.location.file, line: r.location.line),
                why: u.explanation(in: lib, near: near(r.id.kind, lib)))
        }
        return (rows, sorted.count)
    }
}
