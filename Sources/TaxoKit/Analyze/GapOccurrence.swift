/// One place a candidate occurs in a document.
public struct GapOccurrence: Sendable {
    public enum What: Sendable {
        case id(ParsedID)
        case placeholder(kind: Int, text: String)
        /// A name found by the library name matcher (entity indices).
        case libraryName(String, entities: [Int])
        /// A name from a structured place: a tool heading, a tool table, a CSV ID block, a bold list item.
        case name(String, kind: Int?)
    }

    public var what: What
    /// A name written with the ID (its label, or the name cell of the same table row or CSV row).
    public var pairedName: String?
    /// An ID written with the name (same table row, CSV row, or the `Proposed ... ID` line of its section).
    public var pairedID: GapOccurrence.What?
    public var file: String
    public var line: Int
    public var column: Int
    public var heading: String?
    public var snippet: String
    public var timestamp: String?
    /// Written where a workflow, milestone, task or step says what it needs (TOOLS_REQUIRED:, a task block).
    public var required: Bool
    /// Written as a proposal ("Proposed Tool ID", a New_ID list).
    public var proposal: Bool
}
