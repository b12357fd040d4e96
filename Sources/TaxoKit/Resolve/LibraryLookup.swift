/// Finding an entity by what a person types: an ID in any accepted spelling, an old ID, or its exact name.
extension Library {
    /// The entity an ID (any spelling the library accepts, or an old ID) or an exact name (without case or
    /// punctuation) names, or nil.
    public func entity(named text: String) -> Int? {
        if let p = grammar.typedID(text), let i = lookup(p) { return i }
        let n = Labels.normalized(text)
        guard !n.isEmpty else { return nil }
        return entities.indices.first { entities[$0].id != nil && entities[$0].name.map(Labels.normalized) == n }
    }

    /// Why an ID or name names no entity, with the nearest IDs or names ("did you mean ...").
    public func notFound(_ text: String) -> (message: String, nearest: String?) {
        if let p = grammar.typedID(text), !p.legacy {
            // IDs one digit away, as a dangling reference's hint gives them (TOL-SEC-999 is near no TOL-SEC-124).
            var near = NearestIDs(self)
            return ("\(text) is not declared in the library", near.hint(for: p))
        }
        return ("no entity has the ID or name '\(text)'", NearMiss.hint(for: text, in: entities.compactMap(\.name)))
    }

}
