import Foundation

/// `taxo site`: the compiled library as a static website under the output folder (`output/site/` by
/// default): a home page, a page per entity, kind, department, video and library file, every finding, the
/// names in records that link to nothing, and a search page. Pages come from `templates/site/` (a
/// library's own win); links are relative, nothing loads from the network, text is escaped once as
/// contexts are encoded, and a page is rewritten only when its bytes change (a page the last run listed in
/// `.taxo-site`; without that list every page is written once); when nothing the pages are
/// made from changed (files, findings, configuration, templates), nothing is rendered at all. Pages a
/// previous run wrote that are no longer made are removed (only those: the list is kept in `.taxo-site`).
public enum SiteBuilder {
    /// What a run did: pages made, written (their bytes changed) and removed.
    public struct Outcome: @unchecked Sendable {
        public var pages: Int
        public var written: Int
        public var removed: Int
        /// What the pages were made from, held by the outcome: a command about to exit keeps it
        /// (`KeepUntilExit`) instead of freeing it, tens of milliseconds on one core at 10k.
        let madeFrom: AnyObject?
    }

    enum Job {
        case home, diagnostics, names, search, searchIndex, asset(String)
        case entity(Int), kind(Int), department(String), video(Int), file(String)
    }

    static let assets = ["site/style.css", "site/site.js", "site/search.js"]
    static let pageTemplates = [
        "site/page.html", "site/home.html", "site/entity.html", "site/list.html", "site/video.html", "site/file.html",
        "site/diagnostics.html", "site/names.html", "site/search.html",
    ]
    static let manifestName = ".taxo-site"

    /// Writes the site. `date` (from `SOURCE_DATE_EPOCH`) is printed in the footer when given. `gapReports`
    /// are analyses already made (by `taxo build`), by video: a video's page shows them instead of analysing
    /// again; so are the analyses of `gapStore` (the last build's, `GapStore`) made from what a video's
    /// page would analyse now. With a `baseline` (its file relative to the root, and its findings), pages
    /// tell the findings it holds from new ones.
    public static func write(
        _ result: CompileResult, root: String, outDir: String, templates: Templates, date: String? = nil,
        gapReports: [String: GapReport] = [:], gapStore: GapStore? = nil,
        baseline: (file: String, value: Baseline)? = nil
    ) throws -> Outcome {
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        // Nothing the pages are made from changed since the last run, and they are all there: done.
        let inputs = fingerprint(result, templates: templates, date: date, baseline: baseline)
        let previous = readManifest(outDir)
        if previous.inputs == inputs, !previous.pages.isEmpty,
            previous.pages.allSatisfy({ FileManager.default.fileExists(atPath: outDir + "/" + $0) })
        {
            return Outcome(pages: previous.pages.count, written: 0, removed: 0, madeFrom: nil)
        }
        // A first run (no page listed) renders every video page: the ID allocator of those made from stored
        // analyses is made beside the rest.
        let (site, (inputPrints, allocator)) = SiteData.make(
            result, baseline: baseline,
            beside: {
                (
                    SiteRenderer.InputPrints(result.library, templates: templates),
                    previous.pages.isEmpty && gapStore != nil ? IDAllocator(library: result.library) : nil
                )
            })
        let lib = site.lib
        // The largest pages first (a video's, a kind's), taken one at a time: no core is left with a long
        // page at the end.
        var jobs: [Job] = site.tracker.videos.indices.map { Job.video($0) }
        jobs += lib.config.kinds.indices.map { Job.kind($0) }
        jobs += site.byDepartment.keys.sorted().map { Job.department($0) }
        jobs += [.home, .diagnostics, .names, .search, .searchIndex] + assets.map { Job.asset($0) }
        jobs += site.paths.entityPages.keys.sorted().map { Job.entity($0) }
        jobs += lib.files.map { Job.file($0.path) }
        var declared: [String: [Int]] = [:]
        for (i, e) in lib.entities.enumerated() { declared[e.file, default: []].append(i) }
        let documentText = Dictionary(lib.documents.compactMap { d in d.text.map { (d.path, $0) } }) { a, _ in a }
        let renderer = SiteRenderer(
            site: site, root: root, templates: templates, date: date,
            known: SiteRenderer.PageMemory(
                outDir: outDir, prints: previous.prints, templates: templatePrint(templates, date: date)),
            gapReports: gapReports, gapStore: gapStore, declared: declared, documentText: documentText,
            inputs: inputPrints, allocator: allocator)
        // Only a page the last run made is compared with what it holds (a first run opens no page to read).
        let madeBefore = Set(previous.pages)
        let folders = PageFolders(outDir)
        let outcomes = Parallel.map(jobs, minimum: 8, chunk: 1) { job -> Result<(String, String?, Bool), Error> in
            Result {
                let page = try renderer.render(job)
                guard let text = page.text else { return (page.path, page.print, false) }
                let written = try writeIfChanged(
                    text, page: page.path, in: folders, compare: madeBefore.contains(page.path))
                return (page.path, page.print, written)
            }
        }
        var made: [(path: String, print: String?)] = []
        made.reserveCapacity(outcomes.count)
        var written = 0
        for o in outcomes {
            let (path, print, changed) = try o.get()
            made.append((path, print))
            if changed { written += 1 }
        }
        // A first run removes nothing (and makes no set of its pages).
        let removed =
            previous.pages.isEmpty ? 0 : try removeStale(outDir, previous: previous.pages, keeping: made.map(\.path))
        made.sort { $0.path < $1.path }
        var manifest = Array(("inputs " + inputs + "\n").utf8)
        manifest.reserveCapacity(made.count * 64)
        for (path, print) in made {
            manifest += path.utf8
            if let print { manifest.append(UInt8(ascii: " ")); manifest += print.utf8 }
            manifest.append(UInt8(ascii: "\n"))
        }
        _ = try writeIfChanged(manifest, page: manifestName, in: folders, compare: true)
        return Outcome(pages: made.count, written: written, removed: removed, madeFrom: renderer)
    }

    /// Writes a page unless it holds these bytes already (looked at only when `compare`: a page the last run
    /// made; a page it did not is written over, as is every page of a site whose manifest is gone); whether
    /// it was written. Its folder is made when missing (`PageFolders`). A page cut short by a killed run
    /// differs from the next run's bytes, so it is written again then.
    static func writeIfChanged(_ bytes: [UInt8], page: String, in folders: PageFolders, compare: Bool) throws -> Bool {
        if compare, let old = MappedFile(path: folders.outDir + "/" + page), old.bytes.elementsEqual(bytes) {
            return false
        }
        let fd = try folders.create(page)
        defer { close(fd) }
        try bytes.withUnsafeBytes { try FileWriter.writeAll(fd, $0, path: folders.outDir + "/" + page) }
        return true
    }

    /// What every page is made from: taxo's version, the configuration, every file's content, the findings,
    /// the baseline, the templates and the date.
    static func fingerprint(
        _ result: CompileResult, templates: Templates, date: String?, baseline: (file: String, value: Baseline)?
    ) -> String {
        var h = StreamHash()
        h.add(TaxoVersion.build)
        h.add(result.library.config.hash)
        h.add(date)
        for name in pageTemplates + assets {
            h.add(templates.source(name))
        }
        for f in result.library.files { h.add(f.path); h.add(f.hash) }
        for d in result.diagnostics {
            h.add(d.code); h.add(d.location?.file); h.add(d.location?.line ?? 0); h.add(d.message); h.add(d.hint)
        }
        // The baseline's file and its findings (its JSON is sorted, so the same baseline prints the same).
        h.add(baseline?.file)
        h.add(baseline?.value.json())
        return h.hex
    }

    /// The previous run's manifest: what it was made from, its pages, and each page's print.
    static func readManifest(_ outDir: String) -> (inputs: String?, pages: [String], prints: [String: String]) {
        guard let data = FileReader.read(outDir + "/" + manifestName) else { return (nil, [], [:]) }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        var inputs: String?
        if let first = lines.first, first.hasPrefix("inputs ") {
            inputs = String(first.dropFirst("inputs ".count))
            lines.removeFirst()
        }
        var pages: [String] = [], prints: [String: String] = [:]
        for line in lines {
            // Page paths hold no spaces (`SitePaths.safe`); the print follows the last one.
            if let space = line.lastIndex(of: " ") {
                let page = String(line[..<space])
                pages.append(page)
                prints[page] = String(line[line.index(after: space)...])
            } else {
                pages.append(line)
            }
        }
        return (inputs, pages, prints)
    }

    /// What every page depends on besides its context: the templates and the date.
    static func templatePrint(_ templates: Templates, date: String?) -> String {
        var h = StreamHash()
        // A new taxo may draw or list differently from the same inputs: every page is made again.
        h.add(TaxoVersion.build)
        h.add(date)
        for name in pageTemplates { h.add(templates.source(name)) }
        return h.hex
    }

    /// Removes the pages the previous run listed that this one did not make.
    static func removeStale(_ outDir: String, previous: [String], keeping made: [String]) throws -> Int {
        let keep = Set(made)
        var removed = 0
        for p in previous where !keep.contains(p) && !p.contains("..") && !p.hasPrefix("/") {
            if (try? FileManager.default.removeItem(atPath: outDir + "/" + p)) != nil { removed += 1 }
        }
        return removed
    }
}
