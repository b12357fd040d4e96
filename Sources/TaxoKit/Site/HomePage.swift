/// The home page (`index.html`): the library's size, entities per kind and per department, findings per
/// rule, and the phase tracker with every video's progress drawn.
struct HomePage: Encodable {
    struct Count: Encodable { var name, href: String; var count: Int; var title: String? }
    struct RuleRow: Encodable {
        var code, name, severity, href: String
        var count: Int
        /// How many of them the baseline holds.
        var known: Int
    }
    /// With a baseline: its file, how many findings it holds, and the errors and warnings that are new.
    struct BaselineLine: Encodable { var file, newFindings: String; var known: Int }
    struct VideoRow: Encodable { var id, href, title, nextAction, progress: String }

    var files, entities, documents, errors, warnings: Int
    var kinds: [Count]
    var departments: [Count]
    var rules: [RuleRow]
    var videos: [VideoRow]
    var chart: HTML?
    var hasRules = false, hasVideos = false
    var baseline: BaselineLine?
    var hasBaseline = false
    /// How many names in records link to nothing (`names.html`); nil when none.
    var unmatchedNames: Int?

    init(_ site: SiteData) {
        let lib = site.lib, page = "index.html"
        files = lib.files.count
        entities = lib.entities.count
        documents = lib.documents.count
        errors = site.result.summary.errors
        warnings = site.result.summary.warnings
        // As many as the kind's and the department's pages list.
        kinds = lib.config.kinds.enumerated().compactMap { i, k in
            guard let members = site.byKind[i] else { return nil }
            return Count(
                name: k.name, href: SitePaths.link(from: page, to: SitePaths.kind(k.name)), count: members.count)
        }
        departments = site.byDepartment.keys.sorted().map { d in
            Count(
                name: d, href: SitePaths.link(from: page, to: SitePaths.department(d)),
                count: site.byDepartment[d]!.count, title: site.departmentNames[d])
        }
        var byRule: [String: (severity: Severity, count: Int, known: Int)] = [:]
        for f in site.findings {
            let d = f.diagnostic, r = byRule[d.code] ?? (d.severity, 0, 0)
            byRule[d.code] = (max(r.severity, d.severity), r.count + 1, r.known + (f.known ? 1 : 0))
        }
        rules = byRule.keys.sorted { (byRule[$0]!.count, $1) > (byRule[$1]!.count, $0) }.map { code in
            let r = byRule[code]!
            return RuleRow(
                code: code, name: RuleRegistry.rule(code)?.name ?? "", severity: r.severity.label,
                href: "diagnostics.html?rule=" + code, count: r.count, known: r.known)
        }
        baseline = site.baselineFile.map { file in
            BaselineLine(
                file: file,
                newFindings: HealthContext.newFindings(site.findings.filter { !$0.known }.map(\.diagnostic)),
                known: site.findings.filter(\.known).count)
        }
        hasBaseline = baseline != nil
        videos = site.tracker.videos.map { v in
            let required = v.phases.filter { !$0.phase.optional }
            return VideoRow(
                id: v.id, href: SitePaths.link(from: page, to: SitePaths.video(v.id)), title: v.title ?? "",
                nextAction: v.nextAction,
                progress: "\(required.filter { $0.state == .done }.count)/\(required.count)")
        }
        chart = PhaseChart.svg(site.tracker, page: page).map(HTML.init)
        hasRules = !rules.isEmpty
        hasVideos = !videos.isEmpty
        let names = site.unmatchedNames.count
        unmatchedNames = names > 0 ? names : nil
    }
}

/// A page listing entities (`kinds/<kind>.html`, `departments/<code>.html`), as a sortable table.
struct ListPage: Encodable {
    struct Row: Encodable { var id, href, name, kind, department, file, fileHref: String }
    var heading: String
    var subtitle: String?
    var rows: [Row]

    init(heading: String, subtitle: String?, entities: [Int], page: String, site: SiteData) {
        self.heading = heading
        self.subtitle = subtitle
        let lib = site.lib
        rows = entities.map { i in
            let e = lib.entities[i]
            return Row(
                id: lib.displayID(e), href: site.paths.entityPages[i].map { SitePaths.link(from: page, to: $0) } ?? "",
                name: e.name ?? "", kind: lib.kindName(e), department: site.department(of: e) ?? "",
                file: e.file, fileHref: site.paths.fileLink(from: page, e.file, line: e.location.line))
        }
    }
}

/// Every finding (`diagnostics.html`), filterable by rule, severity and folder in the page, and with a
/// baseline by status (new, or known before: in the baseline).
struct DiagnosticsPage: Encodable {
    struct Row: Encodable {
        var code, name, severity, file, folder, href, message: String
        var line: Int
        var hint: String?
        /// `new`, or `known` when the baseline holds it (only with a baseline: the status filter).
        var status: String
    }
    struct Option: Encodable { var value: String; var count: Int }
    var rows: [Row]
    var rules: [Option]
    var severities: [Option]
    var folders: [Option]
    /// Nil without a baseline (no status filter then).
    var statuses: [Option]?
    var hasStatuses = false
    var baselineFile: String?

    init(_ site: SiteData) {
        let page = "diagnostics.html"
        rows = site.findings.map { f in
            let d = f.diagnostic, file = d.location?.file ?? ""
            return Row(
                code: d.code, name: RuleRegistry.rule(d.code)?.name ?? "", severity: d.severity.label, file: file,
                folder: file.split(separator: "/").first.map(String.init) ?? "",
                href: file.isEmpty ? "" : site.paths.fileLink(from: page, file, line: d.location?.line),
                message: d.message, line: d.location?.line ?? 0, hint: d.hint, status: f.known ? "known" : "new")
        }
        baselineFile = site.baselineFile
        func options(_ values: [String]) -> [Option] {
            var counts: [String: Int] = [:]
            for v in values where !v.isEmpty { counts[v, default: 0] += 1 }
            return counts.keys.sorted().map { Option(value: $0, count: counts[$0]!) }
        }
        rules = options(rows.map(\.code))
        severities = options(rows.map(\.severity))
        folders = options(rows.map(\.folder))
        // Both values listed, also at zero: "new" is what a team looks for first.
        statuses =
            baselineFile == nil
            ? nil : ["new", "known"].map { s in Option(value: s, count: rows.filter { $0.status == s }.count) }
        hasStatuses = statuses != nil
    }
}
