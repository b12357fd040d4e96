/// TAX0207: a reference by an older ID that resolves through a legacy alias.
enum LegacyReference {
    static let info = RuleInfo(
        code: "TAX0207", name: "legacy-reference", family: "links", severity: .warning,
        summary: "A reference uses an entity's old ID.",
        explanation: """
        Entities keep answering to their older IDs: an inner ID that differs from the ID in the file name
        (with `id_from_filename`), the values of `legacy_id_fields`, and a master list's current-ID column.
        A reference by such an old ID resolves, but should name the canonical ID, which the message gives.
        """,
        triggering: [RuleExample(example + [
            ("tasks/TST-073_Edit.json", "{\"template_id\": \"TST-073\", \"name\": \"Edit\", \"dependencies\": [\"Task-Template-101\"]}"),
        ])],
        nonTriggering: [RuleExample(example + [
            ("tasks/TST-073_Edit.json", "{\"template_id\": \"TST-073\", \"name\": \"Edit\", \"dependencies\": [\"TST-072\"]}"),
        ])])

    /// A task kind with a legacy spelling, and a task whose `legacy_id` is Task-Template-101.
    static let example: [(String, String)] = [
        ("taxonomy.yaml", """
        kinds:
          task:
            prefix: TST
            legacy_patterns: ["Task-Template-{n}"]
            legacy_id_fields: [legacy_id]
            files: ["tasks/*.json"]
            id_fields: [template_id]
        """),
        ("tasks/TST-072_Write.json", "{\"template_id\": \"TST-072\", \"legacy_id\": \"Task-Template-101\", \"name\": \"Write\"}"),
    ]

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (ei, ri) in lib.legacyTargets {
            guard let t = lib.targets[ei][ri] else { continue }
            let r = lib.entities[ei].references[ri], target = lib.entities[t]
            out.append(info.diagnostic("'\(r.id.written)' is an old ID of \(lib.displayID(target)) ('\(target.name ?? "")')",
                                       at: r.location, notes: [.init("\(lib.displayID(target)) is defined here", at: target.location)],
                                       hint: "write '\(lib.displayID(target))'"))
        }
        return out
    }
}
