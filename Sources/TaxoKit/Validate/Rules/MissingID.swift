/// TAX0107: a record in a kind's files without an ID field.
enum MissingID {
    static let info = RuleInfo(
        code: "TAX0107", name: "missing-id", family: "ids", severity: .warning,
        summary: "A record where a kind's entities live has no ID field.",
        explanation: """
            A file matched by a kind's `files` globs holds records of that kind. A record without any of the
            kind's `id_fields` cannot be referenced. Add the ID, list the field name in `id_fields`, or move
            the file out of the kind's folder (or exclude it).
            """,
        triggering: [
            RuleExample([("LIBRARIES/LBS_003_Tools/Figma.json", "{\"name\": \"Figma\"}")]),
            RuleExample([("LIBRARIES/LBS_003_Tools/Sketch.json", "{\"name\": \"Sketch\", \"category\": \"Design\"}")]),
        ],
        nonTriggering: [
            RuleExample([Ex.tool("TOL-001", "Figma")]),
            RuleExample([
                Ex.tool("TOL-001", "Figma"),
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/data.json", "{\"name\": \"Figma\"}"),
            ]),
        ])

    static func diagnostic(kind: Kind, at loc: SourceLocation, fileLevel: Bool) -> Diagnostic {
        info.diagnostic(
            fileLevel ? "no \(kind.name) record found in this file" : "\(kind.name) record has no ID field",
            at: loc, hint: "add one of: " + kind.idFields.joined(separator: ", "))
    }
}

extension MissingID: Rule {
    static let stage = RuleStage.extract
}

extension MissingID {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/Figma.json:1:1 tool record has no ID field",
        "1 LIBRARIES/LBS_003_Tools/Sketch.json:1:1 tool record has no ID field",
    ]
}
