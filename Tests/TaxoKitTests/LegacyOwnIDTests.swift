import Foundation
import Testing

@testable import TaxoKit

/// A record that keeps only an older spelling of its ID (`Task-Template-072`) in a file named by a current
/// one (`TST-072_Install.json`) is the entity its file names, even without `id_from_filename`.
@Suite struct LegacyOwnIDTests {
    @Test func theFileNameNamesARecordThatKeepsAnOlderID() throws {
        let r = TestSupport.compile([
            (
                "TASK_MANAGERS/TSM-003_Task_Templates/TST-072_Install.json",
                #"{"template_id": "Task-Template-072", "task_name": "Install the IDE"}"#
            ),
            (
                "TASK_MANAGERS/TSM-003_Task_Templates/TST-073_Configure.json",
                #"{"template_id": "TSK-073", "task_name": "Configure", "dependencies": ["TST-072", "Task-Template-072"]}"#
            ),
        ])
        let task = try #require(r.library.entities.first { $0.file.hasSuffix("TST-072_Install.json") })
        #expect(task.id?.written == "TST-072")
        #expect(!task.legacyKeys.isEmpty)
        #expect(!r.diagnostics.contains { $0.code == MalformedID.info.code })
        // Both spellings reach it: the current one resolves, the old one is a legacy reference (TAX0207).
        #expect(!r.diagnostics.contains { $0.code == DanglingReference.info.code })
        let legacy = r.diagnostics.filter { $0.code == LegacyReference.info.code }
        #expect(legacy.count == 1)
        #expect(legacy.first?.message.contains("'Task-Template-072'") == true)
    }
}
