extension RuleInfo {
    /// A diagnostic of this rule at its default severity (configured levels are applied later).
    func diagnostic(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = [], hint: String? = nil)
        -> Diagnostic
    {
        Diagnostic(code: code, severity: defaultSeverity, message: message, at: location, notes: notes, hint: hint)
    }
}

/// Small helpers for rule examples.
enum Ex {
    static func tool(_ id: String, _ name: String, extra: String = "") -> (String, String) {
        (
            "LIBRARIES/LBS_003_Tools/\(id)_\(name.replacingAll(" ", with: "_")).json",
            "{\n  \"tool_id\": \"\(id)\",\n  \"name\": \"\(name)\"\(extra.isEmpty ? "" : ",\n  " + extra)\n}\n"
        )
    }
}
