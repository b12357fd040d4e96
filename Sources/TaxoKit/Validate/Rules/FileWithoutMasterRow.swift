/// TAX0602: an entity file next to a master list without a row in it.
enum FileWithoutMasterRow {
    static let info = RuleInfo(
        code: "TAX0602", name: "file-without-master-row", family: "master-lists", severity: .warning,
        summary: "An entity file next to a master list has no row in it.",
        explanation: """
            Every entity of the list's kind in the master list's folder (and below) should have a row. A file the
            list does not know is reported at the file.
            """,
        triggering: [
            RuleExample(MasterListExamples.files(rows: "", extra: true)),
            RuleExample(MasterListExamples.files(rows: "TOL-001,Figma,TOL-001_Figma.json\n", extra: true)),
        ],
        nonTriggering: [
            RuleExample(MasterListExamples.files(rows: "TOL-001,Figma,TOL-001_Figma.json\n")),
            RuleExample(
                MasterListExamples.files(
                    rows: "TOL-001,Figma,TOL-001_Figma.json\nTOL-009,Extra,TOL-009_Extra.json\n", extra: true)),
        ])
}

extension FileWithoutMasterRow: Rule {
    /// Reported by the MasterRowDisagrees pass, which walks the same links.
    static let stage = RuleStage.library
}

extension FileWithoutMasterRow {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 tools/TOL-001_Figma.json:1:13 TOL-001 has no row in the master list",
        "0 tools/TOL-009_Extra.json:1:13 TOL-009 has no row in the master list",
        "1 tools/TOL-009_Extra.json:1:13 TOL-009 has no row in the master list",
    ]
}
