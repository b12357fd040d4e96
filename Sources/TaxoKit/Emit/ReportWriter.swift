import Foundation

/// Writes the generated reports of `taxo build` under the output folder.
public enum ReportWriter {
    /// One gap report per video: `gaps/<video>_Gap_Analysis.md`. Returns the paths written.
    /// With `keep`, the reports made are also handed back by video (`taxo build --site` shows them on the
    /// videos' pages instead of analysing again).
    public static func writeGapReports(
        _ result: CompileResult, root: String, outDir: String, templates: Templates,
        libraryPrint: String? = nil, rewriteAll: Bool = false, keep: Locked<[String: GapReport]>? = nil
    ) throws -> [String] {
        let lib = result.library
        let videos = Set(lib.documents.compactMap(\.video)).sorted()
        guard !videos.isEmpty else { return [] }
        let dir = outDir + "/gaps"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // A report is rewritten only when its documents or the library's IDs and names changed.
        let manifestPath = dir + "/.manifest"
        let manifest = readManifest(manifestPath)
        let base = libraryPrint ?? fingerprint(lib, templates: templates)
        let prints = gapPrints(lib, base: base)
        let stale = videos.filter { v in
            rewriteAll || manifest[v]?.inputs != prints[v]
                || !FileManager.default.fileExists(atPath: dir + "/\(v)_Gap_Analysis.md")
        }
        // One analyzer (its name matcher and trigram index) for every video, the videos in parallel.
        let analyzer = stale.isEmpty ? nil : GapAnalyzer(library: lib)
        var outcomes: [Result<String, Error>] = []
        // The analyses are kept for `taxo site` and `taxo gaps`: the file is made again when a report is,
        // with the analyses of the others carried over (a build that remakes no report leaves it).
        let storePath = outDir + "/" + GapStore.fileName
        let remade = Set(stale)
        if !stale.isEmpty {
            let previousStore = remade.count < videos.count ? GapStore(path: storePath) : nil
            try FileWriter.replace(storePath) { fd in
                let store = GapStore.Writer(fd: fd)
                for v in videos where !remade.contains(v) {
                    store.carry(video: v, print: prints[v]!, from: previousStore)
                }
                // Each report is written as soon as it is made (they can be large: never all held at once).
                outcomes = Parallel.map(stale, minimum: 2, chunk: 1) { v -> Result<String, Error> in
                    Result {
                        var report = try Gaps.report(
                            targets: [v], library: lib, root: root, command: "taxo build (taxo gaps \(v))",
                            analyzer: analyzer)
                        store.add(video: v, print: prints[v]!, candidates: report.candidates, library: lib)
                        report.linksFrom = dir
                        if let keep { keep.withLock { $0[v] = report } }
                        let context = try report.context()
                        return try writeIfChanged(
                            context, template: "gap-analysis.md", templates: templates,
                            to: dir + "/\(v)_Gap_Analysis.md",
                            previous: rewriteAll ? nil : manifest[v]?.content)
                    }
                }
                try store.finish(path: storePath)
            }
        }
        try writeManifest(manifestPath, prints, contents: try contents(stale, outcomes, previous: manifest))
        return videos.map { dir + "/\($0)_Gap_Analysis.md" }
    }

    /// A report's line in a manifest: the fingerprint of what it is made from (to skip making it), and the
    /// fingerprint of its text (to leave the file untouched when it comes out the same).
    struct ManifestEntry {
        var inputs: String
        var content: String?
    }

    /// `name inputs [content]` lines recording what each report was made from.
    static func readManifest(_ path: String) -> [String: ManifestEntry] {
        var manifest: [String: ManifestEntry] = [:]
        if let data = FileReader.read(path) {
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let p = line.split(separator: " ")
                if p.count >= 2 {
                    manifest[String(p[0])] = ManifestEntry(
                        inputs: String(p[1]), content: p.count > 2 ? String(p[2]) : nil)
                }
            }
        }
        return manifest
    }

    static func writeManifest(_ path: String, _ prints: [String: String], contents: [String: String]) throws {
        let lines = prints.keys.sorted().map { "\($0) \(prints[$0]!)" + (contents[$0].map { " " + $0 } ?? "") + "\n" }
        try FileWriter.replace(path, with: lines.joined())
    }

    /// The content fingerprints after a run: the new ones of the reports made, the previous ones of the rest.
    static func contents(_ made: [String], _ outcomes: [Result<String, Error>], previous: [String: ManifestEntry])
        throws -> [String: String]
    {
        var out: [String: String] = [:]
        for (k, v) in previous { if let c = v.content { out[k] = c } }
        for (name, o) in zip(made, outcomes) { out[name] = try o.get() }
        return out
    }

    /// Renders a report and writes it unless its text's fingerprint is the one it was written with (the
    /// file keeps its time when nothing in it changed). Returns the fingerprint. (The text is hashed a word
    /// at a time, which costs less than hashing the context's tree member by member.)
    static func writeIfChanged(
        _ context: ReportValue, template: String, templates: Templates, to path: String, previous: String?
    ) throws -> String {
        // Rendered as bytes, hashed and written as they are (never made a String).
        let text = try templates.renderBytes(template, context)
        return try text.withUnsafeBytes { bytes in
            let print = Hashing.hex(Hashing.fnv1a(bytes))
            if print == previous, FileManager.default.fileExists(atPath: path) { return print }
            try write(bytes, to: path)
            return print
        }
    }

    /// What gap verdicts depend on besides the documents: every entity's key, ID as written, kind, name,
    /// file and aliases, the IDs declared in files that do not parse, the IDs documents announce, the
    /// configuration, the template, and taxo's version.
    public static func fingerprint(_ lib: Library, templates: Templates) -> String {
        var h = StreamHash()
        h.add(TaxoVersion.build); h.add(lib.config.hash); h.add(templates.source("gap-analysis.md"))
        for e in lib.entities {
            // The ID as shown too: a report names entities as their files write them.
            h.add(e.kind); h.add(e.id?.key ?? e.rawID); h.add(lib.displayID(e)); h.add(e.name); h.add(e.file)
            h.add(e.aliases.count)
            for a in e.aliases { h.add(a) }
        }
        // IDs declared in files that do not parse: a candidate naming one says where.
        for key in lib.broken.keys.sorted() {
            let b = lib.broken[key]!
            h.add(key); h.add(b.written); h.add(b.file); h.add(b.location?.line ?? 0); h.add(b.location?.column ?? 0)
        }
        // IDs any document announces are taken: they move every report's next free IDs.
        let announced = IDAllocator.announced(in: lib)
        h.add(announced.count)
        for id in announced { h.add(id.key) }
        return h.hex
    }

    /// Video -> the print of what its gap analysis is made from: `base` (`fingerprint`) and its documents
    /// (`hashes`: `fileHashes`, when the caller has them already).
    public static func gapPrints(_ lib: Library, base: String, hashes: [String: String]? = nil) -> [String: String] {
        let hashes = hashes ?? fileHashes(lib)
        var prints: [String: String] = [:]
        for (v, docs) in lib.documentsByVideo() {
            prints[v] = reportPrint(base, files: docs.map { lib.documents[$0].path }, hashes: hashes)
        }
        return prints
    }

    /// Path -> content hash of every file.
    static func fileHashes(_ lib: Library) -> [String: String] {
        var hashes: [String: String] = [:]
        hashes.reserveCapacity(lib.files.count)
        for i in lib.files.indices { hashes[lib.files[i].path] = lib.files[i].hash }
        return hashes
    }

    /// What a report was made from: the fingerprint shared by every report of its kind, and its own files
    /// with their content hashes.
    static func reportPrint(_ base: String, files: [String], hashes: [String: String]) -> String {
        var h = StreamHash()
        h.add(base)
        for f in Set(files).sorted() { h.add(f); h.add(hashes[f]) }
        return h.hex
    }

    static func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: path) }
    }

    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileWriter.replace(path, with: bytes)
    }

    /// The phase tracker: `VIDEOS_INDEX.md`.
    public static func writeTracker(_ result: CompileResult, root: String? = nil, outDir: String, templates: Templates)
        throws -> [String]
    {
        let path = outDir + "/VIDEOS_INDEX.md"
        let ctx = try PhaseTracker(result: result).context(
            command: "taxo build", root: root, linksFrom: root == nil ? nil : outDir)
        try write(try templates.render("videos-index.md", ctx), to: path)
        return [path]
    }

    /// The health report: `HEALTH.md`, with the trend since the previous build's index.
    public static func writeHealth(
        _ result: CompileResult, root: String? = nil, outDir: String, templates: Templates,
        previous: [String: String]?, baseline: (file: String, value: Baseline)? = nil
    ) throws -> [String] {
        let path = outDir + "/HEALTH.md"
        let context = try HealthReport(result: result, previous: previous, baseline: baseline).context(
            command: "taxo build", root: root, linksFrom: root == nil ? nil : outDir)
        try write(try templates.render("health.md", context), to: path)
        return [path]
    }

    /// One mapping report per video that entities name: `mapping/<video>_Library_Mapping_Report.md`.
    public static func writeMappingReports(
        _ result: CompileResult, root: String? = nil, outDir: String, templates: Templates,
        libraryPrint: String? = nil, globalHash: String? = nil, rewriteAll: Bool = false
    ) throws -> [String] {
        let lib = result.library
        let byVideo = lib.entitiesByVideo(), docsByVideo = lib.documentsByVideo()
        let videos = byVideo.keys.sorted()
        // A mapping report depends on the library's IDs and names, the whole-library tables (resolution,
        // diagnostics), and the files of the video's entities and documents: rewritten when one changed.
        let base =
            (libraryPrint ?? fingerprint(lib, templates: templates))
            + (globalHash ?? IndexWriter.globalRowsHash(result))
            + (templates.source("library-mapping.md") ?? "")
        let hashes = fileHashes(lib)
        var prints: [String: String] = [:]
        for v in videos {
            prints[v] = reportPrint(
                base,
                files: byVideo[v]!.map { lib.entities[$0].file }
                    + (docsByVideo[v] ?? []).map { lib.documents[$0].path },
                hashes: hashes)
        }
        let dir = outDir + "/mapping"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let manifestPath = dir + "/.manifest"
        let manifest = readManifest(manifestPath)
        let stale = videos.filter {
            rewriteAll || manifest[$0]?.inputs != prints[$0]
                || !FileManager.default.fileExists(atPath: dir + "/\($0)_Library_Mapping_Report.md")
        }
        let outcomes = Parallel.map(stale, minimum: 2, chunk: 1) { v -> Result<String, Error> in
            Result {
                let context = try MappingReport(
                    result: result, video: v, entities: byVideo[v], documents: docsByVideo[v] ?? []
                )
                .context(command: "taxo build", root: root, linksFrom: root == nil ? nil : dir)
                return try writeIfChanged(
                    context, template: "library-mapping.md", templates: templates,
                    to: dir + "/\(v)_Library_Mapping_Report.md",
                    previous: rewriteAll ? nil : manifest[v]?.content)
            }
        }
        try writeManifest(manifestPath, prints, contents: try contents(stale, outcomes, previous: manifest))
        return videos.map { dir + "/\($0)_Library_Mapping_Report.md" }
    }
}
