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

extension FileWithoutMasterRow {
    /// Files of a list's kind in the list's folder that no row names (`named`: the files rows name).
    static func findings(_ lib: Library, named known: Set<String>) -> [Diagnostic] {
        var lists: [(dir: String, kind: Int)] = []
        for f in lib.files {
            guard let (mi, _) = f.masterList,
                let k = lib.config.kinds.firstIndex(where: { $0.name == lib.config.masterLists[mi].kind })
            else { continue }
            lists.append((f.path.split(separator: "/").dropLast().joined(separator: "/"), k))
        }
        guard !lists.isEmpty else { return [] }
        let rowIDs = Set(lib.masterRows.map(\.id))
        var out: [Diagnostic] = []
        for e in lib.entities where !known.contains(e.file) && !rowIDs.contains(lib.displayID(e)) {
            guard lists.contains(where: { $0.kind == e.kind && ($0.dir.isEmpty || e.file.hasPrefix($0.dir + "/")) })
            else { continue }
            out.append(
                info.diagnostic(
                    "\(lib.displayID(e)) has no row in the master list", at: e.location, hint: "add a row for it",
                    subject: lib.displayID(e)))
        }
        return out
    }
}
