import Foundation
import Testing

@testable import TaxoKit

/// The 29 real files in ../shared/fixtures/realworld-sample, compiled in a temporary copy with the
/// configuration in Tests/Fixtures/realworld/taxonomy.yaml (and once with the built-in default).
@Suite struct RealworldSampleTests {
    /// Whether the real-world tests run: when the shared fixture is beside the repository, and always in CI
    /// (CI=true), where a missing fixture must fail them rather than skip them silently.
    static var available: Bool {
        FileManager.default.fileExists(atPath: TestSupport.realworldSample.path)
            || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// Compiles a temporary copy of the sample (after `prepare` edits it) and hands the result and the
    /// copy's root to `body`; the copy is removed afterwards.
    static func withCompiledCopy<T>(
        prepare: (URL) throws -> Void = { _ in },
        _ body: (CompileResult, URL) throws -> T
    ) throws -> T {
        let root = try TestSupport.copyToTemp(TestSupport.realworldSample)
        defer { try? FileManager.default.removeItem(at: root) }
        let yaml = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/realworld/taxonomy.yaml")
        try FileManager.default.copyItem(at: yaml, to: root.appendingPathComponent("taxonomy.yaml"))
        try prepare(root)
        let (config, diags) = ConfigLoader.load(root: root)
        #expect(diags.isEmpty, "\(diags.map(\.message))")
        return try body(Compiler.compile(root: root.path, config: try #require(config)), root)
    }

    static func compileCopy(prepare: (URL) throws -> Void = { _ in }) throws -> CompileResult {
        try withCompiledCopy(prepare: prepare) { r, _ in r }
    }

    @Test(.enabled(if: available, "../shared/fixtures/realworld-sample is not beside the repo"))
    func knownDefectsAreFound() throws {
        let r = try Self.compileCopy()
        let d = r.diagnostics
        func has(_ code: String, _ file: String, _ text: String) -> Bool {
            d.contains { $0.code == code && $0.location!.file.hasSuffix(file) && $0.message.contains(text) }
        }
        // The missing comma near line 375 of TST-001, and no other parse error.
        let parse = try #require(d.first { $0.code == "TAX0001" })
        #expect(parse.location!.file.hasSuffix("TST-001_AI_Powered_HTML_Parsing.json"))
        #expect(parse.location!.line == 375)
        #expect(parse.location!.column == 26)
        #expect(d.filter { $0.code == "TAX0001" }.count == 1)
        // TST-072 defined twice: the file name carries the ID, one file still holds Task-Template-101.
        let dup = try #require(d.first { $0.code == "TAX0104" && $0.message.contains("'TST-072'") })
        #expect(dup.location!.file.hasSuffix("TST-072_Install_Configure_IDE.json"))
        #expect(
            dup.notes.first?.location?.file.hasSuffix("TST-072_Behance_Step_02_Write_Project_Description.json") == true)
        #expect(has("TAX0105", "TST-072_Behance_Step_02_Write_Project_Description.json", "Task-Template-101"))
        // OBJ-AI-011 and OBJ-AI-012 defined twice with different names.
        #expect(
            has("TAX0104", "RAG_Objects.json", "'OBJ-AI-011'") && has("TAX0104", "RAG_Objects.json", "'OBJ-AI-012'"))
        #expect(d.filter { $0.code == "TAX0104" && $0.message.contains("different name") }.count == 3)
        // TOOL-052 dangles from TOL-012_arXiv.json.
        #expect(has("TAX0201", "TOL-012_arXiv.json", "'TOOL-052'"))
        // The gap analysis claims RSP-333 and SKL-078 exist; nobody defines them.
        #expect(has("TAX0205", "Gap_Analysis/Video_024_Gap_Analysis.md", "'RSP-333'"))
        #expect(has("TAX0205", "Gap_Analysis/Video_024_Gap_Analysis.md", "'SKL-078'"))
        // The transcript's own MLS/TSK/STP IDs are scoped to Video_024, not dangling.
        #expect(
            !d.contains {
                $0.code == "TAX0205" && $0.location!.file.hasSuffix("Video_024.md") && $0.message.contains("'MLS-001'")
            })
        #expect(r.library.scopes["Video_024"]?.contains("TST-12") == true)
        // VIDEOS_INDEX.md rows with the wrong cell count.
        let rows = d.filter { $0.code == "TAX0505" && $0.location!.file.hasSuffix("VIDEOS_INDEX.md") }
        #expect(rows.count >= 10)
        #expect(rows.contains { $0.location!.line == 40 && $0.message.contains("7 cells; the header has 8") })
        // Master lists: a moved workflow file, and a list that disagrees with the file.
        #expect(
            d.contains {
                $0.code == "TAX0601"
                    && $0.hint?.contains("TASK_MANAGERS/TSM-006_Workflows/Behance_Project_Publishing_Workflow.yaml")
                        == true
            })
        #expect(has("TAX0603", "Workflows_Master_List.csv", "'WRF-001' but the file declares 'WF-SMM-004'"))
        // Hygiene: the doubled LBS_003 segment, JSON in a .md file.
        #expect(has("TAX0501", "AI_Automation_Objects.json", "LBS_003_LBS_003"))
        #expect(has("TAX0504", "Video_021.md", "JSON"))
        // Byte-order marks and CRLF cause no error: the BOM files are read, the CRLF file fails only at its defect.
        #expect(!d.contains { $0.code == "TAX0002" })
        #expect(r.library.entities.contains { $0.id?.written == "WRF-VID-001" })
        #expect(
            r.library.documents.contains {
                $0.path.hasSuffix("VIDEOS_INDEX.md") && $0.title == "Video Transcriptions Index"
            })
    }

    @Test(.enabled(if: available, "../shared/fixtures/realworld-sample is not beside the repo"))
    func brokenLinksGetCaseAndMovedFileHints() throws {
        let r = try Self.compileCopy { root in
            // A transcript saved with other letter case, and the step's parent task moved to TSM-003.
            let t = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/video_001.md")
            try "# Video 001\n".write(to: t, atomically: true, encoding: .utf8)
            let dir = root.appendingPathComponent("TASK_MANAGERS/TSM-003_Task_Templates/DESIGN")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try "# DESIGN-001\n".write(
                to: dir.appendingPathComponent("DESIGN-001.md"), atomically: true, encoding: .utf8)
        }
        let links = r.diagnostics.filter { $0.code == "TAX0401" }
        let caseOnly = try #require(links.first { $0.message.contains("'./Video_001.md'") })
        #expect(
            caseOnly.location
                == SourceLocation(
                    file: "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/VIDEOS_INDEX.md", line: 67, column: 26))
        #expect(caseOnly.hint == "'video_001.md' exists with different letter case")
        let moved = try #require(links.first { $0.message.contains("Task_Templates/DESIGN/DESIGN-001.md") })
        #expect(moved.hint == "a file of this name is at '../../TSM-003_Task_Templates/DESIGN/DESIGN-001.md'")
    }

    @Test(.enabled(if: available, "../shared/fixtures/realworld-sample is not beside the repo"))
    func theDefaultConfigurationNeverCrashesOnIt() {
        let r = Compiler.compile(root: TestSupport.realworldSample.path, config: TestSupport.defaultConfig)
        #expect(r.diagnostics.contains { $0.code == "TAX0001" })
        #expect(!r.diagnostics.contains { $0.code == "TAX0002" })
    }

    /// `taxo init` on the sample (no taxonomy.yaml): the library's own spellings (TST file names, RESP IDs).
    /// Its older task scheme the built-in configuration knows: records written `Task-Template-072` are the tasks
    /// their files name under both.
    @Test(.enabled(if: available, "../shared/fixtures/realworld-sample is not beside the repo"))
    func initInfersTheSamplesConventions() throws {
        let root = TestSupport.realworldSample.path
        let p = try #require(ConfigInference.propose(root: root, baseText: DefaultConfig.yaml))
        let settings = p.changes.map(\.setting)
        #expect(!settings.contains { $0.hasPrefix("kinds.task.legacy_patterns") })
        #expect(settings.contains("kinds.task.prefix: TST, alternate_prefixes: [TSK]"))
        #expect(settings.contains("kinds.responsibility.prefix: RESP, alternate_prefixes: [RSP]"))
        #expect(settings.contains(#"kinds.tool.legacy_id_fields: ["_migration.old_tool_id"]"#))
        let config = try #require(ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: p.text)).0)
        let after = Compiler.compile(root: root, config: config)
        let before = Compiler.compile(root: root, config: TestSupport.defaultConfig)
        func malformed(_ r: CompileResult) -> [String] {
            r.diagnostics.filter { $0.code == "TAX0101" }.map(\.message)
        }
        for r in [before, after] {
            #expect(malformed(r).filter { $0.contains("Template") }.isEmpty)
            #expect(r.library.entities.contains { $0.id?.written == "TST-072" && $0.file.contains("Install") })
            let duplicate = r.diagnostics.first { $0.code == "TAX0104" && $0.message.contains("'TST-072'") }
            #expect(duplicate != nil)
        }
    }
}
