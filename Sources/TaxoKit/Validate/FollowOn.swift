/// Hierarchy warnings that only follow from a dangling reference: a step whose parent link names an ID
/// nobody declares belongs to no task, and a task whose step links all dangle has no steps. The dangling
/// reference is the error; the hierarchy rules stay silent and the error says what follows from it.
struct FollowOn {
    let lib: Library
    let hierarchy: Hierarchy

    init(_ lib: Library) {
        self.lib = lib
        hierarchy = lib.hierarchy
    }

    private func level(ofKind k: Int) -> Int? { hierarchy.level[k] }

    /// Whether the entity has an unresolved reference to an ID of the kind one level up (`up`) or down.
    func hasDanglingLink(entity ei: Int, up: Bool) -> Bool {
        guard let l = level(ofKind: lib.entities[ei].kind) else { return false }
        let want = up ? l - 1 : l + 1
        let refs = lib.entities[ei].references
        return refs.indices.contains {
            lib.dangles(ei, $0) && level(ofKind: refs[$0].id.kind) == want
        }
    }

    /// The notes a dangling reference gets for the hierarchy warnings it stands for.
    func notes(entity ei: Int, dangling id: ParsedID) -> [Diagnostic.Note] {
        let e = lib.entities[ei]
        guard let l = level(ofKind: e.kind), let lt = level(ofKind: id.kind), !lib.config.isInactive(status: e.status)
        else { return [] }
        let h = lib.config.hierarchy, me = lib.displayID(e)
        if lt == l - 1, !hierarchy.hasParent(ei) {
            return [.init("so \(h[l]) '\(me)' belongs to no \(h[l - 1]) (orphan-entity is not reported separately)")]
        }
        if lt == l + 1, !hierarchy.hasChild(ei) {
            return [.init("so \(h[l]) '\(me)' has no \(h[l + 1])s (incomplete-hierarchy is not reported separately)")]
        }
        return []
    }
}
