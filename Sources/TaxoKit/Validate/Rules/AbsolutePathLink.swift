/// TAX0403: a link to an absolute operating-system path.
enum AbsolutePathLink {
    static let info = RuleInfo(
        code: "TAX0403", name: "absolute-path-link", family: "links", severity: .warning,
        summary: "A link points at an absolute path on someone's machine.",
        explanation: """
            `C:\\Users\\...`, `/Users/...`, `/home/...` and `file://` links work only on the machine they were
            written on. Link relative to the file instead.
            """,
        triggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\n[spec](C:\\Users\\ana\\Dropbox\\spec.md)\n"
                )
            ]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\n[spec](/home/ana/spec.md)\n")]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\n[here](Notes.md) and [up](../03_ANALYSIS/Notes.md)\n"
                )
            ]),
            RuleExample([
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\n[spec](https://example.com/spec.md)\n")
            ]),
        ])
}

extension AbsolutePathLink: Rule {
    /// Reported by the BrokenLink pass, which walks the same links.
    static let stage = RuleStage.library
}

extension AbsolutePathLink {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:3:8 link to an absolute path 'C:\\Users\\ana\\Dropbox\\spec.md' only works on one machine",
        "1 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:3:8 link to an absolute path '/home/ana/spec.md' only works on one machine",
    ]
}

extension AbsolutePathLink {
    /// The finding for a link to an absolute path.
    static func diagnostic(_ destination: String, at location: SourceLocation) -> Diagnostic {
        info.diagnostic(
            "link to an absolute path '\(destination)' only works on one machine", at: location,
            hint: "link relative to this file instead")
    }
}
