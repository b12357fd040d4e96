/// TAX0206: a reference written with an alternate prefix or department alias.
enum AlternateSpelling {
    static let info = RuleInfo(
        code: "TAX0206", name: "alternate-spelling", family: "links", severity: .note,
        summary: "A reference resolves, but is written differently from the target's ID.",
        explanation: """
            Alternate prefixes (`TOOL-` for `TOL-`), department aliases (`AI` for `AID`), other digit counts
            (`TOL-0013` for `TOL-013`) and the Unicode hyphens and dashes that word processors and chat
            assistants write for `-` (`TOL–013`, en dash) resolve to the same entity. Writing the target's own ID keeps searches
            and reports exact. Not noted: a reference whose text also holds the canonical spelling
            (`"MLT-2" (should be "MLT-002")`), text that documents the prefix itself (`RESP-### is now RSP-###`),
            and the IDs inside a range beyond its first written end.
            """,
        triggering: [
            RuleExample([
                Ex.tool("TOL-013", "Auth0"),
                Ex.tool("TOL-014", "Okta", extra: "\"alternatives\": [\"TOOL-013 (Auth0)\"]"),
            ]),
            RuleExample([
                Ex.tool("TOL-013", "Auth0"),
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nAuth0 (TOOL-013) signs users in.\n"),
            ]),
            RuleExample([
                Ex.tool("TOL-013", "Auth0"),
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\nAuth0 (TOL\u{2013}013) signs users in.\n"
                ),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                Ex.tool("TOL-013", "Auth0"),
                Ex.tool("TOL-014", "Okta", extra: "\"alternatives\": [\"TOL-013 (Auth0)\"]"),
            ]),
            RuleExample([
                Ex.tool("TOL-013", "Auth0"),
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nAuth0 (TOL-013) signs users in.\n"),
            ]),
        ])

    /// Whether the text an ID stands in (a field's string, a document's line) already gives the canonical
    /// spelling, or documents the prefix itself (`RESP-### is now RSP-###`).
    static func documentsSpelling(_ text: String, written: ParsedID, canonical: ParsedID, lib: Library) -> Bool {
        if text.contains(canonical.written) { return true }
        let main = lib.config.kinds[canonical.kind].prefix
        for p in Set([main, written.prefix]) {
            for tail in ["-#", "-X", "-N", "-{", "-<", "-*"] where text.contains(p + tail) { return true }
        }
        return false
    }

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // References resolved through an older ID are the legacy rule's.
        let legacy = Set(lib.legacyTargets.map { $0.entity << 32 | $0.reference })
        for (ei, e) in lib.entities.enumerated() {
            var ranges = Set<String>()
            for (ri, r) in e.references.enumerated() where !legacy.contains(ei << 32 | ri) {
                guard let t = lib.targets[ei][ri], let target = lib.entities[t].id, target.written != r.id.written,
                    !r.id.isNotAnID
                else { continue }
                if let range = r.range, !ranges.insert(range).inserted { continue }
                if documentsSpelling(r.raw, written: r.id, canonical: target, lib: lib) { continue }
                out.append(
                    info.diagnostic(
                        "'\(r.id.written)' refers to \(target.written)", at: r.location,
                        hint: "write '\(target.written)'", subject: r.id.written))
            }
        }
        // In documents too (a note, like in fields), once per document and spelling.
        for d in lib.documents where d.checkMentions {
            var seen = Set<String>()
            for m in d.mentions where m.range == nil && !m.isProposal {
                guard let t = lib.table[m.id.key]?.first, let target = lib.entities[t].id,
                    target.written != m.id.written, !lib.namesVideoEntity(m, in: d),
                    !documentsSpelling(m.context, written: m.id, canonical: target, lib: lib),
                    seen.insert(m.id.written).inserted
                else { continue }
                out.append(
                    info.diagnostic(
                        "'\(m.id.written)' refers to \(target.written)", at: m.location,
                        hint: "write '\(target.written)'", subject: m.id.written))
            }
        }
        return out
    }
}

extension AlternateSpelling: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 10
}

extension AlternateSpelling {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-014_Okta.json:4:21 'TOOL-013' refers to TOL-013",
        "1 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:3:8 'TOOL-013' refers to TOL-013",
        "2 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:3:8 'TOL\u{2013}013' refers to TOL-013",
    ]
}
