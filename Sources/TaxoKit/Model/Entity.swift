/// One record of a kind: from a JSON or YAML file, a list file, or a Markdown file's header.
///
/// A value type whose fields live in one shared, copy-on-write box: the library passes entities through
/// many arrays and loops, and copying one costs a single retain instead of one per field.
public struct Entity: Sendable {
    final class Storage: @unchecked Sendable {
        var kind: Int
        var id: ParsedID?
        var rawID: String
        var name: String?
        var file: String
        var location: SourceLocation
        var department: String?
        var idField: String
        var soleRecordInFile: Bool
        var references: [Reference]
        var legacyKeys: [String]
        var description: String?
        var aliases: [String]
        var videos: [String]
        var record: String?

        init(kind: Int, id: ParsedID?, rawID: String, name: String?, file: String, location: SourceLocation, department: String?, idField: String, soleRecordInFile: Bool, references: [Reference], legacyKeys: [String], description: String?, aliases: [String], videos: [String], record: String?) {
            self.kind = kind
            self.id = id
            self.rawID = rawID
            self.name = name
            self.file = file
            self.location = location
            self.department = department
            self.idField = idField
            self.soleRecordInFile = soleRecordInFile
            self.references = references
            self.legacyKeys = legacyKeys
            self.description = description
            self.aliases = aliases
            self.videos = videos
            self.record = record
        }

        func copy() -> Storage {
            Storage(kind: kind, id: id, rawID: rawID, name: name, file: file, location: location, department: department, idField: idField, soleRecordInFile: soleRecordInFile, references: references, legacyKeys: legacyKeys, description: description, aliases: aliases, videos: videos, record: record)
        }
    }

    private var s: Storage

    public init(kind: Int, id: ParsedID?, rawID: String, name: String?, file: String, location: SourceLocation, department: String?, idField: String, soleRecordInFile: Bool, references: [Reference], legacyKeys: [String] = [], description: String? = nil, aliases: [String] = [], videos: [String] = [], record: String? = nil) {
        s = Storage(kind: kind, id: id, rawID: rawID, name: name, file: file, location: location, department: department, idField: idField, soleRecordInFile: soleRecordInFile, references: references, legacyKeys: legacyKeys, description: description, aliases: aliases, videos: videos, record: record)
    }

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&s) { s = s.copy() }
    }

    public var kind: Int {
        get { s.kind }
        _modify { unique(); yield &s.kind }
        set { unique(); s.kind = newValue }
    }

    /// The ID as parsed; nil when the ID field breaks the grammar (the entity is then not resolvable).
    public var id: ParsedID? {
        get { s.id }
        _modify { unique(); yield &s.id }
        set { unique(); s.id = newValue }
    }

    public var rawID: String {
        get { s.rawID }
        _modify { unique(); yield &s.rawID }
        set { unique(); s.rawID = newValue }
    }

    public var name: String? {
        get { s.name }
        _modify { unique(); yield &s.name }
        set { unique(); s.name = newValue }
    }

    public var file: String {
        get { s.file }
        _modify { unique(); yield &s.file }
        set { unique(); s.file = newValue }
    }

    public var location: SourceLocation {
        get { s.location }
        _modify { unique(); yield &s.location }
        set { unique(); s.location = newValue }
    }

    public var department: String? {
        get { s.department }
        _modify { unique(); yield &s.department }
        set { unique(); s.department = newValue }
    }

    /// The field that held the ID.
    public var idField: String {
        get { s.idField }
        _modify { unique(); yield &s.idField }
        set { unique(); s.idField = newValue }
    }

    /// Whether the file holds just this record (file-name checks apply only then).
    public var soleRecordInFile: Bool {
        get { s.soleRecordInFile }
        _modify { unique(); yield &s.soleRecordInFile }
        set { unique(); s.soleRecordInFile = newValue }
    }

    public var references: [Reference] {
        get { s.references }
        _modify { unique(); yield &s.references }
        set { unique(); s.references = newValue }
    }

    /// Older IDs this entity answers to (keys), from an inner ID, `legacy_id_fields` or a master list.
    public var legacyKeys: [String] {
        get { s.legacyKeys }
        _modify { unique(); yield &s.legacyKeys }
        set { unique(); s.legacyKeys = newValue }
    }

    /// A description, purpose or objective, for search.
    public var description: String? {
        get { s.description }
        _modify { unique(); yield &s.description }
        set { unique(); s.description = newValue }
    }

    /// Other names the entity goes by (an `aliases` field), for name matching.
    public var aliases: [String] {
        get { s.aliases }
        _modify { unique(); yield &s.aliases }
        set { unique(); s.aliases = newValue }
    }

    /// Videos the entity names in a phase's integration fields (`source_video: Video_024`).
    public var videos: [String] {
        get { s.videos }
        _modify { unique(); yield &s.videos }
        set { unique(); s.videos = newValue }
    }

    /// The record as compact JSON (kept when building the index).
    public var record: String? {
        get { s.record }
        _modify { unique(); yield &s.record }
        set { unique(); s.record = newValue }
    }
}

/// A link from an entity field (or a Markdown header field) to an ID.
public struct Reference: Sendable {
    /// The field path with indices, e.g. `tools_required[1]`, `parent_task.task_id`.
    public var field: String
    /// The whole string the ID was found in.
    public var raw: String
    public var id: ParsedID
    /// The text written after the ID (`TOL-112 (Dropbox Dash)` -> `Dropbox Dash`).
    public var label: String?
    public var location: SourceLocation
    /// The declared link field this came from, if any: index into the source kind's `links`.
    public var linkIndex: Int?
}

/// A Markdown heading.
public struct Heading: Sendable {
    public var level: Int
    public var text: String
    public var line: Int
}

/// An ID mentioned in a document, with its context.
public struct Mention: Sendable {
    public var id: ParsedID
    public var location: SourceLocation
    public var label: String?
    /// The nearest heading above the mention.
    public var heading: String?
    /// The line it stands on, trimmed.
    public var context: String
    /// Written as a proposal ("Proposed Tool ID: TOL-AID-201", a New_ID list): not a claim that it exists.
    public var isProposal: Bool
    /// Inside the document's scope section (a transcript's taxonomy analysis): declares a video-scoped ID.
    public var declaresScope: Bool
}

/// A relative link or image in a Markdown file.
public struct MarkdownLink: Sendable {
    public var destination: String
    public var location: SourceLocation
    public var isImage: Bool
}

/// A Markdown file that is not an entity: transcript, analysis, report, index.
public struct Document: Sendable {
    public var path: String
    public var type: String?
    public var title: String?
    public var video: String?
    public var fields: [String: String]
    public var headings: [Heading]
    public var mentions: [Mention]
    public var checkMentions: Bool
    /// The Markdown text (kept when building the index, for full-text search).
    public var text: String?
}
