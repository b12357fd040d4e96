/// TAX0205: a document mentions an ID that no entity declares.
enum DanglingMention {
    static let info = RuleInfo(
        code: "TAX0205", name: "dangling-mention", family: "links", severity: .error,
        summary: "A document mentions an ID that no entity declares.",
        explanation: """
        Analyses and reports cite library IDs ("RSP-333/410 exist"). A cited ID that no entity declares is a
        false claim. Not reported: IDs written as proposals ("Proposed Tool ID: TOL-AID-201", a New_ID list),
        IDs of kinds that restart per video (milestones, tasks, steps) that the video's transcript declares
        in its taxonomy section, and documents whose type sets `check_mentions: false`. Reported once per
        document and ID, at the first mention.
        """,
        triggering: [RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap.md", "# Gap\n\nRSP-333 exists already.\n")])],
        nonTriggering: [RuleExample([
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap.md", "# Gap\n\n- **Proposed Tool ID**: `TOL-AID-201`\n- TOL-001 (Figma) exists.\n"),
            Ex.tool("TOL-001", "Figma"),
        ])])

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var nearest = NearestIDs(lib)
        for d in lib.documents where d.checkMentions {
            var seen = Set<String>()
            let scope = d.video.flatMap { lib.scopes[$0] }
            for m in d.mentions where !m.isProposal && !m.declaresScope {
                if lib.resolves(m.id.key) { continue }
                if lib.config.kinds[m.id.kind].scoped, scope?.contains(m.id.key) == true { continue }
                guard seen.insert(m.id.key).inserted else { continue }
                let kind = lib.config.kinds[m.id.kind].name
                out.append(info.diagnostic("'\(m.id.written)' is mentioned but no \(kind) has this ID", at: m.location,
                                           hint: nearest.hint(for: m.id) ?? "create the \(kind), or write the mention as a proposal"))
            }
        }
        return out
    }
}
