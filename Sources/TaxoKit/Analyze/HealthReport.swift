import Foundation

/// The library's health: counts per kind and department, links, orphans, findings per rule with the
/// top files, complete WRF -> MLS -> TSK -> STP chains, and the trend against the previous build.
public struct HealthReport {
    let result: CompileResult
    /// `meta` of the previous index, when there was one.
    let previous: [String: String]?

    /// The health of a compiled library; `previous` is the last build's index meta, for the trend.
    public init(result: CompileResult, previous: [String: String]?) {
        self.result = result
        self.previous = previous
    }

    /// How many workflows reach a step through milestone and task.
    func completeChains() -> (complete: Int, total: Int, incomplete: [String]) {
        let lib = result.library
        let h = lib.config.hierarchyKinds
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

    /// The context of `templates/health.md.mustache` (`Report/HealthContext.swift`). With `root` and
    /// `linksFrom` (absolute folders), links to entities are relative to where the report is written.
    public func context(command: String, root: String? = nil, linksFrom: String? = nil) throws -> ReportValue {
        try ReportValue.make(HealthContext(self, command: command, links: ReportLinks(root: root, from: linksFrom)))
    }
}
