import Foundation
import Testing

@testable import TaxoKit

/// Call and type hierarchies of `taxo lsp`, on the example library, against what its compile says.
extension LanguageServerTests {
    static let workflowPath = "TASK_MANAGERS/TSM-001_Templates/Workflows/WRF-SEC-014_Secure_MCP_OAuth_Workflow.json"

    /// A follow-up request (`callHierarchy/incomingCalls` ...) on an item the server gave.
    func follow(_ s: LanguageServer, _ method: String, _ item: [String: Any]) throws -> [[String: Any]] {
        let params = try JSONSerialization.data(withJSONObject: ["item": item])
        let reply = try json(
            try #require(
                s.handle(
                    body(
                        #"{"jsonrpc":"2.0","id":3,"method":"\#(method)","params":\#(String(decoding: params, as: UTF8.self))}"#
                    )
                ).first))
        return try #require(reply["result"] as? [[String: Any]])
    }

    /// The one item a prepare request gives at a position.
    func prepared(_ s: LanguageServer, _ method: String, _ uri: String, line: Int, character: Int) throws -> [String:
        Any]?
    {
        let reply = try request(s, method, uri, line: line, character: character)
        return (reply["result"] as? [[String: Any]])?.first
    }

    func startLine(_ range: Any?) -> Int? {
        ((range as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int
    }

    @Test func callHierarchyListsWhoLinksToAnEntityAndWhatItLinksTo() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let lib = Compiler.compile(root: root.path, config: TestSupport.defaultConfig).library
        let tool = try #require(lib.entities.firstIndex { $0.id?.written == "TOL-SEC-124" })
        let flow = try #require(lib.entities.firstIndex { $0.id?.written == "WRF-SEC-014" })
        let uri = root.appendingPathComponent(Self.workflowPath).absoluteString
        // On the tool's ID in the workflow (`"tool_id": "TOL-SEC-124"`, line 29).
        let item = try #require(try prepared(s, "prepareCallHierarchy", uri, line: 28, character: 20))
        #expect((item["name"] as? String)?.hasPrefix("TOL-SEC-124 ScaleKit Dashboard") == true)
        #expect(item["uri"] as? String == root.appendingPathComponent(lib.entities[tool].file).absoluteString)
        #expect(startLine(item["range"]) == lib.entities[tool].location.line - 1)

        let incoming = try follow(s, "callHierarchy/incomingCalls", item)
        let linking = Set(lib.targets.indices.filter { $0 != tool && lib.targets[$0].contains(tool) })
        let mentioning = lib.documents.filter { d in d.mentions.contains { lib.entity(mentionedBy: $0, in: d) == tool }
        }
        #expect(linking.contains(flow) && !mentioning.isEmpty)
        #expect(incoming.count == linking.count + mentioning.count)
        let flowCall = try #require(
            incoming.first { (($0["from"] as? [String: Any])?["name"] as? String)?.hasPrefix("WRF-SEC-014 ") == true })
        // Where the workflow writes the tool's ID: its line 29.
        #expect((flowCall["fromRanges"] as? [Any])?.compactMap(startLine) == [28])
        let documents = incoming.compactMap { $0["from"] as? [String: Any] }.filter {
            $0["kind"] as? Int == LanguageServer.documentSymbol
        }
        #expect(Set(documents.compactMap { $0["detail"] as? String }) == Set(mentioning.map(\.path)))

        // The workflow, prepared on its own record (the cursor on a line without an ID): what it links to.
        let flowItem = try #require(try prepared(s, "prepareCallHierarchy", uri, line: 15, character: 4))
        #expect((flowItem["name"] as? String)?.hasPrefix("WRF-SEC-014 ") == true)
        let outgoing = try follow(s, "callHierarchy/outgoingCalls", flowItem)
        let targets = Set(lib.targets[flow].compactMap { $0 }.filter { $0 != flow })
        #expect(outgoing.count == targets.count)
        let called = outgoing.compactMap { ($0["to"] as? [String: Any])?["name"] as? String }
        #expect(called.contains { $0.hasPrefix("TOL-SEC-124 ") } && called.contains { $0.hasPrefix("MLS-001 ") })
    }

    @Test func aDocumentsCallHierarchyIsWhatItMentions() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let lib = Compiler.compile(root: root.path, config: TestSupport.defaultConfig).library
        let path = "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_024.md"
        let d = try #require(lib.documents.first { $0.path == path })
        let uri = root.appendingPathComponent(path).absoluteString
        let item = try #require(try prepared(s, "prepareCallHierarchy", uri, line: 0, character: 0))
        #expect(item["kind"] as? Int == LanguageServer.documentSymbol)
        let outgoing = try follow(s, "callHierarchy/outgoingCalls", item)
        let named = Set(d.mentions.compactMap { lib.entity(mentionedBy: $0, in: d) })
        #expect(!named.isEmpty && outgoing.count == named.count)
        #expect(try follow(s, "callHierarchy/incomingCalls", item).isEmpty)
        // The document's mention count of each entity is its number of ranges.
        let ranges = outgoing.reduce(0) { $0 + (($1["fromRanges"] as? [Any])?.count ?? 0) }
        #expect(ranges == d.mentions.filter { lib.entity(mentionedBy: $0, in: d) != nil }.count)
    }

    @Test func typeHierarchyFollowsTheConfiguredLevels() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent(Self.workflowPath).absoluteString
        // On `"MLS-001"` in the workflow's milestones (line 18).
        let milestone = try #require(try prepared(s, "prepareTypeHierarchy", uri, line: 17, character: 6))
        #expect((milestone["name"] as? String)?.hasPrefix("MLS-001 ") == true)
        let parents = try follow(s, "typeHierarchy/supertypes", milestone).compactMap { $0["name"] as? String }
        #expect(parents.contains { $0.hasPrefix("WRF-SEC-014 ") })
        let flow = try #require(try prepared(s, "prepareTypeHierarchy", uri, line: 3, character: 20))
        let children = try follow(s, "typeHierarchy/subtypes", flow).compactMap { $0["name"] as? String }
        #expect(children.map { String($0.prefix(7)) } == ["MLS-001", "MLS-002", "MLS-003", "MLS-004"])
        #expect(try follow(s, "typeHierarchy/supertypes", flow).isEmpty)
        // A tool is in no hierarchy.
        let tool = try request(s, "prepareTypeHierarchy", uri, line: 28, character: 20)
        #expect(tool["result"] is NSNull)
        // An ID that names nothing prepares nothing (not the document it stands in).
        let notes = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md").absoluteString
        _ = open(s, notes, language: "markdown", escapedText: #"# Notes\n\nSee TOL-SEC-998.\n"#)
        #expect(try request(s, "prepareCallHierarchy", notes, line: 2, character: 6)["result"] is NSNull)
        #expect(try prepared(s, "prepareCallHierarchy", notes, line: 0, character: 0)?["kind"] as? Int == 1)
        // An item whose entity is gone gets empty lists.
        var gone = flow
        gone["data"] = ["id": "WRF-SEC-999", "file": "nowhere.json", "line": 1]
        #expect(try follow(s, "typeHierarchy/subtypes", gone).isEmpty)
        #expect(try follow(s, "callHierarchy/incomingCalls", gone).isEmpty)
    }
}
