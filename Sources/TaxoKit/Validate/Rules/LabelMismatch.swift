/// TAX0203: a reference whose label names another entity than its ID.
enum LabelMismatch {
    static let info = RuleInfo(
        code: "TAX0203", name: "label-mismatch", family: "links", severity: .warning,
        summary: "The label written after an ID names a different entity.",
        explanation: """
            References often carry the target's name: `TOL-001 (99designs)`, `WF-AI-001: Develop and Deploy`.
            When the label does not match the target's name (case, punctuation and small words ignored; one
            containing the other counts as a match), either the ID or the label is wrong: `TOL-001 (Browse AI)`
            where TOL-001 is 99designs. Not labels: parenthesised remarks about the entity's state
            (`(Deprecated)`, `(missing)`, `(In Progress)`) and a bold description after a colon. Inside Markdown
            code blocks (made-up examples in prompts and guides) the rule is silent unless `code_blocks: check`
            is configured.
            """,
        triggering: [
            RuleExample([
                Ex.tool("TOL-001", "99designs"),
                Ex.tool("TOL-002", "Figma", extra: "\"alternatives\": [\"TOL-001 (Browse AI)\"]"),
            ]),
            RuleExample([
                Ex.tool("TOL-001", "Figma"),
                (
                    "LIBRARIES/LBS_003_Tools/TOL-003_Miro.yaml",
                    "tool_id: TOL-003\nname: Miro\nalternatives: [\"TOL-001 (Sketch)\"]\n"
                ),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                Ex.tool("TOL-001", "Figma", extra: "\"aliases\": [\"Figma Design\"]"),
                Ex.tool("TOL-002", "Sketch", extra: "\"alternatives\": [\"TOL-001 (Figma Design)\"]"),
            ]),
            RuleExample([
                Ex.tool("TOL-001", "99designs"),
                Ex.tool("TOL-002", "Figma", extra: "\"alternatives\": [\"TOL-001 (99Designs)\"]"),
            ]),
        ])

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var cache: [String: Bool] = [:]
        for (ei, e) in lib.entities.enumerated() {
            for (ri, r) in e.references.enumerated() {
                guard let label = r.label, let t = lib.targets[ei][ri], let name = lib.entities[t].name,
                    !r.inCode || lib.config.checkCodeBlocks
                else { continue }
                // "(should be TOL-002)": the text gives an ID, not a name.
                if let tid = lib.entities[t].id, label.contains(tid.written) || label.contains(r.id.written) {
                    continue
                }
                let key = label + "\u{1}" + name
                let agrees: Bool
                if let c = cache[key] { agrees = c } else { agrees = Labels.agrees(label, name); cache[key] = agrees }
                if agrees { continue }
                // When the ID is defined twice, a label matching either definition is not this rule's concern.
                if let all = lib.table[r.id.key], all.count > 1,
                    all.contains(where: { lib.entities[$0].name.map { Labels.agrees(label, $0) } ?? true })
                {
                    continue
                }
                out.append(
                    info.diagnostic(
                        "label '\(Labels.quoted(label))' does not match \(r.id.written), which is '\(Labels.quoted(name))'",
                        at: r.location, notes: [.init("\(r.id.written) is defined here", at: lib.entities[t].location)],
                        hint: "correct the ID or the label", subject: r.id.written))
            }
        }
        return out
    }
}

extension LabelMismatch: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 11
}

extension LabelMismatch {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-002_Figma.json:4:21 label 'Browse AI' does not match TOL-001, which is '99designs'",
        "1 LIBRARIES/LBS_003_Tools/TOL-003_Miro.yaml:3:17 label 'Sketch' does not match TOL-001, which is 'Figma'",
    ]
}
