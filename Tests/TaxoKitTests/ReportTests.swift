import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

@Suite struct ReportTests {
    static let example = Compiler.compile(root: TestSupport.repoRoot.path, config: TestSupport.defaultConfig)

    func golden(_ name: String, _ text: String) throws {
        let url = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/\(name)")
        if ProcessInfo.processInfo.environment["TAXO_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from its golden file")
    }

    /// Text is escaped once, as contexts are encoded: a library's template gets the same text from `{{x}}` as
    /// from `{{{x}}}`, for Markdown and for HTML.
    @Test func templatesEscapeNothingTwice() throws {
        let dir = Scratch.folder("taxo-tpl")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "{{a}}|{{{a}}}".write(to: dir.appendingPathComponent("t.mustache"), atomically: true, encoding: .utf8)
        let templates = Templates(directory: dir.path)
        let context = ["a": "R&D <x> \"q\""]
        #expect(try templates.render("t", ReportValue.make(context)) == "R&D &lt;x&gt; \"q\"|R&D &lt;x&gt; \"q\"")
        #expect(
            try templates.render("t", ReportValue.html(context))
                == "R&amp;D &lt;x&gt; &quot;q&quot;|R&amp;D &lt;x&gt; &quot;q&quot;")
    }

    @Test func trackerShowsVideo024DoneAndVideo025StoppedAfterPhase3() throws {
        let t = PhaseTracker(result: Self.example)
        #expect(t.videos.map(\.id) == ["Video_024", "Video_025"])
        let states = t.videos.map { $0.phases.map(\.state.symbol).joined(separator: " ") }
        #expect(states == ["✅ — ✅ ✅ ✅ ✅ ✅", "✅ — ✅ ❌ ❌ ❌ ❌"])
        #expect(t.videos[1].nextAction == "Phase 4: Objects Extraction")
        #expect(t.videos[0].title == "Tutorial: Auth for Remote MCP Servers (Step by Step) | OAuth 2.1 with ScaleKit")
        let md = try Templates(directory: nil).render("videos-index.md", try t.context(command: "taxo build"))
        #expect(md.contains("| Video_024 | ✅ | — | ✅ | ✅ | ✅ | ✅ | ✅ | None: all phases done |"))
        #expect(md.contains("| Video_025 | ✅ | — | ✅ | ❌ | ❌ | ❌ | ❌ | Phase 4: Objects Extraction |"))
        #expect(md.contains("Tutorial: Auth for Remote MCP Servers (Step by Step) \\| OAuth 2.1 with ScaleKit"))
        // Findings and actions name what is left to do: not the finished Video_024, no errors to fix.
        let findings = try #require(
            md.components(separatedBy: "## Findings\n").last?.components(separatedBy: "## Metrics").first)
        #expect(findings.contains("- Video_025: Phase 4: Objects Extraction"))
        #expect(!findings.contains("Video_024"))
        #expect(findings.contains("Produce the missing artifacts"))
        #expect(!findings.contains("Fix the errors"))
        try golden("VIDEOS_INDEX.expected.md", md)
    }

    /// A phase whose file has errors is ⚠️, its video's next action is to fix them, and the actions say how; a
    /// library where every video is done says so instead of listing them.
    @Test func trackerFindingsFollowWhatIsLeft() throws {
        let transcript = "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_031.md"
        let broken = TestSupport.compile([(transcript, "# Video_031\n\nWe used TOL-999 (Nothing).\n")])
        let t = PhaseTracker(result: broken)
        #expect(t.videos.first?.phases.first?.state == .errors)
        let md = try Templates(directory: nil).render("videos-index.md", try t.context(command: "taxo build"))
        #expect(md.contains("- Video_031: Fix the errors of Phase 1 (Transcription)"))
        #expect(md.contains("- Fix the errors in the files of the ⚠️ phases"))
        var config = TestSupport.defaultConfig
        config.phases = [config.phases[0]]
        let done = Compiler.compile(
            files: [(transcript, Array("# Video_031\n\nNothing to see.\n".utf8))], config: config)
        let doneMD = try Templates(directory: nil).render(
            "videos-index.md", try PhaseTracker(result: done).context(command: "taxo build"))
        #expect(doneMD.contains("## Findings\n- Every video has all its phases done.\n"))
        #expect(doneMD.contains("## Actions / Next Steps\n- None.\n"))
    }

    @Test func mappingReportShowsTheWRFSEC014Hierarchy() throws {
        let ctx = try MappingReport(result: Self.example, video: "Video_024").context(command: "taxo build")
        let tree = try #require(ctx["tree"]?.text)
        #expect(
            tree.hasPrefix(
                "WRF-SEC-014 Secure MCP OAuth 2.1 Implementation\n├── MLS-001 Prepare Baseline MCP Server (AID)\n│   ├── TSK-001"
            ))
        #expect(tree.contains("└── MLS-004 Test Authenticated MCP Workflow (QA)"))
        let md = try Templates(directory: nil).render("library-mapping.md", ctx)
        for section in [
            "## Summary", "## Context", "## Data / Content", "## Findings", "## Actions / Next Steps",
            "## Metrics / Status", "## Attachments / Links", "## Change Log",
        ] { #expect(md.contains(section)) }
        #expect(md.contains("```mermaid\nflowchart TD\n"))
        #expect(
            md.contains("ACT-050 Export → OBJ-SEC-510 OAuth Metadata JSON via TOL-AID-201 FastAPI + FastMCP in STP-007")
        )
        try golden("Video_024_Library_Mapping_Report.expected.md", md)
    }

    @Test func mermaidIsWellFormedWithAwkwardNames() throws {
        let files: [(String, String)] = [
            (
                "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.json",
                #"{"workflow_id": "WRF-001", "name": "Say \"hi\" [now] | later", "milestones": ["MLS-001"], "source_video": "Video_001"}"#
            ),
            (
                "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json",
                #"{"milestone_id": "MLS-001", "name": "Plan (a) {b} <c> #1", "tasks": ["TSK-001"], "source_video": "Video_001"}"#
            ),
            (
                "TASK_MANAGERS/TSM-003_Task_Templates/TSK-001_Do.json",
                #"{"task_id": "TSK-001", "name": "Do it", "source_video": "Video_001"}"#
            ),
        ]
        let r = TestSupport.compile(files)
        let mermaid = try #require(
            try MappingReport(result: r, video: "Video_001").context(command: "")["mermaid"]?.text)
        let lines = mermaid.split(separator: "\n").map(String.init)
        #expect(lines.first == "flowchart TD")
        var declared = Set<String>()
        var edges = 0
        for l in lines.dropFirst() {
            let t = l.trimmingCharacters(in: .whitespaces)
            if let open = t.firstIndex(of: "[") {
                let id = String(t[..<open])
                #expect(id.range(of: #"^n[0-9]+$"#, options: .regularExpression) != nil, "bad node id \(id)")
                #expect(t.hasSuffix("\"]"))
                #expect(t.dropFirst(id.count).hasPrefix("[\""))
                let label = t.dropFirst(id.count + 2).dropLast(2)
                for bad in ["\"", "[", "]", "|", "(", ")", "{", "}", "<", ">"] {
                    #expect(!label.contains(bad), "unescaped \(bad) in \(label)")
                }
                declared.insert(id)
            } else {
                let parts = t.components(separatedBy: " --> ")
                #expect(parts.count == 2)
                #expect(declared.contains(parts[0]), "edge to an undeclared node: \(t)")
                #expect(declared.contains(parts[1]), "edge to an undeclared node: \(t)")
                edges += 1
            }
        }
        #expect(declared.count == 3)
        #expect(edges == 2)
        #expect(mermaid.contains("Say #quot;hi#quot; #91;now#93; #124; later"))
    }

    @Test(.enabled(if: RealworldSampleTests.available, "../shared/fixtures/realworld-sample is not beside the repo"))
    func phasesCheckFindsTheHandKeptTrackersDisagreements() throws {
        let path = "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/VIDEOS_INDEX.md"
        let findings = try RealworldSampleTests.withCompiledCopy { r, root in
            let file = SourceFile(path: path, rawBytes: try #require(FileReader.read(root.path + "/" + path)))
            return PhaseCheck.check(file, tracker: PhaseTracker(result: r))
        }
        let msgs = findings.map(\.message)
        #expect(
            msgs.contains(
                "Video_001 Phase 1 (Transcription) is marked ✅ but no artifact exists (the library has no file of Video_001)"
            ))
        #expect(msgs.contains { $0.hasPrefix("Video_023 is missing from the tracker") })
        #expect(findings.contains { $0.line == 40 && $0.message == "row has 7 cells; the header has 8" })
        #expect(
            findings.contains {
                $0.line == 690
                    && $0.message.hasPrefix(
                        "Video_024 Phase 3 (Initial Analysis) is marked ✅ but its artifact has errors")
            })
    }

    @Test func healthReportCountsAndTrends() throws {
        let ctx = try HealthReport(
            result: Self.example, previous: ["entities": "70", "errors": "2", "build_time": "2026-01-01T00:00:00Z"]
        ).context(command: "taxo build")
        #expect(ctx["entities"]?.int == 72)
        #expect(ctx["chains_complete"]?.int == 1)
        #expect(ctx["chains_total"]?.int == 1)
        #expect(ctx["dangling"]?.int == 0)
        let md = try Templates(directory: nil).render("health.md", ctx)
        #expect(md.contains("| entities | 70 | 72 | +2 |"))
        #expect(md.contains("| errors | 2 | 0 | -2 |"))
    }

    /// Each incomplete chain links to its top entity and says where it stops: no child at all (with the
    /// children its file describes without records), or a level whose entities have no children.
    @Test func incompleteChainsSayWhereTheyStop() throws {
        let files: [(String, String)] = [
            (
                "TASK_MANAGERS/TSM-006_Workflows/WRF-001.json",
                #"{"workflow_id": "WRF-001", "name": "Full", "milestones": ["MLS-001"]}"#
            ),
            (
                "TASK_MANAGERS/TSM-002_Milestones/MLS-001.json",
                #"{"milestone_id": "MLS-001", "name": "M1", "tasks": ["TSK-001"]}"#
            ),
            (
                "TASK_MANAGERS/TSM-003_Tasks/TSK-001.json",
                #"{"task_id": "TSK-001", "name": "T1", "steps": ["STP-001"]}"#
            ),
            ("TASK_MANAGERS/TSM-004_Steps/STP-001.json", #"{"step_id": "STP-001", "name": "S1"}"#),
            (
                "TASK_MANAGERS/TSM-006_Workflows/WRF-002.json",
                #"{"workflow_id": "WRF-002", "name": "Two", "milestones": ["MLS-002", "MLS-003"]}"#
            ),
            ("TASK_MANAGERS/TSM-002_Milestones/MLS-002.json", #"{"milestone_id": "MLS-002", "name": "M2"}"#),
            ("TASK_MANAGERS/TSM-002_Milestones/MLS-003.json", #"{"milestone_id": "MLS-003", "name": "M3"}"#),
            (
                "TASK_MANAGERS/TSM-006_Workflows/WRF-003.json",
                #"{"workflow_id": "WRF-003", "name": "Inline", "tasks": [{"task_id": "TSK-001", "task_name": "A"}, {"task_id": "TSK-002", "task_name": "B"}]}"#
            ),
        ]
        let r = TestSupport.compile(files)
        let ctx = try HealthReport(result: r, previous: nil).context(command: "taxo build")
        #expect(ctx["chains_complete"]?.int == 1)
        #expect(ctx["chains_total"]?.int == 3)
        let md = try Templates(directory: nil).render("health.md", ctx)
        #expect(md.contains("- 1 of 3 workflows have a full workflow → milestone → task → step chain."))
        #expect(
            md.contains(
                "- Incomplete chain: [WRF-002 Two](TASK_MANAGERS/TSM-006_Workflows/WRF-002.json#L1): its 2 milestones link to no task"
            ))
        #expect(
            md.contains(
                "- Incomplete chain: [WRF-003 Inline](TASK_MANAGERS/TSM-006_Workflows/WRF-003.json#L1): links to no milestone (its file describes 2 tasks, not as records)"
            ))
        #expect(!md.contains("Incomplete chain: [WRF-001"))
    }

    @Test func buildWritesEveryReport() throws {
        let out = Scratch.folder("taxo-reports")
        defer { try? FileManager.default.removeItem(at: out) }
        let o = try Builder.build(
            root: TestSupport.repoRoot.path, config: TestSupport.defaultConfig, outDir: out.path, buildTime: "x")
        let names = Set(o.reports.map { String($0.dropFirst(out.path.count + 1)) })
        #expect(
            names == [
                "gaps/Video_024_Gap_Analysis.md", "gaps/Video_025_Gap_Analysis.md", "VIDEOS_INDEX.md",
                "mapping/Video_024_Library_Mapping_Report.md", "HEALTH.md",
            ])
    }

    /// Builds a copy of the example library into its `output/` (returned).
    @discardableResult
    func build(_ root: URL, _ time: String) throws -> URL {
        let out = root.appendingPathComponent("output")
        _ = try Builder.build(root: root.path, config: TestSupport.defaultConfig, outDir: out.path, buildTime: time)
        return out
    }

    /// Appends text to a video's transcript.
    func append(_ text: String, toTranscriptOf video: String, in root: URL) throws {
        let transcript = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/\(video).md")
        try (try String(contentsOf: transcript, encoding: .utf8) + text).write(
            to: transcript, atomically: true, encoding: .utf8)
    }

    /// A report whose inputs changed but whose text would not (its text has the fingerprint the manifest
    /// holds) is left untouched; one whose text changes is rewritten.
    @Test func reportsAreWrittenOnlyWhenTheirContentChanges() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = try build(root, "x")
        let gap = out.appendingPathComponent("gaps/Video_025_Gap_Analysis.md")
        try "kept\n".write(to: gap, atomically: true, encoding: .utf8)
        // A blank line at the end of the transcript: new inputs, the same report.
        try append("\n", toTranscriptOf: "Video_025", in: root)
        try build(root, "y")
        #expect(try String(contentsOf: gap, encoding: .utf8) == "kept\n")
        let manifest = try String(contentsOf: out.appendingPathComponent("gaps/.manifest"), encoding: .utf8)
        #expect(manifest.split(separator: "\n").allSatisfy { $0.split(separator: " ").count == 3 }, "\(manifest)")
        // A new tool mention changes the report: it is written again.
        try append(
            "\nWe also validated tokens with the ScaleKit Python SDK here.\n", toTranscriptOf: "Video_025", in: root)
        try build(root, "z")
        #expect(try String(contentsOf: gap, encoding: .utf8).contains("ScaleKit Python SDK"))
    }

    /// A report's next free IDs skip IDs announced in any document: when another video's document announces
    /// the ID a report suggests, the report is made again (its own documents did not change).
    @Test func aGapReportIsMadeAgainWhenAnotherVideoAnnouncesTheIDItSuggests() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let gap = try build(root, "x").appendingPathComponent("gaps/Video_025_Gap_Analysis.md")
        #expect(try String(contentsOf: gap, encoding: .utf8).contains("TOL-AID-207"))
        try append("\n## New tools\n\nProposed Tool ID: TOL-AID-207\n", toTranscriptOf: "Video_024", in: root)
        try build(root, "y")
        let after = try String(contentsOf: gap, encoding: .utf8)
        #expect(!after.contains("TOL-AID-207"))
        #expect(after.contains("TOL-AID-208"))
    }

    @Test func reportsAreRewrittenWhenStaleAndAllWithNoCache() throws {
        let out = Scratch.folder("taxo-reports")
        defer { try? FileManager.default.removeItem(at: out) }
        let root = TestSupport.repoRoot.path, config = TestSupport.defaultConfig
        _ = try Builder.build(root: root, config: config, outDir: out.path, buildTime: "x")
        let gap = out.appendingPathComponent("gaps/Video_024_Gap_Analysis.md")
        let mapping = out.appendingPathComponent("mapping/Video_024_Library_Mapping_Report.md")
        let original = try String(contentsOf: gap, encoding: .utf8)
        for f in [gap, mapping] { try "edited by hand\n".write(to: f, atomically: true, encoding: .utf8) }
        // Nothing they were made from changed: an ordinary build keeps them (the manifests say so).
        _ = try Builder.build(root: root, config: config, outDir: out.path, buildTime: "y")
        #expect(try String(contentsOf: gap, encoding: .utf8) == "edited by hand\n")
        // --no-cache rewrites every report.
        _ = try Builder.build(root: root, config: config, outDir: out.path, noCache: true, buildTime: "z")
        #expect(try String(contentsOf: gap, encoding: .utf8) == original)
        #expect(try String(contentsOf: mapping, encoding: .utf8).contains("Video_024"))
    }

    /// A name cannot close a fence, start a heading or bring HTML into a report (issue 16, injection): every
    /// text of a context is escaped by the report encoder, fenced lines and Mermaid labels by their own rules.
    @Test func namesCannotInjectMarkdownOrHTML() throws {
        let evil = "Tool```\n# Injected <script>alert(1)</script> | x"
        let cell = MarkdownText.escape(evil)
        #expect(!cell.contains("\n"))
        #expect(!cell.contains("<script>"))
        #expect(cell.contains("&lt;script&gt;"))
        #expect(cell.contains("\\|"))
        #expect(!cell.contains("```"))
        let line = MarkdownText.fenced(evil)
        #expect(!line.contains("```"))
        #expect(!line.contains("\n"))
        let node = Mermaid.escape(evil)
        #expect(!node.contains("`"))
        #expect(!node.contains("<"))
        #expect(!node.contains("\n"))
        // Through whole reports: an entity and a tool named so.
        let files: [(String, String)] = [
            (
                "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.json",
                #"{"workflow_id": "WRF-001", "name": "Flow```\n# Injected <script>x</script>", "milestones": ["MLS-001"], "source_video": "Video_001"}"#
            ),
            (
                "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json",
                #"{"milestone_id": "MLS-001", "name": "Plan | <b>", "source_video": "Video_001"}"#
            ),
        ]
        let r = TestSupport.compile(files)
        let md = try Templates(directory: nil).render(
            "library-mapping.md", try MappingReport(result: r, video: "Video_001").context(command: "taxo build"))
        // Outside fenced blocks (inside, text is code and shows as it is) no HTML gets through.
        let prose = md.components(separatedBy: "\n```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            .joined()
        #expect(!prose.contains("<script>"))
        #expect(!prose.contains("<b>"))
        #expect(md.contains("WRF-001 Flow`\u{200B}`\u{200B}` # Injected <script>x</script>"))
        #expect(!md.split(separator: "\n").contains { $0.hasPrefix("# Injected") })
        // The fences stay balanced: every opening fence is closed.
        #expect(md.components(separatedBy: "\n```").count % 2 == 1)
        let health = try Templates(directory: nil).render(
            "health.md", try HealthReport(result: r, previous: nil).context(command: "taxo build"))
        #expect(!health.contains("<script>"))
    }

    /// The mapping report's integration rows come in ID order, link existing entries to their line, and an ID
    /// the documents propose without a file is counted in the actions.
    @Test func mappingIntegrationInIDOrderWithTheMissingCounted() throws {
        let files: [(String, String)] = [
            (
                "LIBRARIES/LBS_003_Tools/TOL-015_Plan.json",
                #"{"tool_id": "TOL-015", "name": "Planner", "source_video": "Video_001"}"#
            ),
            (
                "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_001.md",
                "# Video_001\n\nTools TOL-110 (Shipper) and TOL-015.\n"
            ),
        ]
        let r = TestSupport.compile(files)
        let md = try Templates(directory: nil).render(
            "library-mapping.md", try MappingReport(result: r, video: "Video_001").context(command: "taxo build"))
        let rows = md.split(separator: "\n").filter {
            $0.hasPrefix("| TOL-") && ($0.contains("✅") || $0.contains("❌"))
        }
        #expect(rows.count == 2, "\(md)")
        #expect(
            rows.first?.hasPrefix("| TOL-015 | Planner | ✅ exists | [TOL-015_Plan.json:1](") == true, "\(rows)")
        #expect(rows.last?.hasPrefix("| TOL-110 | Shipper | ❌ no file | — |") == true, "\(rows)")
        #expect(md.contains("- Create the 1 proposed entities marked ❌"))
        #expect(md.contains("- Fix the diagnostics above"))
    }

    /// Counts in reports read as English: kind names in the plural when the count is not one.
    @Test func kindNamesInThePlural() {
        #expect(EnglishPlural.count(1, "object") == "1 object")
        #expect(EnglishPlural.count(2, "object") == "2 objects")
        #expect(EnglishPlural.count(3, "responsibility") == "3 responsibilities")
        #expect(EnglishPlural.count(2, "day") == "2 days")
        #expect(EnglishPlural.count(2, "box") == "2 boxes")
        #expect(EnglishPlural.count(0, "task") == "0 tasks")
    }

    /// Caches and report fingerprints carry this binary's identity, not only the version: a rebuilt taxo never
    /// reuses what an older one extracted or rendered.
    @Test func theBuildIdentityNamesThisBinary() {
        #expect(TaxoVersion.build.hasPrefix(TaxoVersion.string + "+"))
        #expect(TaxoVersion.build.count > TaxoVersion.string.count + 3)
    }

    /// Orphans are live entities nothing uses: a department record is used by the entities of its department
    /// (by code in an ID or a department field, or by name), and retired or archived entities are none; with no
    /// findings the report says so instead of an empty table.
    @Test func healthOrphansCountDepartmentsByTheirEntities() throws {
        let files: [(String, String)] = [
            (
                "LIBRARIES/LBS_006_Departments/Master/departments.json",
                #"{"data": [{"department_id": "DPT-001", "code": "AID", "name": "AI Engineers"}, "#
                    + #"{"department_id": "DPT-002", "code": "QA", "name": "Testers"}, "#
                    + #"{"department_id": "DPT-003", "code": "SEC", "name": "Security"}]}"#
            ),
            ("LIBRARIES/LBS_003_Tools/TOL-AID-001_A.json", #"{"tool_id": "TOL-AID-001", "name": "A"}"#),
            (
                "LIBRARIES/LBS_003_Tools/TOL-002_B.json",
                #"{"tool_id": "TOL-002", "name": "B", "department": "Testers"}"#
            ),
            (
                "LIBRARIES/LBS_003_Tools/TOL-003_C.json",
                #"{"tool_id": "TOL-003", "name": "C", "department": "AID", "status": "retired"}"#
            ),
        ]
        let r = TestSupport.compile(files)
        let ctx = try HealthReport(result: r, previous: nil).context(command: "taxo build")
        let orphans = try #require(ctx["orphan_list"]?.array).compactMap { $0["id"]?.text }
        // AID is used by TOL-AID-001, QA by TOL-002 (its name); SEC by nobody. The retired tool is no orphan.
        #expect(orphans.contains("DPT-003"))
        #expect(!orphans.contains("DPT-001"))
        #expect(!orphans.contains("DPT-002"))
        #expect(!orphans.contains("TOL-003"))
        let md = try Templates(directory: nil).render("health.md", ctx)
        #expect(
            md.contains(
                "- Orphan: [DPT-003 Security](LIBRARIES/LBS_006_Departments/Master/departments.json#L1) (department): "
                    + "no entity is in this department"))
        #expect(
            md.contains(
                "- Orphan: [TOL-AID-001 A](LIBRARIES/LBS_003_Tools/TOL-AID-001_A.json#L1) (tool): nothing links to it or mentions it"
            ))
        #expect(md.contains("- Link each orphan from where it belongs"))
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        #expect(md.contains("## Findings\n\n`taxo check` reports nothing.\n"))
        #expect(md.contains("- 6 entities and 0 documents in 4 files; 0 errors, 0 warnings.\n"), "\(md)")
        #expect(md.contains(". 3 entities are orphans.\n"), "\(md)")
        #expect(!md.contains("| Code | Rule |"))
    }

    @Test func healthMergesDepartmentsAndCountsArchivedApart() throws {
        let files: [(String, String)] = [
            (
                "taxonomy.yaml",
                "kinds:\n  tool:\n    prefix: TOL\n    department: optional\n    files: [\"tools/**/*.json\"]\n    id_fields: [tool_id]\narchive: [\"**/_archive/**\"]\ndepartments:\n  AID: { name: \"AI & Automations\", aliases: [AI] }\n"
            ),
            ("tools/a.json", "{\"tool_id\": \"TOL-AID-001\", \"name\": \"A\"}"),
            ("tools/b.json", "{\"tool_id\": \"TOL-AI-002\", \"name\": \"B\"}"),
            ("tools/c.json", "{\"tool_id\": \"TOL-003\", \"name\": \"C\", \"department\": \"AI & Automations\"}"),
            ("tools/d.json", "{\"tool_id\": \"TOL-004\", \"name\": \"D\", \"department\": \"Sales\"}"),
            ("tools/_archive/e.json", "{\"tool_id\": \"TOL-005\", \"name\": \"E\"}"),
        ]
        let r = TestSupport.compile(files)
        let ctx = try HealthReport(result: r, previous: nil).context(command: "taxo build")
        let rows = try #require(ctx["per_department"]?.array)
        #expect(rows.map { $0["department"]?.text } == ["AID", "unknown: Sales"])
        #expect(rows.first?["count"]?.int == 3)
        #expect(ctx["archived"]?.int == 1)
        // Counts of one read in the singular.
        let md = try Templates(directory: nil).render("health.md", ctx)
        #expect(md.contains("\n1 archived entity (in an archive folder) is not counted.\n"), "\(md)")
        #expect(md.contains("- 5 entities and 0 documents in 5 files; 0 errors, 0 warnings.\n"), "\(md)")
        // No hierarchy is configured: no line about its chains.
        #expect(md.contains("- 0 of 0 references resolve; 0 dangle. 4 entities are orphans.\n\n## Context"), "\(md)")
    }

    /// A department field written as a name the library's own department records give (their code, name,
    /// full name), in another word order or number, counts for that department; a name that is not one, or
    /// that two departments share, stays unknown.
    @Test func departmentRecordsTeachTheirNames() throws {
        let files: [(String, String)] = [
            (
                "taxonomy.yaml",
                """
                kinds:
                  skill: { prefix: SKL, files: ["skills/*.json"], id_fields: [skill_id] }
                  department: { prefix: DPT, files: ["departments/*.json"], records: "data[]", id_fields: [department_id], name_fields: [full_name, name] }
                departments:
                  DEV: { name: "Development & Engineering" }
                  HRM: { name: "Human Resources Management", aliases: [HR] }
                  SLS: { name: "Sales" }
                  MKT: { name: "Marketing" }
                  VID: { name: "Video Production" }

                """
            ),
            (
                "departments/departments.json",
                """
                {"data": [
                  {"department_id": "DPT-001", "code": "DEV", "name": "Developers", "full_name": "Development & Engineering"},
                  {"department_id": "DPT-002", "code": "HRM", "name": "HR Managers", "full_name": "Human Resources Management"},
                  {"department_id": "DPT-003", "code": "SLS", "name": "Growth Team"},
                  {"department_id": "DPT-004", "code": "MKT", "name": "Growth"},
                  {"department_id": "DPT-005", "code": "VID", "name": "Video Editors", "full_name": "Video Production"}
                ]}
                """
            ),
            ("skills/a.json", "{\"skill_id\": \"SKL-001\", \"name\": \"A\", \"department\": \"Developers\"}"),
            ("skills/b.json", "{\"skill_id\": \"SKL-002\", \"name\": \"B\", \"department\": \"Managers (HR)\"}"),
            ("skills/c.json", "{\"skill_id\": \"SKL-003\", \"name\": \"C\", \"department\": \"developer\"}"),
            ("skills/d.json", "{\"skill_id\": \"SKL-004\", \"name\": \"D\", \"department\": \"Growth\"}"),
            ("skills/e.json", "{\"skill_id\": \"SKL-005\", \"name\": \"E\", \"department\": \"Video\"}"),
        ]
        let r = TestSupport.compile(files)
        let lib = r.library
        func code(_ id: String) -> String? {
            lib.entities.first { $0.id?.written == id }.flatMap { lib.departmentCode(of: $0) }
        }
        #expect(code("SKL-001") == "DEV")
        #expect(code("SKL-002") == "HRM")
        #expect(code("SKL-003") == "DEV")
        // "Growth Team" (SLS) and "Growth" (MKT) are one name once "team" is dropped: neither.
        #expect(code("SKL-004") == nil)
        #expect(code("SKL-005") == nil)
        let ctx = try HealthReport(result: r, previous: nil).context(command: "taxo build")
        let rows = try #require(ctx["per_department"]?.array)
        let departments = rows.compactMap { $0["department"]?.text }
        // Its own row, which says the one department whose name holds it.
        #expect(departments.contains("unknown: Video (part of VID's name)"), "\(departments)")
        #expect(!departments.contains("unknown: Developers"))
    }

    /// A department code the library's department records give but the configuration does not: the finding
    /// says where the code is declared and what to add to taxonomy.yaml.
    @Test func anUnknownCodeOfADepartmentRecordPointsAtIt() throws {
        let files: [(String, String)] = [
            (
                "taxonomy.yaml",
                """
                kinds:
                  tool: { prefix: TOL, department: optional, files: ["tools/*.json"], id_fields: [tool_id] }
                  department: { prefix: DPT, files: ["departments/*.json"], records: "data[]", id_fields: [department_id], name_fields: [full_name, name] }
                departments:
                  DEV: { name: "Development" }

                """
            ),
            (
                "departments/departments.json",
                #"{"data": [{"department_id": "DPT-009", "code": "FIN", "full_name": "Finance & Accounting"}]}"#
            ),
            ("tools/a.json", #"{"tool_id": "TOL-FIN-001", "name": "Ledger"}"#),
            ("tools/b.json", #"{"tool_id": "TOL-OPS-002", "name": "Other"}"#),
        ]
        let r = TestSupport.compile(files)
        let hints = r.diagnostics.filter { $0.code == "TAX0106" }.map { $0.location!.file + " " + ($0.hint ?? "") }
        #expect(hints.count == 2)
        #expect(
            hints.contains(
                "tools/a.json FIN is department DPT-009 (Finance & Accounting) in departments/departments.json, but "
                    + "taxonomy.yaml does not declare it: add `FIN: { name: \"Finance & Accounting\" }` under 'departments:'"
            ))
        #expect(hints.contains { $0.hasPrefix("tools/b.json") && !$0.contains("DPT-") })
    }
}
