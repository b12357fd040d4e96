import Foundation
import Testing

@testable import TaxoKit

/// Gap reports and video pages make their template trees themselves (`GapReportContext.templateTree`,
/// `VideoPage.templateTree`): the trees must be the ones the encoder makes of the same contexts, on every
/// video of the example library, with names that hold Markdown and HTML, and with skipped documents.
@Suite struct ReportTreeTests {
    /// A video whose documents name hostile tools, and a conflicted copy of its transcript (skipped).
    let extra: [(String, String)] = [
        (
            "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_026.md",
            "# Video_026\n\n## Tools\n\n### Pipe | Tool `x` <script>\n\n- **Tools Mentioned:** A*b*, <i>C</i>, D_e_\n"
                + "| Tool | ID |\n|---|---|\n| Quill [x](y) | TOL-QA-777 |\n\nProposed Tool ID: TOL-XXX-###\n"
        ),
        (
            "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_026 (conflicted copy).md",
            "# Video_026\n\nScaleKit\n"
        ),
    ]

    /// Property names become snake_case keys on their bytes as they did on their characters.
    @Test func keysAreSnakeCasedOnTheirBytes() {
        let cases = [
            "sourceID": "source_id", "nextFree": "next_free", "IDRange": "id_range", "has_skipped": "has_skipped",
            "mentionsMore": "mentions_more", "x2Y": "x2_y", "ABC": "abc", "taxoVersion": "taxo_version", "id": "id",
            "a_B": "a_b", "URLsFound": "ur_ls_found",
        ]
        for (key, snake) in cases {
            #expect(ReportEncoder.snakeCase(key) == snake, "\(key)")
            #expect(ReportEncoder.asciiSnakeCase(Array(key.utf8)) == snake, "\(key)")
        }
        #expect(ReportEncoder.snakeCase("caféName") == "café_name")
    }

    @Test func gapReportsMakeTheTreeTheirEncodingMakes() throws {
        let root = try TestSupport.exampleCopy(extra)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Compiler.compile(root: root.path, config: TestSupport.defaultConfig, keepContent: true)
        let videos = Set(result.library.documents.compactMap(\.video)).sorted()
        #expect(videos.contains("Video_026"))
        var skipped = false
        for v in videos {
            for from in [nil, root.path + "/output/gaps"] {
                var r = try Gaps.report(targets: [v], library: result.library, root: root.path, command: "c")
                r.linksFrom = from
                skipped = skipped || !r.skipped.isEmpty
                let context = GapReportContext(r)
                let encoded = try ReportValue.make(context)
                #expect(
                    context.templateTree == encoded, "\(v): \(TestSupport.difference(context.templateTree, encoded))")
            }
        }
        #expect(skipped)
    }

    @Test func videoPagesMakeTheTreeTheirEncodingMakes() throws {
        let root = try TestSupport.exampleCopy(extra)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = Compiler.compile(root: root.path, config: TestSupport.defaultConfig, keepContent: true)
        let site = SiteData(result, baseline: nil)
        var parts: Set<String> = []
        for video in site.tracker.videos {
            let path = SitePaths.video(video.id)
            var page = VideoPage(video, page: path, site: site)
            // Without an analysis, then with one.
            #expect(page.templateTree == (try ReportValue.html(page)))
            page.show(
                try Gaps.report(targets: [video.id], library: result.library, root: root.path, command: "c"),
                page: path, site: site)
            let encoded = try ReportValue.html(page)
            #expect(page.templateTree == encoded, "\(video.id): \(TestSupport.difference(page.templateTree, encoded))")
            if case .object(let o) = encoded {
                parts.formUnion(o.filter { $0.value != .null }.map(\.key))
                if case .array(let cs)? = o["candidates"] {
                    for case .object(let c) in cs { parts.formUnion(c.filter { $0.value != .null }.map(\.key)) }
                }
            }
        }
        for key in ["title", "tree", "kind", "id", "library", "suggested_id", "note", "more"] {
            #expect(parts.contains(key), "no page had \(key)")
        }
    }
}
