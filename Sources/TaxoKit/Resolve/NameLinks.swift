/// Links written as names (`"tool": "Zapier"`, `ParsedID.name`): each goes to the one entity of its kind
/// whose name or alias it is (case, punctuation and spaces aside). A value split into parts (`"Photoshop,
/// Figma"`) is first tried whole (`AT&T`), then part by part; a part with parentheses without them
/// (`Behance (project planning)`), then with them (`Make (Integromat)`). A name no entity has, or that
/// entities with different IDs share, is no link and no error: the resolver takes it out of the entity's
/// references and keeps it in `Library.unmatchedNames`, which the health report lists.
struct NameLinks {
    /// "kind|normalised name" -> the entity declaring it (the first declaration of its ID).
    private var index: [String: Int] = [:]
    /// "kind|normalised name" -> the entities with different IDs that share it.
    private var shared: [String: [Int]] = [:]

    static func key(kind: Int, _ normalized: String) -> String { "\(kind)|\(normalized)" }

    /// No names: a library without links by name.
    init() {}

    init(_ entities: [Entity], table: [String: [Int]]) {
        for (i, e) in entities.enumerated() {
            guard let id = e.id, table[id.key]?.first == i else { continue }
            var seen = Set<String>()
            for name in [e.name].compactMap({ $0 }) + e.aliases {
                let n = Labels.normalized(name)
                guard !n.isEmpty, seen.insert(n).inserted else { continue }
                let k = NameLinks.key(kind: e.kind, n)
                if let first = index[k] {
                    if shared[k] == nil { shared[k] = [first] }
                    shared[k]?.append(i)
                } else {
                    index[k] = i
                }
            }
        }
        for k in shared.keys { index[k] = nil }
    }

    /// The entity a resolved link by name goes to.
    func target(_ id: ParsedID) -> Int? {
        id.nameTarget.flatMap { index[NameLinks.key(kind: id.kind, $0)] }
    }

    /// Keeps in each entity's references the links by name that name an entity, written as they matched;
    /// returns the names to look links up with, and the links that name no entity.
    static func resolve(_ entities: inout [Entity], table: [String: [Int]]) -> (NameLinks, [UnmatchedName]) {
        guard entities.contains(where: { $0.references.contains { $0.id.isName } }) else { return (NameLinks(), []) }
        let links = NameLinks(entities, table: table)
        var unmatched: [UnmatchedName] = []
        for ei in entities.indices where entities[ei].references.contains(where: { $0.id.isName }) {
            let refs = entities[ei].references
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
                if end - i > 1, let whole = NameParts.whole(refs[i].raw), links.index[key(kind: kind, whole)] != nil {
                    var r = refs[i]
                    r.id = .name(kind: kind, written: refs[i].raw.trimmingSpaces(), normalized: whole)
                    kept.append(r)
                } else {
                    for r in refs[i..<end] {
                        let (found, missed) = links.match(r)
                        kept += found
                        for m in missed {
                            let k = key(kind: kind, m.id.nameTarget ?? "")
                            unmatched.append(UnmatchedName(entity: ei, reference: m, sharedBy: links.shared[k] ?? []))
                        }
                    }
                }
                i = end
            }
            entities[ei].references = kept
        }
        return (links, unmatched)
    }

    /// The reference as it matches: its name without parentheses, else as written, else the names joined
    /// in it by `/` `&` `+` (`Docs/Sheets`), each one found or missed.
    func match(_ r: Reference) -> (found: [Reference], missed: [Reference]) {
        guard let bare = r.id.nameTarget else { return ([], [r]) }
        let kind = r.id.kind
        if index[NameLinks.key(kind: kind, bare)] != nil { return ([r], []) }
        let full = Labels.normalized(r.id.written)
        if full != bare, index[NameLinks.key(kind: kind, full)] != nil {
            var m = r
            m.id = .name(kind: kind, written: r.id.written, normalized: full)
            return ([m], [])
        }
        let joined = NameParts.split(r.id.written, tight: true)
        guard joined.count > 1 else { return ([], [r]) }
        var found: [Reference] = [], missed: [Reference] = []
        for p in joined {
            var m = r
            m.id = .name(kind: kind, written: p.written, normalized: p.normalized)
            m.location.column += p.offset
            if index[NameLinks.key(kind: kind, p.normalized)] != nil { found.append(m) } else { missed.append(m) }
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
