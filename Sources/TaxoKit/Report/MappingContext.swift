/// What `templates/library-mapping.md.mustache` is given: a video's entities as a tree and a Mermaid
/// diagram, tools per milestone and task, action -> object chains, departments, the integration status of
/// the IDs its documents proposed, and the findings on its files. Kinds come from their roles.
struct MappingContext: Encodable {
    struct KindCount: Encodable { var kind: String; var count: Int }
    struct ToolUse: Encodable { var tool: String; var usedIn: String }
    struct Chain: Encodable { var chain: String }
    struct DepartmentRow: Encodable { var department: String; var counts: String; var total: Int }
    struct Integration: Encodable {
        var id, label: String
        var exists: Bool
        var status: String
        /// Its declaration, linked to the line; "—" when there is none.
        var file: Markdown
    }
    struct Finding: Encodable {
        /// `file:line`, linked to the line.
        var `where`: Markdown
        var severity, code, message: String
    }
    struct Document: Encodable { var path: String; var link: Markdown }

    var video: String
    var title: String
    var command: String
    var taxoVersion = TaxoVersion.string
    var entities: Int
    var departments: String
    var perKind: [KindCount]
    var tree: Markdown
    var hasTree: Bool
    var mermaid: Markdown
    var tools: [ToolUse]
    var chains: [Chain]
    var perDepartment: [DepartmentRow]
    var integration: [Integration]
    /// How many proposed IDs have no file yet.
    var missing: Int
    var hasMissing: Bool
    var diagnostics: [Finding]
    var hasDiagnostics: Bool
    var documents: [Document]

    init(_ m: MappingReport, command: String, root: String?, linksFrom: String?) {
        let lib = m.lib
        let link = ReportLinks(root: root, from: linksFrom)
        let ents = m.videoEntities
        let docs = m.videoDocuments.map { lib.documents[$0] }
        let (tree, mermaid) = MappingContext.hierarchy(m)
        video = m.video
        title = "\(m.video) Library Mapping Report"
        self.command = command
        entities = ents.count
        departments = Set(ents.compactMap { m.dept(lib.entities[$0]) }).sorted().joined(separator: ", ")
        var perKind: [String: Int] = [:]
        for i in ents { perKind[lib.kindName(lib.entities[i]), default: 0] += 1 }
        self.perKind = perKind.keys.sorted().map { KindCount(kind: $0, count: perKind[$0]!) }
        self.tree = Markdown(tree.joined(separator: "\n"))
        hasTree = !tree.isEmpty
        self.mermaid = Markdown(mermaid.text)
        tools = MappingContext.toolUses(m)
        chains = MappingContext.chains(m)
        perDepartment = MappingContext.departmentRows(m)
        integration = MappingContext.integration(m, documents: docs, link: link)
        missing = integration.filter { !$0.exists }.count
        hasMissing = missing > 0
        diagnostics = MappingContext.findings(m, documents: docs, link: link)
        hasDiagnostics = !diagnostics.isEmpty
        documents = docs.map(\.path).sorted().map { Document(path: $0, link: Markdown(link($0))) }
    }

    /// The hierarchy from the video's top-level entities down: a text tree (one fenced line each) and the
    /// same as a Mermaid diagram.
    static func hierarchy(_ m: MappingReport) -> (tree: [String], mermaid: Mermaid) {
        let lib = m.lib, config = lib.config
        let hierarchyTop = config.hierarchy.first.flatMap { n in config.kinds.firstIndex { $0.name == n } }
        var tree: [String] = []
        var mermaid = Mermaid()
        func walk(_ i: Int, prefix: String, last: Bool, depth: Int, parentNode: String?) {
            let e = lib.entities[i]
            let line =
                depth == 0
                ? lib.label(at: i)
                : prefix + (last ? "└── " : "├── ") + lib.label(at: i) + (m.dept(e).map { " (\($0))" } ?? "")
            tree.append(MarkdownText.fenced(line))
            let node = mermaid.node(lib.displayID(e), label: lib.label(at: i))
            if let p = parentNode { mermaid.edge(p, node) }
            let cs = lib.childrenByID(of: i)
            for (k, c) in cs.enumerated() {
                walk(
                    c, prefix: depth == 0 ? "" : prefix + (last ? "    " : "│   "), last: k == cs.count - 1,
                    depth: depth + 1, parentNode: node)
            }
        }
        for r in m.videoEntities where lib.entities[r].kind == hierarchyTop {
            walk(r, prefix: "", last: true, depth: 0, parentNode: nil)
        }
        return (tree, mermaid)
    }

    /// Each tool the video's milestones, tasks and steps link to, with where it is used.
    static func toolUses(_ m: MappingReport) -> [ToolUse] {
        let lib = m.lib, config = lib.config
        let toolKind = config.kindIndex(role: .tool)
        let workKinds = Set([Role.milestone, .task, .step].compactMap { config.kindIndex(role: $0) })
        var toolUse: [Int: Set<Int>] = [:]
        // The video's own entities (a loop over the whole library per video was 3 % of a 100k build).
        for ei in Set(m.videoEntities) where workKinds.contains(lib.entities[ei].kind) {
            for ri in lib.entities[ei].references.indices {
                if let t = lib.targets[ei][ri], lib.entities[t].kind == toolKind { toolUse[t, default: []].insert(ei) }
            }
        }
        return toolUse.keys.sorted { lib.displayID(lib.entities[$0]) < lib.displayID(lib.entities[$1]) }.map { t in
            ToolUse(
                tool: lib.label(at: t),
                usedIn: toolUse[t]!.map { lib.displayID(lib.entities[$0]) }.sorted().joined(separator: ", "))
        }
    }

    /// Action -> object chains from the video's steps that name both (and the tool, when one is named).
    static func chains(_ m: MappingReport) -> [Chain] {
        let lib = m.lib, config = lib.config
        let stepKind = config.kindIndex(role: .step), actionKind = config.kindIndex(role: .action)
        let objectKind = config.kindIndex(role: .object), toolKind = config.kindIndex(role: .tool)
        var chains: [Chain] = []
        for ei in m.videoEntities where lib.entities[ei].kind == stepKind {
            var act: Int?, obj: Int?, tool: Int?
            for ri in lib.entities[ei].references.indices {
                guard let t = lib.targets[ei][ri] else { continue }
                let k = lib.entities[t].kind
                if k == actionKind {
                    act = act ?? t
                } else if k == objectKind {
                    obj = obj ?? t
                } else if k == toolKind {
                    tool = tool ?? t
                }
            }
            if let a = act, let o = obj {
                chains.append(
                    Chain(
                        chain: "\(lib.label(at: a)) → \(lib.label(at: o))"
                            + (tool.map { " via \(lib.label(at: $0))" } ?? "")
                            + " in \(lib.label(at: ei))"))
            }
        }
        return chains
    }

    /// The video's entities per department, counted per kind.
    static func departmentRows(_ m: MappingReport) -> [DepartmentRow] {
        let lib = m.lib
        var perDept: [String: [String: Int]] = [:]
        for i in m.videoEntities {
            let e = lib.entities[i]
            perDept[m.dept(e) ?? "—", default: [:]][lib.kindName(e), default: 0] += 1
        }
        return perDept.keys.sorted().map { d in
            DepartmentRow(
                department: d,
                counts: perDept[d]!.keys.sorted().map { EnglishPlural.count(perDept[d]![$0]!, $0) }.joined(
                    separator: ", "),
                total: perDept[d]!.values.reduce(0, +))
        }
    }

    /// A place as a Markdown link to the line, named by its file name: `[actions.json:12](…/actions.json#L12)`.
    static func place(_ file: String, line: Int, link: ReportLinks) -> Markdown {
        var s: [UInt8] = []
        ReportLinks.appendLine(
            line, label: MarkdownText.linkText(String(PathDisplay.fileName(file))), target: link(file), to: &s)
        return Markdown(String(decoding: s, as: UTF8.self))
    }

    /// The IDs the video's documents proposed (with the label they give, else the library's name), and
    /// whether they now exist, linked to their declaration.
    static func integration(_ m: MappingReport, documents docs: [TaxoKit.Document], link: ReportLinks)
        -> [Integration]
    {
        let lib = m.lib
        var proposed: [String: (ParsedID, String?)] = [:]
        for d in docs {
            for men in d.mentions where !lib.isScoped(men, in: d) || men.declaresScope {
                if proposed[men.id.key] == nil { proposed[men.id.key] = (men.id, men.label) }
            }
        }
        // In ID order: prefix, department, then the number as a number (`ACT-015` before `ACT-110`); each
        // key made once.
        let rows = Array(proposed.values)
        let keys = rows.map { (p, _) in
            (p.prefix, p.canonicalDepartment ?? p.department ?? "", Int(p.number) ?? Int.max, p.key)
        }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { rows[$0] }.map { value in
            let found = lib.lookup(value.0).map { lib.entities[$0] }
            return Integration(
                id: value.0.written, label: value.1 ?? found?.name ?? "", exists: found != nil,
                status: found == nil ? "❌ no file" : "✅ exists",
                file: found.map { place($0.file, line: $0.location.line, link: link) } ?? Markdown("—"))
        }
    }

    /// The findings in the files of the video's entities and documents.
    static func findings(_ m: MappingReport, documents docs: [TaxoKit.Document], link: ReportLinks) -> [Finding] {
        let files = Set(m.videoEntities.map { m.lib.entities[$0].file } + docs.map(\.path))
        return m.result.diagnostics.compactMap { d in
            guard let l = d.location, files.contains(l.file) else { return nil }
            return Finding(
                where: place(l.file, line: l.line, link: link), severity: d.severity.label, code: d.code,
                message: d.message)
        }
    }
}
