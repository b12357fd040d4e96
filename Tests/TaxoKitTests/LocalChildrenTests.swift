import Testing

@testable import TaxoKit

/// A workflow record that numbers its own tasks (`"tasks": [{"task_id": "TSK-001", "task_name": …}]`, as
/// every workflow does from 1) describes them: under the built-in configuration they are neither dangling
/// nor links to the library's TSK-001 of another name.
@Suite struct LocalChildrenTests {
    static let workflow = (
        "TASK_MANAGERS/TSM-006_Workflows/WRF-021_Create_Caption.json",
        #"""
        {
          "workflow_id": "WRF-021",
          "name": "Create Caption",
          "tools_required": [{"tool_id": "TOL-001", "tool_name": "Canva", "purpose": "design"}],
          "tasks": [
            {"task_id": "TSK-001", "task_name": "Define the prompt", "order": 1},
            {"task_id": "TSK-002", "task_name": "Adjust settings", "order": 2},
            {"task_id": "TSK-003", "task_name": "Generate captions", "order": 3}
          ],
          "related_tasks": ["TSK-007"]
        }
        """#
    )

    static let otherTask = (
        "TASK_MANAGERS/TSM-003_Task_Templates/TSK-001_Parse_HTML.json",
        #"{"task_id": "TSK-001", "name": "Parse HTML"}"#
    )

    func dangling(_ r: CompileResult) -> [String] {
        r.diagnostics.filter { $0.code == DanglingReference.info.code }.map(\.message).sorted()
    }

    @Test func tasksNumberedFromOneAreTheWorkflowsOwn() throws {
        let r = TestSupport.compile([Self.workflow, Self.otherTask])
        // The tool and the task outside the run are references as before.
        #expect(
            dangling(r) == [
                "dangling reference: no task has the ID 'TSK-007' (field 'related_tasks[0]')",
                "dangling reference: no tool has the ID 'TOL-001' (field 'tools_required[0].tool_id')",
            ])
        let wi = try #require(r.library.entities.firstIndex { $0.id?.written == "WRF-021" })
        let e = r.library.entities[wi]
        let own = e.references.filter(\.declaredHere)
        #expect(own.map(\.id.written) == ["TSK-001", "TSK-002", "TSK-003"])
        #expect(own.map(\.label) == ["Define the prompt", "Adjust settings", "Generate captions"])
        #expect(e.inlineChildren == 3)
        // The library's TSK-001 is another task: no link to it.
        let ti = try #require(r.library.entities.firstIndex { $0.id?.written == "TSK-001" })
        #expect(!r.library.targets[wi].contains(ti))
        #expect(r.library.backlinks()[ti] == nil)
    }

    @Test func aChildTheLibraryHasUnderItsNameIsALink() throws {
        let task = (
            "TASK_MANAGERS/TSM-003_Task_Templates/TSK-002_Adjust_Settings.json",
            #"{"task_id": "TSK-002", "name": "Adjust Settings"}"#
        )
        let r = TestSupport.compile([Self.workflow, task])
        let wi = try #require(r.library.entities.firstIndex { $0.id?.written == "WRF-021" })
        let ti = try #require(r.library.entities.firstIndex { $0.id?.written == "TSK-002" })
        #expect(r.library.targets[wi].contains(ti))
    }

    @Test func runsGoOnAcrossMilestonesOrStartAgain() throws {
        let nested = (
            "TASK_MANAGERS/TSM-006_Workflows/WRF-030_Publish.json",
            #"""
            {"workflow_id": "WRF-030", "name": "Publish", "milestones": [
              {"milestone_id": "MLS-001", "name": "Draft", "tasks": [
                {"task_id": "TSK-001", "task_name": "Outline"}, {"task_id": "TSK-002", "task_name": "Write"}]},
              {"milestone_id": "MLS-002", "name": "Release", "tasks": [
                {"task_id": "TSK-003", "task_name": "Review"}]},
              {"milestone_id": "MLS-003", "name": "Promote", "tasks": [
                {"task_id": "TSK-001", "task_name": "Announce"}]}
            ]}
            """#
        )
        let r = TestSupport.compile([nested])
        #expect(dangling(r).isEmpty)
        let e = try #require(r.library.entities.first { $0.id?.written == "WRF-030" })
        #expect(e.references.allSatisfy { $0.declaredHere })
        #expect(e.inlineChildren == 7)
    }

    @Test func numbersThatDoNotRunFromOneAreReferences() {
        let refs = (
            "TASK_MANAGERS/TSM-006_Workflows/WRF-031_Audit.json",
            #"""
            {"workflow_id": "WRF-031", "name": "Audit", "tasks": [
              {"task_id": "TSK-040", "task_name": "Scan"}, {"task_id": "TSK-041", "task_name": "Report"}],
             "steps": [{"step_id": "STP-001", "step_name": "Open"}, {"step_id": "STP-003", "step_name": "Close"}],
             "milestones": [{"milestone_id": "MLS-001"}]}
            """#
        )
        let r = TestSupport.compile([refs])
        // 40-41 does not start at 1; 1, 3 skips a number; a milestone without a name is no description.
        #expect(
            dangling(r) == [
                "dangling reference: no milestone has the ID 'MLS-001' (field 'milestones[0].milestone_id')",
                "dangling reference: no step has the ID 'STP-001' (field 'steps[0].step_id')",
                "dangling reference: no step has the ID 'STP-003' (field 'steps[1].step_id')",
                "dangling reference: no task has the ID 'TSK-040' (field 'tasks[0].task_id')",
                "dangling reference: no task has the ID 'TSK-041' (field 'tasks[1].task_id')",
            ])
    }
}
