import Foundation

/// Makes the site's pages, one job at a time (on every core): the page's context, its print, and unless
/// the previous run made a page of the same print, its HTML in the page frame.
struct SiteRenderer {
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

    /// A page: its path, its text (nil: unchanged since the last run, not rendered) and its print.
    struct Rendered {
        var path: String
        var text: String?
        var print: String?
    }

    let site: SiteData
    let root: String
    let templates: Templates
    let date: String?
    let known: PageMemory
    /// For the videos `gapReports` lacks.
    let analyzer: GapAnalyzer?
    let gapReports: [String: GapReport]
    /// File -> the entities it declares.
    let declared: [String: [Int]]
    /// The documents' text the compile kept.
    let documentText: [String: String]

    var lib: Library { site.lib }

    func render(_ job: SiteBuilder.Job) throws -> Rendered {
        switch job {
        case .home:
            return try page("index.html", "Library", "site/home.html", HomePage(site))
        case .diagnostics:
            return try page("diagnostics.html", "Findings", "site/diagnostics.html", DiagnosticsPage(site))
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
            return try page(path, ctx.id + (ctx.name.isEmpty ? "" : " " + ctx.name), "site/entity.html", ctx)
        case .kind(let k): return try kindPage(k)
        case .department(let d): return try departmentPage(d)
        case .video(let v): return try videoPage(site.tracker.videos[v])
        case .file(let p): return try filePage(p)
        }
    }

    /// A page in the frame, or nothing when its print is the previous run's.
    func page(_ path: String, _ title: String, _ template: String, _ context: some Encodable) throws -> Rendered {
        let value = try ReportValue.html(context)
        var h = StreamHash()
        h.add(value.fingerprint); h.add(title); h.add(known.templates)
        let print = h.hex
        if known.unchanged(path, print: print) { return Rendered(path: path, text: nil, print: print) }
        let body = try templates.render(template, value)
        let frame = SitePage(title: title, root: SitePaths.root(of: path), body: HTML(body), date: date)
        return Rendered(path: path, text: try templates.render("site/page.html", ReportValue.html(frame)), print: print)
    }

    func kindPage(_ k: Int) throws -> Rendered {
        let name = lib.config.kinds[k].name, path = SitePaths.kind(name)
        let members = site.byKind[k] ?? []
        return try page(
            path, "Kind \(name)", "site/list.html",
            ListPage(
                heading: "Kind \(name)", subtitle: "prefix \(lib.config.kinds[k].prefix)", entities: members,
                page: path,
                site: site))
    }

    func departmentPage(_ d: String) throws -> Rendered {
        let path = SitePaths.department(d)
        let members = site.byDepartment[d] ?? []
        return try page(
            path, "Department \(d)", "site/list.html",
            ListPage(
                heading: "Department \(d)", subtitle: site.departmentNames[d], entities: members, page: path, site: site
            ))
    }

    /// A video's page, with the gap analysis the build made, or one made here.
    func videoPage(_ video: PhaseTracker.Video) throws -> Rendered {
        let path = SitePaths.video(video.id)
        let gaps =
            gapReports[video.id]
            ?? analyzer.flatMap { a in
                try? Gaps.report(targets: [video.id], library: lib, root: root, command: "taxo site", analyzer: a)
            }
        return try page(path, video.id, "site/video.html", VideoPage(video, gaps: gaps, page: path, site: site))
    }

    /// A library file's page, from the text the compile kept, else the file.
    func filePage(_ p: String) throws -> Rendered {
        let path = site.paths.filePage(p)
        let text =
            documentText[p] ?? FileReader.read(root + "/" + p).map { SourceFile(path: p, rawBytes: $0).text } ?? ""
        return try page(
            path, p, "site/file.html", FilePage(p, text: text, entities: declared[p] ?? [], page: path, site: site))
    }
}
