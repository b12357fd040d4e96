import Foundation

/// The whole configuration of a library: what to read and how to understand it.
public struct Config: Sendable {
    public var roots: [String]
    public var exclude: [Glob]
    public var maxFileBytes: Int
    public var departments: [Department]
    public var kinds: [Kind]
    public var hierarchy: [String]
    public var documents: [DocumentType]
    public var videoPattern: String
    /// Levels set by code, rule name or family.
    public var ruleLevels: [String: Severity]
    /// Link prefixes that stand for the library root (`ENTITIES/` in libraries that moved).
    public var linkRootAliases: [String] = []
    /// Globs of archived files: read so that references to them resolve, but not checked themselves.
    public var archive: [Glob] = []
    /// CSV master lists cross-checked against the entity files.
    public var masterLists: [MasterList] = []
    /// The phases a video goes through (`phases:`), in order.
    public var phases: [Phase] = Phase.defaults
    /// Words that make a heading's section, or the block after a lead-in line ending in `:`, a list of
    /// announced IDs (proposals): kept for next free IDs, never reported as dangling.
    public var proposalMarkers: [String] = Config.defaultProposalMarkers
    /// Prefixes that are not IDs of this library (`CAT` for category codes): never reported.
    public var ignorePrefixes: [String] = []
    /// Whether label and legacy checks look inside Markdown code blocks (`code_blocks: check`); by
    /// default they hold made-up examples and are skipped.
    public var checkCodeBlocks = false
    /// Statuses that make an entity inactive: exempt from the hierarchy rules (compared without case).
    public var inactiveStatuses: [String] = Config.defaultInactiveStatuses
    /// Words written in a department field that name no one department (`department_words:`, compared without
    /// case): `all` for every department (`All`, `Cross-functional`), `none` for none (`N/A`, `-`).
    public var departmentWords = DepartmentWords()
    /// Rule levels for some paths (`overrides: [{files: [...], rules: {TAX0205: off}}]`); the last match wins.
    public var overrides: [RuleOverride] = []
    /// A baseline file (relative to the root) that `taxo check` compares with unless told otherwise.
    public var baseline: String?
    /// Which kind plays each role (`roles:`); a role not listed is played by the kind of its name, "" by none.
    public var roles: [Role: String] = [:]
    /// A hash of the configuration text (for caches and the index).
    public var hash: String

    public static let defaultProposalMarkers = [
        "next available", "next free", "available ids", "reserved", "planned", "future",
        "to be created", "proposed",
    ]
    public static let defaultInactiveStatuses = ["deprecated", "archived", "retired"]

    /// What a department field holds when it names no one department.
    public struct DepartmentWords: Sendable, Equatable {
        public var all = ["all", "all departments", "any", "cross-functional", "company-wide", "organization-wide"]
        public var none = ["n/a", "na", "none", "-", "tbd", "unassigned"]

        /// What the value (trimmed, without case) stands for when it is one of the words, else nil.
        public func meaning(of value: String) -> Meaning? {
            let v = value.trimmingSpaces().lowercased()
            if all.contains(v) { return .everyDepartment }
            if none.contains(v) { return .noDepartment }
            return nil
        }

        public enum Meaning: Sendable { case everyDepartment, noDepartment }
    }

    /// Whether an entity's status makes it inactive.
    public func isInactive(status: String?) -> Bool {
        guard let s = status?.trimmingSpaces().lowercased(), !s.isEmpty else { return false }
        return inactiveStatuses.contains {
            s == $0 || s.hasPrefix($0 + " ") || s.hasPrefix($0 + ":") || s.hasPrefix($0 + "-")
        }
    }

    /// The kind of that name.
    public func kind(named name: String) -> Kind? { kinds.first { $0.name == name } }

    /// The kind whose globs take this file (first match wins).
    public func kind(forPath path: String) -> Kind? {
        kindIndex(forPath: path).map { kinds[$0] }
    }

    /// The `hierarchy` as kind indices, top first (a name no kind has is left out).
    public var hierarchyKinds: [Int] {
        hierarchy.compactMap { n in kinds.firstIndex { $0.name == n } }
    }

    /// The kind whose `files:` globs take a path (the first, in the configuration's order).
    public func kindIndex(forPath path: String) -> Int? { kindIndex(segments: Config.segments(path)) }

    /// The first kind whose `files:` globs take a path split into segments (`segments`).
    func kindIndex(segments segs: GlobPath) -> Int? {
        kinds.indices.first { kinds[$0].files.contains { $0.matches(segments: segs) } }
    }

    /// The document type whose globs take a path.
    public func documentType(forPath path: String) -> DocumentType? { documentType(segments: Config.segments(path)) }

    /// The document type whose globs take a path split into segments (`segments`).
    func documentType(segments segs: GlobPath) -> DocumentType? {
        for d in documents where d.files.contains(where: { $0.matches(segments: segs) }) { return d }
        return nil
    }

    static func segments(_ path: String) -> GlobPath { GlobPath(path) }

    /// Whether a path lies in an archive (`archive:` globs): its entities resolve references but are not checked.
    public func isArchived(_ path: String) -> Bool {
        archive.contains { $0.matches(path) }
    }

    /// Archived for hints and counts: matched by `archive:`, or inside a folder whose name says archive or
    /// backup (a moved file is never looked for there, and such entities are not counted as live).
    public func looksArchived(_ path: String) -> Bool {
        if isArchived(path) { return true }
        // The folders are the path before its last slash; a word found there lies in one folder's name.
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return false }
        let folders = Array(path.utf8[..<slash])[...]
        return Config.archiveWords.contains { ByteSearch.containsIgnoringCase(bytes: folders, $0) }
    }

    static let archiveWords = [Array("archive".utf8), Array("backup".utf8)]

    /// Whether a path as written starts with one of the roots (`LIBRARIES/LBS_003_Tools/Auth/X.json`), so
    /// it is read from the library root, not from the folder of the file that writes it (where a record's
    /// path values and a document's code spans would make nonsense of it: `LIBRARIES/X/LIBRARIES/...`).
    public func startsAtRoot(_ written: String) -> Bool { Config.startsAtRoot(written, roots: roots) }

    static func startsAtRoot(_ written: String, roots: [String]) -> Bool {
        roots.contains { r in r != "." && !r.isEmpty && written.hasPrefix(r + "/") }
    }

    /// Whether a library-relative path lies under one of the roots (a folder may also lie above one).
    public func isUnderRoots(_ path: String, folder: Bool = false) -> Bool {
        if roots.contains(".") { return true }
        return roots.contains { r in
            path == r || path.hasPrefix(r + "/") || (folder && (path.isEmpty || r.hasPrefix(path + "/")))
        }
    }

    /// Whether a path is excluded (`exclude:` globs).
    public func isExcluded(_ path: String) -> Bool {
        exclude.contains { $0.matches(path) }
    }

    /// Whether the walk skips a directory and everything below it.
    public func isExcludedDirectory(_ path: String) -> Bool {
        exclude.contains { $0.coversDirectory(path) }
    }
}

/// Rule levels that apply to the files some globs match.
public struct RuleOverride: Sendable {
    public var files: [Glob]
    /// By code, rule name or family, as under `rules:`.
    public var levels: [String: Severity]
    /// Where it is written in taxonomy.yaml.
    public var location: SourceLocation
}

/// A CSV master list: which column holds the ID, the name and the entity's file.
public struct MasterList: Sendable {
    public var files: [Glob]
    public var kind: String
    public var idColumn: String
    public var nameColumn: String?
    public var pathColumn: String?
    /// A column with the entity's current ID when `idColumn` holds an older one.
    public var currentIDColumn: String?
    /// Prefix of the path column that stands for the library root (`ENTITIES/`).
    public var pathPrefix: String?
}

/// One phase of the video workflow and how its artifact is recognised.
public struct Phase: Sendable {
    public var number: Int
    public var name: String
    public var optional: Bool
    /// Path patterns with `{video}`; the phase is done when one of them exists.
    public var artifacts: [String]
    /// Entity fields that name a video: the phase is also done when entities name the video there.
    public var integrationFields: [String]

    public static let defaults: [Phase] = [
        Phase(
            number: 1, name: "Transcription", optional: false,
            artifacts: ["TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/{video}.md"], integrationFields: []),
        Phase(
            number: 2, name: "Naming", optional: true,
            artifacts: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Naming/{video}_Naming.md"], integrationFields: []),
        Phase(
            number: 3, name: "Initial Analysis", optional: false,
            artifacts: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/{video}_Phase3_Analysis.md"],
            integrationFields: []),
        Phase(
            number: 4, name: "Objects Extraction", optional: false,
            artifacts: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/{video}_Phase4_Objects.md"],
            integrationFields: []),
        Phase(
            number: 5, name: "Gap Analysis", optional: false,
            artifacts: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap_Analysis/{video}_Gap_Analysis.md"],
            integrationFields: []),
        Phase(
            number: 6, name: "Taxonomy Integration", optional: false,
            artifacts: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Integration/{video}_Taxonomy_Integration.md"],
            integrationFields: ["source_video", "discovery_source", "video_source.video_id", "source_id"]),
        Phase(
            number: 7, name: "Library Mapping", optional: false,
            artifacts: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Library_Mapping/{video}_Library_Mapping_Report.md"],
            integrationFields: []),
    ]
}
