/// What the site's pages are made from, computed once from the compiled library: page paths, backlinks,
/// mentions by ID, findings by file, departments, and the phase tracker.
struct SiteData {
    let result: CompileResult
    let lib: Library
    let paths: SitePaths
    /// Entity -> the (entity, reference) pairs linking to it.
    let backlinks: [Int: [(entity: Int, reference: Int)]]
    /// Canonical key -> (document path, mention), in document order.
    let mentions: [String: [(String, Mention)]]
    let diagnosticsByFile: [String: [Diagnostic]]
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

    init(_ result: CompileResult) {
        self.result = result
        lib = result.library
        paths = SitePaths(lib)
        backlinks = lib.backlinks()
        var men: [String: [(String, Mention)]] = [:]
        for d in lib.documents {
            let own = lib.videoOwnKeys(of: d)
            for m in d.mentions where !own.contains(m.id.key) {
                men[m.id.key, default: []].append((d.path, m))
            }
        }
        mentions = men
        var byFile: [String: [Diagnostic]] = [:]
        for d in result.diagnostics { if let f = d.location?.file { byFile[f, default: []].append(d) } }
        diagnosticsByFile = byFile
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
        let documents = result.library.documents
        documentPaths = result.library.documentsByVideo().mapValues { $0.map { documents[$0].path }.sorted() }
        unmatchedNames = lib.unmatchedNameGroups()
    }

    /// An entity's department as a configured code (`Library.departmentCode`).
    func department(of e: Entity) -> String? { lib.departmentCode(of: e) }

    /// The hierarchy below an entity, as nodes linking to the pages (cycles cut).
    func tree(_ i: Int, page: String, seen: Set<Int> = []) -> HierarchySVG.Node {
        let e = lib.entities[i]
        let kids = seen.contains(i) ? [] : lib.hierarchy.children(of: i)
        let ordered = kids.map { (lib.displayID(lib.entities[$0]), $0) }.sorted { $0 < $1 }.map(\.1)
        return HierarchySVG.Node(
            label: lib.displayID(e) + (e.name.map { " " + $0 } ?? ""),
            link: paths.entityPages[i].map { SitePaths.link(from: page, to: $0) }, kind: lib.kindName(e),
            children: ordered.map { tree($0, page: page, seen: seen.union([i])) })
    }
}
