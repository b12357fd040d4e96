/// Finding an entity by what a person types: an ID in any accepted spelling, an old ID, or its exact name.
extension Library {
    /// The entity an ID (any spelling the library accepts, or an old ID) or an exact name (without case or
    /// punctuation) names, or nil.
    public func entity(named text: String) -> Int? {
        switch grammar.check(text) {
        case .valid(let p), .legacy(let p):
            if let i = lookup(p) { return i }
        default: break
        }
        let n = Labels.normalized(text)
        guard !n.isEmpty else { return nil }
        return entities.indices.first { entities[$0].id != nil && entities[$0].name.map(Labels.normalized) == n }
    }

    /// Why an ID or name names no entity, with the nearest IDs or names ("did you mean ...").
    public func notFound(_ text: String) -> (message: String, nearest: String?) {
        if case .valid = grammar.check(text) {
            let keys = entities.compactMap { $0.id?.written }
            return ("\(text) is not declared in the library", NearMiss.hint(for: text.uppercased(), in: keys))
        }
        return ("no entity has the ID or name '\(text)'", NearMiss.hint(for: text, in: entities.compactMap(\.name)))
    }
}
