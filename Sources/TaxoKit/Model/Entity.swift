/// One record of a kind: from a JSON or YAML file, a list file, or a Markdown file's header.
///
/// A value type whose fields live in one copy-on-write box: the library passes entities through many
/// arrays and loops, and copying one costs a single retain instead of one per field. Its fields are
/// those of `Fields`, read and written as its own (`entity.name`, `entity.references.append(r)`).
@dynamicMemberLookup
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
        public var legacyKeys: [String]
        /// A description, purpose or objective, for search.
        public var description: String?
        /// Other names the entity goes by (an `aliases` field), for name matching.
        public var aliases: [String]
        /// Videos the entity names in a phase's integration fields (`source_video: Video_024`).
        public var videos: [String]
        /// The record as compact JSON (kept when building the index).
        public var record: String?
        /// The record's status as written (`active`, `Deprecated`), when it has one.
        public var status: String?
        /// Children the record holds itself: inline children without IDs (a kind's `children:`), or IDs in a
        /// `local` link field. They count for incomplete-hierarchy.
        public var inlineChildren = 0
    }
}

/// A link from an entity field (or a Markdown header field) to an ID.
///
/// Boxed like `Entity`: rules walk every reference of the library.
@dynamicMemberLookup
public struct Reference: Sendable {
    /// A reference as found in a field.
    public init(field: String, raw: String, id: ParsedID, label: String?, location: SourceLocation, linkIndex: Int?) {
        s = CopyOnWrite(Fields(field: field, raw: raw, id: id, label: label, location: location, linkIndex: linkIndex))
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
        /// The range the ID was written in (`ACT-001 to ACT-429`), for every ID of a range, both ends included.
        public var range: String?
        /// Written inside a fenced or indented code block of a Markdown file (an example, not a claim).
        public var inCode = false
        /// A child the Markdown entity declares in its own headings (`### MLT-VID-001: Transcription` in a
        /// workflow): a link when the library has the ID, else the file's own description of it, not dangling.
        public var declaredHere = false
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
@dynamicMemberLookup
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
        /// The range the ID was written in (`ACT-001 to ACT-429`), for every ID of a range, both ends included.
        public var range: String?
        /// Written inside a fenced or indented code block (an example, not a claim).
        public var inCode = false
        /// The mention itself announces the ID (a proposal column or section, a New_ID list, a proposal word
        /// right before it or on a line holding no other ID), not merely a line that speaks of a proposal
        /// ("RSP-333 and RSP-410, proposed RSP-418" announces RSP-418 only). The document's other mentions of
        /// it, and those of its video's documents, are proposals too.
        public var announces = false
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
