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

    public init(code: String, name: String, family: String, severity: Severity, summary: String,
                explanation: String, triggering: [RuleExample], nonTriggering: [RuleExample]) {
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
    public init(_ files: [(String, String)]) {
        self.files = files.map { (path: $0.0, bytes: Array($0.1.utf8)) }
    }
    public init(bytes files: [(String, [UInt8])]) {
        self.files = files.map { (path: $0.0, bytes: $0.1) }
    }
}
