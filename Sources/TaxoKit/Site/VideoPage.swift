/// A video's page (`videos/<Video>.html`): its phases with their artifacts, its gap analysis (HIGH
/// priority first, evidence opening the document at the line), and the hierarchy it maps to, drawn.
struct VideoPage: Encodable {
    struct Phase: Encodable { var number: Int; var name, state: String; var artifacts: [SiteLink] }
    struct Candidate: Encodable {
        var priority, verdict, text: String
        var kind: String?
        var id: String?
        var library: SiteLink?
        var suggestedID: String?
        var note: String?
        var evidence: [SiteLink]
        /// How many more places there are (nil: none).
        var more: Int?
    }
    struct Summary: Encodable { var verdict: String; var count: Int }

    /// The video's ID (not `id`: a candidate without an ID would show the video's in its place).
    var video: String
    var title: String?
    var nextAction: String
    var phases: [Phase]
    var summary: [Summary]
    var candidates: [Candidate]
    var documents: [SiteLink]
    var tree: HierarchySVG.Drawing?
    var hasCandidates = false

    /// The page without its gap analysis (`show` adds one): what its print is made from, with what the
    /// analysis is made from.
    init(_ video: PhaseTracker.Video, page: String, site: SiteData) {
        let lib = site.lib
        self.video = video.id
        title = video.title
        nextAction = video.nextAction
        phases = video.phases.map { p in
            Phase(
                number: p.phase.number, name: p.phase.name, state: p.state.rawValue,
                artifacts: p.artifacts.map { a in
                    SiteLink(
                        text: a,
                        href: lib.inventory.files.contains(a) && Discovery.format(of: a) != nil
                            ? site.paths.fileLink(from: page, a) : "")
                })
        }
        documents = (site.documentPaths[video.id] ?? []).map {
            SiteLink(text: $0, href: site.paths.fileLink(from: page, $0))
        }
        let top = lib.config.hierarchy.first.flatMap { n in lib.config.kinds.firstIndex { $0.name == n } }
        let roots = (site.byVideo[video.id] ?? []).filter { lib.entities[$0].kind == top }
        tree = HierarchySVG.Drawing(roots.map { site.tree($0, page: page) }, title: video.id)
        summary = []
        candidates = []
    }

    /// Adds a gap analysis of the video's documents.
    mutating func show(_ gaps: GapReport?, page: String, site: SiteData) {
        let lib = site.lib
        let cs = gaps?.candidates ?? []
        summary = GapVerdict.allCases.map { v in
            Summary(verdict: v.rawValue, count: cs.filter { $0.verdict == v }.count)
        }
        .filter { $0.count > 0 }
        let up = SitePaths.root(of: page)
        // A document's name and page link, made once per page (its candidates' places are in a few documents).
        var links: [String: (name: String, link: String)] = [:]
        func place(_ file: String, line: Int) -> SiteLink {
            if links[file] == nil {
                links[file] = (String(PathDisplay.fileName(file)), site.paths.fileLink(from: page, file))
            }
            let d = links[file]!
            return SiteLink(text: d.name + ":" + String(line), href: SitePaths.atLine(d.link, line))
        }
        candidates = cs.map { c in
            let places = gaps?.places(c) ?? []
            let same = c.similar.isEmpty ? nil : "may be the same as " + GapReport.list(c.similar)
            let note = [c.note.isEmpty ? nil : c.note, same].compactMap { $0 }.joined(separator: "; ")
            return Candidate(
                priority: c.priority, verdict: c.verdict.rawValue, text: c.text,
                kind: c.kind.map { lib.config.kinds[$0].name }, id: c.id,
                library: c.libraryID.map { id in
                    SiteLink(
                        text: id + (c.libraryName.map { " " + $0 } ?? ""),
                        href: c.libraryEntity.flatMap { site.paths.entityLink($0, up: up) } ?? "")
                },
                suggestedID: c.suggestedID, note: note.isEmpty ? nil : note,
                evidence: places.prefix(5).map { i in place(c.occurrences[i].file, line: c.occurrences[i].line) },
                more: places.count > 5 ? places.count - 5 : nil)
        }
        hasCandidates = !candidates.isEmpty
    }
}
