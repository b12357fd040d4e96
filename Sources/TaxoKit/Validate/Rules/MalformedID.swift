/// TAX0101: an ID that breaks its kind's grammar.
enum MalformedID {
    static let info = RuleInfo(
        code: "TAX0101", name: "malformed-id", family: "ids", severity: .error,
        summary: "An ID breaks its kind's grammar (prefix, department segment, digit count).",
        explanation: """
            Each kind declares its ID grammar: a prefix (`TOL`), an optional or required department segment
            (`TOL-SEC-124`) and a number with at least a given count of digits. An entity whose own ID field
            does not follow it (lower case, underscores, a missing dash, a letter after the number, a doubled
            dash, too few digits) cannot be referenced and is reported here, with the corrected spelling when
            one is evident. In a typed link field the same check applies to values that look like IDs.
            """,
        triggering: [
            RuleExample([Ex.tool("tol-001", "Figma")]),
            RuleExample([Ex.tool("TOL_002", "Notion")]),
            RuleExample([Ex.tool("TOL-3", "Slack")]),
        ],
        nonTriggering: [
            RuleExample([
                Ex.tool("TOL-001", "Figma"), Ex.tool("TOL-SEC-124", "ScaleKit Dashboard"), Ex.tool("TOL-0042", "Jira"),
            ]),
            RuleExample([Ex.tool("TOL-QA-032", "Playwright")]),
        ])

    static func diagnostic(value: String, kind: Kind?, reason: String, suggestion: String?, at loc: SourceLocation)
        -> Diagnostic
    {
        let expected = kind.map { "; kind \($0.name) expects \($0.grammarDescription)" } ?? ""
        return info.diagnostic(
            "malformed ID '\(value)': \(reason)\(expected)", at: loc,
            hint: suggestion.map { "did you mean '\($0)'?" }, subject: value)
    }
}

extension MalformedID: Rule {
    static let stage = RuleStage.extract
}

extension MalformedID {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/tol-001_Figma.json:2:14 malformed ID 'tol-001': it is not of the form PREFIX-NNN; kind tool expects TOL-NNN or TOL-DEPT-NNN (3 or more digits)",
        "1 LIBRARIES/LBS_003_Tools/TOL_002_Notion.json:2:14 malformed ID 'TOL_002': it is not of the form PREFIX-NNN; kind tool expects TOL-NNN or TOL-DEPT-NNN (3 or more digits)",
        "2 LIBRARIES/LBS_003_Tools/TOL-3_Slack.json:2:14 malformed ID 'TOL-3': the number must have 3 or more digits; kind tool expects TOL-NNN or TOL-DEPT-NNN (3 or more digits)",
    ]
}
