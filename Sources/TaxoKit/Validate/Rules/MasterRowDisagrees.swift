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
                } else if let declared = MasterRowWithoutFile.declaringEntity(row, lib: lib) {
                    // The row's ID is declared by a file of another name: the path is stale, not the file missing.
                    let e = lib.entities[declared]
                    message += "; \(lib.displayID(e)) is declared by '\(e.file)'"
                    notes.append(.init("\(lib.displayID(e)) is defined here", at: e.location))
                    hint = "update the row's path to '\(e.file)'"
                }
                out.append(
                    MasterRowWithoutFile.info.diagnostic(message, at: row.pathLocation, notes: notes, hint: hint))
            }
            guard let ei = row.entity, row.file != nil || row.movedTo != nil || lib.entities[ei].id?.written == row.id
            else { continue }
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
            guard !problems.isEmpty else { continue }
            out.append(
                MasterRowDisagrees.info.diagnostic(
                    problems.joined(separator: "; "), at: row.location,
                    notes: [.init("\(declared) is defined here", at: e.location)],
                    hint: "make the list and the file agree"))
        }
        // Files of a list's kind in the list's folder that no row names.
        var lists: [(dir: String, kind: Int)] = []
        for f in lib.files {
            guard let (mi, _) = f.masterList,
                let k = lib.config.kinds.firstIndex(where: { $0.name == lib.config.masterLists[mi].kind })
            else { continue }
            lists.append((f.path.split(separator: "/").dropLast().joined(separator: "/"), k))
        }
        guard !lists.isEmpty else { return out }
        let rowIDs = Set(lib.masterRows.map(\.id))
        for e in lib.entities where !known.contains(e.file) && !rowIDs.contains(lib.displayID(e)) {
            guard lists.contains(where: { $0.kind == e.kind && ($0.dir.isEmpty || e.file.hasPrefix($0.dir + "/")) })
            else { continue }
            out.append(
                FileWithoutMasterRow.info.diagnostic(
                    "\(lib.displayID(e)) has no row in the master list", at: e.location,
                    hint: "add a row for it"))
        }
        return out
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
