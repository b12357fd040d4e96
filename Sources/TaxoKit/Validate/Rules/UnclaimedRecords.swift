/// TAX0109: records of a kind in files that no `files:` glob of any kind takes.
enum UnclaimedRecords {
    static let info = RuleInfo(
        code: "TAX0109", name: "unclaimed-records", family: "ids", severity: .warning,
        summary: "A folder holds records of a kind, but no kind's files: globs take its files.",
        explanation: """
            A library grows folders its configuration does not know yet. When a JSON or YAML file under the roots
            is taken by no kind's `files:` globs (and is no embedded list), taxo still looks at its records: a
            record whose first ID field is one of a kind's `id_fields`, holding a current ID of that kind, with a
            name, is read as that kind. A Markdown file that no document type takes either is read as an entity
            when it declares its own ID: its first header line that is one of a kind's `id_fields` holds a current
            ID of that kind, and the file name or first heading opens with that ID (a kind with
            `id_from_filename` needs only the file name). Such records resolve references to their IDs, so that a reference to a
            responsibility kept in an unknown folder is not reported as dangling, and they fill only IDs no other
            file declares (never a duplicate). They are not checked themselves: no finding is reported inside
            these files until a glob takes them. Add the folder to the kind's `files:` (`taxo init` proposes the
            globs); one finding is reported per folder and kind.
            """,
        triggering: [
            RuleExample([
                (
                    "LIBRARIES/Responsibilities/By_Department/AID.json",
                    "{\"responsibilities\": [{\"responsibility_id\": \"RSP-001\", \"name\": \"Review prompts\"}]}"
                ),
                (
                    "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json",
                    "{\"tool_id\": \"TOL-001\", \"name\": \"Figma\", \"responsibilities\": [\"RSP-001\"]}"
                ),
            ]),
            RuleExample([
                ("LIBRARIES/Extra/tools.yaml", "- tool_id: TOL-002\n  name: Miro\n- tool_id: TOL-003\n  name: Loom\n")
            ]),
            // A workflow written in Markdown, moved out of the workflows' folders.
            RuleExample([
                (
                    "TASK_MANAGERS/Workflows/WRF-AID-077_Build_Agent.md",
                    "# WRF-AID-077: Build an Agent\n\n**Workflow ID:** WRF-AID-077\n"
                )
            ]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "LIBRARIES/Responsibilities/Core/AID.json",
                    "{\"responsibilities\": [{\"responsibility_id\": \"RSP-001\", \"name\": \"Review prompts\"}]}"
                )
            ]),
            // A list of references (no names) is not a file of records.
            RuleExample([("LIBRARIES/Extra/links.json", "[{\"tool_id\": \"TOL-001\"}, {\"tool_id\": \"TOL-002\"}]")]),
            // Archived folders are left alone.
            RuleExample([("LIBRARIES/Old_Archive/tools.json", "[{\"tool_id\": \"TOL-001\", \"name\": \"Figma\"}]")]),
            // Minutes that name a workflow in a header line: a document, not the workflow.
            RuleExample([("TASK_MANAGERS/Meetings/2026-01-05.md", "# Weekly\n\n**Workflow ID:** WRF-AID-077\n")]),
        ])

    static func check(_ lib: Library) -> [Diagnostic] {
        // Folder -> kind -> the files and their records (files come in path order).
        struct Group {
            var first: SourceLocation
            var files = 0
            var records = 0
            var exts: Set<String> = []
        }
        var groups: [String: [Int: Group]] = [:]
        for f in lib.files where f.unclaimed {
            guard let e = f.entities.first else { continue }
            let dir = f.path.split(separator: "/").dropLast().joined(separator: "/")
            var g = groups[dir, default: [:]][e.kind] ?? Group(first: e.location)
            g.files += 1
            g.records += f.entities.count
            g.exts.insert(String(f.path.split(separator: ".").last ?? ""))
            groups[dir, default: [:]][e.kind] = g
        }
        var out: [Diagnostic] = []
        for (dir, byKind) in groups {
            for (k, g) in byKind {
                let kind = lib.config.kinds[k].name
                let ext = g.exts.count == 1 ? g.exts.first! : "{json,yaml,yml}"
                let glob = (dir.isEmpty ? "" : dir + "/") + "**/*." + ext
                let one = g.records == 1
                let records = one ? "a \(kind) record" : "\(g.records) \(kind) records"
                let files = g.files == 1 ? "" : " in \(g.files) files"
                let effect =
                    one
                    ? "it resolves references to its ID but is not checked"
                    : "they resolve references to their IDs but are not checked"
                out.append(
                    info.diagnostic(
                        "'\(dir.isEmpty ? "." : dir)' holds \(records)\(files) that no `files:` glob takes; \(effect)",
                        at: g.first,
                        hint:
                            "add \"\(glob)\" to kinds.\(kind).files so that they are checked (`taxo init` proposes the globs)"
                    ))
            }
        }
        return out
    }
}

extension UnclaimedRecords: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 0
}

extension UnclaimedRecords {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/Responsibilities/By_Department/AID.json:1:45 'LIBRARIES/Responsibilities/By_Department' holds a responsibility record that no `files:` glob takes; it resolves references to its ID but is not checked",
        "1 LIBRARIES/Extra/tools.yaml:1:12 'LIBRARIES/Extra' holds 2 tool records that no `files:` glob takes; they resolve references to their IDs but are not checked",
        "2 TASK_MANAGERS/Workflows/WRF-AID-077_Build_Agent.md:3:18 'TASK_MANAGERS/Workflows' holds a workflow record that no `files:` glob takes; it resolves references to its ID but is not checked",
    ]
}
