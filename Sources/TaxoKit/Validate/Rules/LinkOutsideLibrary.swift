/// TAX0404: a relative link that climbs above the library root.
enum LinkOutsideLibrary {
    static let info = RuleInfo(
        code: "TAX0404", name: "link-outside-library", family: "links", severity: .warning,
        summary: "A relative link climbs above the library root.",
        explanation: """
            A link such as `../../../../Other/notes.md` that leaves the folder holding `taxonomy.yaml` points at
            something taxo cannot see and that a clone of the library may not have. Link to a file inside the
            library, or use a web link.
            """,
        triggering: [
            RuleExample([("TASK_MANAGERS/Notes.md", "# Notes\n\nSee [the plan](../../Plan.md).\n")]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/Notes.md", "# Notes\n\n![diagram](../../../diagram.png)\n")]),
        ],
        nonTriggering: [
            RuleExample([
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n"),
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Sub/A.md", "# A\n\n[notes](../Notes.md)\n"),
            ]),
            RuleExample([
                ("TASK_MANAGERS/Notes.md", "# Notes\n\nSee [the plan](../TALENTS/Plan.md).\n"),
                ("TALENTS/Plan.md", "# Plan\n"),
            ]),
        ])
}

extension LinkOutsideLibrary: Rule {
    /// Reported by the BrokenLink pass, which walks the same links.
    static let stage = RuleStage.library
}

extension LinkOutsideLibrary {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/Notes.md:3:16 link '../../Plan.md' climbs above the library root",
        "1 TASK_MANAGERS/RESEARCHES/Notes.md:3:12 link '../../../diagram.png' climbs above the library root",
    ]
}

extension LinkOutsideLibrary {
    /// The finding for a relative link that climbs above the library root.
    static func diagnostic(_ destination: String, at location: SourceLocation) -> Diagnostic {
        info.diagnostic(
            "link '\(destination)' climbs above the library root", at: location,
            hint: "link to a file inside the library, or write a web link")
    }
}
