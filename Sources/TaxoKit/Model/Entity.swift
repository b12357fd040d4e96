/// One record of a kind: from a JSON or YAML file, a list file, or a Markdown file's header.
///
/// A value type whose fields live in one copy-on-write box: the library passes entities through many
/// arrays and loops, and copying one costs a single retain instead of one per field.
public struct Entity: Sendable {
    public init(
        kind: Int, id: ParsedID?, rawID: String, name: String?, file: String, location: SourceLocation,
        department: String?, idField: String, soleRecordInFile: Bool, references: [Reference],
        legacyKeys: [String] = [], description: String? = nil, aliases: [String] = [], videos: [String] = [],
        record: String? = nil
    ) {
        s = Storage(
            kind: kind, id: id, rawID: rawID, name: name, file: file, location: location, department: department,
            idField: idField, soleRecordInFile: soleRecordInFile, references: references, legacyKeys: legacyKeys,
            description: description, aliases: aliases, videos: videos, record: record)
    }

    public var kind: Int {
        get { s.kind }
        _modify { unique(); yield &s.kind }
    }
    /// The ID as parsed; nil when the ID field breaks the grammar (the entity is then not resolvable).
    public var id: ParsedID? {
        get { s.id }
        _modify { unique(); yield &s.id }
    }
    public var rawID: String {
        get { s.rawID }
        _modify { unique(); yield &s.rawID }
    }
    public var name: String? {
        get { s.name }
        _modify { unique(); yield &s.name }
    }
    public var file: String {
        get { s.file }
        _modify { unique(); yield &s.file }
    }
    public var location: SourceLocation {
        get { s.location }
        _modify { unique(); yield &s.location }
    }
    public var department: String? {
        get { s.department }
        _modify { unique(); yield &s.department }
    }
    /// The field that held the ID.
    public var idField: String {
        get { s.idField }
        _modify { unique(); yield &s.idField }
    }
    /// Whether the file holds just this record (file-name checks apply only then).
    public var soleRecordInFile: Bool {
        get { s.soleRecordInFile }
        _modify { unique(); yield &s.soleRecordInFile }
    }
    public var references: [Reference] {
        get { s.references }
        _modify { unique(); yield &s.references }
    }
    /// Older IDs this entity answers to (keys), from an inner ID, `legacy_id_fields` or a master list.
    public var legacyKeys: [String] {
        get { s.legacyKeys }
        _modify { unique(); yield &s.legacyKeys }
    }
    /// A description, purpose or objective, for search.
    public var description: String? {
        get { s.description }
        _modify { unique(); yield &s.description }
    }
    /// Other names the entity goes by (an `aliases` field), for name matching.
    public var aliases: [String] {
        get { s.aliases }
        _modify { unique(); yield &s.aliases }
    }
    /// Videos the entity names in a phase's integration fields (`source_video: Video_024`).
    public var videos: [String] {
        get { s.videos }
        _modify { unique(); yield &s.videos }
    }
    /// The record as compact JSON (kept when building the index).
    public var record: String? {
        get { s.record }
        _modify { unique(); yield &s.record }
    }
    /// The record's status as written (`active`, `Deprecated`), when it has one.
    public var status: String? {
        get { s.status }
        _modify { unique(); yield &s.status }
    }
    /// Children the record holds itself: inline children without IDs (a kind's `children:`), or IDs in a
    /// `local` link field. They count for incomplete-hierarchy.
    public var inlineChildren: Int {
        get { s.inlineChildren }
        _modify { unique(); yield &s.inlineChildren }
    }

    private var s: Storage

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&s) { s = s.copy() }
    }

    /// Its fields are exempt from run-time exclusivity checks: only `unique()` ever hands one out for
    /// writing, and only when the box is not shared. Sendable for the same reason: a box other threads can
    /// see is never written (copy on write), so they only ever read it.
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var kind: Int
        @exclusivity(unchecked) var id: ParsedID?
        @exclusivity(unchecked) var rawID: String
        @exclusivity(unchecked) var name: String?
        @exclusivity(unchecked) var file: String
        @exclusivity(unchecked) var location: SourceLocation
        @exclusivity(unchecked) var department: String?
        @exclusivity(unchecked) var idField: String
        @exclusivity(unchecked) var soleRecordInFile: Bool
        @exclusivity(unchecked) var references: [Reference]
        @exclusivity(unchecked) var legacyKeys: [String]
        @exclusivity(unchecked) var description: String?
        @exclusivity(unchecked) var aliases: [String]
        @exclusivity(unchecked) var videos: [String]
        @exclusivity(unchecked) var record: String?
        @exclusivity(unchecked) var status: String?
        @exclusivity(unchecked) var inlineChildren = 0

        init(
            kind: Int, id: ParsedID?, rawID: String, name: String?, file: String, location: SourceLocation,
            department: String?, idField: String, soleRecordInFile: Bool, references: [Reference], legacyKeys: [String],
            description: String?, aliases: [String], videos: [String], record: String?
        ) {
            (self.kind, self.id, self.rawID, self.name, self.file, self.location) = (
                kind, id, rawID, name, file, location
            )
            (self.department, self.idField, self.soleRecordInFile, self.references) = (
                department, idField, soleRecordInFile, references
            )
            (self.legacyKeys, self.description, self.aliases, self.videos, self.record) = (
                legacyKeys, description, aliases, videos, record
            )
        }

        func copy() -> Storage {
            let c = Storage(
                kind: kind, id: id, rawID: rawID, name: name, file: file, location: location, department: department,
                idField: idField, soleRecordInFile: soleRecordInFile, references: references, legacyKeys: legacyKeys,
                description: description, aliases: aliases, videos: videos, record: record)
            (c.status, c.inlineChildren) = (status, inlineChildren)
            return c
        }
    }
}

/// A link from an entity field (or a Markdown header field) to an ID.
///
/// Boxed like `Entity`: rules walk every reference of the library.
public struct Reference: Sendable {
    public init(field: String, raw: String, id: ParsedID, label: String?, location: SourceLocation, linkIndex: Int?) {
        s = Storage(field: field, raw: raw, id: id, label: label, location: location, linkIndex: linkIndex)
    }

    /// The field path with indices, e.g. `tools_required[1]`, `parent_task.task_id`.
    public var field: String {
        get { s.field }
        _modify { unique(); yield &s.field }
    }
    /// The whole string the ID was found in.
    public var raw: String {
        get { s.raw }
        _modify { unique(); yield &s.raw }
    }
    public var id: ParsedID {
        get { s.id }
        _modify { unique(); yield &s.id }
    }
    /// The text written after the ID (`TOL-112 (Dropbox Dash)` -> `Dropbox Dash`).
    public var label: String? {
        get { s.label }
        _modify { unique(); yield &s.label }
    }
    public var location: SourceLocation {
        get { s.location }
        _modify { unique(); yield &s.location }
    }
    /// The declared link field this came from, if any: index into the source kind's `links`.
    public var linkIndex: Int? {
        get { s.linkIndex }
        _modify { unique(); yield &s.linkIndex }
    }
    /// The range the ID was written in (`ACT-001 to ACT-429`), for every ID of a range, both ends included.
    public var range: String? {
        get { s.range }
        _modify { unique(); yield &s.range }
    }
    /// Written inside a fenced or indented code block of a Markdown file (an example, not a claim).
    public var inCode: Bool {
        get { s.inCode }
        _modify { unique(); yield &s.inCode }
    }

    private var s: Storage

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&s) { s = s.copy() }
    }

    /// Copy on write like `Entity.Storage`: Sendable because a shared box is only read.
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var field: String
        @exclusivity(unchecked) var raw: String
        @exclusivity(unchecked) var id: ParsedID
        @exclusivity(unchecked) var label: String?
        @exclusivity(unchecked) var location: SourceLocation
        @exclusivity(unchecked) var linkIndex: Int?
        @exclusivity(unchecked) var range: String?
        @exclusivity(unchecked) var inCode = false

        init(field: String, raw: String, id: ParsedID, label: String?, location: SourceLocation, linkIndex: Int?) {
            (self.field, self.raw, self.id, self.label, self.location, self.linkIndex) = (
                field, raw, id, label, location, linkIndex
            )
        }

        func copy() -> Storage {
            let c = Storage(field: field, raw: raw, id: id, label: label, location: location, linkIndex: linkIndex)
            (c.range, c.inCode) = (range, inCode)
            return c
        }
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
    public init(
        id: ParsedID, location: SourceLocation, label: String?, heading: String?, context: String, isProposal: Bool,
        declaresScope: Bool
    ) {
        s = Storage(
            id: id, location: location, label: label, heading: heading, context: context, isProposal: isProposal,
            declaresScope: declaresScope)
    }

    public var id: ParsedID {
        get { s.id }
        _modify { unique(); yield &s.id }
    }
    public var location: SourceLocation {
        get { s.location }
        _modify { unique(); yield &s.location }
    }
    public var label: String? {
        get { s.label }
        _modify { unique(); yield &s.label }
    }
    /// The nearest heading above the mention.
    public var heading: String? {
        get { s.heading }
        _modify { unique(); yield &s.heading }
    }
    /// The line it stands on, trimmed.
    public var context: String {
        get { s.context }
        _modify { unique(); yield &s.context }
    }
    /// Written as a proposal ("Proposed Tool ID: TOL-AID-201", a New_ID list): not a claim that it exists.
    public var isProposal: Bool {
        get { s.isProposal }
        _modify { unique(); yield &s.isProposal }
    }
    /// Inside the document's scope section (a transcript's taxonomy analysis): declares a video-scoped ID.
    public var declaresScope: Bool {
        get { s.declaresScope }
        _modify { unique(); yield &s.declaresScope }
    }
    /// The range the ID was written in (`ACT-001 to ACT-429`), for every ID of a range, both ends included.
    public var range: String? {
        get { s.range }
        _modify { unique(); yield &s.range }
    }
    /// Written inside a fenced or indented code block (an example, not a claim).
    public var inCode: Bool {
        get { s.inCode }
        _modify { unique(); yield &s.inCode }
    }

    private var s: Storage

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&s) { s = s.copy() }
    }

    /// Copy on write like `Entity.Storage`: Sendable because a shared box is only read.
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var id: ParsedID
        @exclusivity(unchecked) var location: SourceLocation
        @exclusivity(unchecked) var label: String?
        @exclusivity(unchecked) var heading: String?
        @exclusivity(unchecked) var context: String
        @exclusivity(unchecked) var isProposal: Bool
        @exclusivity(unchecked) var declaresScope: Bool
        @exclusivity(unchecked) var range: String?
        @exclusivity(unchecked) var inCode = false

        init(
            id: ParsedID, location: SourceLocation, label: String?, heading: String?, context: String, isProposal: Bool,
            declaresScope: Bool
        ) {
            (self.id, self.location, self.label, self.heading, self.context, self.isProposal, self.declaresScope) = (
                id, location, label, heading, context, isProposal, declaresScope
            )
        }

        func copy() -> Storage {
            let c = Storage(
                id: id, location: location, label: label, heading: heading, context: context, isProposal: isProposal,
                declaresScope: declaresScope)
            (c.range, c.inCode) = (range, inCode)
            return c
        }
    }
}

/// A relative link or image in a Markdown file.
public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var location: SourceLocation
    public var isImage: Bool
}

/// A Markdown file that is not an entity: transcript, analysis, report, index.
public struct Document: Sendable, Equatable {
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
