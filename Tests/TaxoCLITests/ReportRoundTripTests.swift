import Foundation
import Testing

/// Reports taxo writes are read back by taxo (issue 16, the round trip): `taxo phases --check` accepts the
/// tracker `taxo build` wrote, although a title holds an escaped `\|`.
@Suite struct ReportRoundTripTests {
    @Test func phasesCheckAcceptsTaxosOwnTracker() throws {
        let root = try CLI.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLI.taxo(["build", "--quiet"], cwd: root).code == 0)
        let tracker = try String(contentsOf: root.appendingPathComponent("output/VIDEOS_INDEX.md"), encoding: .utf8)
        #expect(tracker.contains("(Step by Step) \\| OAuth 2.1"))
        let r = try CLI.taxo(["phases", "--check", "output/VIDEOS_INDEX.md"], cwd: root)
        #expect(r.code == 0, "\(r.out)")
        #expect(r.err.contains("0 disagreements"))
    }

    /// A gap report written into the library keeps `taxo check` clean (its suggested and next free IDs are
    /// proposals), and its links resolve from where it is written, as do those of the reports `build` writes.
    @Test func gapReportsInTheLibraryAndInOutputHaveWorkingLinksAndNoDanglingIDs() throws {
        let root = try CLI.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap_Analysis/Video_025_Gap_Analysis.md"
        #expect(try CLI.taxo(["gaps", "Video_025", "--out", out], cwd: root).code == 0)
        let text = try String(contentsOf: root.appendingPathComponent(out), encoding: .utf8)
        #expect(text.contains("](../../02_TRANSCRIPTIONS/Video_025.md)"))
        let check = try CLI.taxo(["check"], cwd: root)
        #expect(check.code == 0, "\(check.out)")
        #expect(check.err.contains("0 errors, 0 warnings"), "\(check.out)")
        #expect(try CLI.taxo(["build", "--quiet"], cwd: root).code == 0)
        let built = try String(
            contentsOf: root.appendingPathComponent("output/gaps/Video_025_Gap_Analysis.md"), encoding: .utf8)
        #expect(built.contains("](../../TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_025.md)"))
        #expect(
            FileManager.default.fileExists(
                atPath: root.appendingPathComponent(
                    "output/gaps/../../TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_025.md"
                ).path))
    }

    /// Every link of the reports `taxo build` writes resolves from where each is written, and none is empty.
    @Test func trackerLinksResolveFromTheOutputFolder() throws {
        let root = try CLI.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLI.taxo(["build", "--quiet"], cwd: root).code == 0)
        try ReportRoundTripTests.expectLinksResolve(
            in: [
                "VIDEOS_INDEX.md", "mapping/Video_024_Library_Mapping_Report.md", "gaps/Video_024_Gap_Analysis.md",
                "HEALTH.md",
            ],
            under: root.appendingPathComponent("output"))
    }

    /// A document whose name has spaces and parentheses: the gap report links to it percent-encoded (one link,
    /// not text cut at the space) and names it by its file name in evidence, and `taxo check` resolves the links
    /// of a gap report written into the library. The library column links to the entity's declaration.
    @Test func pathsWithSpacesAndParenthesesAreWorkingLinks() throws {
        let root = try CLI.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions")
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("Video_025_Phase3_Analysis.md"),
            to: folder.appendingPathComponent("Video_025 Phase3 Analysis (draft).md"))
        #expect(try CLI.taxo(["build", "--quiet"], cwd: root).code == 0)
        try ReportRoundTripTests.expectLinksResolve(
            in: ["VIDEOS_INDEX.md", "gaps/Video_025_Gap_Analysis.md"], under: root.appendingPathComponent("output"))
        let gaps = try String(
            contentsOf: root.appendingPathComponent("output/gaps/Video_025_Gap_Analysis.md"), encoding: .utf8)
        let encoded = "Extractions/Video_025%20Phase3%20Analysis%20%28draft%29.md"
        // Evidence names the file, then its further lines by number, all in one cell.
        #expect(
            gaps.contains(
                "[Video_025 Phase3 Analysis (draft).md:12](../../TASK_MANAGERS/RESEARCHES/03_ANALYSIS/\(encoded)#L12), [:15]("
            ))
        #expect(!gaps.contains("[TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_025.md:"))
        #expect(
            gaps.contains(
                "| [TOL-AID-205 Tavily Search API](../../LIBRARIES/LBS_003_Tools/AI_Search/Tavily_Search_API.json#L4) |"
            ))
        let inLibrary = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap_Analysis/Video_025_Gap_Analysis.md"
        #expect(try CLI.taxo(["gaps", "Video_025", "--out", inLibrary], cwd: root).code == 0)
        let check = try CLI.taxo(["check"], cwd: root)
        #expect(check.err.contains("0 errors, 0 warnings"), "\(check.out)")
    }

    /// Every relative link of these reports (under `out`) names an existing file, percent-decoded, and a line
    /// anchor (`#L12`) a line the file has; none is empty.
    static func expectLinksResolve(in reports: [String], under out: URL) throws {
        for report in reports {
            let url = out.appendingPathComponent(report)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(!text.contains("]()"), "\(report)")
            let links = text.components(separatedBy: "](").dropFirst().compactMap {
                $0.split(separator: ")").first.map(String.init)
            }
            .filter { !$0.contains("://") && !$0.hasPrefix("#") }
            #expect(links.count >= 3, "\(report)")
            for l in links {
                #expect(!l.contains(" "), "\(report): \(l) is cut at a space")
                // `file.md#L12`: the file exists and has that line.
                let parts = l.split(separator: "#", maxSplits: 1).map(String.init)
                let path = parts[0].removingPercentEncoding ?? parts[0]
                let target = url.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL.path
                #expect(FileManager.default.fileExists(atPath: target), "\(report): \(l)")
                if parts.count == 2, parts[1].hasPrefix("L"), let line = Int(parts[1].dropFirst()) {
                    let lines =
                        (try? String(contentsOfFile: target, encoding: .utf8))?.split(
                            separator: "\n", omittingEmptySubsequences: false
                        ).count ?? 0
                    #expect(line >= 1, "\(report): \(l) is past the end of the file")
                    #expect(line <= lines, "\(report): \(l) is past the end of the file")
                }
            }
            if report.hasPrefix("gaps/") { #expect(links.contains { $0.contains(".md#L") }, "evidence links to lines") }
        }
    }
}
