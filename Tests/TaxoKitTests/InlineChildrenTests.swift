import Testing

@testable import TaxoKit

/// Records of the hierarchy that hold their children inline, as objects without IDs (task templates with
/// `"steps": [{"step_number": 1, …}]`, workflows written as a list of steps): no empty shells.
@Suite struct InlineChildrenTests {
    static func incomplete(_ files: [(String, String)]) -> [String] {
        TestSupport.compile(files).diagnostics.filter { $0.code == IncompleteHierarchy.info.code }.map(\.message)
    }

    @Test func inlineStepObjectsAreATasksChildren() {
        let found = Self.incomplete([
            (
                "TASK_MANAGERS/TSM-003_Task_Templates/TST-005_Do.json",
                #"{"task_id": "TST-005", "name": "Do", "steps": [{"step_number": 1, "name": "First"}]}"#
            ),
            // Steps written as text, or none: still no children.
            (
                "TASK_MANAGERS/TSM-003_Task_Templates/TST-006_Talk.json",
                #"{"task_id": "TST-006", "name": "Talk", "steps": ["Call the client"], "notes": [{"a": 1}]}"#
            ),
            ("TASK_MANAGERS/TSM-003_Task_Templates/TST-007_Empty.json", #"{"task_id": "TST-007", "name": "E"}"#),
        ])
        #expect(found == ["task 'TST-006' has no steps", "task 'TST-007' has no steps"], "\(found)")
    }

    @Test func aWorkflowWithoutMilestonesMayHoldItsSteps() {
        let found = Self.incomplete([
            (
                "TASK_MANAGERS/TSM-006_Workflows/Publishing.yaml",
                "workflow_id: WF-SMM-004\nworkflow_name: Publish\nsteps:\n  - step_number: 1\n    name: Draft\n"
            ),
            // A milestone keeps its tasks inline.
            (
                "TASK_MANAGERS/TSM-002_Milestone_Templates/MLT-002_Plan.json",
                #"{"milestone_id": "MLT-002", "name": "Plan", "workflow": "WF-SMM-004", "task_templates": [{"name": "Scope"}]}"#
            ),
        ])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aKindsChildrenSettingNamesThePlaceInstead() throws {
        var config = TestSupport.defaultConfig
        let task = try #require(config.kinds.firstIndex { $0.name == "task" })
        config.kinds[task].children = FieldPath("phases[]")
        let r = Compiler.compile(
            files: [
                (
                    path: "TASK_MANAGERS/TSM-003_Task_Templates/TST-005_Do.json",
                    bytes: Array(#"{"task_id": "TST-005", "name": "Do", "steps": [{"step_number": 1}]}"#.utf8)
                )
            ], config: config)
        #expect(r.diagnostics.contains { $0.code == IncompleteHierarchy.info.code })
    }
}
