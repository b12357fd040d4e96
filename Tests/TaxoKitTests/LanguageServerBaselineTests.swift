import Foundation
import Testing

@testable import TaxoKit

/// The library's baseline in the editor: known findings are hints that say so, new ones keep their severity,
/// and a baseline that cannot be read is a finding on `taxonomy.yaml`.
extension LanguageServerConfigTests {
    /// The diagnostics published for one file.
    func published(_ out: [[String: Any]], _ uri: String) -> [[String: Any]]? {
        for m in out {
            guard let p = m["params"] as? [String: Any], p["uri"] as? String == uri else { continue }
            return p["diagnostics"] as? [[String: Any]] ?? []
        }
        return nil
    }

    @Test func findingsTheBaselineHoldsAreHintsAndNewOnesKeepTheirSeverity() throws {
        let toolPath = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-077_Legacy.json"
        let legacy = "{\n  \"tool_id\": \"TOL-QA-077\",\n  \"name\": \"Legacy\",\n  \"related\": [\"TOL-QA-901\"]\n}\n"
        let root = try TestSupport.exampleCopy([(toolPath, legacy)])
        defer { try? FileManager.default.removeItem(at: root) }
        // The baseline as `taxo check --write-baseline` writes it, named by taxonomy.yaml.
        let config = try #require(ConfigLoader.load(root: root).0)
        let before = Compiler.compile(root: root.path, config: config)
        let known = before.diagnostics.filter { $0.location?.file == toolPath }
        #expect(known.map(\.code) == ["TAX0201"])
        try Baseline(known, grammar: before.library.grammar).json().write(
            to: root.appendingPathComponent("taxo-baseline.json"), atomically: true, encoding: .utf8)
        try (DefaultConfig.yaml + "\nbaseline: taxo-baseline.json\n").write(
            to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)

        let s = LanguageServer(workingDirectory: root)
        _ = try send(
            s, ["id": 1, "method": "initialize", "params": ["rootUri": root.absoluteString, "capabilities": [:]]])
        let uri = root.appendingPathComponent(toolPath).absoluteString
        // Lines added above the known finding, and a new dangling ID below it.
        let edited =
            "\n\n" + legacy.replacingOccurrences(of: "\"TOL-QA-901\"]", with: "\"TOL-QA-901\", \"TOL-QA-902\"]")
        let shown = try #require(published(try edit(s, uri, edited, open: true), uri))
        #expect(shown.count == 2)
        let old = try #require(shown.first { ($0["message"] as? String)?.contains("TOL-QA-901") == true })
        let new = try #require(shown.first { ($0["message"] as? String)?.contains("TOL-QA-902") == true })
        #expect(old["severity"] as? Int == 4)
        #expect((old["message"] as? String)?.contains("in the baseline") == true)
        #expect(new["severity"] as? Int == 1)
        #expect((new["message"] as? String)?.contains("in the baseline") == false)

        // A baseline rewritten on disk (check --write-baseline in a terminal) applies at the next message.
        try Baseline([], grammar: before.library.grammar).json().write(
            to: root.appendingPathComponent("taxo-baseline.json"), atomically: true, encoding: .utf8)
        let emptied = try #require(published(try edit(s, uri, edited + " ", open: false), uri))
        #expect(emptied.map { $0["severity"] as? Int } == [1, 1])

        // One that is gone is a finding on taxonomy.yaml's `baseline:` line; every finding shows as new.
        try FileManager.default.removeItem(at: root.appendingPathComponent("taxo-baseline.json"))
        let missing = try edit(s, uri, edited, open: false)
        #expect(published(missing, uri)?.map { $0["severity"] as? Int } == [1, 1])
        let configURI = root.appendingPathComponent("taxonomy.yaml").absoluteString
        _ = try edit(s, configURI, DefaultConfig.yaml + "\nbaseline: taxo-baseline.json\n", open: true)
        let onConfig = try #require(published(try edit(s, uri, edited, open: false), configURI))
        #expect(onConfig.count == 1)
        #expect(onConfig.first?["code"] as? String == "TAX0901")
        #expect((onConfig.first?["message"] as? String)?.contains("taxo-baseline.json does not exist") == true)
        let range = try #require(onConfig.first?["range"] as? [String: Any])
        let start = try #require(range["start"] as? [String: Any])
        #expect(
            start["line"] as? Int == DefaultConfig.yaml.split(separator: "\n", omittingEmptySubsequences: false).count)
    }
}
