extension RuleInfo {
    /// A diagnostic of this rule at its default severity (configured levels are applied later).
    func diagnostic(
        _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = [], hint: String? = nil,
        replacement: Diagnostic.Replacement? = nil, subject: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            code: code, severity: defaultSeverity, message: message, at: location, notes: notes, hint: hint,
            replacement: replacement, subject: subject)
    }
}

/// Small helpers for rule examples.
enum Ex {
    /// A second task file declaring the chain's TSK-001 (after the first in path order), linked from nowhere, without steps.
    static let duplicateTaskCopy = (
        "TASK_MANAGERS/TSM-003_Task_Templates/TSK-001_Redo.json", "{\"task_id\": \"TSK-001\", \"name\": \"Redo\"}"
    )

    /// A second file declaring TSK-001 whose name sorts first, without the links that `completeChain`'s has.
    static let duplicateTaskBare = (
        "TASK_MANAGERS/TSM-003_Task_Templates/TSK-001_Ask.json", "{\"task_id\": \"TSK-001\", \"name\": \"Ask\"}"
    )

    /// A workflow that reaches a step through a milestone and a task: a complete hierarchy.
    static let completeChain: [(String, String)] = [
        (
            "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.json",
            "{\"workflow_id\": \"WRF-001\", \"name\": \"Flow\", \"milestones\": [\"MLS-001\"]}"
        ),
        (
            "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json",
            "{\"milestone_id\": \"MLS-001\", \"name\": \"Plan\", \"tasks\": [\"TSK-001\"]}"
        ),
        (
            "TASK_MANAGERS/TSM-003_Task_Templates/TSK-001_Do.json",
            "{\"task_id\": \"TSK-001\", \"name\": \"Do\", \"steps\": [\"STP-001\"]}"
        ),
        ("TASK_MANAGERS/TSM-004_Step_Templates/STP-001_Go.json", "{\"step_id\": \"STP-001\", \"name\": \"Go\"}"),
    ]

    static func tool(_ id: String, _ name: String, extra: String = "") -> (String, String) {
        (
            "LIBRARIES/LBS_003_Tools/\(id)_\(name.replacingAll(" ", with: "_")).json",
            "{\n  \"tool_id\": \"\(id)\",\n  \"name\": \"\(name)\"\(extra.isEmpty ? "" : ",\n  " + extra)\n}\n"
        )
    }
}
