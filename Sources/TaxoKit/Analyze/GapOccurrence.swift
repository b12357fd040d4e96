/// One place a candidate occurs in a document.
///
/// Boxed like `Entity`: an occurrence is copied into its candidate, merged, encoded and cited many times, and
/// copying one costs a single retain instead of a dozen strings. Its fields are those of `Fields`.
@dynamicMemberLookup
public struct GapOccurrence: Sendable {
    /// What was found: an ID, a placeholder, or a name (of a kind, when the place says which).
    public enum What: Sendable {
        /// Boxed, as `IDToken.id` is: occurrences are copied while they are grouped.
        indirect case id(ParsedID)
        case placeholder(kind: Int, text: String)
        /// A name found by the library name matcher (entity indices).
        case libraryName(String, entities: [Int])
        /// A name from a structured place: a tool heading, a tool table, a CSV ID block, a bold list item.
        case name(String, kind: Int?)
        /// A capitalised phrase of running text within two edits of a library name (`Scalekit Dashbord`).
        case nearName(String, entities: [Int], libraryName: String, score: Double)
    }

    public init(
        what: What, pairedName: String? = nil, pairedID: What? = nil, file: String, line: Int, column: Int,
        heading: String? = nil, snippet: String, timestamp: String? = nil, required: Bool, proposal: Bool,
        version: String? = nil, department: String? = nil, scopedTo: String? = nil
    ) {
        s = CopyOnWrite(
            Fields(
                what: what, pairedName: pairedName, pairedID: pairedID, file: file, line: line, column: column,
                heading: heading, snippet: snippet, timestamp: timestamp, required: required, proposal: proposal,
                version: version, department: department, scopedTo: scopedTo))
    }

    public subscript<T>(dynamicMember field: WritableKeyPath<Fields, T>) -> T {
        get { s.value[keyPath: field] }
        _modify {
            CopyOnWrite.own(&s)
            yield &s.value[keyPath: field]
        }
    }

    private var s: CopyOnWrite<Fields>

    /// The fields, in one `CopyOnWrite` box.
    public struct Fields: Sendable {
        public var what: What
        /// A name written with the ID (its label, or the name cell of the same table row or CSV row).
        public var pairedName: String?
        /// An ID written with the name (same table row, CSV row, or the `Proposed ... ID` line of its section).
        public var pairedID: What?
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
        public var version: String?
        /// A department given with it (the ID's segment, a Department column or field of its section).
        public var department: String?
        /// The video whose own ID this is (a milestone, task or step ID scoped to the document's video).
        public var scopedTo: String?
    }
}

extension GapOccurrence {
    /// What an occurrence shows of its line: the line without its surrounding spaces (at most 200
    /// characters), and the timestamp the line holds (`[12:05]`), if any.
    static func shown(_ line: Substring) -> (snippet: String, timestamp: String?) {
        let t = line.trimmingSpaces()
        return (t.firstCharacters(200), GapNames.timestamp(line))
    }

    /// Whether this place comes before another: by file, line, column.
    func precedes(_ o: GapOccurrence) -> Bool {
        if self.line != o.line || self.column != o.column, self.file == o.file {
            return (self.line, self.column) < (o.line, o.column)
        }
        return (self.file, self.line, self.column) < (o.file, o.line, o.column)
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
