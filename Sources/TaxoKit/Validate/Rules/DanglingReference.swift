/// TAX0201: a reference to an ID that no entity declares.
enum DanglingReference {
    static let info = RuleInfo(
        code: "TAX0201", name: "dangling-reference", family: "links", severity: .error,
        summary: "An entity references an ID that no entity declares.",
        explanation: """
            Every ID written in an entity's fields (a typed link such as `milestones[]`, or an ID inside free
            text such as "TOOL-112 (Dropbox Dash)") must name an entity of the library. A reference to an ID
            nobody declares is reported once per file and ID, with the closest existing IDs of the same kind.
            Several entities of one file citing the same missing ID make one finding, at the first of them,
            with how many times and by how many entities it is cited and the others as notes (a missing task
            that eleven responsibilities of one master file name is one problem: create it, or correct the
            ID in the file). A range (`ACT-001 to ACT-429`) is one reference: it is reported once, with how
            many of its IDs are undeclared and the first few. A reference to an ID that a file which does not parse appears to
            declare is a note pointing at that file, not an error. When the dangling ID is the entity's only
            parent or child in the hierarchy, the hierarchy warnings it would cause are folded into this error.
            When the ID's department segment is no department (`WF-RAG-001`), the hint says so, and names the
            same ID in a department that has it (`TOL-SEC-124` for `TOL-SCE-124`); the unknown department is
            not a second error.

            A Markdown entity may describe its children in its own headings (`### MLT-VID-001: Transcription`
            under a workflow's "Milestones"): a heading that starts, after its numbering, with an ID of a kind
            below the entity's in the `hierarchy`, then a name. The entity's references to such an ID are links
            when the library declares it, and otherwise the file's own description of its child: not dangling
            (the child also counts for the hierarchy rules). References from other files are not affected.
            """,
        triggering: [
            RuleExample([Ex.tool("TOL-001", "Figma", extra: "\"alternatives\": [\"TOL-002 (Sketch)\"]")]),
            RuleExample([
                Ex.tool("TOL-001", "Figma", extra: "\"alternatives\": \"TOL-001 to TOL-004\""),
                Ex.tool("TOL-002", "Sketch"),
            ]),
            RuleExample([
                Ex.tool("TOL-SEC-124", "ScaleKit Dashboard"),
                Ex.tool("TOL-001", "Figma", extra: "\"alternatives\": [\"TOL-SCE-124\"]"),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                Ex.tool("TOL-001", "Figma", extra: "\"alternatives\": [\"TOL-002 (Sketch)\"]"),
                Ex.tool("TOL-002", "Sketch"),
            ]),
            RuleExample(Ex.completeChain),
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-001_Templates/Workflows/WRF-009_Video_Pipeline.md",
                    "# WRF-009: Video Pipeline\n\n**Workflow ID**: WRF-009\n\n```\nMLS-001 -> MLS-002\n```\n\n"
                        + "## Milestones\n\n### MLS-001: Transcription\n\nFirst.\n\n### 2. MLS-002 – Naming\n\nAfter MLS-001.\n"
                )
            ]),
        ])

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var index = NearestIDs(lib)
        let followOn = FollowOn(lib)
        // A missing ID that many records of one file cite is one finding: its places, per file and ID (files
        // numbered once per entity: no key string made per reference).
        var fileNumbers: [String: Int] = [:]
        let fileOf = lib.entities.map { e in
            if let n = fileNumbers[e.file] { return n }
            fileNumbers[e.file] = fileNumbers.count
            return fileNumbers.count - 1
        }
        var places: [PlaceKey: [(entity: Int, reference: Int)]] = [:]
        for (ei, e) in lib.entities.enumerated() {
            for (ri, r) in e.references.enumerated()
            where lib.dangles(ei, ri) && r.range == nil && r.id.pathTarget == nil {
                places[PlaceKey(file: fileOf[ei], key: r.id.key), default: []].append((ei, ri))
            }
        }
        var reported = Set<PlaceKey>()
        // "create the tool 'X', or correct the ID", made once per kind, ID and label.
        var createHints: [String: String] = [:]
        func createHint(_ kind: String, _ r: Reference) -> String {
            let key = r.id.written + "\u{0}" + kind + "\u{0}" + (r.label ?? "")
            if let made = createHints[key] { return made }
            let made = DanglingReference.createHint(kind: kind, id: r.id, label: r.label)
            createHints[key] = made
            return made
        }
        for (ei, e) in lib.entities.enumerated() {
            var seen = Set<String>()
            var ranges: [String: [Reference]] = [:]
            // A child the entity describes in its own headings is no claim that the library has it.
            for (ri, r) in e.references.enumerated() where lib.dangles(ei, ri) {
                if let range = r.range { ranges[range, default: []].append(r) }
            }
            for (ri, r) in e.references.enumerated() where lib.dangles(ei, ri) {
                if let range = r.range {
                    guard seen.insert("range:" + range).inserted, let members = ranges[range] else { continue }
                    if let d = IDRangeReport.diagnostic(
                        info, lib: lib, range: range, undeclared: members.map(\.id), at: r.location)
                    {
                        out.append(d)
                    }
                    continue
                }
                guard seen.insert(r.id.key).inserted else { continue }
                if let file = r.id.pathTarget {
                    let what = lib.inventory.kind(of: file) == .file ? "declares no entity" : "does not exist"
                    out.append(
                        info.diagnostic(
                            "dangling reference: '\(r.id.written)' (field '\(r.field)') names \(file), which \(what)",
                            at: r.location, notes: followOn.notes(entity: ei, dangling: r.id),
                            hint: lib.inventory.movedFile(named: file, config: lib.config).map {
                                "a file of this name is at '\($0)'"
                            }, subject: file))
                    continue
                }
                let place = PlaceKey(file: fileOf[ei], key: r.id.key)
                let group = places[place] ?? [(ei, ri)]
                guard reported.insert(place).inserted else { continue }
                if let b = lib.broken[r.id.key] {
                    out.append(b.diagnostic(rule: info, reference: r.id.written, at: r.location))
                    continue
                }
                let kind = lib.config.kinds[r.id.kind].name
                var msg = "dangling reference: no \(kind) has the ID '\(r.id.written)' (field '\(r.field)')"
                let others = Set(group.map(\.entity)).subtracting([ei]).sorted()
                if others.isEmpty {
                    if group.count > 1 { msg += "; referenced \(group.count) times here" }
                } else {
                    msg += "; referenced \(group.count) times in this file, by \(others.count + 1) entities"
                }
                let (near, hint) = index.lookUp(r.id, label: r.label)
                var notes = followOn.notes(entity: ei, dangling: r.id)
                for o in others { notes += followOn.notes(entity: o, dangling: r.id) }
                notes += alsoReferenced(group.filter { $0.entity != ei }, lib: lib)
                var d = info.diagnostic(
                    msg, at: r.location, notes: notes,
                    hint: hint ?? createHint(kind, r),
                    subject: r.id.written)
                d.suggestions = near.map { Diagnostic.Replacement(r.id.written, with: $0) }
                out.append(d)
            }
        }
        index.keep()
        return out
    }

    /// A file (numbered) and a missing ID's key.
    struct PlaceKey: Hashable {
        var file: Int
        var key: String
    }

    /// What to do when no existing ID is near: create the entry (named by the label when there is one), or
    /// `otherwise` (correct the ID; for a mention, write it as a proposal).
    static func createHint(kind: String, id: ParsedID, label: String?, otherwise: String = "correct the ID") -> String {
        "create the \(kind)" + (NearestIDs.name(in: label, id: id).map { " '\(Labels.quoted($0))'" } ?? "") + ", or "
            + otherwise
    }

    /// Notes for the other entities of a file that reference the missing ID: the first reference of each.
    static func alsoReferenced(_ refs: [(entity: Int, reference: Int)], lib: Library) -> [Diagnostic.Note] {
        var seen = Set<Int>()
        let firsts = refs.filter { seen.insert($0.entity).inserted }
        let notes = firsts.map { p -> Diagnostic.Note in
            let r = lib.entities[p.entity].references[p.reference]
            return .init(
                "also referenced by \(lib.displayID(lib.entities[p.entity])) (field '\(r.field)')", at: r.location)
        }
        return Diagnostic.Note.others(notes, more: "entities")
    }
}

extension DanglingReference: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 6
}

extension DanglingReference {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:4:21 dangling reference: no tool has the ID 'TOL-002' (field 'alternatives[0]')",
        "1 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:4:20 2 of 4 IDs in TOL-001 to TOL-004 are not declared: TOL-003, TOL-004",
        "2 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:4:21 dangling reference: no tool has the ID 'TOL-SCE-124' (field 'alternatives[0]')",
    ]
}
