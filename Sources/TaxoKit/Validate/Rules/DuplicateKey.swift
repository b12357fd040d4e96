/// TAX0506: a JSON object that names one member twice.
enum DuplicateKey {
    static let info = RuleInfo(
        code: "TAX0506", name: "duplicate-key", family: "hygiene", severity: .warning,
        summary: "A JSON object gives the same member name twice.",
        explanation: """
            RFC 8259 leaves a repeated name undefined; most readers keep the last value silently, so one of the two
            values (often an ID or a link list edited in two places) is lost without anyone noticing. Both places
            are shown: keep one.
            """,
        triggering: [
            RuleExample([
                (
                    "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json",
                    "{\"tool_id\": \"TOL-001\", \"name\": \"Figma\", \"name\": \"Sketch\"}"
                )
            ]),
            RuleExample([
                (
                    "LIBRARIES/LBS_003_Tools/TOL-002_Sketch.json",
                    "{\"tool_id\": \"TOL-002\", \"name\": \"Sketch\", \"meta\": {\"a\": 1, \"a\": 2}}"
                )
            ]),
        ],
        nonTriggering: [
            RuleExample([
                Ex.tool("TOL-001", "Figma", extra: "\"meta\": {\"name\": \"x\"}, \"other\": {\"name\": \"y\"}")
            ]),
            RuleExample([
                (
                    "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json",
                    "{\"tool_id\": \"TOL-001\", \"name\": \"Figma\", \"nested\": {\"name\": \"x\"}}"
                )
            ]),
            RuleExample([
                ("LIBRARIES/LBS_003_Tools/TOL-002_Sketch.yaml", "tool_id: TOL-002\nname: Sketch\nmeta:\n  name: x\n")
            ]),
        ])

    static func diagnostic(key: String, first: SourceLocation, second: SourceLocation) -> Diagnostic {
        info.diagnostic(
            "member \"\(key)\" is given twice in this object", at: second,
            notes: [.init("first given here", at: first)], hint: "keep one of the two; readers keep the last silently")
    }
}

extension DuplicateKey: Rule {
    static let stage = RuleStage.parse
}

extension DuplicateKey {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:1:41 member \"name\" is given twice in this object",
        "1 LIBRARIES/LBS_003_Tools/TOL-002_Sketch.json:1:59 member \"a\" is given twice in this object",
    ]
}
