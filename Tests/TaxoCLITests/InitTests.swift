import Foundation
import TaxoTestSupport
import Testing

/// `taxo init` on a library taxo has never seen a configuration for: a library made by
/// ../shared/bench/gen_kb.py, whose conventions differ from the built-in ones (STT/TST/MLT prefixes,
/// responsibilities in their own folder, typed links under other names), and whose planted defects the
/// generator lists.
@Suite struct InitTests {
    static let available =
        FileManager.default.fileExists(atPath: ChangedFilesTests.generator.path)
        || ProcessInfo.processInfo.environment["CI"] == "true"

    struct Finding: Hashable {
        var file: String
        var code: String
    }

    func errors(in root: URL, severity: String = "error") throws -> [Finding] {
        let r = try CLI.taxo(["check", "--format", "json", "--no-cache"], cwd: root)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.err)")
        let list = try #require(obj["diagnostics"] as? [[String: Any]])
        return list.filter { $0["severity"] as? String == severity }.map {
            Finding(file: $0["file"] as? String ?? "", code: $0["code"] as? String ?? "")
        }
    }

    @Test(.enabled(if: available, "../shared/bench/gen_kb.py is not beside the repo (in CI the test runs and fails)"))
    func theInferredConfigurationFindsExactlyThePlantedDefects() throws {
        let dir = Scratch.folder("taxo-init")
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = dir.appendingPathComponent("kb")
        let gen = try CLI.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", ChangedFilesTests.generator.path, "--entities", "1000", "--seed", "5", root.path],
            cwd: CLI.repoRoot)
        #expect(gen.code == 0, "\(gen.err)")
        let truth = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("kb.truth.json")))
                as? [String: Any])
        let defects = try #require(truth["defects"] as? [String: [[String: Any]]])
        // Each defect's file (a duplicate ID may be reported at either of its two files).
        var planted: Set<String> = []
        for list in defects.values {
            for d in list {
                for key in ["file", "original_file", "duplicate_file"] {
                    if let f = d[key] as? String { planted.insert(f) }
                }
            }
        }
        #expect(defects.values.reduce(0) { $0 + $1.count } == 4)

        // The built-in configuration does not know the folder this library keeps its responsibilities in: it
        // reads them as unclaimed records, says so once (TAX0109), and its errors are the planted defects too.
        let before = try errors(in: root)
        #expect(before.count == 4, "\(before)")
        #expect(Set(before.map(\.file)).isSubset(of: planted), "\(before)")
        let unclaimed = try errors(in: root, severity: "warning").filter { $0.code == "TAX0109" }
        #expect(unclaimed.count == 1, "\(unclaimed)")
        #expect(unclaimed.first?.file.hasPrefix("LIBRARIES/Responsibilities/By_Department/") == true, "\(unclaimed)")

        let run = try CLI.taxo(["init"], cwd: root)
        #expect(run.code == 0, "\(run.err)")
        let yaml = try String(contentsOf: root.appendingPathComponent("taxonomy.yaml"), encoding: .utf8)
        #expect(run.out.contains("wrote"))
        #expect(run.out.contains("with the proposed one"))
        for setting in [
            "prefix: STT", "prefix: TST", "prefix: MLT", "\"task_templates[]\": { target: task, many: true }",
            "LIBRARIES/Responsibilities/By_Department/**/*.json",
        ] {
            #expect(yaml.contains(setting), "\(setting)")
        }
        #expect(yaml.contains("# taxo init: "))

        // Under it, the errors are the planted defects and nothing else.
        let after = try errors(in: root)
        #expect(after.count == 4, "\(after)")
        #expect(Set(after.map(\.file)).isSubset(of: planted), "\(after)")
        #expect(Set(after.map(\.code)) == ["TAX0001", "TAX0101", "TAX0104", "TAX0201"])

        // The configuration is a fixed point: inferring again changes nothing, and nothing is overwritten.
        let again = try CLI.taxo(["init", "--print"], cwd: root)
        #expect(again.code == 0)
        #expect(again.err.contains("taxonomy.yaml fits them as it is"), "\(again.err)")
        #expect(again.out == yaml)
        let refused = try CLI.taxo(["init"], cwd: root)
        #expect(refused.code == 1)
        #expect(refused.err.contains("never overwritten"))
        #expect(try String(contentsOf: root.appendingPathComponent("taxonomy.yaml"), encoding: .utf8) == yaml)
    }
}
