/// The configured hierarchy (workflow > milestone > task > step) as resolved links make it: parent ->
/// children between adjacent levels, from links in either direction. Made once per library; rules and
/// reports share it.
public struct Hierarchy: Sendable {
    /// Kind index -> its level in the hierarchy.
    public let level: [Int: Int]
    /// Entity -> its children on the next level, in entity order (one array per entity).
    private let down: [[Int]]
    /// Whether each entity has a parent on a level above (the next one, or one further up).
    private let parented: [Bool]

    init(config: Config, entities: [Entity], targets: [[Int?]]) {
        var level: [Int: Int] = [:]
        for (i, name) in config.hierarchy.enumerated() {
            if let k = config.kinds.firstIndex(where: { $0.name == name }) { level[k] = i }
        }
        // Levels looked up once per entity (-1: not in the hierarchy), then plain arrays, no hashing.
        let levels = entities.indices.map { level[entities[$0].kind] ?? -1 }
        var down = [[Int]](repeating: [], count: entities.count)
        var parented = [Bool](repeating: false, count: entities.count)
        for ei in entities.indices where levels[ei] >= 0 {
            let le = levels[ei]
            for case let t? in targets[ei] {
                let lt = levels[t]
                if lt == le + 1 { down[ei].append(t) }
                if lt == le - 1 && lt >= 0 { down[t].append(ei) }
                // A parent may skip a level: a workflow that lists its tasks itself is their parent.
                if lt > le { parented[t] = true }
                if lt >= 0 && lt < le { parented[ei] = true }
            }
        }
        for i in down.indices where down[i].count > 1 {
            down[i].sort()
            var unique: [Int] = []
            unique.reserveCapacity(down[i].count)
            for c in down[i] where unique.last != c { unique.append(c) }
            down[i] = unique
        }
        self.level = level
        self.down = down
        self.parented = parented
    }

    /// An entity's children on the next level, in entity order.
    public func children(of entity: Int) -> [Int] { down[entity] }

    /// The entities whose children the entity is (its parents on the level above), in entity order. A scan of
    /// the library, for one entity at a time (`taxo show`, the editor's type hierarchy).
    public func parents(of entity: Int) -> [Int] { down.indices.filter { down[$0].contains(entity) } }

    /// Whether the entity has children in the hierarchy.
    public func hasChild(_ entity: Int) -> Bool { !down[entity].isEmpty }

    /// Whether an entity of a level above links to the entity, or the entity to one (its parent).
    public func hasParent(_ entity: Int) -> Bool { parented[entity] }
}
