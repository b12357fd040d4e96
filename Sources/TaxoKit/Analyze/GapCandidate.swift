/// What a gap report says about one candidate.
public enum GapVerdict: String, Sendable, CaseIterable {
    case exists, conflict, near, missing, placeholder
    /// The document's own ID: a milestone, task or step ID scoped to its video (not the library's).
    case proposed
    /// Declared in a file that does not parse (`library_file` names it).
    case broken
}

/// A tool, ID or name a document mentions, with every place it occurs and its verdict.
///
/// Boxed like `Entity`: candidates are grouped, folded, sorted and handed to reports and the gap store, and
/// copying one costs a single retain instead of one per list and string. Its fields are those of `Fields`.
@dynamicMemberLookup
public struct GapCandidate: Sendable {
    public init(kind: Int?) { s = CopyOnWrite(Fields(kind: kind)) }

    public subscript<T>(dynamicMember field: WritableKeyPath<Fields, T>) -> T {
        get { s.value[keyPath: field] }
        _modify {
            CopyOnWrite.own(&s)
            yield &s.value[keyPath: field]
        }
    }

    private var s: CopyOnWrite<Fields>

    /// Changes several fields in one access (the box made unique once, no field copied out to be read).
    mutating func update<R>(_ body: (inout Fields) -> R) -> R {
        CopyOnWrite.own(&s)
        return body(&s.value)
    }

    /// The fields, in one `CopyOnWrite` box.
    public struct Fields: Sendable {
        public var kind: Int?
        /// The name as written (first structured or labelled spelling), if any.
        public var name: String?
        /// IDs written for it (canonical spelling), placeholders excluded.
        public var ids: [ParsedID] = []
        public var placeholders: [String] = []
        public var occurrences: [GapOccurrence] = []
        public var verdict: GapVerdict = .missing
        public var libraryEntity: Int?
        public var libraryID: String?
        public var libraryName: String?
        public var libraryFile: String?
        public var score: Double?
        public var suggestedID: String?
        public var priority: String = "—"
        public var note: String = ""
        /// Versions written with the name (`v0.3.1`).
        public var versions: [String] = []
        /// Other missing candidates of its kind that may be the same entity, named with their proposed IDs
        /// (`'Tavilli Search API' (TOL-120)`; see `GapAnalyzer.relateSimilarMissing`).
        public var similar: [String] = []
        /// The video whose own ID it is (verdict `proposed`).
        public var scopedTo: String?
        /// A near match found in prose: the entities and the library name it is close to, and the similarity.
        var proseNear: (entities: [Int], name: String, score: Double)?
        /// The department its mentions give, if any.
        var department: String?

        init(kind: Int?) { self.kind = kind }
    }

    public var text: String { self.name ?? self.ids.first?.written ?? self.placeholders.first ?? "?" }

    /// Takes in another candidate for the same entity: its name when this one has none, the IDs, versions
    /// and department it adds, and its occurrences (kept in place order).
    mutating func absorb(_ other: GapCandidate) {
        if self.name == nil { self.name = other.name }
        for id in other.ids where !self.ids.contains(where: { $0.key == id.key }) { self.ids.append(id) }
        for v in other.versions where !self.versions.contains(v) { self.versions.append(v) }
        if self.department == nil { self.department = other.department }
        self.occurrences += other.occurrences
        GapOccurrence.sortByPlace(&self.occurrences)
    }
    public var id: String? { self.ids.first?.written ?? self.placeholders.first }
}
