import Foundation

/// What `templates/gap-analysis.md.mustache` is given: a gap report's candidates by group, findings,
/// actions (HIGH first) and next free IDs. Text is escaped by the encoder; evidence and findings are
/// Markdown made here (links to the line, bold names).
struct GapReportContext: Encodable {
    struct Target: Encodable {
        var path: String
        var link: Markdown
        var last: Bool
    }

    struct Skipped: Encodable {
        var path: String
        var link: Markdown
        var reason: String
    }

    struct Candidate: Encodable {
        var text: String
        var id: String?
        var verdict: String
        var score: String?
        var library: Markdown
        var evidence: Markdown
        var suggestedID: String
        var priority: String
        var action: String
    }

    struct Group: Encodable {
        var name: String
        var identified, exists, conflict, near, missing: Int
        var priority: String
        var candidates: [Candidate]
    }

    struct Summary: Encodable {
        var candidates, documents, exists, conflict, near, missing, placeholder, proposed, broken, high: Int
        var coverage: String
        /// The counts as sentences, in the singular where a count is one (`1 is missing`, `1 gap is HIGH
        /// priority`); the numbers above stay for templates of a library's own. Stored, so that they are
        /// encoded: `phrase()` makes them from the counts once they are set.
        var sentence = ""
        var highSentence = ""

        mutating func phrase() {
            sentence =
                EnglishPlural.count(candidates, "candidate") + " identified in "
                + EnglishPlural.count(documents, "document")
                + ": " + EnglishPlural.count(exists, one: "exists", many: "exist") + " in the library, "
                + EnglishPlural.count(conflict, one: "conflicts", many: "conflict") + ", "
                + EnglishPlural.count(near, one: "is a near match", many: "are near matches") + ", "
                + EnglishPlural.count(missing, one: "is missing", many: "are missing") + ", "
                + EnglishPlural.count(placeholder, one: "is a placeholder", many: "are placeholders") + ", "
                + EnglishPlural.count(
                    broken, one: "is declared in a file that does not parse",
                    many: "are declared in files that do not parse")
                + " and " + EnglishPlural.count(proposed, one: "is the video's own ID", many: "are the video's own IDs")
                + "."
            highSentence = EnglishPlural.count(high, one: "gap is", many: "gaps are") + " HIGH priority."
        }
    }

    struct LibrarySize: Encodable {
        var entities, files: Int
    }

    struct NextFree: Encodable {
        var kind, department, id: String
    }

    var title: String
    var sourceID: String
    var command: String
    var taxoVersion = TaxoVersion.string
    var targets: [Target]
    var hasSkipped: Bool
    var skipped: [Skipped]
    var library: LibrarySize
    var summary: Summary
    var groups: [Group]
    var findings: [Markdown]
    var actions: [String]
    var nextFree: [NextFree]

    init(_ r: GapReport) {
        let cs = r.candidates
        let link = ReportLinks(root: r.root, from: r.linksFrom)
        let evidence = GapEvidence(r, links: link)
        let verdicts = GapReport.verdicts(of: cs, at: cs.indices)
        let count = { (v: GapVerdict) in verdicts[v] ?? 0 }
        title = r.title
        sourceID = r.sourceID
        command = r.command
        targets = r.targets.enumerated().map {
            Target(path: $0.element, link: Markdown(link($0.element)), last: $0.offset == r.targets.count - 1)
        }
        hasSkipped = !r.skipped.isEmpty
        skipped = r.skipped.map { Skipped(path: $0.path, link: Markdown(link($0.path)), reason: $0.reason) }
        library = LibrarySize(entities: r.library.entities.count, files: r.library.files.count)
        groups = GapReportContext.groups(r, evidence: evidence)
        let own = count(.proposed), exists = count(.exists)
        summary = Summary(
            candidates: cs.count, documents: r.targets.count, exists: exists, conflict: count(.conflict),
            near: count(.near), missing: count(.missing), placeholder: count(.placeholder), proposed: own,
            broken: count(.broken), high: cs.indices.reduce(0) { $0 + (cs[$1].priority == "HIGH" ? 1 : 0) },
            coverage: cs.count - own == 0
                ? "—" : String(format: "%.0f%%", 100.0 * Double(exists) / Double(cs.count - own)))
        summary.phrase()
        (findings, actions) = GapReportContext.findingsAndActions(r, evidence: evidence)
        nextFree = GapReportContext.nextFree(r)
    }

    /// The candidates by group (tools, workflows ...), each group with its counts and highest priority.
    static func groups(_ r: GapReport, evidence: GapEvidence) -> [Group] {
        let reportGroups = r.groups
        // Candidates by group as indices (a candidate is large).
        var byGroup = [[Int]](repeating: [], count: reportGroups.count)
        let cs = r.candidates
        for i in cs.indices { byGroup[r.group(kind: cs[i].kind, in: reportGroups)].append(i) }
        return reportGroups.indices.compactMap { g in
            let list = byGroup[g]
            guard !list.isEmpty else { return nil }
            let n = GapReport.verdicts(of: cs, at: list)
            return Group(
                name: reportGroups[g].name, identified: list.count, exists: n[.exists] ?? 0,
                conflict: n[.conflict] ?? 0, near: n[.near] ?? 0,
                missing: (n[.missing] ?? 0) + (n[.placeholder] ?? 0) + (n[.broken] ?? 0),
                priority: GapReport.maxPriority(list.lazy.map { cs[$0] }),
                candidates: list.map { candidate(cs[$0], r, evidence: evidence) })
        }
    }

    /// One sentence per gap (with a link to its first place), and the actions of HIGH and MED gaps.
    static func findingsAndActions(_ r: GapReport, evidence: GapEvidence) -> ([Markdown], [String]) {
        var findings: [Markdown] = [], actions: [String] = []
        let e = MarkdownText.escape
        for c in r.candidates where c.verdict != .exists && c.verdict != .proposed {
            let text = "**" + e(c.text) + "**"
            let at = c.occurrences.first.map { " (" + evidence.place($0) + ")" } ?? ""
            switch c.verdict {
            case .conflict: findings.append(Markdown("\(text) conflicts with the library: \(e(c.note))\(at)."))
            case .near:
                findings.append(
                    Markdown(
                        "\(text) is not in the library; the closest is \(e(c.libraryID ?? "")) '\(e(c.libraryName ?? ""))' "
                            + "(\(String(format: "%.2f", c.score ?? 0)))\(at)."))
            case .missing:
                let several =
                    c.ids.count > 1
                    ? " and written with \(c.ids.count) IDs (" + c.ids.map { e($0.written) }.joined(separator: ", ")
                        + ")"
                    : ""
                let same = c.similar.isEmpty ? "" : " It may be the same as " + e(GapReport.list(c.similar)) + "."
                findings.append(
                    Markdown(
                        "\(text) is missing from the library\(several)\(at); proposed ID \(e(c.suggestedID ?? "—"))."
                            + same))
            case .placeholder:
                findings.append(
                    Markdown("\(text) has a placeholder ID (\(e(c.placeholders.joined(separator: ", "))))\(at)."))
            case .broken: findings.append(Markdown("\(text) cannot be checked: \(e(c.note))\(at)."))
            case .exists, .proposed: break
            }
            if c.priority == "HIGH" || c.priority == "MED" {
                actions.append("[\(c.priority)] \(r.action(c)) — \(c.text).")
            }
        }
        return (findings, actions)
    }

    /// The next free IDs of every kind the candidates have, in the library's pattern for the kind: per
    /// department the kind's IDs use, or without one.
    static func nextFree(_ r: GapReport) -> [NextFree] {
        var alloc = r.allocator
        var nextFree: [NextFree] = []
        // Each kind once, in the order the candidates first give it (a report has a few kinds, thousands of
        // candidates).
        var seen = Set<Int>()
        for c in r.candidates {
            guard let k = c.kind, seen.insert(k).inserted else { continue }
            let depts: [String?] =
                alloc.department(kind: k, given: nil) == nil ? [nil] : alloc.departments(kind: k).map { $0 }
            for d in depts {
                nextFree.append(
                    NextFree(
                        kind: r.library.config.kinds[k].name, department: d ?? "—",
                        id: alloc.next(kind: k, department: d)))
            }
        }
        return nextFree
    }

    static func candidate(_ c: GapCandidate, _ r: GapReport, evidence: GapEvidence) -> Candidate {
        Candidate(
            text: c.text, id: c.name != nil ? c.id : nil, verdict: c.verdict.rawValue,
            score: c.score.map { String(format: "%.2f", $0) }, library: evidence.library(c, in: r.library),
            evidence: Markdown(evidence.cell(c, places: r.places(c))), suggestedID: c.suggestedID ?? "—",
            priority: c.priority, action: r.action(c))
    }
}
