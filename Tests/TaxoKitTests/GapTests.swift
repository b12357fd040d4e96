import Foundation
import Testing

@testable import TaxoKit

@Suite struct GapTests {
    static let exampleLibrary = Compiler.compile(root: TestSupport.repoRoot.path, config: TestSupport.defaultConfig)
        .library

    func report(_ target: String, library: Library = exampleLibrary, root: String = TestSupport.repoRoot.path) throws
        -> GapReport
    {
        try Gaps.report(targets: [target], library: library, root: root, command: "taxo gaps \(target)")
    }

    func find(_ r: GapReport, _ text: String) -> GapCandidate? { r.candidates.first { $0.text == text } }

    @Test func secondVideoHasEveryVerdictKind() throws {
        let r = try report("Video_025")
        #expect(
            r.targets == [
                "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_025.md",
                "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_025_Phase3_Analysis.md",
            ])
        let inspector = try #require(find(r, "MCP Inspector"))
        #expect(inspector.verdict == .exists)
        #expect(inspector.libraryID == "TOL-QA-031")
        let skill = try #require(find(r, "Prompt Engineering"))
        #expect(skill.verdict == .conflict)
        #expect(skill.libraryName == "AI Agent Development")
        #expect(skill.priority == "HIGH")
        let tavilli = try #require(find(r, "Tavilli Search API"))
        #expect(tavilli.verdict == .near)
        #expect(tavilli.libraryID == "TOL-AID-205")
        #expect((tavilli.score ?? 0) > 0.8)
        let openRouter = try #require(find(r, "OpenRouter API"))
        // The suggestion follows the library's pattern for tools: AID tools carry their department.
        #expect(openRouter.verdict == .missing)
        #expect(openRouter.suggestedID == "TOL-AID-207")
        let langGraph = try #require(find(r, "LangGraph"))
        #expect(langGraph.verdict == .placeholder)
        #expect(langGraph.suggestedID == "TOL-AID-206")
        #expect(langGraph.occurrences.contains { $0.snippet.contains("Proposed Tool ID") })
        // A milestone that restarts its numbering per video is the video's own, not a conflict with the library's MLS-001.
        let own = try #require(find(r, "Build the Research Graph"))
        #expect(own.verdict == .proposed)
        #expect(own.scopedTo == "Video_025")
        #expect(own.priority == "—")
        #expect(
            !r.candidates.contains {
                $0.verdict == .conflict && $0.kind.map { r.library.config.kinds[$0].scoped } == true
            })
        // Evidence carries file, line, heading and the video timestamp.
        let ts = try #require(r.candidates.flatMap(\.occurrences).first { $0.timestamp == "14:48" })
        #expect(ts.file.hasSuffix("Video_025.md"))
        #expect(ts.heading == "Word-for-Word Transcription")
    }

    /// `taxo build` keeps each document's text and parse: gap analysis then reads and parses nothing again,
    /// and finds what it finds from the files.
    @Test func analysisFromTheKeptParseEqualsAnalysisFromTheFiles() throws {
        let kept = Compiler.compile(
            root: TestSupport.repoRoot.path, config: TestSupport.defaultConfig, keepContent: true)
        #expect(kept.library.documents.allSatisfy { $0.syntax != nil && $0.text != nil })
        #expect(GapTests.exampleLibrary.documents.allSatisfy { $0.syntax == nil })
        for video in ["Video_024", "Video_025"] {
            let fromKept = try Gaps.report(
                targets: [video], library: kept.library, root: TestSupport.repoRoot.path, command: "t")
            let fromFiles = try report(video)
            #expect(fromKept.json() == fromFiles.json())
        }
    }

    @Test func markdownReportIsGolden() throws {
        let md = try report("Video_025").markdown(templates: Templates(directory: nil))
        for section in [
            "## Summary", "## Context", "## Data / Content", "## Findings", "## Actions / Next Steps",
            "## Metrics / Status", "## Attachments / Links", "## Change Log",
        ] {
            #expect(md.contains("\n" + section + "\n"), "missing \(section)")
        }
        #expect(md.hasPrefix("---\ncategory: 03_ANALYSIS\n"))
        let golden = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/Video_025_Gap_Analysis.md")
        if ProcessInfo.processInfo.environment["TAXO_UPDATE_GOLDEN"] == "1" {
            try md.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(md == expected)
    }

    /// Evidence names a document by its file name, by its path when another target has the same name, and
    /// gives a document's further lines by number; a library name with brackets stays one link.
    @Test func evidenceNamesFilesOnceAndLibraryNamesAreLinks() throws {
        let once = "# Notes\n\nWe used Tool [beta] ]x here.\n"
        let twice = once + "\nTool [beta] ]x again.\n"
        let files: [(path: String, bytes: [UInt8])] = [
            (
                "LIBRARIES/LBS_003_Tools/TOL-001_Tool.json",
                Array(#"{"tool_id": "TOL-001", "name": "Tool [beta] ]x", "department": "AID"}"#.utf8)
            ),
            ("TASK_MANAGERS/RESEARCHES/a/Notes.md", Array(once.utf8)),
            ("TASK_MANAGERS/RESEARCHES/b/Notes.md", Array(once.utf8)),
            ("TASK_MANAGERS/RESEARCHES/b/Other.md", Array(twice.utf8)),
        ]
        let lib = Compiler.compile(files: files, config: TestSupport.defaultConfig, keepContent: true).library
        let r = try Gaps.report(
            targets: files.dropFirst().map(\.path), library: lib, root: "/nonexistent", command: "taxo gaps")
        let md = try r.markdown(templates: Templates(directory: nil))
        let row = try #require(md.split(separator: "\n").first { $0.hasPrefix("| Tool [beta] ]x |") }, "\(md)")
        #expect(row.contains("| [TOL-001 Tool \\[beta\\] \\]x](LIBRARIES/LBS_003_Tools/TOL-001_Tool.json#L1) |"))
        // Two targets are named Notes.md: their paths; Other.md is the only one so named: its name.
        #expect(
            row.contains(
                "| [TASK_MANAGERS/RESEARCHES/a/Notes.md:3](TASK_MANAGERS/RESEARCHES/a/Notes.md#L3); "
                    + "[TASK_MANAGERS/RESEARCHES/b/Notes.md:3](TASK_MANAGERS/RESEARCHES/b/Notes.md#L3); "
                    + "[Other.md:3](TASK_MANAGERS/RESEARCHES/b/Other.md#L3), [:5](TASK_MANAGERS/RESEARCHES/b/Other.md#L5) |"
            ))
    }

    /// A missing tool written with two IDs in a video's documents is one candidate with one proposed ID (in the
    /// library's pattern: its tools carry departments), and the report says to correct the other.
    @Test func oneMissingToolWrittenWithTwoIDsIsOneCandidate() throws {
        let files: [(path: String, bytes: [UInt8])] = [
            (
                "LIBRARIES/LBS_003_Tools/TOL-AID-001_Figma.json",
                Array(#"{"tool_id": "TOL-AID-001", "name": "Figma"}"#.utf8)
            ),
            (
                "LIBRARIES/LBS_003_Tools/TOL-SEC-002_Vault.json",
                Array(#"{"tool_id": "TOL-SEC-002", "name": "Vault"}"#.utf8)
            ),
            (
                "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_031.md",
                Array(
                    "# Video_031\n\nTOOLS: TOL-109 (ScaleKit Dashboard)\n\nAgain TOL-109 (ScaleKit Dashboard).\n".utf8)
            ),
            (
                "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_031_Phase3_Analysis.md",
                Array("# Video_031 Phase 3\n\n- TOL-SEC-124 (ScaleKit Dashboard)\n".utf8)
            ),
        ]
        let lib = Compiler.compile(files: files, config: TestSupport.defaultConfig, keepContent: true).library
        let r = try Gaps.report(
            targets: files.suffix(2).map(\.path), library: lib, root: "/nonexistent", command: "taxo gaps Video_031")
        let dashboards = r.candidates.filter { $0.text == "ScaleKit Dashboard" }
        #expect(dashboards.count == 1)
        let c = try #require(dashboards.first)
        #expect(c.verdict == .missing)
        #expect(c.ids.map(\.written) == ["TOL-SEC-124", "TOL-109"])
        #expect(c.suggestedID == "TOL-SEC-124")
        #expect(Set(c.occurrences.map(\.file)).count == 2)
        #expect(r.action(c) == "create the tool once, proposed ID TOL-SEC-124; correct TOL-109 in the documents")
        let md = try r.markdown(templates: Templates(directory: nil))
        #expect(
            md.contains(
                "**ScaleKit Dashboard** is missing from the library and written with 2 IDs (TOL-SEC-124, TOL-109)"))
    }

    @Test func jsonReportIsVersionedAndComplete() throws {
        let json = try report("Video_025").json()
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(obj["version"] as? Int == 1)
        let cands = try #require(obj["candidates"] as? [[String: Any]])
        let keys = Set(cands.flatMap { $0.keys })
        #expect(
            keys.isSuperset(of: [
                "kind", "text", "id", "verdict", "library_id", "library_name", "suggested_id", "score", "evidence",
            ]))
        let ev = try #require((cands.first?["evidence"] as? [[String: Any]])?.first)
        #expect(ev["file"] != nil)
        #expect(ev["line"] != nil)
        #expect(ev["snippet"] != nil)
    }

    @Test func repositoryTemplatesMatchTheBuiltInOnes() throws {
        for (name, builtIn) in DefaultTemplates.all {
            let file = TestSupport.repoRoot.appendingPathComponent("templates/\(name).mustache")
            #expect(
                try String(contentsOf: file, encoding: .utf8) == builtIn,
                "templates/\(name).mustache differs from the built-in")
        }
    }

    @Test func softwarePlansListTheirTools() throws {
        let r = try report(
            "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Software_Plans/MCP_Server_Implementation_Validation.md")
        let tools = Dictionary(
            r.candidates.filter { $0.kind == 0 }.map { ($0.text, $0.verdict) }, uniquingKeysWith: { a, _ in a })
        // FastAPI and FastMCP are names of one entity (TOL-AID-201): one candidate, with both mentions.
        let fast = r.candidates.filter { $0.libraryID == "TOL-AID-201" }
        #expect(fast.count == 1)
        #expect(fast.first?.verdict == .exists)
        #expect(fast.first?.occurrences.contains { $0.snippet.contains("FastAPI") } == true)
        #expect(fast.first?.occurrences.contains { $0.snippet.lowercased().contains("fastmcp") } == true)
        for t in ["Better-Auth", "Next.js", "PostgreSQL", "Redis", "prometheus-client"] {
            #expect(tools[t] == .missing, "\(t)")
        }
    }

    @Test func stubsPassCheckOnceMovedIntoTheLibrary() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let lib = Compiler.compile(root: root.path, config: TestSupport.defaultConfig).library
        let r = try report("Video_025", library: lib, root: root.path)
        let stubs = root.appendingPathComponent("drafts")
        let first = try Gaps.writeStubs(r, to: stubs.path, templates: Templates(directory: nil))
        #expect(first.written.sorted() == ["TOL-AID-206_LangGraph.json", "TOL-AID-207_OpenRouter_API.json"])
        let second = try Gaps.writeStubs(r, to: stubs.path, templates: Templates(directory: nil))
        #expect(second.written.isEmpty)
        #expect(second.skipped.count == 2)
        for f in first.written {
            try FileManager.default.moveItem(
                at: stubs.appendingPathComponent(f),
                to: root.appendingPathComponent("LIBRARIES/LBS_003_Tools/\(f)"))
        }
        let after = Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
        #expect(after.summary.errors == 0, "\(after.diagnostics.map(\.message))")
        #expect(after.library.entities.contains { $0.id?.written == "TOL-AID-206" && $0.name == "LangGraph" })
    }

    @Test(.enabled(if: RealworldSampleTests.available, "../shared/fixtures/realworld-sample is not beside the repo"))
    func realworldVideo024() throws {
        let r = try RealworldSampleTests.withCompiledCopy { result, root in
            try report("Video_024", library: result.library, root: root.path)
        }
        func verdict(_ text: String) -> GapVerdict? { r.candidates.first { $0.text.contains(text) }?.verdict }
        for tool in ["FastAPI + FastMCP", "ScaleKit Dashboard", "ScaleKit Python SDK", "Tavilli", "MCP Inspector"] {
            #expect(verdict(tool) == .missing, "\(tool)")
        }
        for id in ["RSP-333", "RSP-410", "RSP-418", "SKL-078"] {
            let c = try #require(r.candidates.first { $0.ids.contains { $0.written == id } }, "\(id)")
            #expect(c.verdict == .missing, "\(id)")
            #expect(!c.occurrences.isEmpty)
            #expect(c.occurrences.allSatisfy { $0.line > 0 })
        }
        let skl = try #require(r.candidates.first { $0.ids.contains { $0.written == "SKL-042" } })
        #expect(skl.verdict == .conflict)
        #expect(skl.libraryName == "tracked deals in CRM")
        #expect(skl.occurrences.contains { $0.file.hasSuffix("Video_024.md") })
    }

    @Test func nameMatcherFindsMultiWordNamesAsWholeWords() {
        var m = NameMatcher()
        m.add("ScaleKit Python SDK", entity: 1)
        m.add("ScaleKit", entity: 2)
        m.add("Node.js", entity: 3)
        let hits = m.matches(in: "Use the scalekit python sdk, not ScaleKitX; ScaleKit alone; node.js too.")
        #expect(hits.map(\.entities) == [[1], [2], [3]])
        #expect(hits.map(\.name) == ["ScaleKit Python SDK", "ScaleKit", "Node.js"])
    }
}

extension GapTests {
    /// Missing tools whose names hold one another's words are named on each other's rows (the reader creates
    /// one, not two); names made of generic words alone, and other tools, relate to nothing.
    @Test func missingCandidatesWithOneAnothersWordsAreRelated() throws {
        let path = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_040_Phase3_Analysis.md"
        let root = try TestSupport.writeTemp([
            ("LIBRARIES/LBS_003_Tools/TOL-001_Zapier.json", #"{"tool_id": "TOL-001", "name": "Zapier"}"#),
            (
                path,
                """
                # Video_040 Phase 3 Analysis

                ## Tools Mentioned

                | Tool | ID | Use |
                |------|----|-----|
                | Tavilli Search API | TOL-120 | web search |
                | Tavilli | | search |
                | ScaleKit SDK | | auth |
                | Scale-Kit Python SDK | | auth |
                | API Client | | calls |
                | Make | | automation |
                | Zapier | TOL-001 | automation |

                """
            ),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let lib = Compiler.compile(root: root.path, config: TestSupport.defaultConfig).library
        let r = try report("Video_040", library: lib, root: root.path)
        #expect(find(r, "Tavilli")?.similar == ["'Tavilli Search API' (TOL-120)"])
        #expect(find(r, "Tavilli Search API")?.similar == ["'Tavilli' (TOL-002)"])
        #expect(find(r, "ScaleKit SDK")?.similar == ["'Scale-Kit Python SDK' (TOL-004)"])
        #expect(find(r, "API Client")?.similar == [])
        #expect(find(r, "Make")?.similar == [])
        #expect(find(r, "Zapier")?.verdict == .exists)
        let tavilli = try #require(find(r, "Tavilli"))
        #expect(
            r.action(tavilli).hasSuffix("it may be the same tool as 'Tavilli Search API' (TOL-120): if so, create one"))
        #expect(r.json().contains("\"similar\": [\n        \"'Tavilli' (TOL-002)\"\n      ]"))
        let markdown = try r.markdown(templates: Templates(directory: root.path + "/templates"))
        #expect(markdown.contains("**Tavilli** is missing from the library"))
        #expect(markdown.contains("It may be the same as 'Tavilli Search API' (TOL-120)."))
        // The site's video page says it under the candidate.
        let out = root.appendingPathComponent("site-out")
        _ = try SiteBuilder.write(
            Compiler.compile(root: root.path, config: TestSupport.defaultConfig, keepContent: true), root: root.path,
            outDir: out.path, templates: Templates(directory: nil))
        let page = try String(contentsOf: out.appendingPathComponent("videos/Video_040.html"), encoding: .utf8)
        #expect(page.contains("<div class=\"note\">may be the same as &#39;Tavilli Search API&#39; (TOL-120)</div>"))
    }
}

/// Tools named with a capitalised English word (`Make`, `Linear`): the word in running text is not the tool.
@Suite struct CapitalizedWordNameTests {
    func evidence(_ transcript: String) throws -> [String: [Int]] {
        let root = try TestSupport.exampleCopy([
            (
                "LIBRARIES/LBS_003_Tools/QA/TOL-QA-081_Make.json",
                #"{"tool_id": "TOL-QA-081", "name": "Make", "description": "Make.com automation"}"#
            ),
            (
                "LIBRARIES/LBS_003_Tools/QA/TOL-QA-082_Linear.json",
                #"{"tool_id": "TOL-QA-082", "name": "Linear", "description": "Issue tracker"}"#
            ),
            ("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_031.md", transcript),
        ])
        let lib = Compiler.compile(root: root.path, config: TestSupport.defaultConfig).library
        let r = try Gaps.report(targets: ["Video_031"], library: lib, root: root.path, command: "taxo gaps")
        var out: [String: [Int]] = [:]
        for c in r.candidates where c.libraryID == "TOL-QA-081" || c.libraryID == "TOL-QA-082" {
            out[c.libraryName ?? "", default: []] += c.occurrences.map(\.line)
        }
        return out.mapValues { Array(Set($0)).sorted() }
    }

    @Test func theWordInLowerCaseOrOpeningASentenceIsNotTheTool() throws {
        let found = try evidence(
            """
            # Video 031

            [00:01] **Speaker**: So we make sure the plan is linear and simple.
            [00:05] **Speaker**: We track issues in Linear and automate the rest with Make.
            [00:09] **Speaker**: Make sure to test it. Then we make it again.
            - Make a list first.
            """)
        #expect(found["Make"] == [4])
        #expect(found["Linear"] == [4])
    }

    @Test func opensASentenceInADocumentThatNeverWritesTheWordIsTheTool() throws {
        let found = try evidence(
            """
            # Video 031

            [00:01] **Speaker**: Linear is where our issues live.
            - Make runs the automations.
            The script is tools/make/run.sh, see https://example.com/linear/docs.
            """)
        // A path or URL holding the word in lower case is no use of the word.
        #expect(found["Linear"] == [3])
        #expect(found["Make"] == [4])
    }

    @Test func sentenceOpenings() {
        func opens(_ text: String) -> Bool {
            let b = Array(text.utf8)
            let at = Array(text.utf8).firstIndex(of: UInt8(ascii: "M"))!
            return ScanState.opensSentence(b, at: at)
        }
        for t in [
            "Make", "x\nMake", "Done. Make", "**Speaker**: Make", "- Make", "## Make", "> **Make", "1. Make",
            "- [ ] Make",
        ] {
            #expect(opens(t), "\(t)")
        }
        for t in ["with Make", "use **Make**", "| Make |", "(Make)"] {
            #expect(!opens(t), "\(t)")
        }
        #expect(ScanState.isCapitalizedWord("Make"))
        #expect(!ScanState.isCapitalizedWord("ScaleKit"))
        #expect(!ScanState.isCapitalizedWord("n8n"))
        #expect(!ScanState.isCapitalizedWord("make"))
        #expect(!ScanState.isCapitalizedWord("M"))
    }
}
