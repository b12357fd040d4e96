/// What a gap report says about one candidate.
public enum GapVerdict: String, Sendable, CaseIterable {
    case exists, conflict, near, missing, placeholder
    /// The document's own ID: a milestone, task or step ID scoped to its video (not the library's).
    case proposed
    /// Declared in a file that does not parse (`library_file` names it).
    case broken
}

/// A tool, ID or name a document mentions, with every place it occurs and its verdict.
public struct GapCandidate: Sendable {
    /// The fields, in one box: candidates are grouped, sorted, folded and handed to reports, and a copy
    /// retains one reference instead of every list and string (copied on write).
    private final class Fields: @unchecked Sendable {
        var kind: Int? = nil
        var name: String? = nil
        var ids: [ParsedID] = []
        var placeholders: [String] = []
        var occurrences: [GapOccurrence] = []
        var verdict: GapVerdict = .missing
        var libraryEntity: Int? = nil
        var libraryID: String? = nil
        var libraryName: String? = nil
        var libraryFile: String? = nil
        var score: Double? = nil
        var suggestedID: String? = nil
        var priority: String = "—"
        var note: String = ""
        var versions: [String] = []
        var similar: [String] = []
        var scopedTo: String? = nil
        var proseNear: (entities: [Int], name: String, score: Double)? = nil
        var department: String? = nil

        init(kind: Int?) { self.kind = kind }

        func copy() -> Fields {
            let c = Fields(kind: kind)
            c.name = name
            c.ids = ids
            c.placeholders = placeholders
            c.occurrences = occurrences
            c.verdict = verdict
            c.libraryEntity = libraryEntity
            c.libraryID = libraryID
            c.libraryName = libraryName
            c.libraryFile = libraryFile
            c.score = score
            c.suggestedID = suggestedID
            c.priority = priority
            c.note = note
            c.versions = versions
            c.similar = similar
            c.scopedTo = scopedTo
            c.proseNear = proseNear
            c.department = department
            return c
        }
    }

    private var fields: Fields

    /// The fields, unshared before a change.
    private var unique: Fields {
        mutating get {
            if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
            return fields
        }
    }

    public init(kind: Int?) { fields = Fields(kind: kind) }

    public var kind: Int? {
        get { fields.kind }
        _modify { yield &unique.kind }
    }

    /// The name as written (first structured or labelled spelling), if any.
    public var name: String? {
        get { fields.name }
        _modify { yield &unique.name }
    }

    /// IDs written for it (canonical spelling), placeholders excluded.
    public var ids: [ParsedID] {
        get { fields.ids }
        _modify { yield &unique.ids }
    }

    public var placeholders: [String] {
        get { fields.placeholders }
        _modify { yield &unique.placeholders }
    }

    public var occurrences: [GapOccurrence] {
        get { fields.occurrences }
        _modify { yield &unique.occurrences }
    }

    public var verdict: GapVerdict {
        get { fields.verdict }
        _modify { yield &unique.verdict }
    }

    public var libraryEntity: Int? {
        get { fields.libraryEntity }
        _modify { yield &unique.libraryEntity }
    }

    public var libraryID: String? {
        get { fields.libraryID }
        _modify { yield &unique.libraryID }
    }

    public var libraryName: String? {
        get { fields.libraryName }
        _modify { yield &unique.libraryName }
    }

    public var libraryFile: String? {
        get { fields.libraryFile }
        _modify { yield &unique.libraryFile }
    }

    public var score: Double? {
        get { fields.score }
        _modify { yield &unique.score }
    }

    public var suggestedID: String? {
        get { fields.suggestedID }
        _modify { yield &unique.suggestedID }
    }

    public var priority: String {
        get { fields.priority }
        _modify { yield &unique.priority }
    }

    public var note: String {
        get { fields.note }
        _modify { yield &unique.note }
    }

    /// Versions written with the name (`v0.3.1`).
    public var versions: [String] {
        get { fields.versions }
        _modify { yield &unique.versions }
    }

    /// Other missing candidates of its kind that may be the same entity, named with their proposed IDs
    /// (`'Tavilli Search API' (TOL-120)`; see `GapAnalyzer.relateSimilarMissing`).
    public var similar: [String] {
        get { fields.similar }
        _modify { yield &unique.similar }
    }

    /// The video whose own ID it is (verdict `proposed`).
    public var scopedTo: String? {
        get { fields.scopedTo }
        _modify { yield &unique.scopedTo }
    }

    /// A near match found in prose: the entities and the library name it is close to, and the similarity.
    var proseNear: (entities: [Int], name: String, score: Double)? {
        get { fields.proseNear }
        _modify { yield &unique.proseNear }
    }

    /// The department its mentions give, if any.
    var department: String? {
        get { fields.department }
        _modify { yield &unique.department }
    }

    public var text: String { name ?? ids.first?.written ?? placeholders.first ?? "?" }

    /// Takes in another candidate for the same entity: its name when this one has none, the IDs, versions
    /// and department it adds, and its occurrences (kept in place order).
    mutating func absorb(_ other: GapCandidate) {
        if name == nil { name = other.name }
        for id in other.ids where !ids.contains(where: { $0.key == id.key }) { ids.append(id) }
        for v in other.versions where !versions.contains(v) { versions.append(v) }
        if department == nil { department = other.department }
        occurrences += other.occurrences
        GapOccurrence.sortByPlace(&occurrences)
    }
    public var id: String? { ids.first?.written ?? placeholders.first }
}
