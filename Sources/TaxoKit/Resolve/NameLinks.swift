/// Links written as names (`"tool": "Zapier"`, `ParsedID.name`): each goes to the one entity of its kind
/// whose name or alias it is (case, punctuation and spaces aside). A value split into parts (`"Photoshop,
/// Figma"`) is first tried whole (`AT&T`), then part by part; a part with parentheses without them
/// (`Behance (project planning)`), then with them (`Make (Integromat)`). A name no entity has, or that
/// entities with different IDs share, is no link and no error: the resolver takes it out of the entity's
/// references and keeps it in `Library.unmatchedNames`, which the health report lists.
struct NameLinks {
    /// A kind and a normalised name.
    struct Key: Hashable {
        var kind: Int
        var name: String
    }
    /// Kind and name -> the entity declaring it (the first declaration of its ID).
    private var index: [Key: Int] = [:]
    /// Kind and name -> the entities with different IDs that share it.
    private var shared: [Key: [Int]] = [:]

    /// No names: a library without links by name.
    init() {}

    /// The names of the entities of the kinds links by name look for (`kinds`, by kind index).
    init(_ entities: [Entity], table: [String: [Int]], kinds: [Bool]) {
        for (i, e) in entities.enumerated() where e.kind < kinds.count && kinds[e.kind] {
            guard let id = e.id, table[id.key]?.first == i else { continue }
            let own = Labels.normalized(e.name ?? "")
            add(own, e.kind, i)
            guard !e.aliases.isEmpty else { continue }
            // An alias that repeats the name, or an earlier alias, is the same name.
            var seen: Set<String> = [own]
            for alias in e.aliases {
                let n = Labels.normalized(alias)
                if seen.insert(n).inserted { add(n, e.kind, i) }
            }
        }
        for k in shared.keys { index[k] = nil }
    }

    private mutating func add(_ name: String, _ kind: Int, _ entity: Int) {
        guard !name.isEmpty else { return }
        let k = Key(kind: kind, name: name)
        if let first = index[k] {
            if shared[k] == nil { shared[k] = [first] }
            shared[k]?.append(entity)
        } else {
            index[k] = entity
        }
    }

    /// The entity a resolved link by name goes to.
    func target(_ id: ParsedID) -> Int? {
        id.nameTarget.flatMap { index[Key(kind: id.kind, name: $0)] }
    }

    /// Keeps in each entity's references the links by name that name an entity, written as they matched;
    /// returns the names to look links up with, and the links that name no entity.
    static func resolve(_ entities: inout [Entity], table: [String: [Int]]) -> (NameLinks, [UnmatchedName]) {
        var named: [Int] = []
        var kinds: [Bool] = []
        for (ei, e) in entities.enumerated() {
            var has = false
            for r in e.references where r.id.isName {
                has = true
                if r.id.kind >= kinds.count { kinds += Array(repeating: false, count: r.id.kind + 1 - kinds.count) }
                kinds[r.id.kind] = true
            }
            if has { named.append(ei) }
        }
        guard !named.isEmpty else { return (NameLinks(), []) }
        let links = NameLinks(entities, table: table, kinds: kinds)
        // Each entity pruned and copied on its core; put back here.
        let pruned = Parallel.map(named) { ei -> (Entity, [UnmatchedName]) in
            var e = entities[ei]
            let (kept, unmatched) = links.prune(e.references, of: ei)
            e.references = kept
            return (e, unmatched)
        }
        var unmatched: [UnmatchedName] = []
        for (n, ei) in named.enumerated() {
            entities[ei] = pruned[n].0
            unmatched += pruned[n].1
        }
        return (links, unmatched)
    }

    /// An entity's references with its links by name that name an entity, written as they matched; and the
    /// others.
    func prune(_ refs: [Reference], of ei: Int) -> (kept: [Reference], unmatched: [UnmatchedName]) {
        var unmatched: [UnmatchedName] = []
        var kept: [Reference] = []
        kept.reserveCapacity(refs.count)
        var i = 0
        while i < refs.count {
            guard refs[i].id.isName else {
                kept.append(refs[i])
                i += 1
                continue
            }
            // The parts of one value: consecutive, same field and text.
            var end = i + 1
            while end < refs.count, refs[end].id.isName, refs[end].raw == refs[i].raw,
                refs[end].field == refs[i].field, refs[end].location.line == refs[i].location.line
            {
                end += 1
            }
            let kind = refs[i].id.kind
            if end - i > 1, let whole = NameParts.whole(refs[i].raw), index[Key(kind: kind, name: whole)] != nil {
                var r = refs[i]
                r.id = .name(kind: kind, written: refs[i].raw.trimmingSpaces(), normalized: whole)
                kept.append(r)
            } else {
                for r in refs[i..<end] {
                    let (found, missed) = match(r)
                    kept += found
                    for m in missed {
                        let k = Key(kind: kind, name: m.id.nameTarget ?? "")
                        unmatched.append(UnmatchedName(entity: ei, reference: m, sharedBy: shared[k] ?? []))
                    }
                }
            }
            i = end
        }
        return (kept, unmatched)
    }

    /// The reference as it matches: its name without parentheses, else as written, else the names joined
    /// in it by `/` `&` `+` (`Docs/Sheets`), each one found or missed.
    func match(_ r: Reference) -> (found: [Reference], missed: [Reference]) {
        guard let bare = r.id.nameTarget else { return ([], [r]) }
        let kind = r.id.kind
        if index[Key(kind: kind, name: bare)] != nil { return ([r], []) }
        let w = r.id.written.utf8
        let full = w.contains(where: { $0 == 40 || $0 == 91 }) ? Labels.normalized(r.id.written) : bare
        if full != bare, index[Key(kind: kind, name: full)] != nil {
            var m = r
            m.id = .name(kind: kind, written: r.id.written, normalized: full)
            return ([m], [])
        }
        guard w.contains(where: { NameParts.joiners.contains($0) }) else { return ([], [r]) }
        let joined = NameParts.split(r.id.written, tight: true)
        guard joined.count > 1 else { return ([], [r]) }
        var found: [Reference] = [], missed: [Reference] = []
        for p in joined {
            var m = r
            m.id = .name(kind: kind, written: p.written, normalized: p.normalized)
            m.location.column += String(decoding: w.prefix(p.offset), as: UTF8.self).count
            if index[Key(kind: kind, name: p.normalized)] != nil { found.append(m) } else { missed.append(m) }
        }
        return found.isEmpty ? ([], [r]) : (found, missed)
    }
}

/// A link by name that names no entity of its kind, or several.
public struct UnmatchedName: Sendable {
    /// The entity whose record holds it.
    public var entity: Int
    public var reference: Reference
    /// The entities of the kind with different IDs that share the name; empty when none has it.
    public var sharedBy: [Int]
}
