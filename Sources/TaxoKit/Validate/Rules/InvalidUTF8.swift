/// TAX0002: a file that is not valid UTF-8.
enum InvalidUTF8 {
    static let info = RuleInfo(
        code: "TAX0002", name: "invalid-utf8", family: "syntax", severity: .error,
        summary: "A file holds bytes that are not valid UTF-8.",
        explanation: """
            Library files must be UTF-8. taxo reports the first invalid byte, reads the rest with the invalid
            bytes replaced by U+FFFD, and goes on. Files saved as Latin-1 or Windows-1252 by an old editor are
            the usual cause: re-save them as UTF-8.
            """,
        triggering: [
            RuleExample(bytes: [
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", Array("# Notes\n\ncaf".utf8) + [0xE9, 0x0A])
            ]),
            RuleExample(bytes: [
                (
                    "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json",
                    Array("{\"tool_id\": \"TOL-001\", \"name\": \"Fig".utf8) + [0xFF] + Array("ma\"}\n".utf8)
                )
            ]),
        ],
        nonTriggering: [
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nMüller, Zoë and 北京 ✅\n")]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\ncafé ✅\n")]),
        ])

    static func diagnostic(at loc: SourceLocation) -> Diagnostic {
        info.diagnostic("the file is not valid UTF-8 from here on", at: loc, hint: "re-save the file as UTF-8")
    }
}

extension InvalidUTF8: Rule {
    static let stage = RuleStage.parse
}

extension InvalidUTF8 {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:3:4 the file is not valid UTF-8 from here on",
        "1 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:1:36 the file is not valid UTF-8 from here on",
    ]
}
