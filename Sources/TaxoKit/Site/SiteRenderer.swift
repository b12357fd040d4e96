import Foundation

/// Makes the site's pages, one job at a time (on every core): the page's context, its print, and unless
/// the previous run made a page of the same print, its HTML in the page frame.
final class SiteRenderer {
    /// What the previous run made: each page's print (its encoded context, title and the templates), to
    /// leave pages whose print is the same unrendered.
    struct PageMemory {
        let outDir: String
        let prints: [String: String]
        let templates: String

        func unchanged(_ path: String, print: String) -> Bool {
            prints[path] == print && FileManager.default.fileExists(atPath: outDir + "/" + path)
        }
    }

    /// A page: its path, its text as UTF-8 (nil: unchanged since the last run, not rendered) and its print.
    struct Rendered {
        var path: String
        var text: [UInt8]?
        var print: String?

        init(path: String, text: [UInt8]?, print: String? = nil) {
            self.path = path
            self.text = text
            self.print = print
        }

        init(path: String, text: String) { self.init(path: path, text: Array(text.utf8)) }
    }

    let site: SiteData
    let root: String
    let templates: Templates
    let date: String?
    let known: PageMemory
    /// For the videos `gapReports` lacks: made by the first video page that needs one.
    let analyzer = Locked<GapAnalyzer?>(nil)
    let gapReports: [String: GapReport]
    /// The last build's analyses, taken for a video whose print (`InputPrints.gap`) is the stored one.
    let gapStore: GapStore?
    /// The library's next free IDs for reports made from stored analyses: made once, beside the site's data
    /// (a first run) or by the first page that needs it.
    let allocator: Locked<IDAllocator?>
    /// File -> the entities it declares.
    let declared: [String: [Int]]
    /// The documents' text the compile kept.
    let documentText: [String: String]
    /// Prints of what pages are made from, made once per run (see `InputPrints`).
    let inputs: InputPrints

    /// What file and video pages are made from, for prints made without making their contexts: a file's
    /// content hash stands for its listing; what `taxo build` remakes a gap report for (the library's IDs
    /// as keyed and as written, which also decide the entity pages' names, names, aliases and broken
    /// declarations) with a video's documents stands for its gap analysis.
    struct InputPrints {
        let contentHashes: [String: String]
        let gapBase: String
        /// Video -> what its gap analysis is made from (as `taxo build` prints it, see `GapStore`).
        let gap: [String: String]

        init(_ lib: Library, templates: Templates) {
            contentHashes = ReportWriter.fileHashes(lib)
            gapBase = ReportWriter.fingerprint(lib, templates: templates)
            gap = ReportWriter.gapPrints(lib, base: gapBase, hashes: contentHashes)
        }
    }

    /// A class: the page jobs' closures capture it with one retain, not a copy of every field.
    init(
        site: SiteData, root: String, templates: Templates, date: String?, known: PageMemory,
        gapReports: [String: GapReport], gapStore: GapStore?, declared: [String: [Int]],
        documentText: [String: String], inputs: InputPrints, allocator: IDAllocator? = nil
    ) {
        self.allocator = Locked(allocator)
        self.site = site
        self.root = root
        self.templates = templates
        self.date = date
        self.known = known
        self.gapReports = gapReports
        self.gapStore = gapStore
        self.declared = declared
        self.documentText = documentText
        self.inputs = inputs
    }

    var lib: Library { site.lib }

    func render(_ job: SiteBuilder.Job) throws -> Rendered {
        switch job {
        case .home:
            return try page("index.html", "Library", "site/home.html", HomePage(site))
        case .diagnostics:
            return try page("diagnostics.html", "Findings", "site/diagnostics.html", DiagnosticsPage(site))
        case .names:
            return try page(NamesPage.path, "Names that link to nothing", "site/names.html", NamesPage(site))
        case .search:
            return try page("search.html", "Search", "site/search.html", SiteLink(text: "", href: ""))
        case .searchIndex:
            return Rendered(path: "search-index.js", text: SearchIndex.script(site))
        case .asset(let name):
            guard let text = templates.source(name) else { throw TaxoError.template("no template '\(name)'") }
            return Rendered(path: String(name.dropFirst("site/".count)), text: text)
        case .entity(let i):
            let path = site.paths.entityPages[i]!
            let ctx = EntityPage(i, page: path, site: site)
            return try page(
                path, ctx.id + (ctx.name.isEmpty ? "" : " " + ctx.name), "site/entity.html", ctx, tree: \.templateTree)
        case .kind(let k): return try kindPage(k)
        case .department(let d): return try departmentPage(d)
        case .video(let v): return try videoPage(site.tracker.videos[v])
        case .file(let p): return try filePage(p)
        }
    }

    /// A page in the frame, or nothing when its print is the previous run's. A context that makes its own
    /// tree (`EntityPage.templateTree`, made directly) is printed from that tree and rendered from it (one
    /// walk instead of a print through its encoding and then the tree); another is printed as it encodes,
    /// without its tree (most pages of a run are unchanged), and rendered from its encoding.
    func page<C: Encodable>(
        _ path: String, _ title: String, _ template: String, _ context: C, tree: ((C) -> ReportValue)? = nil
    ) throws -> Rendered {
        var h = StreamHash()
        let made = tree?(context)
        if let made {
            h.add("tree"); made.add(to: &h)
        } else {
            h.add("context"); h.add(try PrintEncoder.print(context))
        }
        h.add(title); h.add(known.templates)
        let print = h.hex
        if known.unchanged(path, print: print) { return Rendered(path: path, text: nil, print: print) }
        return try framed(path, title, template, try made ?? ReportValue.html(context), print: print)
    }

    /// A page whose print is made from what it is made from (`inputs`), its context made only when that
    /// print is not the previous run's.
    func page<C: Encodable>(
        _ path: String, _ title: String, _ template: String, inputs: String, context: () throws -> C,
        tree: ((C) -> ReportValue)? = nil
    ) throws -> Rendered {
        var h = StreamHash()
        h.add("inputs"); h.add(inputs); h.add(title); h.add(known.templates)
        let print = h.hex
        if known.unchanged(path, print: print) { return Rendered(path: path, text: nil, print: print) }
        let c = try context()
        return try framed(path, title, template, try tree?(c) ?? ReportValue.html(c), print: print)
    }

    /// A page's context rendered and put into the frame: the frame is rendered around a mark, and the
    /// page's bytes are rendered where the mark is (no page is made a String, checked as UTF-8, and rendered
    /// again inside the frame, nor rendered apart and copied into it).
    func framed(_ path: String, _ title: String, _ template: String, _ value: ReportValue, print: String) throws
        -> Rendered
    {
        let frame = SitePage(
            title: title, root: SitePaths.root(of: path), body: HTML(SiteRenderer.bodyMark), date: date)
        let outer = try templates.renderBytes("site/page.html", frame.templateTree)
        let text = try SiteRenderer.splice(into: outer) { out in try templates.render(template, value, into: &out) }
        return Rendered(path: path, text: text, print: print)
    }

    /// Where the frame puts a page's body: text no frame value holds (they are escaped, so none has a `<`).
    static let bodyMark = "<\u{0}taxo-page-body\u{0}>"
    static let bodyMarkBytes = Array(bodyMark.utf8)

    /// The frame with every mark replaced by the body, which `body` appends at the first mark (and which is
    /// copied to any other).
    static func splice(into frame: [UInt8], body: (inout [UInt8]) throws -> Void) rethrows -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(frame.count + 16_384)
        var i = 0
        var written: Range<Int>?
        try frame.withUnsafeBufferPointer { f in
            while let at = ByteSearch.find(bodyMarkBytes, in: f, from: i) {
                out.append(contentsOf: f[i..<at])
                if let written {
                    out.append(contentsOf: out[written])
                } else {
                    let start = out.count
                    try body(&out)
                    written = start..<out.count
                }
                i = at + bodyMarkBytes.count
            }
            out.append(contentsOf: f[i...])
        }
        return out
    }

    func kindPage(_ k: Int) throws -> Rendered {
        let name = lib.config.kinds[k].name, path = SitePaths.kind(name)
        let members = site.byKind[k] ?? []
        return try page(
            path, "Kind \(name)", "site/list.html",
            ListPage(
                heading: "Kind \(name)", subtitle: "prefix \(lib.config.kinds[k].prefix)", entities: members,
                page: path,
                site: site), tree: \.templateTree)
    }

    func departmentPage(_ d: String) throws -> Rendered {
        let path = SitePaths.department(d)
        let members = site.byDepartment[d] ?? []
        return try page(
            path, "Department \(d)", "site/list.html",
            ListPage(
                heading: "Department \(d)", subtitle: site.departmentNames[d], entities: members, page: path, site: site
            ), tree: \.templateTree)
    }

    /// A video's page, with the gap analysis the build made, or one made here (only when what the page is
    /// made from changed: the page without its analysis, and what the analysis is made from).
    func videoPage(_ video: PhaseTracker.Video) throws -> Rendered {
        let path = SitePaths.video(video.id)
        var context = VideoPage(video, page: path, site: site)
        var h = StreamHash()
        h.add("video page 1"); h.add(try PrintEncoder.print(context)); h.add(inputs.gapBase)
        for d in site.documentPaths[video.id] ?? [] {
            h.add(d); h.add(inputs.contentHashes[d]); h.add(site.paths.filePage(d))
        }
        return try page(path, video.id, "site/video.html", inputs: h.hex) {
            let gaps =
                gapReports[video.id] ?? storedReport(video.id)
                ?? (try? Gaps.report(
                    targets: [video.id], library: lib, root: root, command: "taxo site", analyzer: gapAnalyzer()))
            context.show(gaps, page: path, site: site)
            return context
        } tree: {
            $0.templateTree
        }
    }

    /// A video's report from the last build's analysis, when it was made from what the page shows now
    /// (without snippets: its page shows each candidate's places, not their lines).
    func storedReport(_ video: String) -> GapReport? {
        guard let store = gapStore, let print = inputs.gap[video] else { return nil }
        let base = allocator.withLock { a in
            if let a { return a }
            let made = IDAllocator(library: lib)
            a = made
            return made
        }
        return try? Gaps.storedReport(
            video: video, print: print, store: store, library: lib, root: root, command: "taxo site", allocator: base,
            texts: documentText, snippets: false)
    }

    /// The analyzer the video pages share, made once.
    func gapAnalyzer() -> GapAnalyzer {
        analyzer.withLock { a in
            if let a { return a }
            let made = GapAnalyzer(library: lib)
            a = made
            return made
        }
    }

    /// A library file's page, from the text the compile kept, else the file: read and listed only when the
    /// page without its listing (its tree, made directly), or the file's content hash, changed.
    func filePage(_ p: String) throws -> Rendered {
        let path = site.paths.filePage(p)
        var context = FilePage(p, entities: declared[p] ?? [], page: path, site: site)
        var h = StreamHash()
        h.add("file page 2"); context.templateTree.add(to: &h); h.add(inputs.contentHashes[p])
        return try page(path, p, "site/file.html", inputs: h.hex) {
            context.list(
                documentText[p] ?? FileReader.read(root + "/" + p).map { SourceFile(path: p, rawBytes: $0).text } ?? "")
            return context
        } tree: {
            $0.templateTree
        }
    }
}
