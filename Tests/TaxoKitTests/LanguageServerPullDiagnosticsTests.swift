import Foundation
import Testing

@testable import TaxoKit

/// Pull diagnostics: a client that asks for them gets one file's or every file's findings on request, with
/// result IDs, a workspace request held until something changes, and a refresh when an edit changes other
/// files' findings; nothing is pushed to it.
extension LanguageServerConfigTests {
    @Test func aClientThatPullsGetsEveryFilesFindingsAndIsToldWhenOthersChange() throws {
        let toolPath = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-077_Probe.json"
        let text = "{\n  \"tool_id\": \"TOL-QA-077\",\n  \"name\": \"Probe\",\n  \"related\": [\"TOL-QA-950\"]\n}\n"
        let root = try TestSupport.exampleCopy([(toolPath, text)])
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent(toolPath).absoluteString

        let s = LanguageServer(workingDirectory: root)
        let capabilities: [String: Any] = [
            "textDocument": ["diagnostic": ["dynamicRegistration": false]],
            "workspace": ["diagnostics": ["refreshSupport": true]],
        ]
        let initialized = try send(
            s,
            [
                "id": 1, "method": "initialize",
                "params": ["rootUri": root.absoluteString, "capabilities": capabilities],
            ])
        let provider = try #require(
            ((initialized.first?["result"] as? [String: Any])?["capabilities"] as? [String: Any])?["diagnosticProvider"]
                as? [String: Any])
        #expect(provider["workspaceDiagnostics"] as? Bool == true)
        // Opening the file as it is on disk pushes nothing and asks nothing.
        #expect(try edit(s, uri, text, open: true).isEmpty)

        // One file: its findings, then "unchanged" for the same result ID.
        let doc = try #require(
            try send(s, ["id": 2, "method": "textDocument/diagnostic", "params": ["textDocument": ["uri": uri]]])
                .first?[
                    "result"] as? [String: Any])
        #expect(doc["kind"] as? String == "full")
        #expect((doc["items"] as? [[String: Any]])?.map { $0["code"] as? String } == ["TAX0201"])
        let docID = try #require(doc["resultId"] as? String)
        let same = try send(
            s,
            [
                "id": 3, "method": "textDocument/diagnostic",
                "params": ["textDocument": ["uri": uri], "previousResultId": docID],
            ])
        #expect((same.first?["result"] as? [String: Any])?["kind"] as? String == "unchanged")

        // The workspace: every file with findings, this one among them.
        let all = try #require(
            try send(s, ["id": 4, "method": "workspace/diagnostic", "params": ["previousResultIds": [Any]()]]).first?[
                "result"] as? [String: Any])
        let reports = try #require(all["items"] as? [[String: Any]])
        let mine = try #require(reports.first { $0["uri"] as? String == uri })
        #expect(mine["resultId"] as? String == docID)
        // Asked again with every result ID it holds: nothing new, so the request is held.
        let previous = reports.map { ["uri": $0["uri"] as Any, "value": $0["resultId"] as Any] }
        #expect(
            try send(s, ["id": 5, "method": "workspace/diagnostic", "params": ["previousResultIds": previous]]).isEmpty)

        // A new file declaring the missing ID changes this file's findings: the held request is answered with
        // its empty report, and the client is asked to pull again (the edited file is not the one that changed).
        let other = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/TOL-QA-950_Target.json").absoluteString
        let answer = try edit(s, other, "{\"tool_id\": \"TOL-QA-950\", \"name\": \"Target\"}\n", open: true)
        let held = try #require(answer.first { $0["id"] as? Int == 5 })
        let changed = try #require((held["result"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(changed.count == 1)
        #expect(changed.first?["uri"] as? String == uri)
        #expect((changed.first?["items"] as? [Any])?.isEmpty == true)
        #expect(answer.contains { $0["method"] as? String == "workspace/diagnostic/refresh" })
        #expect(!answer.contains { $0["method"] as? String == "textDocument/publishDiagnostics" })

        // A held request the client cancels is answered as cancelled.
        let now = (held["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        var ids = Dictionary(uniqueKeysWithValues: previous.map { ($0["uri"] as! String, $0["value"] as! String) })
        for r in now { ids[r["uri"] as! String] = r["resultId"] as? String }
        let latest = ids.map { ["uri": $0.key, "value": $0.value] }
        #expect(
            try send(s, ["id": 6, "method": "workspace/diagnostic", "params": ["previousResultIds": latest]]).isEmpty)
        let cancelled = try send(s, ["method": "$/cancelRequest", "params": ["id": 6]])
        #expect((cancelled.first?["error"] as? [String: Any])?["code"] as? Int == -32800)
    }

    @Test func aClientThatDoesNotPullIsSentDiagnosticsAsBefore() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let s = LanguageServer(workingDirectory: root)
        let initialized = try send(
            s, ["id": 1, "method": "initialize", "params": ["rootUri": root.absoluteString, "capabilities": [:]]])
        let caps = try #require((initialized.first?["result"] as? [String: Any])?["capabilities"] as? [String: Any])
        #expect(caps["diagnosticProvider"] == nil)
        let uri = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/TOL-ZZZ-002_Probe.json").absoluteString
        let out = try edit(
            s, uri, "{\"tool_id\": \"TOL-QA-078\", \"name\": \"Probe\", \"related\": [\"TOL-QA-951\"]}", open: true)
        #expect(codes(out, uri)?.contains("TAX0201") == true)
    }
}

extension LanguageServerConfigTests {
    /// The workspace report is written directly as bytes, not through `JSONSerialization`: it holds the same
    /// diagnostics a pushed message does (ranges, severities, related places of a dangling ID referenced twice,
    /// text that JSON escapes), and answers the client's ID whatever it holds.
    @Test func theWorkspaceReportHoldsWhatAPushedMessageHolds() throws {
        let toolPath = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-078_Quote \"Ünïcode\".json"
        let text = """
            [
              {"tool_id": "TOL-QA-078", "name": "Tab\\there \\"quoted\\" ⚠️", "related": ["TOL-QA-951"]},
              {"tool_id": "TOL-QA-079", "name": "Two", "related": ["TOL-QA-951"], "responsibilities": ["RSP-QA-9\\\\9"]}
            ]

            """
        let root = try TestSupport.exampleCopy([(toolPath, text)])
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent(toolPath).absoluteString

        func server(pulling: Bool) throws -> LanguageServer {
            let s = LanguageServer(workingDirectory: root)
            let caps: [String: Any] = pulling ? ["textDocument": ["diagnostic": [String: Any]()]] : [:]
            _ = try send(
                s, ["id": 1, "method": "initialize", "params": ["rootUri": root.absoluteString, "capabilities": caps]])
            return s
        }
        let expected = try #require(published(try edit(try server(pulling: false), uri, text, open: true), uri))
        #expect(expected.count >= 2)
        #expect(expected.contains { $0["relatedInformation"] != nil })

        let pulling = try server(pulling: true)
        for id in ["w \"1\" \\ ⚠️", 42, NSNull()] as [Any] {
            let answer = try send(
                pulling, ["id": id, "method": "workspace/diagnostic", "params": ["previousResultIds": [Any]()]])
            let message = try #require(answer.first)
            #expect("\(message["id"] ?? "none")" == "\(id)")
            let reports = try #require((message["result"] as? [String: Any])?["items"] as? [[String: Any]])
            let mine = try #require(reports.first { $0["uri"] as? String == uri })
            #expect(mine["kind"] as? String == "full")
            #expect(mine["version"] is NSNull)
            let items = try #require(mine["items"] as? [[String: Any]])
            #expect(NSArray(array: items).isEqual(to: expected))
        }
    }
}
