import Testing

@testable import TaxoKit

/// A missing ID that several records of one file cite is one finding there, with the other places as
/// notes (the editor shows them as related information: `LanguageServerTests`); another file citing it
/// has its own finding.
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
}
