import Foundation

/// The library's health: counts per kind and department, links, orphans, findings per rule with the
/// top files, complete WRF -> MLS -> TSK -> STP chains, and the trend against the previous build.
public struct HealthReport {
    let result: CompileResult
    /// `meta` of the previous index, when there was one.
    let previous: [String: String]?

    public init(result: CompileResult, previous: [String: String]?) {
        self.result = result
        self.previous = previous
    }

    /// How many workflows reach a step through milestone and task.
    func completeChains() -> (complete: Int, total: Int, incomplete: [String]) {
        let lib = result.library
        let h = lib.config.hierarchy.compactMap { n in lib.config.kinds.firstIndex { $0.name == n } }
        guard h.count >= 2 else { return (0, 0, []) }
        let edges = lib.hierarchy
        func reaches(_ i: Int, _ depth: Int) -> Bool {
            if depth == h.count - 1 { return true }
            return edges.children(of: i).contains { reaches($0, depth + 1) }
        }
        let tops = lib.entities.indices.filter { lib.entities[$0].kind == h[0] && lib.entities[$0].id != nil }
        let incomplete = tops.filter { !reaches($0, 0) }.map { lib.displayID(lib.entities[$0]) }.sorted()
        return (tops.count - incomplete.count, tops.count, incomplete)
    }

    public func context(command: String) -> [String: Any] {
        let lib = result.library
        let kinds = lib.config.kinds.map(\.name)
        var perKind: [String: Int] = [:], perDept: [String: Int] = [:]
        var kindCounts = [Int](repeating: 0, count: kinds.count)
        var archived = 0
        // Department names as the configuration knows them (codes, aliases and names merge into one row).
        var byName: [String: String] = [:]
        for d in lib.config.departments { byName[d.name.lowercased()] = d.code }
        func department(_ e: Entity) -> String {
            if let c = e.id?.canonicalDepartment { return c }
            guard let v = e.department?.trimmingSpaces(), !v.isEmpty else { return "—" }
            return lib.grammar.canonicalDepartment(v.uppercased()) ?? byName[v.lowercased()] ?? "unknown: \(v)"
        }
        for e in lib.entities {
            // Archived entities resolve references but are not part of the live library's counts.
            if lib.config.looksArchived(e.file) { archived += 1; continue }
            kindCounts[e.kind] += 1
            perDept[department(e), default: 0] += 1
        }
        for (k, n) in zip(kinds, kindCounts) where n > 0 { perKind[k, default: 0] += n }
        // Referenced or mentioned entities (a mention names a key: every entity declaring it counts).
        var used = [Bool](repeating: false, count: lib.entities.count)
        var refs = 0, dangling = 0
        for t in lib.targets {
            refs += t.count
            for x in t { if let x { used[x] = true } else { dangling += 1 } }
        }
        for d in lib.documents { for m in d.mentions { for i in lib.table[m.id.key] ?? [] { used[i] = true } } }
        var mentionedKeys: Set<String>?
        let orphans = lib.entities.indices.filter { i in
            guard !used[i], let key = lib.entities[i].id?.key else { return false }
            // Entities the table holds were marked above; an archived duplicate it leaves out is checked by key.
            if lib.table[key]?.contains(i) == true { return true }
            if mentionedKeys == nil { mentionedKeys = Set(lib.documents.flatMap { $0.mentions.map(\.id.key) }) }
            return !mentionedKeys!.contains(key)
        }
        var rules: [String: (Severity, Int, [String: Int])] = [:]
        for d in result.diagnostics {
            var r = rules[d.code] ?? (d.severity, 0, [:])
            r.1 += 1
            r.0 = max(r.0, d.severity)
            if let f = d.location?.file { r.2[f, default: 0] += 1 }
            rules[d.code] = r
        }
        let ruleRows: [[String: Any]] = rules.keys.sorted { (rules[$0]!.1, $1) > (rules[$1]!.1, $0) }.map { code in
            let (sev, n, files) = rules[code]!
            let top = files.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { "\($0.key) (\($0.value))" }
            return ["code": code, "name": RuleRegistry.rule(code)?.name ?? "", "severity": sev.label, "count": n,
                    "top_files": Cell.md(top.joined(separator: ", "))]
        }
        let chains = completeChains()
        var trend: [[String: Any]] = []
        let now: [(String, Int)] = [("entities", lib.entities.count), ("references", refs), ("dangling", dangling),
                                    ("errors", result.summary.errors), ("warnings", result.summary.warnings)]
        if let p = previous {
            for (k, v) in now {
                guard let old = p[k].flatMap(Int.init) else { continue }
                let d = v - old
                trend.append(["metric": k, "previous": old, "now": v, "change": d == 0 ? "=" : (d > 0 ? "+\(d)" : "\(d)")])
            }
        }
        return [
            "title": "Library Health", "command": command, "taxo_version": TaxoVersion.string,
            "files": lib.files.count, "entities": lib.entities.count, "documents": lib.documents.count,
            "per_kind": perKind.keys.sorted().map { ["kind": $0, "count": perKind[$0]!] },
            "per_department": perDept.keys.sorted { ($0.hasPrefix("unknown: ") ? 1 : 0, $0) < ($1.hasPrefix("unknown: ") ? 1 : 0, $1) }
                .map { ["department": Cell.md($0), "count": perDept[$0]!] },
            "archived": archived, "has_archived": archived > 0,
            "references": refs, "resolved": refs - dangling, "dangling": dangling, "orphans": orphans.count,
            "orphan_list": orphans.prefix(20).map { ["id": lib.displayID(lib.entities[$0]), "kind": kinds[lib.entities[$0].kind], "file": lib.entities[$0].file] },
            "errors": result.summary.errors, "warnings": result.summary.warnings, "notes": result.summary.notes,
            "rules": ruleRows, "chains_complete": chains.complete, "chains_total": chains.total,
            "chains_text": "\(chains.total) workflow\(chains.total == 1 ? " has" : "s have")",
            "chains_incomplete": chains.incomplete.prefix(20).map { ["id": $0] },
            "has_trend": !trend.isEmpty, "trend": trend, "previous_build": previous?["build_time"] ?? "",
        ]
    }
}
