/// What a gap report says about one candidate.
public enum GapVerdict: String, Sendable, CaseIterable {
    case exists, conflict, near, missing, placeholder
    /// The document's own ID: a milestone, task or step ID scoped to its video (not the library's).
    case proposed
    /// Declared in a file that does not parse (`library_file` names it).
    case broken
}

/// A tool, ID or name a document mentions, with every place it occurs and its verdict.
/// (Sendable as a value: its box is changed only when no other value shares it.)
public struct GapCandidate: @unchecked Sendable {
    /// The fields, in one box: candidates are grouped, sorted, folded and handed to reports, and a copy
    /// retains one reference instead of every list and string (copied on write).
    private struct Fields {
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
    }

    /// The box: a buffer whose header is the fields (read and changed in place, with no exclusivity check
    /// per access as a class's stored property would have).
    private final class Box: ManagedBuffer<Fields, Void> {
        static func make(_ f: Fields) -> Box {
            unsafeDowncast(Box.create(minimumCapacity: 0) { _ in f }, to: Box.self)
        }
    }

    private var box: Box

    /// The fields, unshared before a change.
    private var unique: Box {
        mutating get {
            if !isKnownUniquelyReferenced(&box) { box = Box.make(box.header) }
            return box
        }
    }

    public init(kind: Int?) { box = Box.make(Fields(kind: kind)) }

    public var kind: Int? {
        get { box.header.kind }
        _modify { yield &unique.header.kind }
    }

    /// The name as written (first structured or labelled spelling), if any.
    public var name: String? {
        get { box.header.name }
        _modify { yield &unique.header.name }
    }

    /// IDs written for it (canonical spelling), placeholders excluded.
    public var ids: [ParsedID] {
        get { box.header.ids }
        _modify { yield &unique.header.ids }
    }

    public var placeholders: [String] {
        get { box.header.placeholders }
        _modify { yield &unique.header.placeholders }
    }

    public var occurrences: [GapOccurrence] {
        get { box.header.occurrences }
        _modify { yield &unique.header.occurrences }
    }

    public var verdict: GapVerdict {
        get { box.header.verdict }
        _modify { yield &unique.header.verdict }
    }

    public var libraryEntity: Int? {
        get { box.header.libraryEntity }
        _modify { yield &unique.header.libraryEntity }
    }

    public var libraryID: String? {
        get { box.header.libraryID }
        _modify { yield &unique.header.libraryID }
    }

    public var libraryName: String? {
        get { box.header.libraryName }
        _modify { yield &unique.header.libraryName }
    }

    public var libraryFile: String? {
        get { box.header.libraryFile }
        _modify { yield &unique.header.libraryFile }
    }

    public var score: Double? {
        get { box.header.score }
        _modify { yield &unique.header.score }
    }

    public var suggestedID: String? {
        get { box.header.suggestedID }
        _modify { yield &unique.header.suggestedID }
    }

    public var priority: String {
        get { box.header.priority }
        _modify { yield &unique.header.priority }
    }

    public var note: String {
        get { box.header.note }
        _modify { yield &unique.header.note }
    }

    /// Versions written with the name (`v0.3.1`).
    public var versions: [String] {
        get { box.header.versions }
        _modify { yield &unique.header.versions }
    }

    /// Other missing candidates of its kind that may be the same entity, named with their proposed IDs
    /// (`'Tavilli Search API' (TOL-120)`; see `GapAnalyzer.relateSimilarMissing`).
    public var similar: [String] {
        get { box.header.similar }
        _modify { yield &unique.header.similar }
    }

    /// The video whose own ID it is (verdict `proposed`).
    public var scopedTo: String? {
        get { box.header.scopedTo }
        _modify { yield &unique.header.scopedTo }
    }

    /// A near match found in prose: the entities and the library name it is close to, and the similarity.
    var proseNear: (entities: [Int], name: String, score: Double)? {
        get { box.header.proseNear }
        _modify { yield &unique.header.proseNear }
    }

    /// The department its mentions give, if any.
    var department: String? {
        get { box.header.department }
        _modify { yield &unique.header.department }
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
