/// What `templates/library-mapping.md.mustache` is given: a video's entities as a tree and a Mermaid
/// diagram, tools per milestone and task, action -> object chains, departments, the integration status of
/// the IDs its documents proposed, and the findings on its files. Kinds come from their roles.
struct MappingContext: Encodable {
    struct KindCount: Encodable { var kind: String; var count: Int }
    struct ToolUse: Encodable { var tool: String; var usedIn: String }
    struct Chain: Encodable { var chain: String }
    struct DepartmentRow: Encodable { var department: String; var counts: String; var total: Int }
    struct Integration: Encodable { var id, label, status, file: String }
    struct Finding: Encodable { var `where`, severity, code, message: String }
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
    var diagnostics: [Finding]
    var documents: [Document]

    init(_ m: MappingReport, command: String, root: String?, linksFrom: String?) {
        let lib = m.lib
        let config = lib.config
        let display = root.flatMap { r in linksFrom.map { PathDisplay(root: r, workingDirectory: $0) } }
        let ents = m.videoEntities
        let kindNames = config.kinds.map(\.name)
        let hierarchyTop = config.hierarchy.first.flatMap { n in config.kinds.firstIndex { $0.name == n } }
        let roots = ents.filter { lib.entities[$0].kind == hierarchyTop }
        // The text tree and the Mermaid diagram of the hierarchy.
        var tree: [String] = []
        var mermaid = Mermaid()
        func walk(_ i: Int, prefix: String, last: Bool, depth: Int, parentNode: String?) {
            let e = lib.entities[i]
            let line =
                depth == 0
                ? m.label(i) : prefix + (last ? "└── " : "├── ") + m.label(i) + (m.dept(e).map { " (\($0))" } ?? "")
            tree.append(MarkdownText.fenced(line))
            let node = mermaid.node(lib.displayID(e), label: m.label(i))
            if let p = parentNode { mermaid.edge(p, node) }
            let cs = m.kids(i)
            for (k, c) in cs.enumerated() {
                walk(
                    c, prefix: depth == 0 ? "" : prefix + (last ? "    " : "│   "), last: k == cs.count - 1,
                    depth: depth + 1, parentNode: node)
            }
        }
        for r in roots { walk(r, prefix: "", last: true, depth: 0, parentNode: nil) }
        // Tool -> milestone/task mapping.
        let toolKind = config.kindIndex(role: .tool)
        let workKinds = Set([Role.milestone, .task, .step].compactMap { config.kindIndex(role: $0) })
        var toolUse: [Int: Set<Int>] = [:]
        let inVideo = Set(ents)
        for (ei, e) in lib.entities.enumerated() where inVideo.contains(ei) && workKinds.contains(e.kind) {
            for ri in e.references.indices {
                if let t = lib.targets[ei][ri], lib.entities[t].kind == toolKind { toolUse[t, default: []].insert(ei) }
            }
        }
        tools = toolUse.keys.sorted { lib.displayID(lib.entities[$0]) < lib.displayID(lib.entities[$1]) }.map { t in
            ToolUse(
                tool: m.label(t),
                usedIn: toolUse[t]!.map { lib.displayID(lib.entities[$0]) }.sorted().joined(separator: ", "))
        }
        // Action -> object chains from steps that name both.
        let stepKind = config.kindIndex(role: .step), actionKind = config.kindIndex(role: .action),
            objectKind = config.kindIndex(role: .object)
        var chains: [Chain] = []
        for ei in ents where lib.entities[ei].kind == stepKind {
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
                        chain: "\(m.label(a)) → \(m.label(o))" + (tool.map { " via \(m.label($0))" } ?? "")
                            + " in \(m.label(ei))"))
            }
        }
        self.chains = chains
        // Entities per kind, and per department.
        var perKind: [String: Int] = [:]
        for i in ents { perKind[kindNames[lib.entities[i].kind], default: 0] += 1 }
        var perDept: [String: [String: Int]] = [:]
        for i in ents {
            let e = lib.entities[i]; perDept[m.dept(e) ?? "—", default: [:]][kindNames[e.kind], default: 0] += 1
        }
        perDepartment = perDept.keys.sorted().map { d in
            DepartmentRow(
                department: d,
                counts: perDept[d]!.keys.sorted().map { "\(perDept[d]![$0]!) \($0)" }.joined(separator: ", "),
                total: perDept[d]!.values.reduce(0, +))
        }
        // Integration status: the IDs the video's documents proposed, and whether they now exist.
        let docs = lib.documents.filter { $0.video == m.video }
        var proposed: [String: (ParsedID, String?)] = [:]
        for d in docs {
            for men in d.mentions where !lib.isScoped(men, in: d) || men.declaresScope {
                if proposed[men.id.key] == nil { proposed[men.id.key] = (men.id, men.label) }
            }
        }
        integration = proposed.sorted { $0.key < $1.key }.map { _, value in
            let found = lib.lookup(value.0).map { lib.entities[$0] }
            return Integration(
                id: value.0.written, label: value.1 ?? "", status: found == nil ? "❌ no file" : "✅ exists",
                file: found?.file ?? "—")
        }
        // Diagnostics that touch the video's entities.
        let files = Set(ents.map { lib.entities[$0].file } + docs.map(\.path))
        diagnostics = m.result.diagnostics.filter { $0.location.map { files.contains($0.file) } ?? false }.map { d in
            Finding(
                where: "\(d.location!.file):\(d.location!.line)", severity: d.severity.label, code: d.code,
                message: d.message)
        }
        video = m.video
        title = "\(m.video) Library Mapping Report"
        self.command = command
        entities = ents.count
        departments = Set(ents.compactMap { m.dept(lib.entities[$0]) }).sorted().joined(separator: ", ")
        self.perKind = perKind.keys.sorted().map { KindCount(kind: $0, count: perKind[$0]!) }
        self.tree = Markdown(tree.joined(separator: "\n"))
        hasTree = !tree.isEmpty
        self.mermaid = Markdown(mermaid.text)
        documents = docs.map(\.path).sorted().map { Document(path: $0, link: Markdown(display?.path($0) ?? $0)) }
    }
}
