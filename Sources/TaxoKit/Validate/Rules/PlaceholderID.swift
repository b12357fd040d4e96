/// TAX0103: a placeholder where an ID should be (`TOL-XXX`, `TST-###`).
enum PlaceholderID {
    static let info = RuleInfo(
        code: "TAX0103", name: "placeholder-id", family: "ids", severity: .warning,
        summary: "An entity holds a placeholder instead of an ID.",
        explanation: """
            Templates use placeholders such as `TOL-XXX` or `TST-###` for IDs not assigned yet. In an entity
            (its own ID or a reference) a placeholder means the entry was committed unfinished: assign the
            next free ID of the kind. Placeholders in documents (templates, prompts) are not reported, nor ones
            inside an entity's prose (a description that says "replaces the TOL-XXX draft"): only a link field or a
            value that is the placeholder alone.
            """,
        triggering: [
            RuleExample([Ex.tool("TOL-XXX", "Figma")]),
            RuleExample([("LIBRARIES/LBS_003_Tools/TOL-AID-XXX_Zapier.yaml", "tool_id: TOL-AID-XXX\nname: Zapier\n")]),
        ],
        nonTriggering: [
            RuleExample([
                Ex.tool(
                    "TOL-001", "Figma", extra: "\"description\": \"replaces the TOL-XXX draft; IDs look like TOL-###\"")
            ]),
            RuleExample([
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Template.md", "# Template\n\nProposed Tool ID: TOL-XXX\n")
            ]),
        ])

    static func diagnostic(value: String, at loc: SourceLocation, asOwnID: Bool) -> Diagnostic {
        info.diagnostic(
            asOwnID ? "placeholder ID '\(value)' instead of a real ID" : "placeholder reference '\(value)'",
            at: loc, hint: "assign the next free ID of the kind", subject: value)
    }
}

extension PlaceholderID: Rule {
    static let stage = RuleStage.extract
}

extension PlaceholderID {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-XXX_Figma.json:2:14 placeholder ID 'TOL-XXX' instead of a real ID",
        "1 LIBRARIES/LBS_003_Tools/TOL-AID-XXX_Zapier.yaml:1:10 placeholder ID 'TOL-AID-XXX' instead of a real ID",
    ]
}
