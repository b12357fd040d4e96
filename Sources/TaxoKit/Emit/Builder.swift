import Foundation

/// `taxo build`: compile, then write the index (incrementally when the previous index and cache allow)
/// and the extraction cache into the output folder. Never writes inside the library's roots.
public enum Builder {
    /// What a build did: the compile, the index written, and the reports.
    public struct Outcome {
        public var result: CompileResult
        public var indexPath: String
        public var incremental: Bool
        public var reparsed: Int
        public var timings: [StageTiming]
        public var reports: [String] = []
        /// The gap reports made by this build, by video (only with `keepGapReports`).
        public var gapReports: [String: GapReport] = [:]
    }

    /// `beforeCommit` runs right before the index is committed or renamed into place (a test hook: the CLI's
    /// crash test pauses there). With a `baseline` (its file as shown, and its findings), the health report
    /// counts the findings it holds apart.
    public static func build(
        root: String, config: Config, outDir: String, noCache: Bool = false, buildTime: String,
        templates: Templates? = nil, keepGapReports: Bool = false, allRecords: Bool = false,
        baseline: (file: String, value: Baseline)? = nil, beforeCommit: (() -> Void)? = nil
    ) throws -> Outcome {
        var startClock = StageClock()
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        removeStaleTemporaries(in: outDir)
        let index = outDir + "/index.sqlite"
        let cachePath = outDir + "/" + ExtractionCache.fileName
        // The previous index: its meta gives the health report's trend; its files, with --no-cache ignored,
        // what an incremental build may keep.
        let stored = IndexWriter.previous(at: index, configHash: config.hash, files: !noCache)
        let previousMeta = stored?.meta
        let previous = noCache ? nil : stored
        startClock.lap("previous index")
        let cache = previous?.usable == true ? ExtractionCache(path: cachePath, configHash: config.hash) : nil
        startClock.lap("load cache")
        var options = CompileOptions()
        options.allRecords = allRecords
        let jobs = Jobs()
        defer { jobs.waitQuietly() }
        let writeCache: @Sendable ([FileResult], ExtractionCache?) -> Void = { files, previous in
            jobs.add(background: true) {
                try ExtractionCache.write(files, to: cachePath, configHash: config.hash, previous: previous); return []
            }
        }
        // Without a cache to read, nothing is compiled again below: the cache is written from the files' results
        // while the library is resolved and validated (steps that leave a core idle at times).
        if cache == nil { options.extracted = { writeCache($0, nil) } }
        var result = Compiler.compile(root: root, config: config, keepContent: true, cache: cache, options: options)
        // Files taken from the cache must be the ones the previous index holds; otherwise start over.
        var changes: (changed: Set<String>, removed: Set<String>)?
        if let previous, previous.usable, cache != nil {
            changes = previous.changes(for: result.library.files)
            if changes == nil { result = Compiler.compile(root: root, config: config, keepContent: true) }
        }
        let incremental = changes != nil
        var clock = StageClock()
        // The cache and the reports are written on other threads (every report anew with --no-cache) while
        // SQLite (single-threaded) writes the index; the fingerprints they compare are computed once, first.
        let tpl = templates ?? Templates(directory: root + "/templates")
        let globalHash = IndexWriter.globalRowsHash(result)
        let kept = keepGapReports ? Locked<[String: GapReport]>([:]) : nil
        addReportJobs(
            jobs, result, root: root, outDir: outDir, templates: tpl, previousMeta: previousMeta,
            globalHash: globalHash,
            rewriteAll: noCache, keep: kept, baseline: baseline)
        if cache != nil { writeCache(result.library.files, incremental ? cache : nil) }
        if let changes {
            try IndexWriter.update(
                result, changes: changes, at: index, buildTime: buildTime, globalHash: globalHash,
                beforeCommit: beforeCommit)
        } else {
            try IndexWriter.write(
                result, to: index, buildTime: buildTime, globalHash: globalHash, beforeCommit: beforeCommit)
        }
        clock.lap("write index")
        let reports = try jobs.wait()
        clock.lap("write cache and reports")
        return Outcome(
            result: result, indexPath: index, incremental: incremental,
            reparsed: result.library.files.reduce(0) { $0 + ($1.fromCache ? 0 : 1) },
            timings: startClock.laps + result.timings + clock.laps, reports: reports,
            gapReports: kept?.withLock { $0 } ?? [:])
    }

    /// The reports, each written on its own thread: health, tracker, mapping and gap reports (with
    /// `rewriteAll`, every one anew; with `keep`, the gap reports made are handed back).
    static func addReportJobs(
        _ jobs: Jobs, _ result: CompileResult, root: String, outDir: String, templates tpl: Templates,
        previousMeta: [String: String]?, globalHash: String, rewriteAll: Bool, keep: Locked<[String: GapReport]>?,
        baseline: (file: String, value: Baseline)? = nil
    ) {
        let libraryPrint = ReportWriter.fingerprint(result.library, templates: tpl)
        jobs.add(background: true) {
            try ReportWriter.writeHealth(
                result, root: root, outDir: outDir, templates: tpl, previous: previousMeta, baseline: baseline)
        }
        jobs.add(background: true) { try ReportWriter.writeTracker(result, root: root, outDir: outDir, templates: tpl) }
        jobs.add(background: true) {
            try ReportWriter.writeMappingReports(
                result, root: root, outDir: outDir, templates: tpl, libraryPrint: libraryPrint, globalHash: globalHash,
                rewriteAll: rewriteAll)
        }
        jobs.add(background: true) {
            try ReportWriter.writeGapReports(
                result, root: root, outDir: outDir, templates: tpl, libraryPrint: libraryPrint, rewriteAll: rewriteAll,
                keep: keep)
        }
    }

    /// Temporary files of builds killed before they could rename them, in the output folder and its report
    /// folders: the index's, those of `FileWriter.replace` (the cache, reports, manifests), and older builds'
    /// (`.dat.nosync...` from Foundation's writes, `taxo-cache.bin.tmp-...`).
    static func removeStaleTemporaries(in dir: String) {
        for sub in ["", "/gaps", "/mapping"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir + sub)) ?? []
            where name.hasPrefix("index.sqlite.tmp-") || name.hasPrefix(ExtractionCache.fileName + ".tmp-")
                || name.hasPrefix(".dat.nosync") || FileWriter.isTemporary(name)
            {
                try? FileManager.default.removeItem(atPath: dir + sub + "/" + name)
            }
        }
    }
}
