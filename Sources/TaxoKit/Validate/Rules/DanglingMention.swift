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

            An ID a document proposes is a proposal wherever that document, or another document of the same
            video, mentions it: Phase 4 proposes `OBJ-SEC-510` in a table, its lists, the gap analysis and the
            integration plan then cite it. A milestone, task or step ID that the video's transcript declares
            names the video's own entity in every document of the video, never a library entity with the same
            ID.

            Announced IDs are proposals too: every ID under a heading holding one of the `proposal_markers`
            (by default "next available", "available ids", "reserved", "planned", "future", "to be created",
            "proposed"), up to the next heading of the same or a higher level, and in the list, table or code
            block right after a lead-in line that holds a marker and ends in `:`. A range (`ACT-001 to ACT-429`)
            is one mention, reported once with the count of its undeclared IDs. An ID that a file which does not
            parse appears to declare gets a note pointing at that file instead.
            """,
        triggering: [
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap.md", "# Gap\n\nRSP-333 exists already.\n")]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gaps.md", "# Gaps\n\n- SKL-999 covers it.\n")]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap.md",
                    "# Gap\n\n- **Proposed Tool ID**: `TOL-AID-201`\n- TOL-001 (Figma) exists.\n"
                ),
                Ex.tool("TOL-001", "Figma"),
            ]),
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap.md",
                    "# Gap\n\n## Reserved IDs\n\n- TOL-002 to TOL-009\n\n## Notes\n\nNext available tool IDs:\n\n| ID |\n|---|\n| TOL-010 |\n"
                )
            ]),
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap.md",
                    "# Gap\n\n| Candidate | Suggested ID |\n|-----------|--------------|\n| Notion | TOL-AID-206 |\n| Zapier | TOL-AID-207 |\n\nDone.\n"
                )
            ]),
        ])

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var nearest = NearestIDs(lib)
        for d in lib.documents where d.checkMentions {
            var seen = Set<String>()
            var ranges: [String: [ParsedID]] = [:]
            func dangles(_ m: Mention) -> Bool {
                !lib.resolves(m.id.key) && !lib.namesVideoEntity(m, in: d) && !lib.isProposed(m, in: d)
            }
            for m in d.mentions where !m.declaresScope && m.range != nil && dangles(m) {
                ranges[m.range!, default: []].append(m.id)
            }
            for m in d.mentions where !m.isProposal && !m.declaresScope {
                if let range = m.range {
                    guard let members = ranges[range], seen.insert("range:" + range).inserted else { continue }
                    if let diag = IDRangeReport.diagnostic(
                        info, lib: lib, range: range, undeclared: members, at: m.location)
                    {
                        out.append(diag)
                    }
                    continue
                }
                guard dangles(m), seen.insert(m.id.key).inserted else { continue }
                if let b = lib.broken[m.id.key] {
                    out.append(b.diagnostic(rule: info, reference: m.id.written, at: m.location))
                    continue
                }
                let kind = lib.config.kinds[m.id.kind].name
                let (near, hint) = nearest.lookUp(m.id, label: m.label)
                var d = info.diagnostic(
                    "'\(m.id.written)' is mentioned but no \(kind) has this ID", at: m.location,
                    hint: hint
                        ?? DanglingReference.createHint(
                            kind: kind, id: m.id, label: m.label, otherwise: "write the mention as a proposal"),
                    subject: m.id.written)
                d.suggestions = near.map { Diagnostic.Replacement(m.id.written, with: $0) }
                out.append(d)
            }
        }
        nearest.keep()
        return out
    }
}

extension DanglingMention: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 8
}

extension DanglingMention {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap.md:3:1 'RSP-333' is mentioned but no responsibility has this ID",
        "1 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gaps.md:3:3 'SKL-999' is mentioned but no skill has this ID",
    ]
}
