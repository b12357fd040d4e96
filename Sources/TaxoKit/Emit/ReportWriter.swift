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
}
