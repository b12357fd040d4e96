/// TAX0102: an ID-shaped token whose prefix no kind declares (`TKS-001` for `TSK-001`).
enum UnknownPrefix {
    static let info = RuleInfo(
        code: "TAX0102", name: "unknown-prefix", family: "ids", severity: .error,
        summary: "An ID uses a prefix that no kind declares.",
        explanation: """
        In an entity's ID field or a typed link field, an ID-shaped value (`ABC-001`) must use a prefix the
        configuration declares (main or alternate). Anywhere in a library, a token whose prefix is the
        letters of a known prefix in another order (`TKS-001`, `SLK-042`) is taken as a typo. The hint
        names the closest declared prefix. Declare real prefixes as `alternate_prefixes` of their kind.
        """,
        triggering: [
            RuleExample([("TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json",
                          "{\"milestone_id\": \"MLS-001\", \"name\": \"Plan\", \"tasks\": [\"TKS-001\"]}")]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nSee TKS-001 for details.\n")]),
        ],
        nonTriggering: [
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nUTF-8, ISO-8601 and OAUTH-21 are not IDs.\n")]),
        ])

    static func diagnostic(token: String, prefix: String, suggestions: [String], at loc: SourceLocation) -> Diagnostic {
        let hint = suggestions.isEmpty ? "declare '\(prefix)' as a prefix or alternate prefix of a kind"
            : "did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
        return info.diagnostic("unknown ID prefix '\(prefix)' in '\(token)'", at: loc, hint: hint)
    }
}
