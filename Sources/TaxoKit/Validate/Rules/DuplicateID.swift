/// TAX0104: the same ID defined by two entities.
enum DuplicateID {
    static let info = RuleInfo(
        code: "TAX0104", name: "duplicate-id", family: "ids", severity: .error,
        summary: "Two entities declare the same ID.",
        explanation: """
            An ID names one entity. When two records (in two files, or twice in one list file) declare it, every
            reference to it is ambiguous. taxo reports each later definition, in path order, with a note at
            the first one, and says when the two disagree on the name. Alternate prefixes, department aliases
            and leading zeros are normalised first: `TOOL-AI-051` and `TOL-AID-051` are the same ID.
            """,
        triggering: [
            RuleExample([
                Ex.tool("TOL-001", "Figma"),
                ("LIBRARIES/LBS_003_Tools/TOL-001_Copy.json", "{\"tool_id\": \"TOL-001\", \"name\": \"Sketch\"}"),
            ]),
            RuleExample([
                Ex.tool("TOL-002", "Sketch"),
                ("LIBRARIES/LBS_003_Tools/Old/TOL-002_Sketch.json", "{\"tool_id\": \"TOL-002\", \"name\": \"Sketch\"}"),
            ]),
        ],
        nonTriggering: [
            RuleExample([Ex.tool("TOL-001", "Figma"), Ex.tool("TOL-002", "Sketch")]),
            RuleExample([
                Ex.tool("TOL-001", "Figma"),
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nTOL-001 (Figma) draws the screens.\n"),
            ]),
        ])

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (_, idx) in lib.table where idx.count > 1 {
            let first = lib.entities[idx[0]]
            for i in idx.dropFirst() {
                let e = lib.entities[i]
                var msg = "duplicate ID '\(lib.displayID(e))': already defined in \(first.file)"
                if let a = first.name, let b = e.name, Labels.normalized(a) != Labels.normalized(b) {
                    msg += " with a different name ('\(Labels.quoted(a))' there, '\(Labels.quoted(b))' here)"
                }
                out.append(
                    info.diagnostic(
                        msg, at: e.location, notes: [.init("first defined here", at: first.location)],
                        hint: "give one of them the next free ID, or merge them", subject: lib.displayID(e)))
            }
        }
        return out
    }
}

extension DuplicateID: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 4
}

extension DuplicateID {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:2:14 duplicate ID 'TOL-001': already defined in LIBRARIES/LBS_003_Tools/TOL-001_Copy.json with a different name ('Sketch' there, 'Figma' here)",
        "1 LIBRARIES/LBS_003_Tools/TOL-002_Sketch.json:2:14 duplicate ID 'TOL-002': already defined in LIBRARIES/LBS_003_Tools/Old/TOL-002_Sketch.json",
    ]
}
