/// The parent -> child edges between adjacent kinds of the configured hierarchy, in either direction
/// (a workflow listing its milestones, or a milestone naming its workflow).
struct HierarchyEdges {
    var hasChild: Set<Int> = []
    var hasParent: Set<Int> = []
    var level: [Int: Int] = [:]

    init(_ lib: Library) {
        for (i, name) in lib.config.hierarchy.enumerated() {
            if let k = lib.config.kinds.firstIndex(where: { $0.name == name }) { level[k] = i }
        }
        for (ei, e) in lib.entities.enumerated() {
            guard let le = level[e.kind] else { continue }
            for (ri, _) in e.references.enumerated() {
                guard let t = lib.targets[ei][ri], let lt = level[lib.entities[t].kind] else { continue }
                if lt == le + 1 { hasChild.insert(ei); hasParent.insert(t) }
                if lt == le - 1 { hasParent.insert(ei); hasChild.insert(t) }
            }
        }
    }
}
