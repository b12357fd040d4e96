import Foundation
import Testing

@testable import TaxoKit

/// `taxo init`'s inference on a library laid out unlike the built-in configuration, and the in-place editor
/// it writes with.
@Suite struct ConfigInferenceTests {
    /// Tools under catalog/ with two-digit IDs and a FIN department, a kind the built-in configuration lacks
    /// (CAP-), tasks whose records keep an older scheme while their file names carry TST IDs, transcripts in
    /// research/; planted: a mention of a tool that does not exist, and one task whose ID is simply broken.
    static let files: [(String, String)] = {
        var f: [(String, String)] = []
        for i in 1...3 {
            f.append(
                (
                    "catalog/tools/ai/TOL-FIN-0\(i).json",
                    #"{"tool_id": "TOL-FIN-0\#(i)", "tool_title": "Ledger \#(i)", "capabilities": ["CAP-00\#(i)"]}"#
                ))
        }
        for i in 4...5 {
            f.append(
                ("catalog/tools/sec/TOL-SEC-0\(i).json", #"{"tool_id": "TOL-SEC-0\#(i)", "tool_title": "Vault \#(i)"}"#)
            )
        }
        for i in 1...3 {
            f.append(("catalog/capabilities/cap\(i).json", #"{"capability_id": "CAP-00\#(i)", "name": "Cap \#(i)"}"#))
        }
        for i in 1...4 {
            f.append(
                (
                    "processes/tasks/TST-10\(i)_Do.json",
                    #"{"task_template_id": "Work-Item-10\#(i)", "task_name": "Do \#(i)", "tools_required": ["TOL-FIN-01"]}"#
                ))
        }
        f.append(("processes/tasks/TST-109_Broken.json", #"{"task_template_id": "Tsk#109", "task_name": "Broken"}"#))
        f.append(("research/transcripts/Video_001.md", "# Video_001\n\nUses TOL-FIN-01 and TOL-FIN-09.\n"))
        f.append(("research/transcripts/Video_002.md", "# Video_002\n\nUses CAP-003 after Work-Item-102.\n"))
        f.append(("research/analysis/gaps/Video_001_Gap_Analysis.md", "# Gaps of Video_001\n\nTOL-FIN-01 exists.\n"))
        f.append(("research/analysis/Video_002_Objects.md", "# Objects of Video_002\n\nCAP-001.\n"))
        return f
    }()

    func withLibrary<T>(_ body: (URL) throws -> T) throws -> T {
        let root = try TestSupport.writeTemp(Self.files, prefix: "taxo-infer")
        defer { try? FileManager.default.removeItem(at: root) }
        return try body(root)
    }

    @Test func aLibraryLaidOutOtherwiseGetsItsConventionsAndKeepsItsDefects() throws {
        try withLibrary { root in
            let p = try #require(ConfigInference.propose(root: root.path, baseText: DefaultConfig.yaml))
            let settings = p.changes.map(\.setting)
            func has(_ s: String) -> Bool { settings.contains { $0.hasPrefix(s) } }
            #expect(has("kinds.capability"))
            #expect(has("kinds.tool.digits: 2"))
            #expect(has("kinds.tool.name_fields: [name, tool_name, tool_title]"))
            #expect(has("kinds.tool.links.capabilities[]: capability"))
            #expect(has("kinds.task.prefix: TST, alternate_prefixes: [TSK]"))
            #expect(
                has(#"kinds.task.legacy_patterns: ["Task-Template-{n}", "TASK-TEMPLATE-{a}-{n}", "Work-Item-{n}"]"#))
            #expect(has("kinds.task.id_from_filename: true"))
            #expect(has("departments.FIN"))
            #expect(has("roots: [catalog, processes, research]"))
            #expect(has("documents.transcript.files"))
            #expect(
                has(#"documents.analysis.files: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/**/*.md", "research/**/*.md"]"#))
            // One broken ID is a defect, not a scheme.
            #expect(!p.text.contains("Tsk"))
            #expect(p.changes.allSatisfy { $0.applied })
            // Every change is commented with what it rests on, above the setting.
            let lines = p.text.split(separator: "\n").map(String.init)
            let at = try #require(lines.firstIndex { $0.contains(#""Work-Item-{n}"]"#) })
            #expect(
                lines[at - 1].trimmingCharacters(in: .whitespaces)
                    == "# taxo init: 4 records write IDs as Work-Item-{n}")

            let config = try #require(ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: p.text)).0)
            // Phase artifacts where the phases' patterns do not look: the tracker sees them.
            #expect(has("phases"))
            #expect(config.phases[0].artifacts.last == "research/transcripts/{video}.md")
            #expect(config.phases[4].artifacts.last == "research/analysis/gaps/{video}_Gap_Analysis.md")
            #expect(config.phases[2].artifacts.count == 1)
            let r = Compiler.compile(root: root.path, config: config)
            #expect(r.library.documents.map(\.type) == ["analysis", "analysis", "transcript", "transcript"])
            let ids = Set(r.library.entities.compactMap { $0.id?.canonical })
            #expect(ids.isSuperset(of: ["TOL-FIN-01", "TOL-SEC-05", "CAP-001", "CAP-003", "TST-101", "TST-104"]))
            let errors = r.diagnostics.filter { $0.severity == .error }.map { "\($0.code) \($0.message)" }.sorted()
            #expect(errors.count == 2, "\(errors)")
            #expect(errors.contains { $0.hasPrefix("TAX0101") && $0.contains("Tsk#109") })
            #expect(errors.contains { $0.hasPrefix("TAX0205") && $0.contains("TOL-FIN-09") })
            // The older ID resolves to the task named by its file.
            #expect(!r.diagnostics.contains { $0.message.contains("Work-Item-102") && $0.severity == .error })

            // A fixed point: the proposal, inferred from again, needs no change.
            let again = try #require(ConfigInference.propose(root: root.path, baseText: p.text))
            #expect(again.changes.isEmpty, "\(again.changes.map(\.setting))")
            #expect(again.text == p.text)
        }
    }

    /// A glob climbs to the highest folder holding only the kind's records: not over a data file of no kind
    /// (`cat/index.json`), and never written for a folder whose name holds glob characters.
    @Test func globsStopAtFilesOfNoKindAndAtUnwritableNames() throws {
        var files = [("cat/index.json", #"{"title": "Catalogue"}"#), ("odd/index.json", #"{"title": "Odd"}"#)]
        for i in 1...2 {
            files.append(("cat/tools/a/t\(i).json", #"{"tool_id": "TOL-10\#(i)", "name": "T\#(i)"}"#))
            files.append(("cat/tools/b/u\(i).json", #"{"tool_id": "TOL-20\#(i)", "name": "U\#(i)"}"#))
            files.append(("odd/{x}/w\(i).json", #"{"workflow_id": "WRF-00\#(i)", "name": "W\#(i)"}"#))
        }
        let root = try TestSupport.writeTemp(files, prefix: "taxo-infer")
        defer { try? FileManager.default.removeItem(at: root) }
        let p = try #require(ConfigInference.propose(root: root.path, baseText: DefaultConfig.yaml))
        #expect(p.text.contains(#""cat/tools/**/*.json"]"#))
        #expect(!p.text.contains(#""cat/**"#))
        let byHand = p.changes.filter { !$0.applied }.map(\.setting)
        #expect(byHand == [#"kinds.workflow.files: "odd/{x}/**""#])
        #expect(ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: p.text)).0 != nil)
    }

    /// Step templates in Markdown whose `Step ID` rows write an ID in no scheme, per department folder
    /// (`DESIGN-001-01`): each scheme becomes a legacy pattern and their TAX0102 goes; a typo of a declared
    /// prefix (`SPT-009`) stays a typo, and one file alone shows no scheme.
    @Test func markdownOwnIDsInNoSchemeBecomePatterns() throws {
        var files: [(String, String)] = []
        func step(_ path: String, _ id: String) {
            files.append(
                (
                    "TASK_MANAGERS/TSM-004_Step_Templates/" + path,
                    "# Step Template: \(id)\n\n| Attribute | Value |\n|---|---|\n| Step ID | `\(id)` |\n"
                ))
        }
        for i in 1...3 { step("DESIGN/Step-Template-15\(i).md", "DESIGN-001-0\(i)") }
        for i in 1...2 { step("DEV/Step-Template-16\(i).md", "DEV-002-0\(i)") }
        step("OPS/Step-Template-170.md", "OPS-003-01")
        step("SPT/Step-Template-171.md", "SPT-009")
        // Tasks whose IDs have a prefix no kind has, in the kind's plain shape: a current prefix, not an older
        // scheme.
        for i in 1...3 {
            files.append(
                ("TASK_MANAGERS/TSM-003_Task_Templates/QZQ-00\(i).json", #"{"task_id": "QZQ-00\#(i)", "name": "Q"}"#))
        }
        let root = try TestSupport.writeTemp(files, prefix: "taxo-infer")
        defer { try? FileManager.default.removeItem(at: root) }
        let p = try #require(ConfigInference.propose(root: root.path, baseText: DefaultConfig.yaml))
        #expect(p.changes.contains { $0.setting.hasPrefix("kinds.task.prefix: QZQ") })
        #expect(!p.changes.contains { $0.setting.hasPrefix("kinds.task.legacy_patterns") })
        let change = try #require(p.changes.first { $0.setting.hasPrefix("kinds.step.legacy_patterns") })
        #expect(
            change.setting
                == #"kinds.step.legacy_patterns: ["Step-Template-{n}", "STEP-TEMPLATE-{a}-{n}", "DESIGN-{n}-{n}", "DEV-{n}-{n}"]"#
        )
        #expect(change.reason == "3 records write IDs as DESIGN-{n}-{n}; 2 records write IDs as DEV-{n}-{n}")
        let (config, diags) = ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: p.text))
        #expect(diags.isEmpty)
        let r = Compiler.compile(root: root.path, config: try #require(config))
        let unknown = r.diagnostics.filter { $0.code == "TAX0102" }.compactMap(\.subject)
        // (SPT-009 is reported where the heading and where the table writes it.)
        #expect(Set(unknown) == ["OPS-003-01", "SPT-009"])
        #expect(unknown.count == 3)
    }

    @Test func shapesOfOlderIDsBecomePatterns() {
        let p = LegacyShape.patterns(
            [
                "TASK-TEMPLATE-HR-003", "TASK-TEMPLATE-ANALYSIS-007", "TASK-TEMPLATE-ANALYSIS-008", "Task-Template-072",
                "task-template-073", "Step-Template-155", "Phase 2",
            ], minimum: 2)
        #expect(p.map(\.pattern) == ["TASK-TEMPLATE-{a}-{n}", "Task-Template-{n}"])
        #expect(p.map(\.count) == [3, 2])
        #expect(LegacyShape("2024-01-05") == nil)
        #expect(LegacyShape("v1") == nil)
        #expect(LegacyShape("Milestone-Template-001")?.text == "Milestone-Template-{n}")
    }

    @Test func theEditorKeepsCommentsAndLayout() {
        var t = ConfigText(
            """
            # head
            roots: [A]
            kinds:
              tool:
                prefix: TOL
                files:
                  - "a/*.json"
                # trailing comment of tool
              task:
                prefix: TSK   # inline
            # after kinds
            departments: { AID: { name: X } }
            """)
        let edits = [
            t.set("files", #"["b/**/*.json"]"#, in: ["kinds", "tool"], comment: "why"),
            t.set("prefix", "TST", in: ["kinds", "task"]),
            t.set("digits", "2", in: ["kinds", "task"]),
            t.add([#""tools[]": { target: tool, many: true }"#], in: ["kinds", "task", "links"]),
            t.set("roots", "[A, B]", in: []),
        ]
        #expect(edits == [true, true, true, true, true])
        // Flow style and missing parents are refused, never guessed.
        let refused = [
            t.add(["SEC: { name: S }"], in: ["departments"]), t.set("prefix", "X", in: ["kinds", "nothing"]),
        ]
        #expect(refused == [false, false])
        #expect(
            t.text == """
                # head
                roots: [A, B]
                kinds:
                  tool:
                    prefix: TOL
                    # why
                    files: ["b/**/*.json"]
                    # trailing comment of tool
                  task:
                    prefix: TST
                    digits: 2
                    links:
                      "tools[]": { target: tool, many: true }
                # after kinds
                departments: { AID: { name: X } }

                """)
    }
}
