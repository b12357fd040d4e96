/// TAX0001: a JSON or YAML file (or front matter) that does not parse.
enum MalformedFile {
    static let info = RuleInfo(
        code: "TAX0001", name: "malformed-file", family: "syntax", severity: .error,
        summary: "A JSON or YAML file does not parse.",
        explanation: """
            taxo parses JSON strictly by RFC 8259: trailing commas, comments, single quotes, invalid escapes
            (a Windows path such as "D:\\Dropbox" needs doubled backslashes) and missing commas are errors,
            reported at the line and column where parsing failed. A byte-order mark and CRLF line endings are
            accepted. YAML files and Markdown front matter are read with a YAML 1.1 parser. Nothing in a file
            that does not parse is extracted, so its entities are missing until it is fixed.
            """,
        triggering: [
            RuleExample([Ex.tool("TOL-001", "Figma", extra: "\"tags\": [\"design\",]")]),
            RuleExample([("LIBRARIES/LBS_003_Tools/TOL-002_X.json", "{\"tool_id\": \"TOL-002\" \"name\": \"X\"}")]),
            RuleExample([
                ("LIBRARIES/LBS_003_Tools/TOL-003_X.json", "{\"tool_id\": \"TOL-003\", \"path\": \"D:\\Dropbox\"}")
            ]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json",
                    "\u{FEFF}{\r\n  \"tool_id\": \"TOL-001\",\r\n  \"name\": \"Figma\"\r\n}\r\n"
                )
            ]),
            RuleExample([
                (
                    "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json",
                    "\u{FEFF}{\r\n  \"tool_id\": \"TOL-001\",\r\n  \"name\": \"Figma\"\r\n}\r\n"
                )
            ]),
        ])

    static func diagnostic(format: String, message: String, hint: String?, at loc: SourceLocation) -> Diagnostic {
        info.diagnostic("invalid \(format): \(message)", at: loc, hint: hint)
    }
}

extension MalformedFile: Rule {
    static let stage = RuleStage.parse
}

extension MalformedFile {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:4:20 invalid JSON: trailing comma before ']'",
        "1 LIBRARIES/LBS_003_Tools/TOL-002_X.json:1:23 invalid JSON: missing ',' between object members",
        "2 LIBRARIES/LBS_003_Tools/TOL-003_X.json:1:35 invalid JSON: invalid escape '\\D' in string",
    ]
}
