/// TAX0402: a link to a heading that does not exist.
enum BrokenAnchor {
    static let info = RuleInfo(
        code: "TAX0402", name: "broken-anchor", family: "links", severity: .warning,
        summary: "A link's `#anchor` names no heading of its target.",
        explanation: """
            Anchors are GitHub-style heading slugs (lower case, punctuation dropped, spaces as dashes). A link to
            `file.md#section` or `#section` whose heading was renamed or removed lands at the top of the page.
            GitHub's line anchors (`file.md#L12`, `#L12-L20`) name lines and are accepted.
            """,
        triggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\n## Next Steps\n\nSee [steps](#next-step).\n"
                )
            ]),
            RuleExample([
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n"),
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Other.md", "# Other\n\n[see](Notes.md#nowhere)\n"),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\n## Phase 3: Analysis & Gaps\n\nSee [it](#phase-3-analysis--gaps).\n"
                )
            ]),
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\n## Next Steps\n\nSee [steps](#next-steps), [line](#L3) and [lines](Notes.md#L3-L5).\n"
                )
            ]),
        ])

    /// GitHub's line anchors (`#L12`, `#L12-L20`, lower-cased here): they name lines, not headings.
    static func isLineAnchor(_ anchor: String) -> Bool {
        let parts = anchor.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { p in p.count >= 2 && p.first == "l" && p.dropFirst().allSatisfy(\.isASCIIDigit) }
    }

    static func diagnostic(anchor: String, in file: String, known: Set<String>, at loc: SourceLocation) -> Diagnostic {
        info.diagnostic(
            "no heading '#\(anchor)' in \(file)", at: loc, hint: NearMiss.hint(for: anchor, in: known.sorted()),
            subject: file)
    }
}

extension BrokenAnchor: Rule {
    /// Reported by the BrokenLink pass, which walks the same links.
    static let stage = RuleStage.library
}

extension BrokenAnchor {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:5:13 no heading '#next-step' in TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
        "1 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Other.md:3:7 no heading '#nowhere' in TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
    ]
}
