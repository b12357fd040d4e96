/// TAX0601: a CSV master list row whose file does not exist.
enum MasterRowWithoutFile {
    static let info = RuleInfo(
        code: "TAX0601", name: "master-row-without-file", family: "master-lists", severity: .warning,
        summary: "A master list row names a file that does not exist.",
        explanation: """
            A master list (declared under `master_lists:` with its ID, name and file-path columns) promises a
            file per row. A row whose file is missing is reported with where a file of that name is now, when
            there is one (files move; lists are not updated). `path_prefix` strips a root alias such as `ENTITIES/`.
            A bare file name (no folder) names the file beside the list, or else the one file of that name in
            the list's folder or below it (tools kept in category folders): only a name found nowhere there,
            or found twice, is reported.
            """,
        triggering: [
            RuleExample(
                MasterListExamples.files(rows: "TOL-001,Figma,TOL-001_Figma.json\nTOL-002,Sketch,TOL-002_Sketch.json\n")
            ),
            RuleExample(
                MasterListExamples.files(rows: "TOL-001,Figma,TOL-001_Figma.json\nTOL-003,Miro,TOL-003_Miro.json\n")),
        ],
        nonTriggering: [
            RuleExample(MasterListExamples.files(rows: "TOL-001,Figma,TOL-001_Figma.json\n")),
            RuleExample(
                MasterListExamples.files(
                    rows: "TOL-001,Figma,TOL-001_Figma.json\nTOL-009,Extra,TOL-009_Extra.json\n", extra: true)),
            RuleExample(
                MasterListExamples.files(rows: "TOL-001,Figma,TOL-001_Figma.json\nTOL-002,Miro,TOL-002_Miro.json\n")
                    + [("tools/Design/TOL-002_Miro.json", #"{"tool_id": "TOL-002", "name": "Miro"}"#)]),
        ])
}

extension MasterRowWithoutFile {
    /// The live entity of the list's kind that declares the row's ID, if one does.
    static func declaringEntity(_ row: MasterRow, lib: Library) -> Int? {
        let kind = lib.config.kinds.firstIndex { $0.name == lib.config.masterLists[row.list].kind }
        let key: String
        switch lib.grammar.check(row.id) {
        case .valid(let p), .legacy(let p): key = p.key
        default: return nil
        }
        return (lib.table[key] ?? lib.aliases[key] ?? []).first { e in
            (kind == nil || lib.entities[e].kind == kind) && !lib.config.looksArchived(lib.entities[e].file)
        }
    }
}

extension MasterRowWithoutFile: Rule {
    /// Reported by the MasterRowDisagrees pass, which walks the same links.
    static let stage = RuleStage.library
}

extension MasterRowWithoutFile {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 tools/Tools_Master.csv:3:16 TOL-002: master list names 'TOL-002_Sketch.json', which does not exist",
        "1 tools/Tools_Master.csv:3:14 TOL-003: master list names 'TOL-003_Miro.json', which does not exist",
    ]
}

extension MasterRowWithoutFile {
    /// The finding for a row whose path names no file (with where the file went, or which file declares the
    /// row's ID), or nil.
    static func diagnostic(for row: MasterRow, lib: Library) -> Diagnostic? {
        guard let p = row.path, row.file == nil else { return nil }
        var message = "\(row.id): master list names '\(p)', which does not exist"
        var notes: [Diagnostic.Note] = []
        var hint = "create the file, or correct or remove the row"
        if let moved = row.movedTo ?? lib.inventory.movedFile(named: p, config: lib.config) {
            hint = "a file of this name is at '\(moved)'; update the row"
        } else if let declared = declaringEntity(row, lib: lib) {
            // The row's ID is declared by a file of another name: the path is stale, not the file missing.
            let e = lib.entities[declared]
            message += "; \(lib.displayID(e)) is declared by '\(e.file)'"
            notes.append(.init("\(lib.displayID(e)) is defined here", at: e.location))
            hint = "update the row's path to '\(e.file)'"
        }
        return info.diagnostic(message, at: row.pathLocation, notes: notes, hint: hint, subject: p)
    }
}
