import Foundation

/// Writes the generated reports of `taxo build` under the output folder.
public enum ReportWriter {
    /// One gap report per video: `gaps/<video>_Gap_Analysis.md`. Returns the paths written.
    public static func writeGapReports(_ result: CompileResult, root: String, outDir: String, templates: Templates) throws -> [String] {
        let lib = result.library
        let videos = Set(lib.documents.compactMap(\.video)).sorted()
        guard !videos.isEmpty else { return [] }
        let dir = outDir + "/gaps"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var written: [String] = []
        for v in videos {
            let report = try Gaps.report(targets: [v], library: lib, root: root, command: "taxo build (taxo gaps \(v))")
            let path = dir + "/\(v)_Gap_Analysis.md"
            try Data(try report.markdown(templates: templates).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            written.append(path)
        }
        return written
    }

    /// The phase tracker, one mapping report per video with entities, and the health report.
    public static func writeReports(_ result: CompileResult, outDir: String, templates: Templates, previous: [String: String]?) throws -> [String] {
        var written: [String] = []
        func write(_ rel: String, _ text: String) throws {
            let path = outDir + "/" + rel
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            written.append(path)
        }
        let tracker = PhaseTracker(result: result)
        try write("VIDEOS_INDEX.md", try templates.render("videos-index.md", tracker.context(command: "taxo build")))
        for v in tracker.videos where result.library.entities.contains(where: { $0.videos.contains(v.id) }) {
            let ctx = MappingReport(result: result, video: v.id).context(command: "taxo build")
            try write("mapping/\(v.id)_Library_Mapping_Report.md", try templates.render("library-mapping.md", ctx))
        }
        try write("HEALTH.md", try templates.render("health.md", HealthReport(result: result, previous: previous).context(command: "taxo build")))
        return written
    }
}
