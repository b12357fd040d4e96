/// TAX0207: a reference by an older ID that resolves through a legacy alias.
enum LegacyReference {
    static let info = RuleInfo(
        code: "TAX0207", name: "legacy-reference", family: "links", severity: .warning,
        summary: "A reference uses an entity's old ID.",
        explanation: """
            Entities keep answering to their older IDs: an inner ID that differs from the ID in the file name
            (with `id_from_filename`), the values of `legacy_id_fields`, and a master list's current-ID column.
            A reference by such an old ID resolves, but should name the canonical ID, which the message gives.
            An ID that only a master list gives to an entity declaring another ID is called the master list's
            ID for it; when the reference's label names a different entity, no rewrite is proposed (the ID or
            the label is wrong, and only a person can tell which). When the target lives only in an archive, the
            message says so. Inside Markdown code blocks (made-up examples) the rule is silent unless
            `code_blocks: check` is configured.
            """,
        triggering: [
            RuleExample(
                example + [
                    (
                        "tasks/TST-073_Edit.json",
                        "{\"template_id\": \"TST-073\", \"name\": \"Edit\", \"dependencies\": [\"Task-Template-101\"]}"
                    )
                ]),
            RuleExample(
                example + [
                    (
                        "tasks/TST-074_Ship.json",
                        "{\"template_id\": \"TST-074\", \"name\": \"Ship\", \"notes\": \"Runs after Task-Template-101 (Write).\"}"
                    )
                ]),
        ],
        nonTriggering: [
            RuleExample(
                example + [
                    (
                        "tasks/TST-073_Edit.json",
                        "{\"template_id\": \"TST-073\", \"name\": \"Edit\", \"dependencies\": [\"TST-072\"]}"
                    )
                ]),
            RuleExample(
                example + [
                    (
                        "tasks/TST-074_Ship.json",
                        "{\"template_id\": \"TST-074\", \"name\": \"Ship\", \"notes\": \"Runs after TST-072 (Write).\"}"
                    )
                ]),
        ])

    /// A task kind with a legacy spelling, and a task whose `legacy_id` is Task-Template-101.
    static let example: [(String, String)] = [
        (
            "taxonomy.yaml",
            """
            kinds:
              task:
                prefix: TST
                legacy_patterns: ["Task-Template-{n}"]
                legacy_id_fields: [legacy_id]
                files: ["tasks/*.json"]
                id_fields: [template_id]
            """
        ),
        (
            "tasks/TST-072_Write.json",
            "{\"template_id\": \"TST-072\", \"legacy_id\": \"Task-Template-101\", \"name\": \"Write\"}"
        ),
    ]

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (ei, ri) in lib.legacyTargets {
            guard let t = lib.targets[ei][ri] else { continue }
            let r = lib.entities[ei].references[ri], target = lib.entities[t]
            if r.inCode && !lib.config.checkCodeBlocks { continue }
            out.append(diagnostic(r, target: target, lib: lib))
        }
        return out
    }

    /// The finding for a reference written with an old or archived ID; its subject is the ID as written.
    static func diagnostic(_ r: Reference, target: Entity, lib: Library) -> Diagnostic {
        let id = lib.displayID(target)
        let named = target.name.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        let who = named.map { "\(id) (\($0))" } ?? id
        func finding(_ message: String, hint: String) -> Diagnostic {
            info.diagnostic(
                message, at: r.location, notes: [.init("\(id) is defined here", at: target.location)], hint: hint,
                subject: r.id.written)
        }
        let labelDiffers = r.label.map { label in named.map { !Labels.agrees(label, $0) } ?? false } ?? false
        let hint =
            labelDiffers
            ? "the label '\(r.label!)' names another entity than \(id): correct the ID or the label"
            : "write '\(id)'"
        if lib.config.looksArchived(target.file) {
            return finding(
                "'\(r.id.written)' refers to \(who), archived in \(target.file)",
                hint: labelDiffers ? hint : "refer to a live entity, or restore \(id) from the archive")
        }
        if r.id.written.uppercased() == id.uppercased() || r.id.key == target.id?.key {
            // Not an old ID of itself: the target's own ID did not parse, so only its alias resolves.
            return finding(
                "'\(r.id.written)' resolves only through an old ID of the entity in \(target.file)",
                hint: "correct the ID field of \(target.file)")
        }
        if lib.masterListKeys.contains(r.id.key), !target.legacyKeys.contains(r.id.key) {
            return finding(
                "'\(r.id.written)' is the master list's ID for \(who)",
                hint: labelDiffers ? hint : "write '\(id)', or make the master list and the file agree")
        }
        return finding("'\(r.id.written)' is an old ID of \(who)", hint: hint)
    }
}

extension LegacyReference: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 3
}

extension LegacyReference {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 tasks/TST-073_Edit.json:1:62 'Task-Template-101' is an old ID of TST-072 (Write)",
        "1 tasks/TST-074_Ship.json:1:65 'Task-Template-101' is an old ID of TST-072 (Write)",
    ]
}
