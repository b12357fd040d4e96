import Foundation

/// What `templates/health.md.mustache` is given: counts per kind and department (departments merged
/// through their codes, aliases and names; unknown values in their own rows; archived entities apart),
/// links, orphans, findings per rule with their top files, complete hierarchy chains and the trend.
struct HealthContext: Encodable {
    struct KindCount: Encodable { var kind: String; var count: Int }
    struct DepartmentCount: Encodable { var department: String; var count: Int }
    /// An entity nothing uses: a link to its declaration, and why it counts as unused.
    struct Orphan: Encodable {
        var id, kind, file: String
        var link: Markdown
        var reason: String
    }
    /// A rule's findings: how many, how many of them the baseline holds, and the files with most.
    struct Rule: Encodable { var code, name, severity: String; var count, known: Int; var topFiles: String }
    /// A top entity of the hierarchy whose chain stops early: a link to it, and where and why it stops.
    struct Chain: Encodable {
        var id: String
        var link: Markdown
        var reason: String
    }
    struct Trend: Encodable { var metric: String; var previous, now: Int; var change: String }

    var title = "Library Health"
    var command: String
    var taxoVersion = TaxoVersion.string
    var files, entities, documents: Int
    var perKind: [KindCount]
    var perDepartment: [DepartmentCount]
    var archived: Int
    var hasArchived: Bool
    var references, resolved, dangling, orphans: Int
    var orphanList: [Orphan]
    var hasOrphans: Bool
    /// Orphans beyond the listed ones.
    var moreOrphans: Int
    var hasMoreOrphans: Bool
    var errors, warnings, notes: Int
    /// The summary's counts as sentences, in the singular where a count is one (`1 error`, `1 dangles`).
    var countsLine, linksLine, archivedLine: String
    /// With a baseline: its file, how many findings it holds, and the errors and warnings that are new.
    var hasBaseline: Bool
    var baselineFile: String
    var known: Int
    /// `1 error and 0 warnings`: the new ones.
    var newFindings: String
    var hasRules: Bool
    var rules: [Rule]
    var chainsComplete, chainsTotal: Int
    var chainsText: String
    /// The hierarchy's kinds, `workflow → milestone → task → step`.
    var chainKinds: String
    /// Whether the configuration has a hierarchy (of two kinds or more): without one there are no chains.
    var hasHierarchy: Bool
    var chainsIncomplete: [Chain]
    var moreChains: Int
    var hasMoreChains: Bool
    var unmatchedNames: [UnmatchedName]
    var hasUnmatchedNames: Bool
    var unmatchedNamesTotal: Int
    var moreUnmatchedNames: Int
    var hasMoreUnmatchedNames: Bool
    var hasTrend: Bool
    var trend: [Trend]
    var previousBuild: String

    init(_ h: HealthReport, command: String, links: ReportLinks) {
        let lib = h.result.library
        let (perKind, perDept, archived) = HealthContext.liveCounts(lib)
        let (refs, dangling) = HealthContext.referenceCounts(lib)
        let orphans = HealthContext.orphans(lib)
        let chains = h.completeChains()
        self.command = command
        files = lib.files.count
        entities = lib.entities.count
        documents = lib.documents.count
        self.perKind = perKind.keys.sorted().map { KindCount(kind: $0, count: perKind[$0]!) }
        self.perDepartment = perDept.keys.sorted {
            ($0.hasPrefix("unknown: ") ? 1 : 0, $0) < ($1.hasPrefix("unknown: ") ? 1 : 0, $1)
        }
        .map { DepartmentCount(department: $0, count: perDept[$0]!) }
        self.archived = archived
        hasArchived = archived > 0
        self.references = refs
        resolved = refs - dangling
        self.dangling = dangling
        self.orphans = orphans.count
        let departmentKind = lib.config.kindIndex(role: .department)
        orphanList = orphans.prefix(20).map {
            let e = lib.entities[$0], id = lib.displayID(e)
            return Orphan(
                id: id, kind: lib.kindName(e), file: e.file,
                link: links.declaration(e.name.map { id + " " + $0 } ?? id, file: e.file, line: e.location.line),
                reason: e.kind == departmentKind
                    ? "no entity is in this department" : "nothing links to it or mentions it")
        }
        hasOrphans = !orphans.isEmpty
        moreOrphans = max(0, orphans.count - 20)
        hasMoreOrphans = moreOrphans > 0
        errors = h.result.summary.errors
        warnings = h.result.summary.warnings
        notes = h.result.summary.notes
        countsLine =
            EnglishPlural.count(entities, "entity") + " and " + EnglishPlural.count(documents, "document") + " in "
            + EnglishPlural.count(files, "file") + "; " + EnglishPlural.count(errors, "error") + ", "
            + EnglishPlural.count(warnings, "warning") + "."
        linksLine =
            "\(resolved) of " + EnglishPlural.count(refs, "reference") + (resolved == 1 ? " resolves" : " resolve")
            + "; " + EnglishPlural.count(dangling, one: "dangles", many: "dangle") + ". "
            + EnglishPlural.count(orphans.count, one: "entity is an orphan.", many: "entities are orphans.")
        archivedLine =
            EnglishPlural.count(
                archived, one: "archived entity (in an archive folder) is",
                many: "archived entities (in archive folders) are")
            + " not counted."
        let held =
            h.baseline?.value.held(h.result.diagnostics, grammar: lib.grammar)
            ?? Array(repeating: false, count: h.result.diagnostics.count)
        hasBaseline = h.baseline != nil
        baselineFile = h.baseline?.file ?? ""
        known = held.filter { $0 }.count
        newFindings = HealthContext.newFindings(zip(h.result.diagnostics, held).filter { !$1 }.map(\.0))
        rules = HealthContext.ruleRows(h.result.diagnostics, held: held)
        hasRules = !rules.isEmpty
        chainsComplete = chains.complete
        chainsTotal = chains.total
        let levels = lib.config.hierarchyKinds.map { lib.config.kinds[$0].name }
        chainsText =
            EnglishPlural.count(chains.total, levels.first ?? "entity") + (chains.total == 1 ? " has" : " have")
        chainKinds = levels.joined(separator: " → ")
        hasHierarchy = levels.count >= 2
        chainsIncomplete = chains.incomplete.prefix(20).map { g in
            let e = lib.entities[g.entity], id = lib.displayID(e)
            return Chain(
                id: id,
                link: links.declaration(e.name.map { id + " " + $0 } ?? id, file: e.file, line: e.location.line),
                reason: HealthContext.reason(g, lib))
        }
        moreChains = max(0, chains.incomplete.count - 20)
        hasMoreChains = moreChains > 0
        let names = HealthContext.unmatchedNames(lib, links: links)
        unmatchedNames = names.rows
        hasUnmatchedNames = !names.rows.isEmpty
        unmatchedNamesTotal = names.total
        moreUnmatchedNames = names.total - names.rows.count
        hasMoreUnmatchedNames = moreUnmatchedNames > 0
        trend = HealthContext.trend(
            previous: h.previous,
            now: [
                ("entities", lib.entities.count), ("references", refs), ("dangling", dangling),
                ("errors", h.result.summary.errors), ("warnings", h.result.summary.warnings),
            ])
        hasTrend = !trend.isEmpty
        previousBuild = h.previous?["build_time"] ?? ""
    }

    /// Where a chain stops: `links to no milestone`, `its 3 milestones link to no task`; with the children
    /// its own file describes without records (`its file describes 4 tasks, not as records`).
    static func reason(_ g: HealthReport.ChainGap, _ lib: Library) -> String {
        let h = lib.config.hierarchyKinds
        let name = { (k: Int) in lib.config.kinds[k].name }
        let next = name(h[g.depth + 1])
        guard g.depth == 0 else {
            let at = name(h[g.depth])
            return g.reached == 1
                ? "its \(at) links to no \(next)"
                : "its \(g.reached) \(EnglishPlural.plural(at)) link to no \(next)"
        }
        var described: [Int: Set<String>] = [:]
        for r in lib.entities[g.entity].references where r.declaredHere {
            described[r.id.kind, default: []].insert(r.id.key)
        }
        let inline = h.compactMap { k in described[k].map { EnglishPlural.count($0.count, name(k)) } }
        return "links to no \(next)"
            + (inline.isEmpty ? "" : " (its file describes " + inline.joined(separator: " and ") + ", not as records)")
    }

    /// Live entities per kind and per department (codes, aliases and names merged into one row, values the
    /// configuration does not know in rows of their own), and how many entities are archived.
    static func liveCounts(_ lib: Library) -> (perKind: [String: Int], perDepartment: [String: Int], archived: Int) {
        var perKind: [String: Int] = [:], perDept: [String: Int] = [:]
        var kindCounts = [Int](repeating: 0, count: lib.config.kinds.count)
        var archived = 0
        var unknownRows: [String: String] = [:]
        func department(_ e: Entity) -> String {
            if let c = lib.departmentCode(of: e) { return c }
            guard let v = e.department?.trimmingSpaces(), !v.isEmpty else { return "—" }
            switch lib.config.departmentWords.meaning(of: v) {
            case .everyDepartment: return "all departments"
            case .noDepartment: return "—"
            case nil:
                // `Video` of `Video Production`: the row says which department it may mean (worked out once
                // per value).
                if let row = unknownRows[v] { return row }
                let codes = lib.departmentNames.codes(withNameContaining: v)
                let row = "unknown: \(v)" + (codes.count == 1 ? " (part of \(codes[0])'s name)" : "")
                unknownRows[v] = row
                return row
            }
        }
        for (i, e) in lib.entities.enumerated() {
            // Archived entities resolve references but are not part of the live library's counts; nor are
            // copies of records that files no kind's globs take.
            if lib.config.looksArchived(e.file) { archived += 1; continue }
            if lib.isUnclaimedCopy(i) { continue }
            kindCounts[e.kind] += 1
            perDept[department(e), default: 0] += 1
        }
        for (k, n) in zip(lib.config.kinds.map(\.name), kindCounts) where n > 0 { perKind[k, default: 0] += n }
        return (perKind, perDept, archived)
    }

    /// How many references there are, and how many of them resolve to nothing (a child an entity describes
    /// in its own headings does not dangle).
    static func referenceCounts(_ lib: Library) -> (references: Int, dangling: Int) {
        var refs = 0, dangling = 0
        for (ei, t) in lib.targets.enumerated() {
            refs += t.count
            for ri in t.indices where lib.dangles(ei, ri) {
                dangling += 1
            }
        }
        return (refs, dangling)
    }

    /// Live entities with an ID that nothing links to or mentions (a mention names a key: every entity
    /// declaring it counts as mentioned). A department record is used by the entities of its department
    /// (`"department": "AID"`, `TOL-AID-201`); retired and archived entities are no orphans.
    static func orphans(_ lib: Library) -> [Int] {
        var used = [Bool](repeating: false, count: lib.entities.count)
        for t in lib.targets { for x in t { if let x { used[x] = true } } }
        var mentioned = Set<String>()
        for d in lib.documents {
            let own = lib.videoOwnKeys(of: d)
            for m in d.mentions where !own.contains(m.id.key) {
                mentioned.insert(m.id.key)
                for i in lib.table[m.id.key] ?? [] { used[i] = true }
            }
        }
        if let departmentKind = lib.config.kindIndex(role: .department) {
            let codes = Set(lib.entities.lazy.filter { $0.kind != departmentKind }.compactMap(lib.departmentCode))
            for i in lib.entities.indices where lib.entities[i].kind == departmentKind {
                if let c = DepartmentNames.recordCode(lib.entities[i], grammar: lib.grammar), codes.contains(c) {
                    used[i] = true
                }
            }
        }
        return lib.entities.indices.filter { i in
            guard !used[i], let key = lib.entities[i].id?.key, !lib.config.isInactive(status: lib.entities[i].status),
                !lib.config.looksArchived(lib.entities[i].file)
            else { return false }
            // Entities the table holds were marked above; an archived duplicate it leaves out is checked by key.
            if lib.table[key]?.contains(i) == true { return true }
            return !mentioned.contains(key)
        }
    }

    /// The new findings counted as "1 error and 0 warnings" (what HEALTH.md and the site say are new).
    static func newFindings(_ fresh: [Diagnostic]) -> String {
        EnglishPlural.count(fresh.filter { $0.severity == .error }.count, "error") + " and "
            + EnglishPlural.count(fresh.filter { $0.severity == .warning }.count, "warning")
    }

    /// Findings per rule, most first: the highest severity seen and the three files with most of them.
    static func ruleRows(_ diagnostics: [Diagnostic], held: [Bool]) -> [Rule] {
        var rules: [String: (Severity, Int, [String: Int], Int)] = [:]
        for (d, known) in zip(diagnostics, held) {
            var r = rules[d.code] ?? (d.severity, 0, [:], 0)
            r.1 += 1
            r.0 = max(r.0, d.severity)
            if let f = d.location?.file { r.2[f, default: 0] += 1 }
            if known { r.3 += 1 }
            rules[d.code] = r
        }
        return rules.keys.sorted { (rules[$0]!.1, $1) > (rules[$1]!.1, $0) }.map { code in
            let (sev, n, files, known) = rules[code]!
            let top = files.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map {
                "\($0.key) (\($0.value))"
            }
            return Rule(
                code: code, name: RuleRegistry.rule(code)?.name ?? "", severity: sev.label, count: n, known: known,
                topFiles: top.joined(separator: ", "))
        }
    }

    /// Each metric against the previous build's, when it recorded one.
    static func trend(previous: [String: String]?, now: [(String, Int)]) -> [Trend] {
        guard let p = previous else { return [] }
        return now.compactMap { k, v in
            guard let old = p[k].flatMap(Int.init) else { return nil }
            let d = v - old
            return Trend(metric: k, previous: old, now: v, change: d == 0 ? "=" : (d > 0 ? "+\(d)" : "\(d)"))
        }
    }
}
