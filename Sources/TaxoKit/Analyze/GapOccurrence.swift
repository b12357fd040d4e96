/// One place a candidate occurs in a document.
/// (Sendable as a value: its box is changed only when no other value shares it.)
public struct GapOccurrence: @unchecked Sendable {
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

    /// The fields, in one box: an occurrence is copied into its candidate, merged, encoded and cited many
    /// times, and a copy retains one reference instead of a dozen strings (copied on write).
    private struct Fields {
        var what: What
        var pairedName: String?
        var pairedID: GapOccurrence.What?
        var file: String
        var line: Int
        var column: Int
        var heading: String?
        var snippet: String
        var timestamp: String?
        var required: Bool
        var proposal: Bool
        var version: String?
        var department: String?
        var scopedTo: String?

        init(
            what: What, pairedName: String?, pairedID: GapOccurrence.What?, file: String, line: Int, column: Int,
            heading: String?, snippet: String, timestamp: String?, required: Bool, proposal: Bool, version: String?,
            department: String?, scopedTo: String?
        ) {
            self.what = what
            self.pairedName = pairedName
            self.pairedID = pairedID
            self.file = file
            self.line = line
            self.column = column
            self.heading = heading
            self.snippet = snippet
            self.timestamp = timestamp
            self.required = required
            self.proposal = proposal
            self.version = version
            self.department = department
            self.scopedTo = scopedTo
        }
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

    public init(
        what: What, pairedName: String? = nil, pairedID: GapOccurrence.What? = nil, file: String, line: Int,
        column: Int, heading: String? = nil, snippet: String, timestamp: String? = nil, required: Bool,
        proposal: Bool, version: String? = nil, department: String? = nil, scopedTo: String? = nil
    ) {
        box = Box.make(
            Fields(
                what: what, pairedName: pairedName, pairedID: pairedID, file: file, line: line, column: column,
                heading: heading, snippet: snippet, timestamp: timestamp, required: required, proposal: proposal,
                version: version, department: department, scopedTo: scopedTo))
    }

    /// What was found.
    public var what: What {
        get { box.header.what }
        _modify { yield &unique.header.what }
    }

    /// A name written with the ID (its label, or the name cell of the same table row or CSV row).
    public var pairedName: String? {
        get { box.header.pairedName }
        _modify { yield &unique.header.pairedName }
    }

    /// An ID written with the name (same table row, CSV row, or the `Proposed ... ID` line of its section).
    public var pairedID: GapOccurrence.What? {
        get { box.header.pairedID }
        _modify { yield &unique.header.pairedID }
    }

    public var file: String {
        get { box.header.file }
        _modify { yield &unique.header.file }
    }

    public var line: Int {
        get { box.header.line }
        _modify { yield &unique.header.line }
    }

    public var column: Int {
        get { box.header.column }
        _modify { yield &unique.header.column }
    }

    public var heading: String? {
        get { box.header.heading }
        _modify { yield &unique.header.heading }
    }

    public var snippet: String {
        get { box.header.snippet }
        _modify { yield &unique.header.snippet }
    }

    public var timestamp: String? {
        get { box.header.timestamp }
        _modify { yield &unique.header.timestamp }
    }

    /// Written where a workflow, milestone, task or step says what it needs (TOOLS_REQUIRED:, a task block).
    public var required: Bool {
        get { box.header.required }
        _modify { yield &unique.header.required }
    }

    /// Written as a proposal ("Proposed Tool ID", a New_ID list).
    public var proposal: Bool {
        get { box.header.proposal }
        _modify { yield &unique.header.proposal }
    }

    /// A version written with the name (`LangChain v0.3.1`), kept as evidence, not as part of the name.
    public var version: String? {
        get { box.header.version }
        _modify { yield &unique.header.version }
    }

    /// A department given with it (the ID's segment, a Department column or field of its section).
    public var department: String? {
        get { box.header.department }
        _modify { yield &unique.header.department }
    }

    /// The video whose own ID this is (a milestone, task or step ID scoped to the document's video).
    public var scopedTo: String? {
        get { box.header.scopedTo }
        _modify { yield &unique.header.scopedTo }
    }
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
