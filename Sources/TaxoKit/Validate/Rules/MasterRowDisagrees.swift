/// TAX0603: a master list row and its file disagree; the pass that cross-checks master lists against the
/// entity files and reports TAX0601, TAX0602 and TAX0603.
enum MasterRowDisagrees {
    static let info = RuleInfo(
        code: "TAX0603", name: "master-row-disagrees", family: "master-lists", severity: .warning,
        summary: "A master list row and its file disagree on the ID or the name.",
        explanation: """
            Two registries that describe one entity must agree. When the row's ID differs from the ID its file
            declares, or the names differ, both sites are shown. The row's ID then also resolves to the file's
            entity as an old ID (see TAX0207).
            """,
        triggering: [
            RuleExample(MasterListExamples.files(rows: "TOL-001,Sketch,TOL-001_Figma.json\n")),
            RuleExample(MasterListExamples.files(rows: "TOL-002,Figma,TOL-001_Figma.json\n")),
        ],
        nonTriggering: [
            RuleExample(MasterListExamples.files(rows: "TOL-001,figma,TOL-001_Figma.json\n")),
            RuleExample(MasterListExamples.files(rows: "TOL-001,Figma,TOL-001_Figma.json\n")),
        ])

    /// The pass of the three master-list rules: rows naming missing files (master-row-without-file), rows
    /// disagreeing with their file (this rule), files in a list's folder without a row
    /// (file-without-master-row).
    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var known = Set<String>()
        for row in lib.masterRows {
            if let f = row.file ?? row.movedTo { known.insert(f) }
            if let e = row.entity { known.insert(lib.entities[e].file) }
            if let d = MasterRowWithoutFile.diagnostic(for: row, lib: lib) { out.append(d) }
            if let d = diagnostic(for: row, lib: lib) { out.append(d) }
        }
        return out + FileWithoutMasterRow.findings(lib, named: known)
    }

    /// The finding for a row whose ID or name is not its file's, or nil.
    static func diagnostic(for row: MasterRow, lib: Library) -> Diagnostic? {
        guard let ei = row.entity, row.file != nil || row.movedTo != nil || lib.entities[ei].id?.written == row.id
        else { return nil }
        let e = lib.entities[ei]
        let declared = lib.displayID(e)
        var problems: [String] = []
        if case .valid(let p) = lib.grammar.check(row.id), p.key == e.id?.key {
        } else if row.id != declared {
            problems.append("the list says '\(row.id)' but the file declares '\(declared)'")
        }
        if let n = row.name, let m = e.name, Labels.normalized(n) != Labels.normalized(m) {
            problems.append("the list names it '\(n)' but the file '\(m)'")
        }
        guard !problems.isEmpty else { return nil }
        return info.diagnostic(
            problems.joined(separator: "; "), at: row.location,
            notes: [.init("\(declared) is defined here", at: e.location)],
            hint: "make the list and the file agree", subject: row.id)
    }
}

extension MasterRowDisagrees: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 2
}

extension MasterRowDisagrees {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 tools/Tools_Master.csv:2:1 the list names it 'Sketch' but the file 'Figma'",
        "1 tools/Tools_Master.csv:2:1 the list says 'TOL-002' but the file declares 'TOL-001'",
    ]
}
