/// Finding an entity by what a person types: an ID in any accepted spelling, an old ID, its exact name or an alias.
extension Library {
    /// The entity an ID (any spelling the library accepts, or an old ID), an exact name or else an alias
    /// (without case or punctuation) names, or nil.
    public func entity(named text: String) -> Int? {
        if let p = grammar.typedID(text), let i = lookup(p) { return i }
        if let i = entity(writtenAs: text) { return i }
        let found = entities(named: text)
        let n = Labels.normalized(text)
        return found.first { entities[$0].name.map(Labels.normalized) == n } ?? found.first
    }

    /// The first entity whose own ID is written as the text (case ignored) in no scheme of the library
    /// (`DESIGN-001-01` in a step file when no kind declares `DESIGN`): such an entity has no parsed ID, yet
    /// its file, record and findings are there to show.
    func entity(writtenAs text: String) -> Int? {
        let t = text.trimmingSpaces().uppercased()
        // (Only what may be an ID is looked for, entity by entity: names go to the name index.)
        guard OwnID.mayBeID(Substring(t)), !t.contains(" ") else { return nil }
        return entities.indices.first { entities[$0].id == nil && entities[$0].rawID.uppercased() == t }
    }

    /// The entities of a kind whose name or alias is the text (case, punctuation and spaces ignored).
    public func entities(kind: Int, named text: String) -> [Int] {
        entities(named: text).filter { entities[$0].kind == kind }
    }

    /// The entities with an ID whose name or alias is the text (case, punctuation and spaces ignored), in
    /// library order; the index is made when first asked.
    func entities(named text: String) -> [Int] {
        let n = Labels.normalized(text)
        guard !n.isEmpty else { return [] }
        let index = namesBox.get {
            var out: [String: [Int]] = [:]
            for (i, e) in entities.enumerated() where e.id != nil {
                var keys = Set<String>()
                for name in [e.name].compactMap({ $0 }) + e.aliases {
                    let k = Labels.normalized(name)
                    if !k.isEmpty, keys.insert(k).inserted { out[k, default: []].append(i) }
                }
            }
            return out
        }
        return index[n] ?? []
    }

    /// Why an ID or name names no entity, with the nearest IDs or names ("did you mean ...").
    public func notFound(_ text: String) -> (message: String, nearest: String?) {
        if let p = grammar.typedID(text), !p.legacy {
            // IDs one digit away, as a dangling reference's hint gives them (TOL-SEC-999 is near no TOL-SEC-124).
            let near = NearestIDs(self)
            return ("\(text) is not declared in the library", near.hint(for: p, suggestions: near.suggestions(for: p)))
        }
        return ("no entity has the ID or name '\(text)'", NearMiss.hint(for: text, in: entities.compactMap(\.name)))
    }

    /// Entities whose ID or name matches what a person is typing, best first: the ID itself, IDs starting
    /// with it, the name itself, names starting with it, names with a word starting with it, names holding it
    /// (case ignored); ties in ID order. An empty query matches every entity, in ID order.
    public func entities(matching query: String) -> [Int] {
        let q = query.trimmingSpaces().lowercased()
        var ranked: [(rank: Int, id: String, entity: Int)] = []
        for (i, e) in entities.enumerated() where e.id != nil || !e.rawID.isEmpty {
            let id = displayID(e), lowerID = id.lowercased(), name = (e.name ?? "").lowercased()
            let rank: Int
            if q.isEmpty || lowerID == q {
                rank = 0
            } else if lowerID.hasPrefix(q) {
                rank = 1
            } else if name == q {
                rank = 2
            } else if name.hasPrefix(q) {
                rank = 3
            } else if name.split(separator: " ").contains(where: { $0.hasPrefix(q) }) {
                rank = 4
            } else if name.contains(q) {
                rank = 5
            } else {
                continue
            }
            ranked.append((rank, id, i))
        }
        return ranked.sorted { ($0.rank, $0.id, $0.entity) < ($1.rank, $1.id, $1.entity) }.map(\.entity)
    }
}
