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
    /// Entity -> the hierarchy below it drawn from a page one folder down (`../`: entity and video pages,
    /// the pages that draw hierarchies), made once: a page draws its entity's subtree, which the pages of
    /// the entities above it draw too (nil for an entity without children).
    let treesFromFolder: [HierarchySVG.Node?]

    convenience init(_ result: CompileResult, baseline: (file: String, value: Baseline)? = nil) {
        self.init(result, baseline: baseline, beside: {})
    }

    /// The site's data, and what `beside` makes meanwhile (on the core the page paths and hierarchy
    /// subtrees leave free; everything here is made before any page can be rendered).
    static func make<T>(
        _ result: CompileResult, baseline: (file: String, value: Baseline)?, beside: () -> T
    ) -> (SiteData, T) {
        var made: T?
        let site = SiteData(result, baseline: baseline, beside: { made = beside() })
        return (site, made!)
    }

    private init(_ result: CompileResult, baseline: (file: String, value: Baseline)?, beside: () -> Void) {
        self.result = result
        let lib = result.library
        self.lib = lib
        // The pages' paths and the hierarchy subtrees on one core; on the other the links, mentions, names
        // that link to nothing, findings, tracker and videos (each a pass over the library), and `beside`.
        let ((paths, trees), rest) = Parallel.both(
            {
                let paths = SitePaths(lib)
                return (paths, SiteData.trees(lib, paths: paths))
            },
            {
                var men: [String: [(String, Mention)]] = [:]
                for d in lib.documents {
                    let own = lib.videoOwnKeys(of: d)
                    for m in d.mentions where !own.contains(m.id.key) {
                        men[m.id.key, default: []].append((d.path, m))
                    }
                }
                let held =
                    baseline?.value.held(result.diagnostics, grammar: lib.grammar)
                    ?? Array(repeating: false, count: result.diagnostics.count)
                let findings = zip(result.diagnostics, held).map { Finding(diagnostic: $0, known: $1) }
                var byFile: [String: [Finding]] = [:]
                for f in findings { if let file = f.diagnostic.location?.file { byFile[file, default: []].append(f) } }
                let documents = lib.documents
                let documentPaths = lib.documentsByVideo().mapValues { $0.map { documents[$0].path }.sorted() }
                beside()
                return (
                    backlinks: lib.backlinks(), mentions: men, names: lib.unmatchedNameGroups(), findings: findings,
                    byFile: byFile, tracker: PhaseTracker(result: result), byVideo: lib.entitiesByVideo(),
                    documentPaths: documentPaths
                )
            })
        self.paths = paths
        self.treesFromFolder = trees
        backlinks = rest.backlinks
        mentions = rest.mentions
        unmatchedNames = rest.names
        findings = rest.findings
        findingsByFile = rest.byFile
        baselineFile = baseline?.file
        tracker = rest.tracker
        byVideo = rest.byVideo
        documentPaths = rest.documentPaths
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
        kindNames = Set(lib.config.kinds.map(\.name)).sorted()
        let rank = Dictionary(uniqueKeysWithValues: kindNames.enumerated().map { ($1, $0) })
        kindRank = lib.config.kinds.map { rank[$0.name]! }
    }

    /// An entity's department as a configured code (`Library.departmentCode`).
    func department(of e: Entity) -> String? { lib.departmentCode(of: e) }

    /// The hierarchy below an entity, as nodes linking to the pages (cycles cut).
    func tree(_ i: Int, page: String) -> HierarchySVG.Node {
        let up = SitePaths.root(of: page)
        if up == "../", i < treesFromFolder.count, let made = treesFromFolder[i] { return made }
        var above: [Int] = []
        var memo: [HierarchySVG.Node?] = []
        return SiteData.tree(i, lib: lib, paths: paths, up: up, above: &above, memo: &memo).node
    }

    /// The subtree of every entity with children, from a page one folder down (`treesFromFolder`): each
    /// made once, from its children's.
    static func trees(_ lib: Library, paths: SitePaths) -> [HierarchySVG.Node?] {
        var memo = [HierarchySVG.Node?](repeating: nil, count: lib.entities.count)
        var above: [Int] = []
        for i in lib.entities.indices where memo[i] == nil && !lib.hierarchy.children(of: i).isEmpty {
            _ = tree(i, lib: lib, paths: paths, up: "../", above: &above, memo: &memo)
        }
        // Only entities with children keep theirs (a leaf is drawn only below another).
        for i in memo.indices where memo[i] != nil && lib.hierarchy.children(of: i).isEmpty { memo[i] = nil }
        return memo
    }

    /// The subtree below an entity, and whether a cycle was cut in it. `above`: the entities on the way down
    /// to this one (an entity among them is drawn without children). `memo` (empty: none kept) holds the
    /// subtrees made so far, which are the same wherever they are drawn unless a cycle was cut in them.
    static func tree(
        _ i: Int, lib: Library, paths: SitePaths, up: String, above: inout [Int], memo: inout [HierarchySVG.Node?]
    ) -> (node: HierarchySVG.Node, cut: Bool) {
        if i < memo.count, let made = memo[i] { return (made, false) }
        let inCycle = above.contains(i)
        let ordered = inCycle ? [] : lib.childrenByID(of: i)
        above.append(i)
        var cut = inCycle
        let children = ordered.map { c in
            let (node, cutBelow) = tree(c, lib: lib, paths: paths, up: up, above: &above, memo: &memo)
            cut = cut || cutBelow
            return node
        }
        above.removeLast()
        let node = HierarchySVG.Node(
            label: lib.label(at: i),
            link: paths.entityLink(i, up: up), kind: lib.config.kinds[lib.entities[i].kind].name, children: children)
        if !cut, i < memo.count { memo[i] = node }
        return (node, cut)
    }
}
