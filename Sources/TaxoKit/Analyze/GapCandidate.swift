/// What a gap report says about one candidate.
public enum GapVerdict: String, Sendable, CaseIterable {
    case exists, conflict, near, missing, placeholder
}

/// A tool, ID or name a document mentions, with every place it occurs and its verdict.
public struct GapCandidate: Sendable {
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

    public var text: String { name ?? ids.first?.written ?? placeholders.first ?? "?" }
    public var id: String? { ids.first?.written ?? placeholders.first }
}
