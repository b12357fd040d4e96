/// TAX0108: a file that the `files:` globs of several kinds take.
enum AmbiguousKind {
    static let info = RuleInfo(
        code: "TAX0108", name: "ambiguous-kind", family: "ids", severity: .warning,
        summary: "A file matches the files of more than one kind.",
        explanation: """
            Each file is read as the first kind (in the configuration's order) whose `files:` globs take it. When
            another kind's globs take it too, the file may be read as the wrong kind without anyone noticing: its
            records get the wrong ID grammar and links. Narrow the globs so that exactly one kind takes each file.
            The first kind still wins.
            """,
        triggering: [
            RuleExample([
                (
                    "taxonomy.yaml",
                    "kinds:\n  tool:\n    prefix: TOL\n    files: [\"lib/**/*.json\"]\n    id_fields: [id]\n  skill:\n    prefix: SKL\n    files: [\"lib/skills/*.json\"]\n    id_fields: [id]\n"
                ),
                ("lib/skills/SKL-001.json", "{\"id\": \"TOL-001\"}"),
            ]),
            RuleExample([
                (
                    "taxonomy.yaml",
                    "kinds:\n  tool:\n    prefix: TOL\n    files: [\"lib/*.json\"]\n    id_fields: [id]\n  skill:\n    prefix: SKL\n    files: [\"lib/SKL-*.json\"]\n    id_fields: [id]\n"
                ), ("lib/SKL-001.json", "{\"id\": \"SKL-001\"}"),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "taxonomy.yaml",
                    "kinds:\n  tool:\n    prefix: TOL\n    files: [\"lib/tools/*.json\"]\n    id_fields: [id]\n  skill:\n    prefix: SKL\n    files: [\"lib/skills/*.json\"]\n    id_fields: [id]\n"
                ),
                ("lib/skills/SKL-001.json", "{\"id\": \"SKL-001\"}"),
            ]),
            RuleExample([
                (
                    "taxonomy.yaml",
                    "kinds:\n  tool:\n    prefix: TOL\n    files: [\"lib/*.json\"]\n    id_fields: [id]\n  skill:\n    prefix: SKL\n    files: [\"lib/*.yaml\"]\n    id_fields: [id]\n"
                ), ("lib/SKL-001.yaml", "id: SKL-001\n"),
            ]),
        ])
}

extension AmbiguousKind: Rule {
    static let stage = RuleStage.extract
}

extension AmbiguousKind {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 lib/skills/SKL-001.json:1:1 this file matches the files of kinds 'tool' and 'skill'; it is read as a tool",
        "1 lib/SKL-001.json:1:1 this file matches the files of kinds 'tool' and 'skill'; it is read as a tool",
    ]
}

extension AmbiguousKind {
    /// The finding for a file that the globs of `kinds` take (the first one reads it).
    static func diagnostic(kinds: [String], at location: SourceLocation) -> Diagnostic {
        info.diagnostic(
            "this file matches the files of kinds \(kinds.map { "'\($0)'" }.joined(separator: " and ")); it is read as a \(kinds[0])",
            at: location,
            hint: "narrow the globs of '\(kinds[1])' (or of '\(kinds[0])') so that one kind takes this file")
    }
}
