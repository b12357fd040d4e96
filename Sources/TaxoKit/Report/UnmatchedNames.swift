/// What taxo says about a link by name that links to nothing (`UnmatchedName`): why, and the names of its
/// kind it may have meant. The health report, `taxo show`, `get_entity` and the editor's hover say both in the
/// same words; the site's entity pages say why only (a guess reads every name of the kind).
extension UnmatchedName {
    /// "no tool has this name", or "shared by TOL-001, TOL-007: give each its own name".
    public func why(in lib: Library) -> String {
        let kind = lib.config.kinds[reference.id.kind].name
        guard !sharedBy.isEmpty else { return "no \(kind) has this name" }
        return "shared by " + sharedBy.map { lib.displayID(lib.entities[$0]) }.joined(separator: ", ")
            + ": give each its own name"
    }

    /// The names of its kind it may have meant (`NearNames`); none for a name several entities share (the
    /// entities are the answer). `near` is the kind's names when the caller asks for many.
    public func nearNames(in lib: Library, near: NearNames? = nil, limit: Int = 3) -> [String] {
        guard sharedBy.isEmpty else { return [] }
        return (near ?? NearNames(kind: reference.id.kind, in: lib)).near(reference.id.written, limit: limit)
    }

    /// `why` with the names it may have meant: "no tool has this name; did you mean 'Microsoft Excel'?".
    public func explanation(in lib: Library, near: NearNames? = nil) -> String {
        why(in: lib)
            + (NearMiss.hint(listing: nearNames(in: lib, near: near).map(Labels.quoted)).map { "; " + $0 } ?? "")
    }
}

/// The names and aliases of one kind's entities, to find those a name that links to nothing may have meant:
/// those holding it as whole words (`Excel` -> `Microsoft Excel`) or held by it (`Zoom meetings` -> `Zoom`),
/// shortest first, unless more than a few do (`Google`: Sheets, Docs, Drive, Forms); then those within a few
/// edits (`Goggle Sheets`).
public struct NearNames {
    let names: [String]
    let words: [[String]]
    /// The names as edit distances compare them, prepared once.
    let vocabulary: NearMiss.Vocabulary

    public init(kind: Int, in lib: Library) {
        var names: [String] = []
        var seen = Set<String>()
        for e in lib.entities where e.kind == kind && e.id != nil {
            for n in [e.name].compactMap({ $0 }) + e.aliases where !n.isEmpty && seen.insert(n).inserted {
                names.append(n)
            }
        }
        self.names = names
        words = names.map(Labels.words)
        vocabulary = NearMiss.Vocabulary(names)
    }

    /// At most `limit` names the text may have meant, best first.
    public func near(_ written: String, limit: Int = 3) -> [String] {
        let w = Labels.words(written)
        guard !w.isEmpty else { return [] }
        let holding = names.indices.filter { i in
            words[i] != w && (NearNames.holds(words[i], w) || NearNames.holds(w, words[i]))
        }
        .map { names[$0] }.sorted { ($0.count, $0) < ($1.count, $1) }
        // More than `limit` names holding it (`Google` in Google Sheets, Docs, Drive, ...) is no guess.
        var out = holding.count <= limit ? holding : []
        for s in vocabulary.suggestions(for: written, limit: limit) where !out.contains(s) { out.append(s) }
        return Array(out.prefix(limit))
    }

    /// Each kind's names, made when first asked (a list of names names few kinds).
    struct ByKind {
        private var made: [Int: NearNames] = [:]
        mutating func callAsFunction(_ kind: Int, _ lib: Library) -> NearNames {
            if let n = made[kind] { return n }
            let n = NearNames(kind: kind, in: lib)
            made[kind] = n
            return n
        }
    }

    /// Whether `outer` holds `inner` as consecutive words.
    static func holds(_ outer: [String], _ inner: [String]) -> Bool {
        guard !inner.isEmpty, inner.count <= outer.count else { return false }
        return (0...(outer.count - inner.count)).contains { outer[$0..<$0 + inner.count].elementsEqual(inner) }
    }
}

extension Library {
    /// The links by name of an entity's record that link to nothing, in the order it writes them.
    public func unmatchedNames(of entity: Int) -> ArraySlice<UnmatchedName> {
        // `unmatchedNames` is in entity order: the first of the entity's, found by halves.
        var lo = 0, hi = unmatchedNames.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if unmatchedNames[mid].entity < entity { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < unmatchedNames.count, unmatchedNames[end].entity == entity { end += 1 }
        return unmatchedNames[lo..<end]
    }
}

/// One name that links to nothing, as the library writes it in records: every place of one kind and name,
/// compared loosely (`Excel` and `excel`, `Google Sheets` and `Google-Sheets` are one), in the order of
/// `Library.unmatchedNames`.
struct UnmatchedNameGroup {
    /// Indices into `Library.unmatchedNames`; the first is where it is first written.
    var members: [Int]
    /// How many records write it (a record writing it twice counts once).
    var records: Int
    /// Its other spellings beyond letter case, in the order first written (the first member's is the group's
    /// name).
    var otherSpellings: [String]

    /// "also written Google-Sheets, google sheets", or nil.
    var alsoWritten: String? {
        otherSpellings.isEmpty ? nil : "also written " + otherSpellings.joined(separator: ", ")
    }
}

extension Library {
    /// The names that link to nothing, grouped by kind and loose name: most records first, then by kind and
    /// name.
    func unmatchedNameGroups() -> [UnmatchedNameGroup] {
        var index: [String: Int] = [:]
        var groups: [(members: [Int], entities: Set<Int>, spellings: [String])] = []
        for (i, u) in unmatchedNames.enumerated() {
            let written = u.reference.id.written, loose = Labels.normalized(written)
            let key = "\(u.reference.id.kind)\u{0}" + (loose.isEmpty ? u.reference.id.key : loose)
            if let g = index[key] {
                groups[g].members.append(i)
                groups[g].entities.insert(u.entity)
                let lower = written.lowercased()
                if !groups[g].spellings.contains(where: { $0.lowercased() == lower }) {
                    groups[g].spellings.append(written)
                }
            } else {
                index[key] = groups.count
                groups.append(([i], [u.entity], [written]))
            }
        }
        return groups.map { g -> (UnmatchedNameGroup, kind: String, name: String) in
            let r = unmatchedNames[g.members[0]].reference
            return (
                UnmatchedNameGroup(
                    members: g.members, records: g.entities.count, otherSpellings: Array(g.spellings.dropFirst())),
                config.kinds[r.id.kind].name, r.id.written.lowercased()
            )
        }
        .sorted { (-$0.0.records, $0.kind, $0.name) < (-$1.0.records, $1.kind, $1.name) }.map(\.0)
    }
}
