import Foundation
import Testing

/// `taxo fix` through the binary (issue 18, second half): on a broken copy of the example library, the
/// diff, `--write`, a check that leaves only findings needing judgement, and a second run that changes nothing.
@Suite struct FixTests {
    @Test func mechanicalRepairsAreMadeOnceAndOnlyThose() throws {
        let root = try CLI.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Fix_Notes.md")
        let original = """
            # Fix notes

            The inspector TOOL-QA-031 and the typo TKS-004 (Configure Authorization).
            A label that names another entity stays: TOL-QA-031 (Zapier).
            See [the task](../TSM-003_Task_Templates/tsk-001_initialize_fastmcp_service.json) and [moved](Old/TSK-002_Mount_Tavily_Search_Tool.json).
            From Windows: [the task](..\\..\\TSM-003_Task_Templates\\TSK-001_Initialize_FastMCP_Service.json); pasted: TOL\u{2013}QA\u{2013}031.

            """
        // With a byte-order mark and CRLF line ends, which the fix keeps.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        try Data(bom + Array(original.replacingOccurrences(of: "\n", with: "\r\n").utf8)).write(to: notes)
        let tool = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json")
        try (try String(contentsOf: tool, encoding: .utf8)).replacingOccurrences(
            of: "\"TOL-SEC-124\",",
            with: "\"TOL-SEC-124\", \"see\": \"TOOL-QA-031\", \"alt\": \"TOL-QA-031 (Zapier)\",", options: [],
            range: nil
        )
        .write(to: tool, atomically: true, encoding: .utf8)

        let diff = try CLI.taxo(["fix"], cwd: root)
        #expect(diff.code == 1, "\(diff.err)")
        #expect(
            diff.out.contains("-The inspector TOOL-QA-031 and the typo TKS-004")
                && diff.out.contains("+The inspector TOL-QA-031 and the typo TSK-004"))
        #expect(diff.out.contains("../TSM-003_Task_Templates/TSK-001_Initialize_FastMCP_Service.json"))
        #expect(diff.out.contains("../../TSM-003_Task_Templates/TSK-002_Mount_Tavily_Search_Tool.json"))
        #expect(!diff.out.contains("(Zapier)\r\n+"))
        #expect(
            diff.out.contains(
                "+From Windows: [the task](../../TSM-003_Task_Templates/TSK-001_Initialize_FastMCP_Service.json); "
                    + "pasted: TOL-QA-031."), "\(diff.out)")
        // Nothing is written without --write.
        #expect(try Data(contentsOf: notes).prefix(3) == Data(bom))
        #expect(try String(contentsOf: notes, encoding: .utf8).contains("TOOL-QA-031"))

        let write = try CLI.taxo(["fix", "--write"], cwd: root)
        #expect(write.code == 0)
        #expect(write.err.contains("applied"))
        let fixed = try Data(contentsOf: notes)
        #expect(fixed.prefix(3) == Data(bom))
        let text = String(decoding: fixed.dropFirst(3), as: UTF8.self)
        #expect(text.contains("The inspector TOL-QA-031 and the typo TSK-004 (Configure Authorization).\r\n"))
        #expect(text.contains("TOL-QA-031 (Zapier)"))
        #expect(try String(contentsOf: tool, encoding: .utf8).contains("\"see\": \"TOL-QA-031\""))

        // What is left needs judgement (the label naming another entity); a second fix changes nothing.
        let check = try CLI.taxo(["check"], cwd: root)
        let codes = Set(
            check.out.split(separator: "\n").compactMap { line in
                line.range(of: #"\[TAX\d+\]"#, options: .regularExpression).map { String(line[$0]) }
            })
        #expect(codes == ["[TAX0203]"], "\(check.out)")
        let again = try CLI.taxo(["fix"], cwd: root)
        #expect(again.code == 0)
        #expect(again.out.isEmpty)
        #expect(try CLI.taxo(["explain", "TAX0206"], cwd: root).out.contains("Fix: taxo fix rewrites"))
    }

    @Test func aStaleFileNameIsRenamedWithEveryLinkToIt() throws {
        let root = try CLI.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let old = "TASK_MANAGERS/TSM-004_Step_Templates/STP-011_Paste_Bearer_Token_in_Inspector_Auth_Field.md"
        let new = "TASK_MANAGERS/TSM-004_Step_Templates/STP-099_Paste_Bearer_Token_in_Inspector_Auth_Field.md"
        let step = root.appendingPathComponent(old)
        try (try String(contentsOf: step, encoding: .utf8)).replacingOccurrences(
            of: "| Step ID | `STP-011` |", with: "| Step ID | `STP-099` |"
        )
        .write(to: step, atomically: true, encoding: .utf8)
        let notes = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Links.md")
        try
            "# Notes\n\nSee [the step](../../TSM-004_Step_Templates/STP-011_Paste_Bearer_Token_in_Inspector_Auth_Field.md#step).\n"
            .write(to: notes, atomically: true, encoding: .utf8)
        let diff = try CLI.taxo(["fix", "--rule", "TAX0105"], cwd: root)
        #expect(diff.code == 1)
        #expect(diff.out.contains("rename from \(old)\nrename to \(new)"))
        #expect(try CLI.taxo(["fix", "--write", "--rule", "file-name-mismatch"], cwd: root).code == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(new).path))
        #expect(!FileManager.default.fileExists(atPath: step.path))
        #expect(
            try String(contentsOf: notes, encoding: .utf8).contains(
                "(../../TSM-004_Step_Templates/STP-099_Paste_Bearer_Token_in_Inspector_Auth_Field.md#step)"))
        let check = try CLI.taxo(["check"], cwd: root)
        #expect(!check.out.contains("TAX0105"))
        #expect(!check.out.contains("TAX0401"))
        #expect(try CLI.taxo(["fix", "--rule", "TAX0105"], cwd: root).code == 0)
    }
}
