import Foundation
import Testing

@testable import TaxoKit

/// `taxo site` on the example library: every internal link resolves, nothing loads from the network, text
/// is escaped, and two runs give the same bytes. (The browser test loads the pages in Chromium:
/// Tests/site.)
@Suite struct SiteTests {
    /// The example library compiled as `taxo site` compiles it.
    func exampleLibrary(extra: [(String, String)] = []) throws -> (root: URL, result: CompileResult) {
        let root = try TestSupport.exampleCopy(extra)
        return (root, Compiler.compile(root: root.path, config: TestSupport.defaultConfig, keepContent: true))
    }

    func writeSite(_ root: URL, _ result: CompileResult) throws -> URL {
        let out = root.appendingPathComponent("site-out")
        _ = try SiteBuilder.write(
            result, root: root.path, outDir: out.path, templates: Templates(directory: nil))
        return out
    }

    /// Every file of the site, relative to its folder.
    func pages(_ dir: URL) -> [String] {
        let e = FileManager.default.enumerator(atPath: dir.path)
        var out: [String] = []
        while let p = e?.nextObject() as? String { if p.hasSuffix(".html") { out.append(p) } }
        return out.sorted()
    }

    func attributes(_ name: String, in html: String) -> [String] {
        let re = try! NSRegularExpression(pattern: "\\b" + name + "=\"([^\"]*)\"")
        return re.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range(at: 1), in: html)!])
        }
    }

    @Test func everyInternalLinkResolvesAndNothingLoadsFromTheNetwork() throws {
        // File names as real libraries have them: spaces, `#`, `%`, `?`, accents.
        let (root, result) = try exampleLibrary(extra: [
            (
                "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Notes #1 100% über?.md",
                "# Notes\n\nTOL-SEC-124 (ScaleKit Dashboard) and WRF-SEC-014.\n"
            ),
            ("LIBRARIES/LBS_003_Tools/QA/TOL-QA-077 Odd Näme.json", #"{"tool_id": "TOL-QA-077", "name": "Odd"}"#),
            // Two names that make the same safe page name: each gets its own page.
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Plan a.md", "# Plan a\n\nTOL-SEC-124\n"),
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Plan_a.md", "# Plan b\n\nWRF-SEC-014\n"),
        ])
        let out = try writeSite(root, result)
        let all = pages(out)
        #expect(all.contains("entities/TOL-SEC-124.html"))
        #expect(all.contains("videos/Video_025.html"))
        var checked = 0
        for page in all {
            let html = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            let base = out.appendingPathComponent(page).deletingLastPathComponent()
            for src in attributes("src", in: html) {
                #expect(!src.contains("://"), "\(page) loads \(src)")
            }
            for href in attributes("href", in: html) {
                #expect(
                    !href.hasPrefix("http://") && !href.hasPrefix("https://") && !href.hasPrefix("//"),
                    "\(page) links out: \(href)")
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                let target =
                    path.isEmpty
                    ? out.appendingPathComponent(page)
                    : base.appendingPathComponent(path.split(separator: "?").first.map(String.init) ?? path)
                #expect(FileManager.default.fileExists(atPath: target.path), "\(page): \(href) does not resolve")
                if parts.count == 2, parts[1].hasPrefix("L"), FileManager.default.fileExists(atPath: target.path) {
                    let text = try String(contentsOf: target, encoding: .utf8)
                    #expect(text.contains("id=\"\(parts[1])\""), "\(page): \(href) has no such line")
                }
                checked += 1
            }
        }
        #expect(checked > 500)
        let a = try String(
            contentsOf: out.appendingPathComponent(
                "files/TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Plan_a.md.html"),
            encoding: .utf8)
        let b = try String(
            contentsOf: out.appendingPathComponent(
                "files/TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Plan_a.md-2.html"), encoding: .utf8)
        #expect(a.contains("Plan a.md"))
        #expect(b.contains("Plan_a.md"))
    }

    @Test func textIsEscapedEverywhere() throws {
        let hostile = "<script>alert(1)</script> & \"q\""
        let (root, result) = try exampleLibrary(extra: [
            (
                "LIBRARIES/LBS_003_Tools/QA/TOL-QA-099_Hostile.json",
                "{\"tool_id\": \"TOL-QA-099\", \"name\": \"\(hostile.replacingOccurrences(of: "\"", with: "\\\""))\", \"description\": \"<img src=x onerror=alert(2)>\"}"
            )
        ])
        let out = try writeSite(root, result)
        let entity = try String(contentsOf: out.appendingPathComponent("entities/TOL-QA-099.html"), encoding: .utf8)
        #expect(entity.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"))
        #expect(!entity.contains("<script>alert"))
        #expect(!entity.contains("<img src=x"))
        let file = try String(
            contentsOf: out.appendingPathComponent("files/LIBRARIES/LBS_003_Tools/QA/TOL-QA-099_Hostile.json.html"),
            encoding: .utf8)
        #expect(!file.contains("<script>alert"))
        let index = try String(contentsOf: out.appendingPathComponent("search-index.js"), encoding: .utf8)
        #expect(index.contains("TOL-QA-099"))
    }

    @Test func twoRunsGiveTheSameBytesAndRewriteNothing() throws {
        let (root, result) = try exampleLibrary()
        let out = try writeSite(root, result)
        var first: [String: Data] = [:]
        for p in pages(out) { first[p] = try Data(contentsOf: out.appendingPathComponent(p)) }
        let again = try SiteBuilder.write(
            result, root: root.path, outDir: out.path, templates: Templates(directory: nil))
        #expect(again.written == 0)
        for p in pages(out) { #expect(try Data(contentsOf: out.appendingPathComponent(p)) == first[p], "\(p) changed") }
        // A page deleted by hand is made again, and only it is written.
        try FileManager.default.removeItem(at: out.appendingPathComponent("index.html"))
        let repaired = try SiteBuilder.write(
            result, root: root.path, outDir: out.path, templates: Templates(directory: nil))
        #expect(repaired.written == 1)
        #expect(try Data(contentsOf: out.appendingPathComponent("index.html")) == first["index.html"])
        // Without the manifest, every page is written again (none is read to compare), to the same bytes.
        try FileManager.default.removeItem(at: out.appendingPathComponent(SiteBuilder.manifestName))
        let unlisted = try SiteBuilder.write(
            result, root: root.path, outDir: out.path, templates: Templates(directory: nil))
        #expect(unlisted.written == unlisted.pages)
        for p in pages(out) { #expect(try Data(contentsOf: out.appendingPathComponent(p)) == first[p], "\(p) changed") }
        // A page no longer made is removed; nothing else is.
        try "keep".write(to: out.appendingPathComponent("mine.txt"), atomically: true, encoding: .utf8)
        let fewer = Compiler.compile(
            files: [
                ("LIBRARIES/LBS_003_Tools/QA/TOL-QA-001_A.json", Array(#"{"tool_id": "TOL-QA-001", "name": "A"}"#.utf8))
            ],
            config: TestSupport.defaultConfig)
        let pruned = try SiteBuilder.write(
            fewer, root: root.path, outDir: out.path, templates: Templates(directory: nil))
        #expect(pruned.removed > 0)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("entities/TOL-SEC-124.html").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("mine.txt").path))
    }

    @Test func anEditRewritesOnlyThePagesItTouches() throws {
        let (root, result) = try exampleLibrary()
        let out = try writeSite(root, result)
        let total = pages(out).count
        let file = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "ScaleKit Dashboard", with: "ScaleKit Console").write(
            to: file, atomically: true, encoding: .utf8)
        let edited = Compiler.compile(root: root.path, config: TestSupport.defaultConfig, keepContent: true)
        let run = try SiteBuilder.write(edited, root: root.path, outDir: out.path, templates: Templates(directory: nil))
        #expect(run.written > 0)
        #expect(run.written * 4 < total)
        let page = try String(contentsOf: out.appendingPathComponent("entities/TOL-SEC-124.html"), encoding: .utf8)
        #expect(page.contains("ScaleKit Console"))
        // A page that links to it shows the new name too.
        let workflow = try String(contentsOf: out.appendingPathComponent("entities/WRF-SEC-014.html"), encoding: .utf8)
        #expect(workflow.contains("ScaleKit Console"))
    }

    /// File and video pages are skipped on a print of what they are made from (not of their context):
    /// after each kind of edit, the site a run leaves is the one a run into an empty folder makes.
    @Test func anIncrementalSiteEqualsAFreshOneAfterEveryKindOfEdit() throws {
        let (root, result) = try exampleLibrary()
        let out = try writeSite(root, result)
        let tool = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json")
        let transcript = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_025.md")
        func edit(_ url: URL, _ change: (String) -> String) throws {
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
        let edits: [(String, () throws -> Void)] = [
            // A field no page's print names directly (the tool's file page and entity page change).
            (
                "description",
                { try edit(tool) { $0.replacingOccurrences(of: "\"name\"", with: "\"note\": \"x\", \"name\"") } }
            ),
            // A name the videos' gap analyses match.
            (
                "name",
                { try edit(tool) { $0.replacingOccurrences(of: "ScaleKit Dashboard", with: "ScaleKit Console") } }
            ),
            // A step's name: drawn in the hierarchy of its task, milestone, workflow and video pages, which
            // link to it only through the drawing.
            (
                "step",
                {
                    let step = root.appendingPathComponent(
                        "TASK_MANAGERS/TSM-004_Step_Templates/STP-005_Create_searchread_Permission.json")
                    try edit(step) { $0.replacingOccurrences(of: "search:read Permission", with: "search:write Grant") }
                }
            ),
            // A document's text: its video's analysis and its file page.
            ("document", { try edit(transcript) { $0 + "\nWe also tried TOL-QA-999 and Zapier Flows.\n" } }),
            // A file that no longer parses: its entities go, references to them dangle.
            ("broken", { try edit(tool) { String($0.dropLast(3)) } }),
            // A new file whose page name collides with another's.
            (
                "collision",
                {
                    let url = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/Auth/scalekit_dashboard.JSON")
                    try "{\"tool_id\": \"TOL-SEC-990\", \"name\": \"Other\"}".write(
                        to: url, atomically: true, encoding: .utf8)
                }
            ),
        ]
        for (name, change) in edits {
            try change()
            let edited = Compiler.compile(root: root.path, config: TestSupport.defaultConfig, keepContent: true)
            _ = try SiteBuilder.write(edited, root: root.path, outDir: out.path, templates: Templates(directory: nil))
            let fresh = root.appendingPathComponent("site-fresh-\(name)")
            _ = try SiteBuilder.write(
                edited, root: root.path, outDir: fresh.path, templates: Templates(directory: nil))
            let got = try TestSupport.files(in: out), want = try TestSupport.files(in: fresh)
            #expect(got.keys.sorted() == want.keys.sorted(), "after the \(name) edit")
            for (p, data) in want where got[p] != data && p != SiteBuilder.manifestName {
                Issue.record("after the \(name) edit, \(p) differs")
            }
        }
    }

    @Test func buildHandsItsGapAnalysesToTheSite() throws {
        let (root, result) = try exampleLibrary()
        let alone = try writeSite(root, result)
        let build = try Builder.build(
            root: root.path, config: TestSupport.defaultConfig, outDir: root.appendingPathComponent("out").path,
            noCache: true, buildTime: "2026-01-01T00:00:00Z", keepGapReports: true)
        #expect(Set(build.gapReports.keys) == ["Video_024", "Video_025"])
        let shared = root.appendingPathComponent("site-shared")
        _ = try SiteBuilder.write(
            build.result, root: root.path, outDir: shared.path, templates: Templates(directory: nil),
            gapReports: build.gapReports)
        for video in ["videos/Video_024.html", "videos/Video_025.html"] {
            #expect(
                try Data(contentsOf: shared.appendingPathComponent(video))
                    == Data(contentsOf: alone.appendingPathComponent(video)))
        }
    }

    /// With a baseline, the pages tell new findings from known ones: the home page's line and column, the
    /// findings page's status filter, the entity and file pages' marks; a changed baseline rewrites them.
    @Test func pagesTellNewFindingsFromThoseTheBaselineHolds() throws {
        let old = (
            "LIBRARIES/LBS_003_Tools/QA/TOL-QA-001_Old.json",
            #"{"tool_id": "TOL-QA-001", "name": "Old", "responsibilities": ["RSP-901"]}"#
        )
        let (root, before) = try exampleLibrary(extra: [old])
        let baseline = Baseline(before.diagnostics, grammar: before.library.grammar)
        #expect(before.diagnostics.count == 1)
        let (_, result) = try exampleLibrary(extra: [
            old,
            (
                "LIBRARIES/LBS_003_Tools/QA/TOL-QA-002_New.json",
                #"{"tool_id": "TOL-QA-002", "name": "New", "responsibilities": ["RSP-902"]}"#
            ),
        ])
        let out = root.appendingPathComponent("site-out")
        func write(_ b: Baseline?) throws -> SiteBuilder.Outcome {
            try SiteBuilder.write(
                result, root: root.path, outDir: out.path, templates: Templates(directory: nil),
                baseline: b.map { ("taxo-baseline.json", $0) })
        }
        _ = try write(baseline)
        func page(_ p: String) throws -> String {
            try String(contentsOf: out.appendingPathComponent(p), encoding: .utf8)
        }
        let home = try page("index.html")
        #expect(home.contains("<code>taxo-baseline.json</code> holds 1 of the findings"))
        #expect(home.contains("1 error and 0 warnings are new"))
        #expect(home.contains("<th class=\"num\">In the baseline</th>"))
        let findings = try page("diagnostics.html")
        #expect(findings.contains("<select name=\"status\">"))
        #expect(findings.contains("<option value=\"new\">new (1)</option>"))
        #expect(findings.contains("<option value=\"known\">known (1)</option>"))
        let rows = attributes("data-status", in: findings)
        #expect(rows.sorted() == ["known", "new"])
        #expect(try page("entities/TOL-QA-001.html").contains("in the baseline</span>"))
        #expect(!(try page("entities/TOL-QA-002.html").contains("in the baseline</span>")))
        #expect(
            try page("files/LIBRARIES/LBS_003_Tools/QA/TOL-QA-001_Old.json.html").contains("in the baseline</span>"))
        // Without a baseline: no status anywhere, and the pages that showed it are rewritten.
        let plain = try write(nil)
        #expect(plain.written >= 4)
        #expect(!(try page("diagnostics.html").contains("data-status=\"known\"")))
        #expect(!(try page("diagnostics.html").contains("name=\"status\"")))
        #expect(!(try page("index.html").contains("In the baseline")))
        #expect(!(try page("entities/TOL-QA-001.html").contains("in the baseline</span>")))
    }

    @Test func pagesHoldWhatAnalystsLookFor() throws {
        let (root, result) = try exampleLibrary()
        let out = try writeSite(root, result)
        let tool = try String(contentsOf: out.appendingPathComponent("entities/TOL-SEC-124.html"), encoding: .utf8)
        #expect(tool.contains("href=\"../entities/WRF-SEC-014.html\""))
        #expect(tool.contains("href=\"../files/LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json.html#L4\""))
        let workflow = try String(contentsOf: out.appendingPathComponent("entities/WRF-SEC-014.html"), encoding: .utf8)
        #expect(workflow.contains("<svg class=\"tree\""))
        let video = try String(contentsOf: out.appendingPathComponent("videos/Video_025.html"), encoding: .utf8)
        let high = try #require(video.range(of: "<td>HIGH</td>"))
        let exists = try #require(video.range(of: "<td class=\"v-exists\">"))
        #expect(high.lowerBound < exists.lowerBound)
        let home = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<svg class=\"phases\""))
        #expect(!home.contains("{{"))
    }

    /// An entity's page lists the names of its record that link to nothing, escaped, each with why and a
    /// link to its line.
    @Test func anEntityPageListsItsNamesThatLinkToNothing() throws {
        let (root, result) = try exampleLibrary(extra: [
            (
                "TALENTS/Skills/Master/site_skills.json",
                #"[{"skill_id": "SKL-950", "skill_phrase": "s", "components": {"tool": "<Quill>"}}]"#
            )
        ])
        let out = try writeSite(root, result)
        let page = try String(contentsOf: out.appendingPathComponent("entities/SKL-950.html"), encoding: .utf8)
        #expect(page.contains("<h3>Names that link to nothing</h3>"))
        #expect(page.contains("title=\"no tool has this name\">&lt;Quill&gt;</span> tool"), "\(page)")
        #expect(page.contains("href=\"../files/TALENTS/Skills/Master/site_skills.json.html#L1\""))
        let tool = try String(contentsOf: out.appendingPathComponent("entities/TOL-SEC-124.html"), encoding: .utf8)
        #expect(!tool.contains("Names that link to nothing"))
    }

    /// `names.html` lists every name in records that links to nothing, once per kind and name (letter case,
    /// spaces and punctuation aside; its other spellings said), most records first, each with why and its places linked to the entity and the line; the home
    /// page links to it with the count.
    @Test func theNamesPageListsEveryNameThatLinksToNothing() throws {
        let quills = (1...23).map { $0 % 2 == 0 ? "quill" : "Quill" }
        let (root, result) = try exampleLibrary(extra: [
            ("TALENTS/Skills/Master/site_skills.json", TestSupport.skillsNamingTools(quills, first: 911)),
            (
                "TALENTS/Skills/Master/more_skills.json",
                TestSupport.skillsNamingTools(["<Ink>", "Ink Pot", "ink-pot", "Ink-Pot"], first: 990)
            ),
        ])
        let out = try writeSite(root, result)
        let page = try String(contentsOf: out.appendingPathComponent("names.html"), encoding: .utf8)
        let rows = page.components(separatedBy: "<tr><td>").dropFirst()
        // Quill and quill are one name, written by 23 records: first, with 20 places shown and 3 more.
        let quill = try #require(rows.first)
        #expect(
            quill.hasPrefix("<span class=\"dangling\">Quill</span></td><td>tool</td><td class=\"num\">23</td>"),
            "\(quill)")
        #expect(quill.contains("no tool has this name"))
        #expect(
            quill.contains("<a href=\"entities/SKL-911.html\">SKL-911</a> <span class=\"field\">components.tool</span>")
        )
        #expect(quill.contains("href=\"files/TALENTS/Skills/Master/site_skills.json.html#L2\""))
        #expect(quill.components(separatedBy: "<li>").count - 1 == 21 && quill.contains("<li>and 3 more</li>"))
        #expect(!quill.contains("also written"))
        // Ink Pot and Ink-Pot are one name (punctuation and case aside), its other spelling said once.
        let pot = try #require(rows.first { $0.contains(">Ink Pot<") })
        #expect(
            pot.hasPrefix(
                "<span class=\"dangling\">Ink Pot</span><br><span class=\"also\">also written ink-pot</span></td>"
                    + "<td>tool</td><td class=\"num\">3</td>"), "\(pot)")
        #expect(!page.contains(">Ink-Pot<"))
        #expect(page.contains("<span class=\"dangling\">&lt;Ink&gt;</span>"))
        #expect(!page.contains("<Ink"))
        let home = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let count = result.library.unmatchedNameGroups().count
        #expect(count >= 2 && home.contains("<a href=\"names.html\">\(count) names in records link to nothing</a>"))
        #expect(page.contains("<p class=\"lead\">\(count) names in link fields"))
    }

    @Test func twoMentionsOnOneLineAreOneRowThatSaysSo() throws {
        let note = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes/Video_025_Notes.md"
        let (root, result) = try exampleLibrary(extra: [
            (note, "# Notes\n\nSee **TOL-SEC-124** and `TOL-SEC-124` again.\n\nTOL-SEC-124 once.\n")
        ])
        let out = try writeSite(root, result)
        let page = try String(contentsOf: out.appendingPathComponent("entities/TOL-SEC-124.html"), encoding: .utf8)
        let rows = page.components(separatedBy: "<li>").filter { $0.contains("Video_025_Notes.md:") }
        #expect(rows.count == 2)
        #expect(rows.first { $0.contains("Notes.md:3<") }?.contains("<span class=\"times\">×2</span>") == true)
        #expect(rows.first { $0.contains("Notes.md:5<") }?.contains("times") == false)
        let tool = try #require(result.library.entities.firstIndex { $0.id?.written == "TOL-SEC-124" })
        let card = EntityCard(result: result, entity: tool)
        let lines = card.text().split(separator: "\n").filter { $0.contains("Video_025_Notes.md") }
        #expect(lines == ["  \(note):3  § Notes (2 on this line)", "  \(note):5  § Notes"])
        // The JSON answer keeps each mention with its column.
        #expect(
            card.mentionList().shown.filter { $0.document.path == note }.map(\.mention.location.column) == [7, 26, 1])
    }
}
