/// One record of a kind: from a JSON or YAML file, a list file, or a Markdown file's header.
///
/// A value type whose fields live in one copy-on-write box: the library passes entities through many
/// arrays and loops, and copying one costs a single retain instead of one per field.
public struct Entity: Sendable {
    /// An entity as extracted from its record.
    public init(
        kind: Int, id: ParsedID?, rawID: String, name: String?, file: String, location: SourceLocation,
        department: String?, idField: String, soleRecordInFile: Bool, references: [Reference],
        legacyKeys: [String] = [], description: String? = nil, aliases: [String] = [], videos: [String] = [],
        record: String? = nil
    ) {
        s = CopyOnWrite(
            Fields(
                kind: kind, id: id, rawID: rawID, name: name, file: file, location: location, department: department,
                idField: idField, soleRecordInFile: soleRecordInFile, references: references, legacyKeys: legacyKeys,
                description: description, aliases: aliases, videos: videos, record: record))
    }

    public var kind: Int {
        get { s.value.kind }
        _modify { unique(); yield &s.value.kind }
    }
    /// The ID as parsed; nil when the ID field breaks the grammar (the entity is then not resolvable).
    public var id: ParsedID? {
        get { s.value.id }
        _modify { unique(); yield &s.value.id }
    }
    public var rawID: String {
        get { s.value.rawID }
        _modify { unique(); yield &s.value.rawID }
    }
    public var name: String? {
        get { s.value.name }
        _modify { unique(); yield &s.value.name }
    }
    public var file: String {
        get { s.value.file }
        _modify { unique(); yield &s.value.file }
    }
    public var location: SourceLocation {
        get { s.value.location }
        _modify { unique(); yield &s.value.location }
    }
    public var department: String? {
        get { s.value.department }
        _modify { unique(); yield &s.value.department }
    }
    /// The field that held the ID.
    public var idField: String {
        get { s.value.idField }
        _modify { unique(); yield &s.value.idField }
    }
    /// Whether the file holds just this record (file-name checks apply only then).
    public var soleRecordInFile: Bool {
        get { s.value.soleRecordInFile }
        _modify { unique(); yield &s.value.soleRecordInFile }
    }
    public var references: [Reference] {
        get { s.value.references }
        _modify { unique(); yield &s.value.references }
    }
    /// Older IDs this entity answers to (keys), from an inner ID, `legacy_id_fields` or a master list.
    public var legacyKeys: [String] {
        get { s.value.legacyKeys }
        _modify { unique(); yield &s.value.legacyKeys }
    }
    /// A description, purpose or objective, for search.
    public var description: String? {
        get { s.value.description }
        _modify { unique(); yield &s.value.description }
    }
    /// Other names the entity goes by (an `aliases` field), for name matching.
    public var aliases: [String] {
        get { s.value.aliases }
        _modify { unique(); yield &s.value.aliases }
    }
    /// Videos the entity names in a phase's integration fields (`source_video: Video_024`).
    public var videos: [String] {
        get { s.value.videos }
        _modify { unique(); yield &s.value.videos }
    }
    /// The record as compact JSON (kept when building the index).
    public var record: String? {
        get { s.value.record }
        _modify { unique(); yield &s.value.record }
    }
    /// The record's status as written (`active`, `Deprecated`), when it has one.
    public var status: String? {
        get { s.value.status }
        _modify { unique(); yield &s.value.status }
    }
    /// Children the record holds itself: inline children without IDs (a kind's `children:`), or IDs in a
    /// `local` link field. They count for incomplete-hierarchy.
    public var inlineChildren: Int {
        get { s.value.inlineChildren }
        _modify { unique(); yield &s.value.inlineChildren }
    }

    private var s: CopyOnWrite<Fields>

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&s) { s = CopyOnWrite(s.value) }
    }

    /// The fields, in one `CopyOnWrite` box.
    struct Fields: Sendable {
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
        var status: String?
        var inlineChildren = 0
    }
}

/// A link from an entity field (or a Markdown header field) to an ID.
///
/// Boxed like `Entity`: rules walk every reference of the library.
public struct Reference: Sendable {
    /// A reference as found in a field.
    public init(field: String, raw: String, id: ParsedID, label: String?, location: SourceLocation, linkIndex: Int?) {
        s = CopyOnWrite(Fields(field: field, raw: raw, id: id, label: label, location: location, linkIndex: linkIndex))
    }

    /// The field path with indices, e.g. `tools_required[1]`, `parent_task.task_id`.
    public var field: String {
        get { s.value.field }
        _modify { unique(); yield &s.value.field }
    }
    /// The whole string the ID was found in.
    public var raw: String {
        get { s.value.raw }
        _modify { unique(); yield &s.value.raw }
    }
    public var id: ParsedID {
        get { s.value.id }
        _modify { unique(); yield &s.value.id }
    }
    /// The text written after the ID (`TOL-112 (Dropbox Dash)` -> `Dropbox Dash`).
    public var label: String? {
        get { s.value.label }
        _modify { unique(); yield &s.value.label }
    }
    public var location: SourceLocation {
        get { s.value.location }
        _modify { unique(); yield &s.value.location }
    }
    /// The declared link field this came from, if any: index into the source kind's `links`.
    public var linkIndex: Int? {
        get { s.value.linkIndex }
        _modify { unique(); yield &s.value.linkIndex }
    }
    /// The range the ID was written in (`ACT-001 to ACT-429`), for every ID of a range, both ends included.
    public var range: String? {
        get { s.value.range }
        _modify { unique(); yield &s.value.range }
    }
    /// Written inside a fenced or indented code block of a Markdown file (an example, not a claim).
    public var inCode: Bool {
        get { s.value.inCode }
        _modify { unique(); yield &s.value.inCode }
    }
    /// A child the Markdown entity declares in its own headings (`### MLT-VID-001: Transcription` in a
    /// workflow): a link when the library has the ID, else the file's own description of it, not dangling.
    public var declaredHere: Bool {
        get { s.value.declaredHere }
        _modify { unique(); yield &s.value.declaredHere }
    }

    private var s: CopyOnWrite<Fields>

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&s) { s = CopyOnWrite(s.value) }
    }

    /// The fields, in one `CopyOnWrite` box.
    struct Fields: Sendable {
        var field: String
        var raw: String
        var id: ParsedID
        var label: String?
        var location: SourceLocation
        var linkIndex: Int?
        var range: String?
        var inCode = false
        var declaredHere = false
    }
}

/// A Markdown heading.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var line: Int
}

/// An ID mentioned in a document, with its context.
///
/// Boxed like `Entity`: rules and reports walk every mention of the library.
public struct Mention: Sendable {
    /// A mention as found in a document.
    public init(
        id: ParsedID, location: SourceLocation, label: String?, heading: String?, context: String, isProposal: Bool,
        declaresScope: Bool
    ) {
        s = CopyOnWrite(
            Fields(
                id: id, location: location, label: label, heading: heading, context: context, isProposal: isProposal,
                declaresScope: declaresScope))
    }

    public var id: ParsedID {
        get { s.value.id }
        _modify { unique(); yield &s.value.id }
    }
    public var location: SourceLocation {
        get { s.value.location }
        _modify { unique(); yield &s.value.location }
    }
    public var label: String? {
        get { s.value.label }
        _modify { unique(); yield &s.value.label }
    }
    /// The nearest heading above the mention.
    public var heading: String? {
        get { s.value.heading }
        _modify { unique(); yield &s.value.heading }
    }
    /// The line it stands on, trimmed.
    public var context: String {
        get { s.value.context }
        _modify { unique(); yield &s.value.context }
    }
    /// Written as a proposal ("Proposed Tool ID: TOL-AID-201", a New_ID list): not a claim that it exists.
    public var isProposal: Bool {
        get { s.value.isProposal }
        _modify { unique(); yield &s.value.isProposal }
    }
    /// The mention itself announces the ID (a proposal column or section, a New_ID list, a proposal word right
    /// before it or on a line holding no other ID), not merely a line that speaks of a proposal ("RSP-333 and
    /// RSP-410, proposed RSP-418" announces RSP-418 only). The document's other mentions of it, and those of
    /// its video's documents, are proposals too.
    public var announces: Bool {
        get { s.value.announces }
        _modify { unique(); yield &s.value.announces }
    }
    /// Inside the document's scope section (a transcript's taxonomy analysis): declares a video-scoped ID.
    public var declaresScope: Bool {
        get { s.value.declaresScope }
        _modify { unique(); yield &s.value.declaresScope }
    }
    /// The range the ID was written in (`ACT-001 to ACT-429`), for every ID of a range, both ends included.
    public var range: String? {
        get { s.value.range }
        _modify { unique(); yield &s.value.range }
    }
    /// Written inside a fenced or indented code block (an example, not a claim).
    public var inCode: Bool {
        get { s.value.inCode }
        _modify { unique(); yield &s.value.inCode }
    }

    private var s: CopyOnWrite<Fields>

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&s) { s = CopyOnWrite(s.value) }
    }

    /// The fields, in one `CopyOnWrite` box.
    struct Fields: Sendable {
        var id: ParsedID
        var location: SourceLocation
        var label: String?
        var heading: String?
        var context: String
        var isProposal: Bool
        var declaresScope: Bool
        var range: String?
        var inCode = false
        var announces = false
    }
}

/// A relative link or image in a Markdown file.
public struct MarkdownLink: Sendable, Equatable {
    /// Where it points: as Markdown reads it, or, for a path written with backslashes, that path with `/`.
    public var destination: String
    public var location: SourceLocation
    public var isImage: Bool
    /// The path as the file writes it, when written with backslashes (`..\..\Notes\A.md`, which Markdown
    /// reads as `....\Notes\A.md`: `\.` is an escaped `.`); else nil.
    public var backslashed: String? = nil
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
    /// The structure extraction parsed, kept with the text so that gap analysis does not parse the file again
    /// (derived from the text: not compared, not cached).
    public var syntax: MarkdownSyntax? = nil
}
