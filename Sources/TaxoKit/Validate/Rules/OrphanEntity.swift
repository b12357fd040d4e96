/// TAX0303: an entity of the hierarchy that no parent links to.
enum OrphanEntity {
    static let info = RuleInfo(
        code: "TAX0303", name: "orphan-entity", family: "hierarchy", severity: .warning,
        summary: "A milestone, task or step that no parent links to.",
        explanation: """
            Below the top of the configured `hierarchy`, every entity should belong to a parent: a milestone to
            a workflow, a task to a milestone, a step to a task. An orphan is unreachable from any workflow. A
            parent may skip a level: a task that a workflow lists itself (`tasks: [TSK-001]`) belongs to it.
            Inactive entities (a status listed in `inactive_statuses`, by default deprecated, archived, retired)
            are exempt, and an entity whose parent link dangles gets the dangling-reference error instead. An ID
            that several files declare is judged once, over all of them: the duplicate-ID error says what to
            repair, and one file's parent link counts for the ID.
            """,
        triggering: [
            RuleExample([
                ("TASK_MANAGERS/TSM-004_Step_Templates/STP-001_Go.json", "{\"step_id\": \"STP-001\", \"name\": \"Go\"}")
            ]),
            RuleExample(Array(Ex.completeChain.dropFirst())),
        ],
        nonTriggering: [
            RuleExample(Ex.completeChain),
            // A second file declaring TSK-001 is the duplicate-ID error's, not a hierarchy finding.
            RuleExample(Ex.completeChain + [Ex.duplicateTaskCopy]),
            // The bare declaration of a duplicate sorts first; the other file names the parent.
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.json",
                    "{\"workflow_id\": \"WRF-001\", \"name\": \"Flow\"}"
                ),
                (
                    "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json",
                    "{\"milestone_id\": \"MLS-001\", \"name\": \"Plan\", \"workflow\": \"WRF-001\"}"
                ),
                (
                    "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Apex.json",
                    "{\"milestone_id\": \"MLS-001\", \"name\": \"Apex\"}"
                ),
            ]),
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.json",
                    "{\"workflow_id\": \"WRF-001\", \"name\": \"Flow\"}"
                )
            ]),
            // The workflow lists its task itself, without a milestone between.
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.json",
                    "{\"workflow_id\": \"WRF-001\", \"name\": \"Flow\", \"tasks\": [{\"task_id\": \"TSK-001\"}]}"
                ),
                (
                    "TASK_MANAGERS/TSM-003_Task_Templates/TSK-001_Do.json",
                    "{\"task_id\": \"TSK-001\", \"name\": \"Do\"}"
                ),
            ]),
        ])

    static func check(_ lib: Library) -> [Diagnostic] {
        let h = lib.config.hierarchy, edges = lib.hierarchy
        var out: [Diagnostic] = []
        let followOn = FollowOn(lib)
        for ei in lib.entities.indices {
            guard lib.entities[ei].id != nil, let l = edges.level[lib.entities[ei].kind], l > 0,
                !followOn.isDuplicateCopy(ei),
                !followOn.anyDeclaration(
                    of: ei,
                    {
                        edges.hasParent($0) || lib.config.isInactive(status: lib.entities[$0].status)
                            || followOn.hasDanglingLink(entity: $0, up: true)
                    })
            else { continue }
            let e = lib.entities[ei]
            out.append(
                info.diagnostic(
                    "\(h[l]) '\(lib.displayID(e))' belongs to no \(h[l - 1])", at: e.location,
                    hint: "link it from a \(h[l - 1])", subject: lib.displayID(e)))
        }
        return out
    }
}

extension OrphanEntity: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 5
}

extension OrphanEntity {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/TSM-004_Step_Templates/STP-001_Go.json:1:13 step 'STP-001' belongs to no task",
        "1 TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json:1:18 milestone 'MLS-001' belongs to no workflow",
    ]
}
