import Foundation

/// The gap reports' stages timed one after another on one thread, for benchmarks (`taxo bench-floor
/// --reports`): the analyzer's indexes, the analyses of every video, their contexts, encoding, rendering
/// (and, for comparison, rendering by swift-mustache alone);
/// then the index and the extraction cache.
/// The compile is done first and not timed. With `videos`, only the first videos are analysed and the index
/// and cache are left out; with `repeats`, the video stages run that many times and each stage's fastest
/// run is reported (for A/B comparisons on a noisy machine).
public enum ReportStages {
    /// Each stage's time; the sizes show the work was done (once, whatever `repeats`).
    public static func run(root: String, config: Config, videos first: Int? = nil, repeats: Int = 1) throws -> (
        timings: [StageTiming], candidates: Int, bytes: Int
    ) {
        let result = Compiler.compile(root: root, config: config, keepContent: true)
        let lib = result.library
        let all = Set(lib.documents.compactMap(\.video)).sorted()
        let videos = first.map { Array(all.prefix($0)) } ?? all
        let templates = Templates(directory: nil)
        // The same templates rendered by swift-mustache alone, for comparison.
        let reference = Templates(directory: nil, compiles: false)
        var clock = StageClock()
        let analyzer = GapAnalyzer(library: lib)
        clock.lap("analyzer indexes")
        // Video by video, as `taxo build` does (nothing held after its report is rendered).
        var best = [Double](repeating: .infinity, count: 4)
        var candidates = 0, bytes = 0
        for _ in 0..<max(1, repeats) {
            var seconds = [0.0, 0.0, 0.0, 0.0]
            func timed<R>(_ stage: Int, _ body: () throws -> R) rethrows -> R {
                let start = DispatchTime.now().uptimeNanoseconds
                defer { seconds[stage] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
                return try body()
            }
            candidates = 0
            bytes = 0
            for v in videos {
                var r = try timed(0) {
                    try Gaps.report(targets: [v], library: lib, root: root, command: "bench", analyzer: analyzer)
                }
                r.linksFrom = root + "/output/gaps"
                candidates += r.candidates.count
                let context = try timed(1) { try r.context() }
                bytes += try timed(2) { try templates.render("gap-analysis.md", context).utf8.count }
                _ = try timed(3) { try reference.render("gap-analysis.md", context) }
            }
            best = zip(best, seconds).map { min($0, $1) }
        }
        var laps = clock.laps
        var more = StageClock()
        if first == nil {
            // The index and the extraction cache, as `taxo build` writes them (into a temporary folder).
            let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("taxo-stages-\(getpid())").path
            try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: tmp) }
            try IndexWriter.write(result, to: tmp + "/index.sqlite", buildTime: "2026-01-01T00:00:00Z")
            more.lap("index")
            try ExtractionCache.write(
                lib.files, to: tmp + "/" + ExtractionCache.fileName, configHash: config.hash, previous: nil)
            more.lap("extraction cache")
        }
        let stages = [
            "gap analyses (\(videos.count) videos)", "contexts, encoded", "rendering", "rendering by swift-mustache",
        ]
        for (i, name) in stages.enumerated() {
            laps.append(StageTiming(stage: name, seconds: best[i]))
        }
        return (laps + more.laps, candidates, bytes)
    }

    /// The index alone, written `repeats` times into a temporary folder on this thread after one compile:
    /// each part's fastest time (`taxo bench-floor --index`).
    public static func index(root: String, config: Config, repeats: Int = 1) throws -> [StageTiming] {
        let result = Compiler.compile(root: root, config: config, keepContent: true)
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("taxo-index-\(getpid())").path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        var best: [StageTiming] = []
        for _ in 0..<max(1, repeats) {
            var clock = StageClock()
            try IndexWriter.write(
                result, to: tmp + "/index.sqlite", buildTime: "2026-01-01T00:00:00Z", lap: { clock.lap($0) })
            clock.lap("index: rename")
            var laps = clock.laps
            laps.append(StageTiming(stage: "index", seconds: laps.reduce(0) { $0 + $1.seconds }))
            best = best.isEmpty ? laps : zip(best, laps).map { $0.seconds <= $1.seconds ? $0 : $1 }
        }
        return best
    }
}
