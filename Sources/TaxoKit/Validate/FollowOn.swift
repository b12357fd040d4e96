/// Hierarchy warnings that only follow from another finding: a step whose parent link names an ID nobody
/// declares belongs to no task, and a task whose step links all dangle has no steps (the dangling reference is
/// the error, and says what follows from it); the second file declaring a duplicate ID is reached by no link
/// (the duplicate-ID error covers it). The hierarchy rules stay silent on these.
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

    /// Whether the entity is a later declaration of a duplicate ID: references reach the first one, so its
    /// place in the hierarchy follows from the duplicate-ID error and is not reported apart.
    func isDuplicateCopy(_ ei: Int) -> Bool {
        guard let key = lib.entities[ei].id?.key, let first = lib.table[key]?.first else { return false }
        return first != ei
    }

    /// Whether the entity has children of the next level: linked ones, or held inline in its record.
    func hasChildren(_ ei: Int) -> Bool { hierarchy.hasChild(ei) || lib.entities[ei].inlineChildren > 0 }

    /// Whether any declaration of the entity's ID (the entity alone when its ID is unique) satisfies `test`:
    /// the hierarchy rules judge an ID, and the files of a duplicate ID share its links (the second file often
    /// holds the children or the parent the first lacks, and the duplicate-ID error says what to repair).
    func anyDeclaration(of ei: Int, _ test: (Int) -> Bool) -> Bool {
        guard let key = lib.entities[ei].id?.key, let all = lib.table[key], all.count > 1 else { return test(ei) }
        return all.contains(where: test)
    }

    /// The notes a dangling reference gets for the hierarchy warnings it stands for.
    func notes(entity ei: Int, dangling id: ParsedID) -> [Diagnostic.Note] {
        let e = lib.entities[ei]
        guard let l = level(ofKind: e.kind), let lt = level(ofKind: id.kind), !lib.config.isInactive(status: e.status)
        else { return [] }
        let h = lib.config.hierarchy, me = lib.displayID(e)
        if lt == l - 1, !anyDeclaration(of: ei, hierarchy.hasParent) {
            return [.init("so \(h[l]) '\(me)' belongs to no \(h[l - 1]) (orphan-entity is not reported separately)")]
        }
        if lt == l + 1, !anyDeclaration(of: ei, hasChildren) {
            return [.init("so \(h[l]) '\(me)' has no \(h[l + 1])s (incomplete-hierarchy is not reported separately)")]
        }
        return []
    }
}
