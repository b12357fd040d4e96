/// One record of a kind: from a JSON or YAML file, a list file, or a Markdown file's header.
public struct Entity: Sendable {
    public var kind: Int
    /// The ID as parsed; nil when the ID field breaks the grammar (the entity is then not resolvable).
    public var id: ParsedID?
    public var rawID: String
    public var name: String?
    public var file: String
    public var location: SourceLocation
    public var department: String?
    /// The field that held the ID.
    public var idField: String
    /// Whether the file holds just this record (file-name checks apply only then).
    public var soleRecordInFile: Bool
    public var references: [Reference]
    /// Older IDs this entity answers to (keys), from an inner ID, `legacy_id_fields` or a master list.
    public var legacyKeys: [String] = []
    /// A description, purpose or objective, for search.
    public var description: String?
    /// Other names the entity goes by (an `aliases` field), for name matching.
    public var aliases: [String] = []
    /// Videos the entity names in a phase's integration fields (`source_video: Video_024`).
    public var videos: [String] = []
    /// The record as compact JSON (kept when building the index).
    public var record: String?
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
