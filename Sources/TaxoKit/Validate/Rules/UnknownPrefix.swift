/// TAX0102: an ID-shaped token whose prefix no kind declares (`TKS-001` for `TSK-001`).
enum UnknownPrefix {
    static let info = RuleInfo(
        code: "TAX0102", name: "unknown-prefix", family: "ids", severity: .error,
        summary: "An ID uses a prefix that no kind declares.",
        explanation: """
            In an entity's ID field or a typed link field, an ID-shaped value (`ABC-001`) must use a prefix the
            configuration declares (main or alternate). Anywhere in a library, a token whose prefix is the
            letters of a known prefix in another order (`TKS-001`, `SLK-042`) is taken as a typo. The hint
            names the closest declared prefix. Declare real prefixes as `alternate_prefixes` of their kind.

            A prefix written in \(UnknownPrefix.conventionThreshold) or more distinct IDs across the library is a
            convention, not a typo (`CAT-001` for category codes): it is reported once, at its first occurrence,
            with the count and the other files in notes and no did-you-mean. Declare a kind for it, or list it
            under `ignore_prefixes:` to silence it.

            When the ID is a record's own (a step file whose `Step ID` is `DESIGN-001-01`), the record is still
            read, shown and found by that ID, and the hint gives both ways out: an ID of its kind to rename it
            to (the number its file name carries when that ID is free, else the next free one: `taxo rename
            DESIGN-001-01 STP-155`), or its scheme to declare under the kind's `legacy_patterns`
            (`DESIGN-{n}-{n}`). A typo of its kind's prefix in a record's own ID (`SPT-007` in a step's file)
            is told the free IDs of its kind it may mean (`STP-007`), to rename it to; `taxo fix` does not
            rewrite an own ID, which could give the record an ID another one has. When most IDs of a prefix
            written that often are the own IDs of one kind's records, the one finding names that kind and the
            patterns.
            """,
        triggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json",
                    "{\"milestone_id\": \"MLS-001\", \"name\": \"Plan\", \"tasks\": [\"TKS-001\"]}"
                )
            ]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nSee TKS-001 for details.\n")]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\nUTF-8, ISO-8601 and OAUTH-21 are not IDs.\n"
                )
            ]),
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json",
                    "{\"milestone_id\": \"MLS-001\", \"name\": \"Plan\", \"tasks\": [\"TSK-001\"]}"
                )
            ]),
        ])

    /// How many distinct IDs make an undeclared prefix a convention rather than a typo.
    static let conventionThreshold = 5

    static func check(_ lib: Library) -> [Diagnostic] {
        let ignored = Set(lib.config.ignorePrefixes)
        var byPrefix: [String: [PrefixUse]] = [:]
        for f in lib.files {
            // (A record's own ID is also met by the scan of its text: one use per place.)
            var seen = Set<SourceLocation>()
            for u in f.unknownPrefixes where !ignored.contains(u.prefix) && seen.insert(u.location).inserted {
                byPrefix[u.prefix, default: []].append(u)
            }
        }
        var owners = OwnIDs(lib)
        var out: [Diagnostic] = []
        // (In prefix order: the next free IDs the hints give are handed out in turn.)
        for (prefix, uses) in byPrefix.sorted(by: { $0.key < $1.key }) {
            let distinct = Set(uses.map(\.token))
            guard distinct.count >= conventionThreshold else {
                for u in uses.sorted(by: { $0.location < $1.location }) {
                    if let owner = owners.entity(u) {
                        out.append(owners.typo(u, owner: owner) ?? owners.diagnostic(u, owner: owner))
                        continue
                    }
                    var d = diagnostic(token: u.token, prefix: prefix, suggestions: u.suggestions, at: u.location)
                    d.replacement = correction(u, lib)
                    if d.replacement == nil {
                        d.suggestions = u.suggestions.map {
                            Diagnostic.Replacement(u.token, with: $0 + u.token.dropFirst(u.prefix.count))
                        }
                    }
                    out.append(d)
                }
                continue
            }
            let sorted = uses.sorted {
                ($0.location.file, $0.location.line, $0.location.column) < (
                    $1.location.file, $1.location.line, $1.location.column
                )
            }
            let first = sorted[0]
            var files: [String] = []
            for u in sorted where u.location.file != first.location.file && files.last != u.location.file {
                files.append(u.location.file)
            }
            let fileCount = Set(sorted.map(\.location.file)).count
            let owned = owners.convention(sorted)
            let notes =
                files.prefix(10).map { f in
                    Diagnostic.Note("also written in this file", at: sorted.first { $0.location.file == f }!.location)
                } + (files.count > 10 ? [Diagnostic.Note("and \(files.count - 10) more files")] : [])
            out.append(
                info.diagnostic(
                    "'\(prefix)' appears in \(distinct.count) IDs in \(fileCount) file\(fileCount == 1 ? "" : "s") but no kind declares it"
                        + (owned?.message ?? ""),
                    at: first.location, notes: notes,
                    hint: owned?.hint ?? "declare a kind for it, or list it under `ignore_prefixes:`", subject: prefix))
        }
        return out
    }

    /// The repair of a typo (`TKS-004` for `TSK-004`): one suggested prefix, giving an ID that exists.
    static func correction(_ u: PrefixUse, _ lib: Library) -> Diagnostic.Replacement? {
        guard u.suggestions.count == 1 else { return nil }
        let corrected = u.suggestions[0] + u.token.dropFirst(u.prefix.count)
        guard case .valid(let p) = lib.grammar.check(corrected), lib.table[p.key] != nil else { return nil }
        return Diagnostic.Replacement(u.token, with: corrected)
    }

    static func diagnostic(token: String, prefix: String, suggestions: [String], at loc: SourceLocation) -> Diagnostic {
        let hint =
            suggestions.isEmpty
            ? "declare '\(prefix)' as a prefix or alternate prefix of a kind"
            : "did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
        return info.diagnostic("unknown ID prefix '\(prefix)' in '\(token)'", at: loc, hint: hint, subject: token)
    }
}

extension UnknownPrefix: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 1
}

extension UnknownPrefix {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json:1:56 unknown ID prefix 'TKS' in 'TKS-001'",
        "1 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:3:5 unknown ID prefix 'TKS' in 'TKS-001'",
    ]
}
