import Foundation
import Testing

/// `taxo new` through the binary (issue 18, first half): the next free ID, the usual folder and file name,
/// the parent's child list and the master list updated, and `taxo check` clean afterwards.
@Suite struct NewEntryTests {
    func withCopy(_ body: (URL) throws -> Void) throws {
        let root = try CLI.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try body(root)
    }

    /// `--id` takes the ID a report proposed: used when it is a free ID of the kind (its department from it),
    /// refused when taken or of another kind.
    @Test func aGivenProposedID() throws {
        try withCopy { root in
            let r = try CLI.taxo(["new", "tool", "--name", "OpenRouter API", "--id", "TOL-AID-207"], cwd: root)
            #expect(r.code == 0, "\(r.err)")
            let path = r.out.trimmingCharacters(in: .newlines)
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(text.contains("\"tool_id\": \"TOL-AID-207\""))
            #expect(path.contains("AID") || text.contains("AID"), "\(path)")
            let taken = try CLI.taxo(["new", "tool", "--name", "Other", "--id", "TOL-AID-207"], cwd: root)
            #expect(taken.code == 2)
            #expect(taken.err.contains("TOL-AID-207 is taken already"))
            let wrongKind = try CLI.taxo(["new", "tool", "--name", "Other", "--id", "MLS-900"], cwd: root)
            #expect(wrongKind.code == 2)
            #expect(wrongKind.err.contains("is not an ID of kind tool"))
            #expect(try CLI.taxo(["check"], cwd: root).err.contains("0 errors"))
        }
    }

    /// Two analysts on two branches: the ID one branch took (not merged yet) is not handed out on the
    /// other, and is refused as --id there; once merged, it is simply the library's.
    @Test func anIDTakenOnAnotherBranchIsSkipped() throws {
        try withCopy { root in
            func created(_ r: CLI.Run) -> String? {
                r.err.split(separator: "\n").first { $0.hasPrefix("taxo: created ") }.map { String($0.dropFirst(14)) }
            }
            try CLI.git(["init", "-q", "-b", "main"], in: root)
            try CLI.git(["add", "-A"], in: root)
            try CLI.git(["commit", "-qm", "base"], in: root)
            let alone = try CLI.taxo(
                ["new", "tool", "--name", "Pipedream", "--department", "AID", "--dry-run"], cwd: root)
            try CLI.git(["checkout", "-qb", "feature/make"], in: root)
            let make = try CLI.taxo(["new", "tool", "--name", "Make", "--department", "AID"], cwd: root)
            let taken = try #require(created(make), "\(make.err)")
            #expect(alone.out.contains("\"tool_id\": \"\(taken)\""), "\(alone.out)")
            try CLI.git(["add", "-A"], in: root)
            try CLI.git(["commit", "-qm", "Make"], in: root)
            try CLI.git(["checkout", "-q", "main"], in: root)
            let r = try CLI.taxo(["new", "tool", "--name", "Pipedream", "--department", "AID"], cwd: root)
            #expect(r.code == 0, "\(r.err)")
            let mine = try #require(created(r))
            #expect(mine != taken)
            #expect(r.err.contains("note: \(taken) is taken on branch 'feature/make', not merged here"), "\(r.err)")
            let given = try CLI.taxo(["new", "tool", "--name", "Zapier", "--id", taken, "--dry-run"], cwd: root)
            #expect(given.code == 2)
            #expect(given.err.contains("\(taken) is taken on branch 'feature/make'"), "\(given.err)")
            let ignoring = try CLI.taxo(
                ["new", "tool", "--name", "Zapier", "--id", taken, "--dry-run", "--no-branches"], cwd: root)
            #expect(ignoring.code == 0, "\(ignoring.err)")
            // Merged: the ID is the library's own, and nothing is said about branches.
            try CLI.git(["add", "-A"], in: root)
            try CLI.git(["commit", "-qm", "Pipedream"], in: root)
            try CLI.git(["merge", "-q", "--no-edit", "feature/make"], in: root)
            let after = try CLI.taxo(
                ["new", "tool", "--name", "Zapier", "--department", "AID", "--dry-run"], cwd: root)
            #expect(after.code == 0, "\(after.err)")
            #expect(!after.err.contains("not merged"), "\(after.err)")
            #expect(!after.out.contains("\"tool_id\": \"\(taken)\""))
            #expect(!after.out.contains("\"tool_id\": \"\(mine)\""))
        }
    }

    @Test func aToolWithTheNextIDOfItsDepartment() throws {
        try withCopy { root in
            let r = try CLI.taxo(["new", "tool", "--name", "Playwright Test", "--department", "QA"], cwd: root)
            #expect(r.code == 0, "\(r.err)")
            #expect(r.out == "LIBRARIES/LBS_003_Tools/QA/Playwright_Test.json\n")
            let text = try String(
                contentsOf: root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/Playwright_Test.json"),
                encoding: .utf8)
            #expect(text.contains("\"tool_id\": \"TOL-QA-032\""))
            #expect(text.contains("\"name\": \"Playwright Test\""))
            let check = try CLI.taxo(["check"], cwd: root)
            #expect(check.code == 0)
            #expect(check.err.contains("0 errors, 0 warnings"))
            // The same name again is refused; a path from a subfolder is relative to it.
            #expect(
                try CLI.taxo(["new", "tool", "--name", "Playwright Test", "--department", "QA"], cwd: root).code == 2)
            let sub = try CLI.taxo(
                ["new", "tool", "--name", "Cypress", "--department", "QA"],
                cwd: root.appendingPathComponent("LIBRARIES"))
            #expect(sub.out == "LBS_003_Tools/QA/Cypress.json\n")
            #expect(
                try String(
                    contentsOf: root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/Cypress.json"), encoding: .utf8
                ).contains("TOL-QA-033"))
        }
    }

    @Test func aStepUnderItsTaskNamedByID() throws {
        try withCopy { root in
            let r = try CLI.taxo(["new", "step", "--name", "Check the result", "--parent", "TSK-007"], cwd: root)
            #expect(r.code == 0, "\(r.err)")
            #expect(r.out == "TASK_MANAGERS/TSM-004_Step_Templates/STP-013_Check_the_result.json\n")
            let task = try String(
                contentsOf: root.appendingPathComponent(
                    "TASK_MANAGERS/TSM-003_Task_Templates/TSK-007_Publish_Well-Known_Metadata_Endpoint.json"),
                encoding: .utf8)
            #expect(task.contains("\"STP-007\",\n    \"STP-013\""))
            let check = try CLI.taxo(["check"], cwd: root)
            #expect(check.code == 0, "\(check.out)")
            #expect(check.err.contains("0 errors, 0 warnings"), "\(check.out)")
        }
    }

    @Test func dryRunsAndRefusals() throws {
        try withCopy { root in
            let dry = try CLI.taxo(["new", "tool", "--name", "Zapier", "--dry-run"], cwd: root)
            #expect(dry.code == 0)
            #expect(dry.out.contains("--- LIBRARIES/LBS_003_Tools/"))
            #expect(dry.out.contains("Zapier"))
            #expect(
                !FileManager.default.fileExists(
                    atPath: root.appendingPathComponent("LIBRARIES/LBS_003_Tools/Zapier.json").path))
            #expect(try CLI.taxo(["new", "toool", "--name", "X"], cwd: root).err.contains("did you mean 'tool'?"))
            #expect(try CLI.taxo(["new", "tool", "--name", "X", "--department", "QQQ"], cwd: root).code == 2)
            #expect(try CLI.taxo(["new", "tool", "--name", "X", "--dir", "../elsewhere"], cwd: root).code == 2)
            #expect(try CLI.taxo(["new", "step", "--name", "X", "--parent", "TOL-QA-031"], cwd: root).code == 2)
        }
    }

    /// Fields given with --set are written as values (JSON stays JSON); a field the kind's schema requires
    /// and no --set gives is added empty and named, so the check points at it.
    @Test func setFieldsAndRequiredOnesLeftToFill() throws {
        try withCopy { root in
            let config = try CLI.taxo(["config", "--print-default"], cwd: root).out.replacingOccurrences(
                of: "    id_fields: [tool_id, id]\n",
                with:
                    "    id_fields: [tool_id, id]\n    fields:\n      category: required\n      owner: required\n      tags: { items: string }\n"
            )
            try config.write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
            let r = try CLI.taxo(
                [
                    "new", "tool", "--name", "Zapier", "--department", "AID", "--set", "category=Automation", "--set",
                    "tags=[\"nocode\"]",
                    "--set", "rating=4.5",
                ], cwd: root)
            #expect(r.code == 0, "\(r.err)")
            #expect(r.err.contains("fill in 'owner': the kind's fields: require it (or give them with --set)"))
            let path = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(text.contains("\"category\": \"Automation\""))
            #expect(text.contains("\"rating\": 4.5"))
            #expect(text.contains("\"tags\": [\n    \"nocode\"\n  ]"))
            #expect(text.contains("\"owner\": \"\""))
            let check = try CLI.taxo(["check", path, "--no-color"], cwd: root)
            let schemaFindings = check.out.split(separator: "\n").filter { $0.contains("[TAX07") }
            #expect(schemaFindings.count == 1)
            #expect(schemaFindings.first?.contains("required field 'owner' is empty") == true)
            #expect(try CLI.taxo(["new", "tool", "--name", "Y", "--set", "novalue"], cwd: root).code == 2)
        }
    }
}
