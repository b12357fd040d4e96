/// TAX0202: a typed link field pointing at an entity of another kind.
enum WrongKindReference {
    static let info = RuleInfo(
        code: "TAX0202", name: "wrong-kind-reference", family: "links", severity: .error,
        summary: "A typed link field holds an ID of the wrong kind.",
        explanation: """
            Link fields declare the kind they point at (`milestones[]: { target: milestone }`). An ID of another
            kind there (a task ID in a workflow's milestone list) is a mistake even when that entity exists.
            """,
        triggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.json",
                    "{\"workflow_id\": \"WRF-001\", \"name\": \"Flow\", \"milestones\": [\"TSK-001\"]}"
                ),
                (
                    "TASK_MANAGERS/TSM-003_Task_Templates/TSK-001_Do.json",
                    "{\"task_id\": \"TSK-001\", \"name\": \"Do\"}"
                ),
            ]),
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-003_Task_Templates/TSK-001_Do.json",
                    "{\"task_id\": \"TSK-001\", \"name\": \"Do\", \"steps\": [\"MLS-001\"]}"
                ),
                (
                    "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json",
                    "{\"milestone_id\": \"MLS-001\", \"name\": \"Plan\"}"
                ),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.json",
                    "{\"workflow_id\": \"WRF-001\", \"name\": \"Flow\", \"milestones\": [\"MLS-001\"]}"
                ),
                (
                    "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json",
                    "{\"milestone_id\": \"MLS-001\", \"name\": \"Plan\"}"
                ),
            ]),
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.json",
                    "{\"workflow_id\": \"WRF-001\", \"name\": \"Flow\", \"milestones\": [\"MLS-001\"]}"
                ),
                (
                    "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json",
                    "{\"milestone_id\": \"MLS-001\", \"name\": \"Plan\"}"
                ),
            ]),
        ])

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for e in lib.entities {
            let kind = lib.config.kinds[e.kind]
            for r in e.references {
                guard let li = r.linkIndex else { continue }
                let link = kind.links[li]
                let actual = lib.config.kinds[r.id.kind].name
                guard actual != link.target else { continue }
                out.append(
                    info.diagnostic(
                        "field '\(link.path)' links to a \(link.target), but '\(r.id.written)' is a \(actual)",
                        at: r.location,
                        hint: "use the ID of a \(link.target) here, or move this ID to a field for \(actual)s",
                        subject: r.id.written))
            }
        }
        return out
    }
}

extension WrongKindReference: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 7
}

extension WrongKindReference {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.json:1:60 field 'milestones[]' links to a milestone, but 'TSK-001' is a task",
        "1 TASK_MANAGERS/TSM-003_Task_Templates/TSK-001_Do.json:1:49 field 'steps[]' links to a step, but 'MLS-001' is a milestone",
    ]
}
