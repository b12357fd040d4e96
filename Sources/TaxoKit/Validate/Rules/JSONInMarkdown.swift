/// TAX0504: a `.md` file whose content is JSON.
enum JSONInMarkdown {
    static let info = RuleInfo(
        code: "TAX0504", name: "json-in-markdown", family: "hygiene", severity: .warning,
        summary: "A Markdown file holds JSON.",
        explanation: """
            A `.md` file that is one JSON value renders as a wall of text and is not read as an entity. Rename it
            to `.json` (or convert it to Markdown).
            """,
        triggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_021.md",
                    "{\n  \"Video Title\": \"n8n Quickstart\"\n}\n"
                )
            ]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/List.md", "[\"TOL-001\", \"TOL-002\"]\n")]),
        ],
        nonTriggering: [
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Config.md", "# Config\n\n```json\n{\"a\": 1}\n```\n")]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_021.md", "# Video_021\n\n{not json}\n")]),
        ])

    static func check(_ file: SourceFile) -> Diagnostic? {
        guard let first = file.bytes.first(where: { $0 != 32 && $0 != 10 && $0 != 13 && $0 != 9 }),
            first == 123 || first == 91,
            case .success = JSONParser.parse(file.bytes)
        else { return nil }
        return info.diagnostic("this Markdown file is JSON", at: file.location(line: 1), hint: "rename it to .json")
    }
}

extension JSONInMarkdown: Rule {
    static let stage = RuleStage.parse
}

extension JSONInMarkdown {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_021.md:1:1 this Markdown file is JSON",
        "1 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/List.md:1:1 this Markdown file is JSON",
    ]
}
