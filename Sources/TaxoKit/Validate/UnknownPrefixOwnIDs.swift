/// TAX0102 for the own IDs of records (a step file whose `Step ID` is `DESIGN-001-01`): the record is there,
/// only its ID is in no scheme, so the finding names its kind and the two ways out: the next free ID to
/// rename it to, or the scheme to declare under the kind's `legacy_patterns`.
extension UnknownPrefix {
    struct OwnIDs {
        let lib: Library
        /// Records without a parsed ID, by where their own ID is written.
        let byLocation: [SourceLocation: Int]
        /// Made when a hint first needs a next free ID; it hands out one per finding.
        var allocator: IDAllocator?

        init(_ lib: Library) {
            self.lib = lib
            var m: [SourceLocation: Int] = [:]
            for (i, e) in lib.entities.enumerated() where e.id == nil && !e.rawID.isEmpty { m[e.location] = i }
            byLocation = m
        }

        /// The record whose own ID this use is, if it is one.
        func entity(_ u: PrefixUse) -> Int? {
            guard let i = byLocation[u.location], lib.entities[i].rawID.uppercased() == u.token.uppercased() else {
                return nil
            }
            return i
        }

        /// The next free ID of the record's kind (with its prefix's department when that is a department code).
        mutating func nextID(for i: Int, prefix: String) -> String {
            if allocator == nil { allocator = IDAllocator(library: lib) }
            let e = lib.entities[i]
            let department =
                lib.grammar.canonicalDepartment(prefix) ?? e.department.flatMap(lib.grammar.canonicalDepartment)
            return allocator!.suggest(kind: e.kind, department: department)
        }

        /// The `legacy_patterns` entries that take these IDs (`DESIGN-{n}-{n}`), or nil.
        static func patterns(_ tokens: [String]) -> String? {
            let found = LegacyShape.patterns(tokens, minimum: 1).map { "\"\($0.pattern)\"" }
            return found.isEmpty ? nil : found.joined(separator: ", ")
        }

        mutating func diagnostic(_ u: PrefixUse, owner i: Int) -> Diagnostic {
            let kind = lib.config.kinds[lib.entities[i].kind].name
            let next = nextID(for: i, prefix: u.prefix)
            var hint = "give it a \(kind) ID (`taxo rename \(u.token) \(next)`)"
            if let p = OwnIDs.patterns([u.token]) {
                hint += ", or declare its scheme: add \(p) to kinds.\(kind).legacy_patterns"
            }
            var d = info.diagnostic(
                "unknown ID prefix '\(u.prefix)' in '\(u.token)', the own ID of a \(kind)", at: u.location, hint: hint,
                subject: u.token)
            // (The editor offers it as a rename everywhere.)
            d.suggestions = [Diagnostic.Replacement(u.token, with: next)]
            return d
        }

        /// For a prefix written as a convention: when most of its IDs are own IDs of one kind's records, what
        /// the finding adds to its message and its hint.
        func convention(_ uses: [PrefixUse]) -> (message: String, hint: String)? {
            var byKind: [Int: Set<String>] = [:]
            for u in uses { if let i = entity(u) { byKind[lib.entities[i].kind, default: []].insert(u.token) } }
            let distinct = Set(uses.map(\.token)).count
            guard let (k, tokens) = byKind.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }),
                tokens.count * 2 > distinct
            else { return nil }
            let kind = lib.config.kinds[k].name
            let count = tokens.count == distinct ? "all" : "\(tokens.count)"
            var hint = "declare their scheme"
            if let p = OwnIDs.patterns(tokens.sorted()) { hint += ": add \(p) to kinds.\(kind).legacy_patterns" }
            hint += "; or give them \(kind) IDs with `taxo rename`"
            return (" (\(count) are the own IDs of \(kind) records)", hint)
        }
    }
}
