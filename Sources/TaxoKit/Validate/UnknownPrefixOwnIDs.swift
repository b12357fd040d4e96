/// TAX0102 for the own IDs of records (a step file whose `Step ID` is `DESIGN-001-01`): the record is there,
/// only its ID is in no scheme, so the finding names its kind and the two ways out: an ID of that kind to
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

        /// The ID to give the record: the number its file name gives it (`Step-Template-155_...` -> `STP-155`)
        /// when that ID is free, else the next free ID of its kind (with its prefix's department when that is a
        /// department code).
        mutating func nextID(for i: Int, prefix: String) -> String {
            if allocator == nil { allocator = IDAllocator(library: lib) }
            let e = lib.entities[i]
            let department = allocator!.department(
                kind: e.kind,
                given: lib.grammar.canonicalDepartment(prefix) ?? e.department.flatMap(lib.grammar.canonicalDepartment))
            if let n = fileNumber(e), let id = allocator!.take(kind: e.kind, department: department, number: n) {
                return id
            }
            return allocator!.next(kind: e.kind, department: department)
        }

        /// The number the record's file name gives it: the trailing digits of the name's first part, when that
        /// part is an ID (current or older spelling) of the record's kind.
        func fileNumber(_ e: Entity) -> Int? {
            guard let part = PathDisplay.stem(e.file).split(whereSeparator: { $0 == "_" || $0 == " " }).first else {
                return nil
            }
            switch lib.grammar.check(String(part)) {
            case .valid(let p) where p.kind == e.kind: return Int(p.number)
            case .legacy(let p) where p.kind == e.kind:
                return Int(String(part.reversed().prefix { $0.isASCIIDigit }.reversed()))
            default: return nil
            }
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

        /// A typo of one of its kind's prefixes in a record's own ID (`SPT-007` in a step's file): the IDs of
        /// its kind it may have meant that are free (`STP-007`), to rename it to, never fixed by `taxo fix` (the
        /// record's references may be written either way). Nil when no prefix of its kind is near, or each
        /// such ID is taken.
        func typo(_ u: PrefixUse, owner i: Int) -> Diagnostic? {
            let kind = lib.entities[i].kind
            let meant = u.suggestions.compactMap { p -> String? in
                guard lib.grammar.kindIndex(forPrefix: p) == kind else { return nil }
                let id = p + u.token.dropFirst(u.prefix.count)
                guard case .valid(let parsed) = lib.grammar.check(id), parsed.kind == kind, lib.table[parsed.key] == nil
                else { return nil }
                return id
            }
            guard let first = meant.first else { return nil }
            let name = lib.config.kinds[kind].name
            var d = info.diagnostic(
                "unknown ID prefix '\(u.prefix)' in '\(u.token)', the own ID of a \(name)", at: u.location,
                hint: "did you mean " + meant.map { "'\($0)'" }.joined(separator: " or ")
                    + "? (`taxo rename \(u.token) \(first)`)", subject: u.token)
            // (The editor offers each as a rename everywhere.)
            d.suggestions = meant.map { Diagnostic.Replacement(u.token, with: $0) }
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
