/// TAX0507: a suppression that silences nothing.
enum UnusedSuppression {
    static let info = RuleInfo(
        code: "TAX0507", name: "unused-suppression", family: "hygiene", severity: .warning,
        summary: "A taxo-ignore comment or a per-path override silences nothing.",
        explanation: """
            `<!-- taxo-ignore CODE -->` (next line), `<!-- taxo-ignore-start CODE -->` ... `<!-- taxo-ignore-end -->`
            (a block) and `<!-- taxo-ignore-file CODE -->` (the file) silence findings in Markdown; `overrides:` in
            taxonomy.yaml turn rules off for paths. One that silences nothing hides nothing today and would hide a
            new finding tomorrow: remove it, as ruff's RUF100 asks. `taxo check --no-suppressions` shows everything.
            """,
        triggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\n<!-- taxo-ignore TAX0205 -->\nNothing to silence here.\n"
                )
            ]),
            RuleExample([
                (
                    "taxonomy.yaml",
                    "overrides:\n  - files: [\"notes/*.md\"]\n    rules: {TAX0205: off}\ndocuments:\n  note:\n    files: [\"notes/*.md\"]\n"
                ), ("notes/Plan.md", "# Plan\n\nNothing to silence.\n"),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\n<!-- taxo-ignore TAX0205 -->\nRSP-333 exists already.\n"
                )
            ]),
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\nRSP-333 exists already. <!-- taxo-ignore-line TAX0205 -->\n"
                )
            ]),
        ])

    /// Drops the findings that suppressions cover, and reports the suppressions that covered none.
    static func apply(_ suppressions: [Suppression], to diags: [Diagnostic]) -> [Diagnostic] {
        guard !suppressions.isEmpty else { return diags }
        var byFile: [String: [Int]] = [:]
        for (i, s) in suppressions.enumerated() { byFile[s.location.file, default: []].append(i) }
        var used = [Bool](repeating: false, count: suppressions.count)
        var out: [Diagnostic] = []
        for d in diags {
            guard let f = d.location?.file, let candidates = byFile[f] else { out.append(d); continue }
            var hit = false
            for i in candidates where suppressions[i].covers(d) { used[i] = true; hit = true }
            if !hit { out.append(d) }
        }
        // An unused suppression's own warning may be silenced too (`taxo-ignore-file TAX0507`).
        for (i, s) in suppressions.enumerated() where !used[i] {
            let what = s.codes.isEmpty ? "any finding" : s.codes.joined(separator: ", ")
            let d = info.diagnostic(
                "this taxo-ignore silences nothing (\(what))", at: s.location, hint: "remove the comment")
            let silencers = (byFile[s.location.file] ?? []).filter { $0 != i && suppressions[$0].covers(d) }
            if silencers.isEmpty { out.append(d) }
        }
        return out
    }
}

extension UnusedSuppression: Rule {
    static let stage = RuleStage.library
}

extension UnusedSuppression {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:3:1 this taxo-ignore silences nothing (TAX0205)",
        "1 taxonomy.yaml:2:5 this override turns rules off where they find nothing",
    ]
}

extension UnusedSuppression {
    /// The finding for a per-path override in taxonomy.yaml that turns rules off where they find nothing.
    static func unusedOverride(at location: SourceLocation?) -> Diagnostic {
        info.diagnostic(
            "this override turns rules off where they find nothing", at: location,
            hint: "remove it, or narrow its files")
    }
}
