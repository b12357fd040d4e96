/// One place a candidate occurs in a document.
public struct GapOccurrence: Sendable {
    /// What was found: an ID, a placeholder, or a name (of a kind, when the place says which).
    public enum What: Sendable {
        case id(ParsedID)
        case placeholder(kind: Int, text: String)
        /// A name found by the library name matcher (entity indices).
        case libraryName(String, entities: [Int])
        /// A name from a structured place: a tool heading, a tool table, a CSV ID block, a bold list item.
        case name(String, kind: Int?)
        /// A capitalised phrase of running text within two edits of a library name (`Scalekit Dashbord`).
        case nearName(String, entities: [Int], libraryName: String, score: Double)
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
    /// A version written with the name (`LangChain v0.3.1`), kept as evidence, not as part of the name.
    public var version: String? = nil
    /// A department given with it (the ID's segment, a Department column or field of its section).
    public var department: String? = nil
    /// The video whose own ID this is (a milestone, task or step ID scoped to the document's video).
    public var scopedTo: String? = nil
}

extension GapOccurrence {
    /// What an occurrence shows of its line: the line without its surrounding spaces (at most 200
    /// characters), and the timestamp the line holds (`[12:05]`), if any.
    static func shown(_ line: Substring) -> (snippet: String, timestamp: String?) {
        let t = line.trimmingSpaces()
        return (t.utf8.count <= 200 ? t : String(t.prefix(200)), GapNames.timestamp(line))
    }

    /// Whether this place comes before another: by file, line, column.
    func precedes(_ o: GapOccurrence) -> Bool {
        if line != o.line || column != o.column, file == o.file { return (line, column) < (o.line, o.column) }
        return (file, line, column) < (o.file, o.line, o.column)
    }

    /// Sorts occurrences by place (most lists are in place order already, and are left as they are).
    static func sortByPlace(_ list: inout [GapOccurrence]) {
        var sorted = true
        for i in list.indices.dropFirst() where list[i].precedes(list[i - 1]) {
            sorted = false
            break
        }
        if !sorted { list.sort { $0.precedes($1) } }
    }
}
