import Foundation

/// The library's health: counts per kind and department, links, orphans, findings per rule with the
/// top files, complete hierarchy chains (workflow -> milestone -> task -> step by default), and the trend
/// against the previous build.
public struct HealthReport {
    let result: CompileResult
    /// `meta` of the previous index, when there was one.
    let previous: [String: String]?
    /// The library's baseline and its file as shown (the findings it holds are counted apart).
    let baseline: (file: String, value: Baseline)?

    /// The health of a compiled library; `previous` is the last build's index meta, for the trend; with a
    /// `baseline`, which findings are known.
    public init(result: CompileResult, previous: [String: String]?, baseline: (file: String, value: Baseline)? = nil) {
        self.result = result
        self.previous = previous
        self.baseline = baseline
    }

    /// A top entity of the hierarchy (a workflow) whose chain stops before the last level: how far its
    /// records reach (0: it has no child) and how many entities stand at that level.
    struct ChainGap {
        let entity: Int
        let depth: Int
        let reached: Int
    }

    /// How many top entities of the hierarchy (workflows) reach its last level (a step) through the levels
    /// between, and where each of the others stops, in ID order.
    func completeChains() -> (complete: Int, total: Int, incomplete: [ChainGap]) {
        let lib = result.library
        let h = lib.config.hierarchyKinds
        guard h.count >= 2 else { return (0, 0, []) }
        let edges = lib.hierarchy
        let tops = lib.entities.indices.filter { lib.entities[$0].kind == h[0] && lib.entities[$0].id != nil }
        var incomplete: [ChainGap] = []
        for t in tops {
            // Level by level: the chain is complete when some path reaches the last level.
            var level = [t]
            var depth = 0
            while depth < h.count - 1 {
                var seen = Set<Int>()
                let next = level.flatMap { edges.children(of: $0) }.filter { seen.insert($0).inserted }
                if next.isEmpty { break }
                level = next
                depth += 1
            }
            if depth < h.count - 1 { incomplete.append(ChainGap(entity: t, depth: depth, reached: level.count)) }
        }
        incomplete.sort { lib.displayID(lib.entities[$0.entity]) < lib.displayID(lib.entities[$1.entity]) }
        return (tops.count - incomplete.count, tops.count, incomplete)
    }

    /// The context of `templates/health.md.mustache` (`Report/HealthContext.swift`). With `root` and
    /// `linksFrom` (absolute folders), links to entities are relative to where the report is written.
    public func context(command: String, root: String? = nil, linksFrom: String? = nil) throws -> ReportValue {
        try ReportValue.make(HealthContext(self, command: command, links: ReportLinks(root: root, from: linksFrom)))
    }
}
