import Foundation
import Testing

@testable import TaxoKit

/// A missing ID that several records of one file cite is one finding there, with the other places as
/// notes (and, in the editor, as related information); another file citing it has its own finding.
@Suite struct MissingIDFoldTests {
    static let objects = """
        {"objects": [
          {"object_id": "OBJ-QA-901", "name": "Trace", "related_tools": ["TOL-QA-998"]},
          {"object_id": "OBJ-QA-902", "name": "Session", "related_tools": ["TOL-QA-998", "TOL-QA-998 (again)"]},
          {"object_id": "OBJ-QA-903", "name": "Packet", "related_tools": ["TOL-QA-998"]}
        ]}
        """

    @Test func oneFindingPerFileAndID() throws {
        let r = TestSupport.compile([
            ("LIBRARIES/Responsibilities/Objects/QA_Objects.json", Self.objects),
            (
                "LIBRARIES/LBS_003_Tools/QA/TOL-QA-050_X.json",
                #"{"tool_id": "TOL-QA-050", "name": "X", "alternatives": ["TOL-QA-998"]}"#
            ),
        ])
        let found = r.diagnostics.filter { $0.code == DanglingReference.info.code }
        #expect(found.count == 2)
        let objects = try #require(found.first { $0.location?.file.hasSuffix("QA_Objects.json") == true })
        #expect(
            objects.message
                == "dangling reference: no tool has the ID 'TOL-QA-998' (field 'related_tools[0]'); referenced 4 times in this file, by 3 entities"
        )
        #expect(objects.location?.line == 2)
        #expect(
            objects.notes.map(\.message) == [
                "also referenced by OBJ-QA-902 (field 'related_tools[0]')",
                "also referenced by OBJ-QA-903 (field 'related_tools[0]')",
            ])
        #expect(objects.notes.map { $0.location?.line } == [3, 4])
        let tool = try #require(found.first { $0.location?.file.hasSuffix("TOL-QA-050_X.json") == true })
        #expect(tool.message == "dangling reference: no tool has the ID 'TOL-QA-998' (field 'alternatives[0]')")
    }

    @Test func theEditorShowsTheOtherPlacesAsRelatedInformation() throws {
        let root = try TestSupport.copyToTemp(TestSupport.repoRoot, only: ["LIBRARIES", "TASK_MANAGERS", "TALENTS"])
        defer { try? FileManager.default.removeItem(at: root) }
        let s = LanguageServer(workingDirectory: root)
        func send(_ text: String) -> [[UInt8]] { s.handle(Array(text.utf8)) }
        _ = send(
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(root.absoluteString)","capabilities":{}}}"#
        )
        let uri = root.appendingPathComponent("LIBRARIES/Responsibilities/Objects/QA_Extra.json").absoluteString
        let escaped = Self.objects.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(
            of: "\n", with: "\\n")
        let out = send(
            #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"json","version":1,"text":"\#(escaped)"}}}"#
        )
        let first = try #require(out.first)
        let note = try #require(try JSONSerialization.jsonObject(with: Data(first)) as? [String: Any])
        let diags = (note["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        let dangling = try #require(diags.first { $0["code"] as? String == "TAX0201" })
        let related = try #require(dangling["relatedInformation"] as? [[String: Any]])
        #expect(related.count == 2)
        let place = related[0]["location"] as? [String: Any]
        #expect(place?["uri"] as? String == uri)
        #expect(((place?["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int == 2)
        #expect(related[0]["message"] as? String == "also referenced by OBJ-QA-902 (field 'related_tools[0]')")
    }
}
