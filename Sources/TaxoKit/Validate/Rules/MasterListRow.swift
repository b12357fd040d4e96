/// TAX0601, TAX0602, TAX0603: a CSV master list cross-checked against the entity files.
enum MasterListRowMissingFile {
    static let info = RuleInfo(
        code: "TAX0601", name: "master-row-without-file", family: "master-lists", severity: .warning,
        summary: "A master list row names a file that does not exist.",
        explanation: """
        A master list (declared under `master_lists:` with its ID, name and file-path columns) promises a
        file per row. A row whose file is missing is reported with where a file of that name is now, when
        there is one (files move; lists are not updated). `path_prefix` strips a root alias such as `ENTITIES/`.
        """,
        triggering: [RuleExample(MasterListExamples.files(rows: "TOL-001,Figma,TOL-001_Figma.json\nTOL-002,Sketch,TOL-002_Sketch.json\n"))],
        nonTriggering: [RuleExample(MasterListExamples.files(rows: "TOL-001,Figma,TOL-001_Figma.json\n"))])
}

extension MasterListRowMissingFile {
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

enum MasterListFileWithoutRow {
    static let info = RuleInfo(
        code: "TAX0602", name: "file-without-master-row", family: "master-lists", severity: .warning,
        summary: "An entity file next to a master list has no row in it.",
        explanation: """
        Every entity of the list's kind in the master list's folder (and below) should have a row. A file the
        list does not know is reported at the file.
        """,
        triggering: [RuleExample(MasterListExamples.files(rows: "", extra: true))],
        nonTriggering: [RuleExample(MasterListExamples.files(rows: "TOL-001,Figma,TOL-001_Figma.json\n"))])
}

enum MasterListDisagreement {
    static let info = RuleInfo(
        code: "TAX0603", name: "master-row-disagrees", family: "master-lists", severity: .warning,
        summary: "A master list row and its file disagree on the ID or the name.",
        explanation: """
        Two registries that describe one entity must agree. When the row's ID differs from the ID its file
        declares, or the names differ, both sites are shown. The row's ID then also resolves to the file's
        entity as an old ID (see TAX0207).
        """,
        triggering: [RuleExample(MasterListExamples.files(rows: "TOL-001,Sketch,TOL-001_Figma.json\n"))],
        nonTriggering: [RuleExample(MasterListExamples.files(rows: "TOL-001,figma,TOL-001_Figma.json\n"))])

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var known = Set<String>()
        for row in lib.masterRows {
            if let f = row.file ?? row.movedTo { known.insert(f) }
            if let e = row.entity { known.insert(lib.entities[e].file) }
            if let p = row.path, row.file == nil {
                var message = "\(row.id): master list names '\(p)', which does not exist"
                var notes: [Diagnostic.Note] = []
                var hint = "create the file, or correct or remove the row"
                if let moved = row.movedTo ?? lib.inventory.movedFile(named: p, config: lib.config) {
                    hint = "a file of this name is at '\(moved)'; update the row"
                } else if let declared = MasterListRowMissingFile.declaringEntity(row, lib: lib) {
                    // The row's ID is declared by a file of another name: the path is stale, not the file missing.
                    let e = lib.entities[declared]
                    message += "; \(lib.displayID(e)) is declared by '\(e.file)'"
                    notes.append(.init("\(lib.displayID(e)) is defined here", at: e.location))
                    hint = "update the row's path to '\(e.file)'"
                }
                out.append(MasterListRowMissingFile.info.diagnostic(message, at: row.pathLocation, notes: notes, hint: hint))
            }
            guard let ei = row.entity, row.file != nil || row.movedTo != nil || lib.entities[ei].id?.written == row.id else { continue }
            let e = lib.entities[ei]
            let declared = lib.displayID(e)
            var problems: [String] = []
            if case .valid(let p) = lib.grammar.check(row.id), p.key == e.id?.key {} else if row.id != declared {
                problems.append("the list says '\(row.id)' but the file declares '\(declared)'")
            }
            if let n = row.name, let m = e.name, Labels.normalized(n) != Labels.normalized(m) {
                problems.append("the list names it '\(n)' but the file '\(m)'")
            }
            guard !problems.isEmpty else { continue }
            out.append(MasterListDisagreement.info.diagnostic(problems.joined(separator: "; "), at: row.location,
                                                             notes: [.init("\(declared) is defined here", at: e.location)],
                                                             hint: "make the list and the file agree"))
        }
        // Files of a list's kind in the list's folder that no row names.
        var lists: [(dir: String, kind: Int)] = []
        for f in lib.files {
            guard let (mi, _) = f.masterList, let k = lib.config.kinds.firstIndex(where: { $0.name == lib.config.masterLists[mi].kind }) else { continue }
            lists.append((f.path.split(separator: "/").dropLast().joined(separator: "/"), k))
        }
        guard !lists.isEmpty else { return out }
        let rowIDs = Set(lib.masterRows.map(\.id))
        for e in lib.entities where !known.contains(e.file) && !rowIDs.contains(lib.displayID(e)) {
            guard lists.contains(where: { $0.kind == e.kind && ($0.dir.isEmpty || e.file.hasPrefix($0.dir + "/")) }) else { continue }
            out.append(MasterListFileWithoutRow.info.diagnostic("\(lib.displayID(e)) has no row in the master list", at: e.location,
                                                              hint: "add a row for it"))
        }
        return out
    }
}

enum MasterListExamples {
    static func files(rows: String, extra: Bool = false) -> [(String, String)] {
        var f: [(String, String)] = [
            ("taxonomy.yaml", """
            kinds:
              tool:
                prefix: TOL
                files: ["tools/*.json"]
                id_fields: [tool_id]
            master_lists:
              - files: ["tools/Tools_Master.csv"]
                kind: tool
                id_column: TOL_ID
                name_column: Name
                path_column: Filename
            """),
            ("tools/Tools_Master.csv", "TOL_ID,Name,Filename\n" + rows),
            ("tools/TOL-001_Figma.json", "{\"tool_id\": \"TOL-001\", \"name\": \"Figma\"}"),
        ]
        if extra { f.append(("tools/TOL-009_Extra.json", "{\"tool_id\": \"TOL-009\", \"name\": \"Extra\"}")) }
        return f
    }
}
