/// The configured hierarchy (workflow > milestone > task > step) as resolved links make it: parent ->
/// children between adjacent levels, from links in either direction. Made once per library; rules and
/// reports share it.
public struct Hierarchy: Sendable {
    /// Kind index -> its level in the hierarchy.
    public let level: [Int: Int]
    /// Entity -> its children on the next level, in entity order.
    public let children: [Int: [Int]]
    /// Entities with a parent on the level above.
    public let hasParent: Set<Int>

    init(config: Config, entities: [Entity], targets: [[Int?]]) {
        var level: [Int: Int] = [:]
        for (i, name) in config.hierarchy.enumerated() {
            if let k = config.kinds.firstIndex(where: { $0.name == name }) { level[k] = i }
        }
        var down: [Int: Set<Int>] = [:]
        for ei in entities.indices {
            guard let le = level[entities[ei].kind] else { continue }
            for case let t? in targets[ei] {
                guard let lt = level[entities[t].kind] else { continue }
                if lt == le + 1 { down[ei, default: []].insert(t) }
                if lt == le - 1 { down[t, default: []].insert(ei) }
            }
        }
        self.level = level
        children = down.mapValues { $0.sorted() }
        var parented = Set<Int>()
        for c in down.values { parented.formUnion(c) }
        hasParent = parented
    }

    public func hasChild(_ entity: Int) -> Bool { children[entity] != nil }
}
