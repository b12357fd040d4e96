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

    /// Words that stand for no entity in a name field (`manual`, `N/A`): not listed.
    static let noNames: Set<String> = [
        "na", "none", "tbd", "todo", "manual", "manually", "various", "other", "others", "any", "all", "unknown",
        "custom", "internal", "varies", "same", "yes", "no",
    ]

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
            let n = u.reference.id.nameTarget ?? ""
            guard !noNames.contains(n) else { continue }
            let key = "\(u.reference.id.kind)|\(n)"
            if groups[key] == nil {
                groups[key] = Group(first: i, entities: [])
                order.append(key)
            }
            groups[key]?.entities.insert(u.entity)
        }
        let sorted = order.sorted { a, b in
            let ga = groups[a]!, gb = groups[b]!
            let ua = lib.unmatchedNames[ga.first], ub = lib.unmatchedNames[gb.first]
            return (
                -ga.entities.count, lib.config.kinds[ua.reference.id.kind].name, ua.reference.id.written.lowercased()
            )
                < (
                    -gb.entities.count, lib.config.kinds[ub.reference.id.kind].name,
                    ub.reference.id.written.lowercased()
                )
        }
        let rows = sorted.prefix(limit).map { key -> UnmatchedName in
            let g = groups[key]!, u = lib.unmatchedNames[g.first], r = u.reference
            let kind = lib.config.kinds[r.id.kind].name
            let shared = u.sharedBy.map { lib.displayID(lib.entities[$0]) }
            return UnmatchedName(
                kind: kind, name: r.id.written, records: g.entities.count,
                first: links.declaration(
                    lib.displayID(lib.entities[u.entity]) + " " + r.field, file: r.location.file, line: r.location.line),
                why: shared.isEmpty
                    ? "no \(kind) has this name"
                    : "shared by " + shared.joined(separator: ", ") + ": give each its own name")
        }
        return (rows, sorted.count)
    }
}
