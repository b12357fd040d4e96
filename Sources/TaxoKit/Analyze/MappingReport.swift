import Foundation

/// Phase 7, generated: how a video's entities sit in the library, from the actual links.
public struct MappingReport {
    let result: CompileResult
    let video: String
    var lib: Library { result.library }

    let videoEntities: [Int]

    public init(result: CompileResult, video: String, entities: [Int]? = nil) {
        self.result = result
        self.video = video
        // Entities that name the video in an integration field.
        self.videoEntities = entities ?? result.library.entities.indices.filter { result.library.entities[$0].videos.contains(video) }
    }

    /// An entity's children in the hierarchy, by displayed ID.
    func kids(_ i: Int) -> [Int] {
        lib.hierarchy.children(of: i).map { (lib.displayID(lib.entities[$0]), $0) }.sorted { $0 < $1 }.map(\.1)
    }

    func label(_ i: Int) -> String {
        let e = lib.entities[i]
        return lib.displayID(e) + (e.name.map { " " + $0 } ?? "")
    }

    func dept(_ e: Entity) -> String? { e.department ?? e.id?.canonicalDepartment }

    /// With `root` and `linksFrom` (absolute folders), links are relative to where the report is written.
    public func context(command: String, root: String? = nil, linksFrom: String? = nil) -> [String: Any] {
        let display = root.flatMap { r in linksFrom.map { PathDisplay(root: r, workingDirectory: $0) } }
        let ents = videoEntities
        let kindNames = lib.config.kinds.map(\.name)
        let hierarchyTop = lib.config.hierarchy.first.flatMap { n in lib.config.kinds.firstIndex { $0.name == n } }
        let roots = ents.filter { lib.entities[$0].kind == hierarchyTop }
        // The text tree and the Mermaid diagram of the hierarchy.
        var tree: [String] = []
        var mermaid = Mermaid()
        func walk(_ i: Int, prefix: String, last: Bool, depth: Int, parentNode: String?) {
            let e = lib.entities[i]
            let line = depth == 0 ? label(i) : prefix + (last ? "└── " : "├── ") + label(i) + (dept(e).map { " (\($0))" } ?? "")
            tree.append(Cell.fenced(line))
            let node = mermaid.node(lib.displayID(e), label: label(i))
            if let p = parentNode { mermaid.edge(p, node) }
            let cs = kids(i)
            for (k, c) in cs.enumerated() {
                walk(c, prefix: depth == 0 ? "" : prefix + (last ? "    " : "│   "), last: k == cs.count - 1, depth: depth + 1, parentNode: node)
            }
        }
        for r in roots { walk(r, prefix: "", last: true, depth: 0, parentNode: nil) }
        // Tool -> milestone/task mapping.
        let toolKind = lib.config.kinds.firstIndex { $0.name == "tool" }
        var toolUse: [Int: Set<Int>] = [:]
        let inVideo = Set(ents)
        for (ei, e) in lib.entities.enumerated() where inVideo.contains(ei) && ["milestone", "task", "step"].contains(kindNames[e.kind]) {
            for (ri, _) in e.references.enumerated() { if let t = lib.targets[ei][ri], lib.entities[t].kind == toolKind { toolUse[t, default: []].insert(ei) } }
        }
        let tools: [[String: Any]] = toolUse.keys.sorted { lib.displayID(lib.entities[$0]) < lib.displayID(lib.entities[$1]) }.map { t in
            let uses = toolUse[t]!.map { lib.displayID(lib.entities[$0]) }.sorted()
            return ["tool": Cell.md(label(t)), "used_in": uses.joined(separator: ", ")]
        }
        // Action -> object chains from steps that name both.
        var chains: [[String: Any]] = []
        for ei in ents where kindNames[lib.entities[ei].kind] == "step" {
            let e = lib.entities[ei]
            var act: Int?, obj: Int?, tool: Int?
            for (ri, _) in e.references.enumerated() {
                guard let t = lib.targets[ei][ri] else { continue }
                switch kindNames[lib.entities[t].kind] {
                case "action": act = act ?? t
                case "object": obj = obj ?? t
                case "tool": tool = tool ?? t
                default: break
                }
            }
            if let a = act, let o = obj {
                chains.append(["chain": Cell.md("\(label(a)) → \(label(o))" + (tool.map { " via \(label($0))" } ?? "") + " in \(label(ei))")])
            }
        }
        // Entities per kind, and per department.
        var perKind: [String: Int] = [:]
        for i in ents { perKind[kindNames[lib.entities[i].kind], default: 0] += 1 }
        var perDept: [String: [String: Int]] = [:]
        for i in ents { let e = lib.entities[i]; perDept[dept(e) ?? "—", default: [:]][kindNames[e.kind], default: 0] += 1 }
        let deptRows: [[String: Any]] = perDept.keys.sorted().map { d in
            ["department": d, "counts": perDept[d]!.keys.sorted().map { "\(perDept[d]![$0]!) \($0)" }.joined(separator: ", "),
             "total": perDept[d]!.values.reduce(0, +)]
        }
        // Integration status: the IDs the video's documents proposed, and whether they now exist.
        var integration: [[String: Any]] = []
        let docs = lib.documents.filter { $0.video == video }
        var proposed: [String: (ParsedID, String?)] = [:]
        for d in docs { for m in d.mentions where !lib.isScoped(m, in: d) || m.declaresScope {
            if proposed[m.id.key] == nil { proposed[m.id.key] = (m.id, m.label) }
        } }
        for (_, (id, lbl)) in proposed.sorted(by: { $0.key < $1.key }) {
            let found = lib.lookup(id).map { lib.entities[$0] }
            integration.append(["id": id.written, "label": Cell.md(lbl ?? ""), "status": found == nil ? "❌ no file" : "✅ exists",
                                "file": found?.file ?? "—"])
        }
        // Diagnostics that touch the video's entities.
        let files = Set(ents.map { lib.entities[$0].file } + docs.map(\.path))
        let diags = result.diagnostics.filter { $0.location.map { files.contains($0.file) } ?? false }.map { d -> [String: Any] in
            ["where": "\(d.location!.file):\(d.location!.line)", "severity": d.severity.label, "code": d.code, "message": Cell.md(d.message)]
        }
        let depts = Set(ents.compactMap { dept(lib.entities[$0]) }).sorted()
        return [
            "video": video, "title": "\(video) Library Mapping Report", "command": command, "taxo_version": TaxoVersion.string,
            "entities": ents.count, "departments": depts.joined(separator: ", "),
            "per_kind": perKind.keys.sorted().map { ["kind": $0, "count": perKind[$0]!] },
            "tree": tree.joined(separator: "\n"), "has_tree": !tree.isEmpty, "mermaid": mermaid.text,
            "tools": tools, "chains": chains, "per_department": deptRows, "integration": integration,
            "diagnostics": diags, "documents": docs.map(\.path).sorted().map { ["path": $0, "link": display?.path($0) ?? $0] },
        ]
    }
}
