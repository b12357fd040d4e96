/// What the site's pages are made from, computed once from the compiled library: page paths, backlinks,
/// mentions by ID, findings by file (each marked when the baseline holds it), departments, and the phase
/// tracker. A class: pages share it by reference (a copy of a struct this size retained every field).
final class SiteData {
    /// A finding and whether the library's baseline holds it (known before: it fails no check).
    struct Finding {
        let diagnostic: Diagnostic
        let known: Bool
    }

    let result: CompileResult
    let lib: Library
    let paths: SitePaths
    /// Entity -> the (entity, reference) pairs linking to it.
    let backlinks: [Int: [(entity: Int, reference: Int)]]
    /// Canonical key -> (document path, mention), in document order.
    let mentions: [String: [(String, Mention)]]
    /// Every finding, in the compile's order.
    let findings: [Finding]
    let findingsByFile: [String: [Finding]]
    /// The baseline file (relative to the root) when there is one: pages then tell new findings from known.
    let baselineFile: String?
    let tracker: PhaseTracker
    /// Department code -> name, from the configuration.
    let departmentNames: [String: String]
    /// The entities with a page, per kind and per department code, in library order.
    let byKind: [Int: [Int]]
    let byDepartment: [String: [Int]]
    /// Video ID -> the entities naming it in an integration field, in library order.
    let byVideo: [String: [Int]]
    /// Video ID -> the paths of its documents, sorted (its page lists them, its print hashes them).
    let documentPaths: [String: [String]]
    /// The names in records that link to nothing, grouped (the names page lists them, the home page counts).
    let unmatchedNames: [UnmatchedNameGroup]
    /// The kinds' names, sorted and each once, and each kind's place among them: links on a page are
    /// grouped by kind name in this order.
    let kindNames: [String]
    let kindRank: [Int]

    init(_ result: CompileResult, baseline: (file: String, value: Baseline)? = nil) {
        self.result = result
        let lib = result.library
        self.lib = lib
        // The pages' paths beside the links, mentions and names that link to nothing (each a pass over the
        // library).
        let (paths, (backlinks, mentions, unmatchedNames)) = Parallel.both(
            { SitePaths(lib) },
            {
                var men: [String: [(String, Mention)]] = [:]
                for d in lib.documents {
                    let own = lib.videoOwnKeys(of: d)
                    for m in d.mentions where !own.contains(m.id.key) {
                        men[m.id.key, default: []].append((d.path, m))
                    }
                }
                return (lib.backlinks(), men, lib.unmatchedNameGroups())
            })
        self.paths = paths
        self.backlinks = backlinks
        self.mentions = mentions
        self.unmatchedNames = unmatchedNames
        let held =
            baseline?.value.held(result.diagnostics, grammar: result.library.grammar)
            ?? Array(repeating: false, count: result.diagnostics.count)
        findings = zip(result.diagnostics, held).map { Finding(diagnostic: $0, known: $1) }
        var byFile: [String: [Finding]] = [:]
        for f in findings { if let file = f.diagnostic.location?.file { byFile[file, default: []].append(f) } }
        findingsByFile = byFile
        baselineFile = baseline?.file
        tracker = PhaseTracker(result: result)
        var names: [String: String] = [:]
        for d in lib.config.departments { names[d.code] = d.name }
        departmentNames = names
        var kinds: [Int: [Int]] = [:], departments: [String: [Int]] = [:]
        for i in lib.entities.indices where paths.entityPages[i] != nil {
            kinds[lib.entities[i].kind, default: []].append(i)
            if let d = lib.departmentCode(of: lib.entities[i]) { departments[d, default: []].append(i) }
        }
        byKind = kinds
        byDepartment = departments
        byVideo = lib.entitiesByVideo()
        kindNames = Set(lib.config.kinds.map(\.name)).sorted()
        let rank = Dictionary(uniqueKeysWithValues: kindNames.enumerated().map { ($1, $0) })
        kindRank = lib.config.kinds.map { rank[$0.name]! }
        let documents = result.library.documents
        documentPaths = result.library.documentsByVideo().mapValues { $0.map { documents[$0].path }.sorted() }
    }

    /// An entity's department as a configured code (`Library.departmentCode`).
    func department(of e: Entity) -> String? { lib.departmentCode(of: e) }

    /// The hierarchy below an entity, as nodes linking to the pages (cycles cut).
    func tree(_ i: Int, page: String) -> HierarchySVG.Node {
        var above: [Int] = []
        return tree(i, up: SitePaths.root(of: page), above: &above)
    }

    /// `above`: the entities on the way down to this one (an entity among them is drawn without children).
    func tree(_ i: Int, up: String, above: inout [Int]) -> HierarchySVG.Node {
        let kids = above.contains(i) ? [] : lib.hierarchy.children(of: i)
        let ordered = kids.map { (lib.displayID(at: $0), $0) }.sorted { $0 < $1 }.map(\.1)
        above.append(i)
        let children = ordered.map { tree($0, up: up, above: &above) }
        above.removeLast()
        return HierarchySVG.Node(
            label: lib.displayID(at: i) + (lib.entities[i].name.map { " " + $0 } ?? ""),
            link: paths.entityLink(i, up: up), kind: lib.config.kinds[lib.entities[i].kind].name, children: children)
    }
}
