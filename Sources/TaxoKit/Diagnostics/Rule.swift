/// When a rule's findings are made: while the files are discovered, parsed, extracted, or by a pass over
/// the whole resolved library.
public enum RuleStage: String, Sendable, CaseIterable {
    case discovery, parse, extract, library

    /// When, in words (`taxo explain`).
    public var phrase: String {
        switch self {
        case .discovery: return "found while the files are discovered"
        case .parse: return "found while the files are parsed"
        case .extract: return "found while the files are extracted"
        case .library: return "found by a pass over the whole library"
        }
    }
}

/// A rule as one unit, in one file named after it (`LinkCycle.swift` for `link-cycle`): its description
/// (code, name, default severity, explanation, examples) and the stage it runs in. `RuleRegistry.rules`
/// lists every rule; a test checks the list against the files.
protocol Rule: SendableMetatype {
    static var info: RuleInfo { get }
    static var stage: RuleStage { get }
    /// Where each triggering example's findings land: `example file:line:column message`, in order. The
    /// tests compare every finding of the rule's code with it: position, message and count.
    static var pinned: [String] { get }
}

/// A rule that runs as a pass over the whole resolved library. A pass may also report rules that share its
/// walk (broken-link reports broken-anchor, absolute-path-link and link-outside-library).
protocol LibraryPass: Rule {
    static func check(_ lib: Library) -> [Diagnostic]
    /// Relative cost: passes start longest first, so the cores finish together.
    static var cost: Int { get }
}

/// A rule's description: its stable code, a short name, default severity, one-line summary,
/// an explanation, and examples that both document it and test it.
public struct RuleInfo: Sendable {
    public var code: String
    public var name: String
    public var family: String
    public var defaultSeverity: Severity
    public var summary: String
    public var explanation: String
    /// Small libraries (path -> content) on which the rule must fire.
    public var triggering: [RuleExample]
    /// Small libraries on which the rule must stay silent.
    public var nonTriggering: [RuleExample]

    /// A rule's documentation and examples.
    public init(
        code: String, name: String, family: String, severity: Severity, summary: String,
        explanation: String, triggering: [RuleExample], nonTriggering: [RuleExample]
    ) {
        self.code = code
        self.name = name
        self.family = family
        self.defaultSeverity = severity
        self.summary = summary
        self.explanation = explanation
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A tiny library: files by relative path. Without a `taxonomy.yaml` the built-in default applies.
public struct RuleExample: Sendable {
    public var files: [(path: String, bytes: [UInt8])]
    /// An example library: path and text of each file.
    public init(_ files: [(String, String)]) {
        self.files = files.map { (path: $0.0, bytes: Array($0.1.utf8)) }
    }
    /// An example library of raw bytes (invalid UTF-8, byte-order marks).
    public init(bytes files: [(String, [UInt8])]) {
        self.files = files.map { (path: $0.0, bytes: $0.1) }
    }
}
