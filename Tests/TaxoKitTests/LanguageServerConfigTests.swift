import Foundation
import Testing

@testable import TaxoKit

/// The language server reads `taxonomy.yaml` as it stands: an edited configuration applies at once, one
/// that does not load keeps the last good one and shows its findings on the file.
@Suite struct LanguageServerConfigTests {
    func send(_ s: LanguageServer, _ message: [String: Any]) throws -> [[String: Any]] {
        let data = try JSONSerialization.data(withJSONObject: message.merging(["jsonrpc": "2.0"]) { a, _ in a })
        return try s.handle(Array(data)).map {
            try #require(JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
        }
    }

    func edit(_ s: LanguageServer, _ uri: String, _ text: String, open: Bool) throws -> [[String: Any]] {
        open
            ? try send(
                s,
                [
                    "method": "textDocument/didOpen",
                    "params": ["textDocument": ["uri": uri, "languageId": "yaml", "version": 1, "text": text]],
                ])
            : try send(
                s,
                [
                    "method": "textDocument/didChange",
                    "params": ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": text]]],
                ])
    }

    /// The codes published for one file.
    func codes(_ out: [[String: Any]], _ uri: String) -> [String]? {
        for m in out {
            guard let p = m["params"] as? [String: Any], p["uri"] as? String == uri else { continue }
            return (p["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        }
        return nil
    }

    @Test func anEditedConfigurationAppliesAtOnce() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let s = LanguageServer(workingDirectory: root)
        _ = try send(
            s, ["id": 1, "method": "initialize", "params": ["rootUri": root.absoluteString, "capabilities": [:]]])

        let tool = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/TOL-ZZZ-001_Ledger.json").absoluteString
        let toolText = "{\n  \"tool_id\": \"TOL-ZZZ-001\",\n  \"name\": \"Ledger\"\n}\n"
        let first = try edit(s, tool, toolText, open: true)
        #expect(codes(first, tool)?.contains("TAX0106") == true)

        // Declaring ZZZ in an open taxonomy.yaml buffer: the tool's finding goes.
        let config = root.appendingPathComponent("taxonomy.yaml").absoluteString
        let declared = DefaultConfig.yaml.replacingOccurrences(
            of: "departments:\n", with: "departments:\n  ZZZ: { name: \"Ledgers\" }\n")
        #expect(declared != DefaultConfig.yaml)
        let second = try edit(s, config, declared, open: true)
        #expect(codes(second, tool)?.contains("TAX0106") == false)
        #expect(codes(second, config) == [])

        // A configuration that does not load: its findings on taxonomy.yaml, the last good one still used.
        let third = try edit(s, config, declared + "kinds: [\n", open: false)
        #expect(codes(third, config)?.contains(ConfigLoader.code) == true)
        #expect(codes(third, tool)?.contains("TAX0106") == false)
    }
}
