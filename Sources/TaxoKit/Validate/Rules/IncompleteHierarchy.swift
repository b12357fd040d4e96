/// TAX0301: a workflow without milestones, a milestone without tasks, a task without steps.
enum IncompleteHierarchy {
    static let info = RuleInfo(
        code: "TAX0301", name: "incomplete-hierarchy", family: "hierarchy", severity: .warning,
        summary: "An entity of the hierarchy has no children of the next level.",
        explanation: """
            The configured `hierarchy` (by default workflow -> milestone -> task -> step) is a chain: each
            workflow needs milestones, each milestone tasks, each task steps. A link in either direction counts
            (a workflow listing a milestone, or the milestone naming the workflow). Inactive entities (a status
            listed in `inactive_statuses`, by default deprecated, archived, retired) are exempt, and an entity
            whose child links all dangle gets the dangling-reference error instead. An ID that several files
            declare is judged once, over all of them (the duplicate-ID error says what to repair). Children a
            record holds itself count: IDs in a `local` link, and objects listed under a lower level's name
            (`steps`, `tasks`, `task_templates`) or under one of the kind's links to a lower level (`"steps":
            [{"step_number": 1, "name": "Draft"}]` in a task, or in a workflow written without milestones). A
            kind's `children: "phases[]"` names the place instead when the library uses another word.
            """,
        triggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.json",
                    "{\"workflow_id\": \"WRF-001\", \"name\": \"Flow\"}"
                )
            ]),
            RuleExample([
                ("TASK_MANAGERS/TSM-003_Task_Templates/TSK-001_Do.json", "{\"task_id\": \"TSK-001\", \"name\": \"Do\"}")
            ]),
        ],
        nonTriggering: [
            RuleExample(Ex.completeChain),
            // A second file declaring TSK-001 is the duplicate-ID error's, not a hierarchy finding.
            RuleExample(Ex.completeChain + [Ex.duplicateTaskCopy]),
            // Nor when the bare declaration sorts first: the ID has its steps through the other file.
            RuleExample(Ex.completeChain + [Ex.duplicateTaskBare]),
            RuleExample([
                ("TASK_MANAGERS/TSM-004_Step_Templates/STP-001_Go.json", "{\"step_id\": \"STP-001\", \"name\": \"Go\"}")
            ]),
            // Steps held inline, by a workflow written without milestones.
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-006_Workflows/Publishing.yaml",
                    "workflow_id: WRF-002\nworkflow_name: Publish\nsteps:\n  - step_number: 1\n    name: Draft\n"
                )
            ]),
        ])

    static func check(_ lib: Library) -> [Diagnostic] {
        let h = lib.config.hierarchy, edges = lib.hierarchy
        var out: [Diagnostic] = []
        let followOn = FollowOn(lib)
        for ei in lib.entities.indices {
            guard lib.entities[ei].id != nil, let l = edges.level[lib.entities[ei].kind], l + 1 < h.count,
                !followOn.isDuplicateCopy(ei),
                !followOn.anyDeclaration(
                    of: ei,
                    {
                        followOn.hasChildren($0) || lib.config.isInactive(status: lib.entities[$0].status)
                            || followOn.hasDanglingLink(entity: $0, up: false)
                    })
            else { continue }
            let e = lib.entities[ei]
            out.append(
                info.diagnostic(
                    "\(h[l]) '\(lib.displayID(e))' has no \(h[l + 1])s", at: e.location,
                    hint: "link at least one \(h[l + 1]) to it", subject: lib.displayID(e)))
        }
        return out
    }
}

extension IncompleteHierarchy: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 13
}

extension IncompleteHierarchy {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.json:1:17 workflow 'WRF-001' has no milestones",
        "1 TASK_MANAGERS/TSM-003_Task_Templates/TSK-001_Do.json:1:13 task 'TSK-001' has no steps",
    ]
}
