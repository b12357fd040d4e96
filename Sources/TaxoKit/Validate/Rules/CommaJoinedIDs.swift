/// TAX0502: a single string field holding several IDs joined by commas.
enum CommaJoinedIDs {
    static let info = RuleInfo(
        code: "TAX0502", name: "comma-joined-ids", family: "hygiene", severity: .warning,
        summary: "A string field holds a comma-joined list of IDs instead of a list.",
        explanation: """
            `"related_tools": "TOL-001, TOL-002"` is one string: tools and scripts that read the field as an ID
            get `TOL-001, TOL-002`. Write a list: `["TOL-001", "TOL-002"]`.
            """,
        triggering: [
            RuleExample([
                Ex.tool("TOL-001", "A", extra: "\"alternatives\": \"TOL-002, TOL-003\""), Ex.tool("TOL-002", "B"),
                Ex.tool("TOL-003", "C"),
            ]),
            RuleExample([
                Ex.tool("TOL-002", "B"), Ex.tool("TOL-003", "C"),
                Ex.tool("TOL-001", "A", extra: "\"alternatives\": \"TOL-002,TOL-003\""),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                Ex.tool("TOL-001", "A", extra: "\"alternatives\": [\"TOL-002\", \"TOL-003\"]"), Ex.tool("TOL-002", "B"),
                Ex.tool("TOL-003", "C"),
            ]),
            RuleExample([
                Ex.tool("TOL-002", "B"),
                Ex.tool("TOL-001", "A", extra: "\"description\": \"works with TOL-002, like TOL-001 did\""),
            ]),
        ])

    static func diagnostic(field: String, at loc: SourceLocation) -> Diagnostic {
        info.diagnostic("field '\(field)' joins several IDs in one string", at: loc, hint: "write them as a list")
    }

    /// Whether the string is nothing but the IDs and separators (commas, semicolons, spaces).
    static func onlyIDs(_ s: String, tokens: [(IDToken, Int, Int)]) -> Bool {
        let u = Array(s.utf8)
        var covered = [Bool](repeating: false, count: u.count)
        for (_, a, b) in tokens where b <= u.count { for i in a..<b { covered[i] = true } }
        var sawSeparator = false
        for i in 0..<u.count where !covered[i] {
            switch u[i] {
            case 44, 59: sawSeparator = true
            case 32, 9: continue
            default: return false
            }
        }
        return sawSeparator
    }
}

extension CommaJoinedIDs: Rule {
    static let stage = RuleStage.extract
}

extension CommaJoinedIDs {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-001_A.json:4:20 field 'alternatives' joins several IDs in one string",
        "1 LIBRARIES/LBS_003_Tools/TOL-001_A.json:4:20 field 'alternatives' joins several IDs in one string",
    ]
}
