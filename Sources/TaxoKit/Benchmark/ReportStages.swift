import Foundation

/// The gap reports' stages timed one after another on one thread, for benchmarks (`taxo bench-floor
/// --reports`): the analyzer's indexes, the analyses of every video, their contexts, encoding, rendering.
/// The compile is done first and not timed.
public enum ReportStages {
    /// Each stage's time; the sizes show the work was done.
    public static func run(root: String, config: Config) throws -> (timings: [StageTiming], candidates: Int, bytes: Int)
    {
        let result = Compiler.compile(root: root, config: config, keepContent: true)
        let lib = result.library
        let videos = Set(lib.documents.compactMap(\.video)).sorted()
        let templates = Templates(directory: nil)
        var clock = StageClock()
        let analyzer = GapAnalyzer(library: lib)
        clock.lap("analyzer indexes")
        var reports: [GapReport] = []
        for v in videos {
            var r = try Gaps.report(targets: [v], library: lib, root: root, command: "bench", analyzer: analyzer)
            r.linksFrom = root + "/output/gaps"
            reports.append(r)
        }
        clock.lap("gap analyses (\(videos.count) videos)")
        let contexts = try reports.map { try $0.context() }
        clock.lap("contexts, encoded")
        var bytes = 0
        for c in contexts { bytes += try templates.render("gap-analysis.md", c).utf8.count }
        clock.lap("rendering")
        return (clock.laps, reports.reduce(0) { $0 + $1.candidates.count }, bytes)
    }
}
