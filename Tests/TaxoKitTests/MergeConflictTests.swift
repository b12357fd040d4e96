import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

/// TAX0508: a file committed with merge-conflict markers is read as its first side, one finding per
/// conflict, and every other finding keeps its true line and column.
@Suite struct MergeConflictTests {
    @Test func aConflictedRecordIsReadAsItsFirstSide() {
        let tool =
            "{\r\n  \"tool_id\": \"TOL-001\",\r\n<<<<<<< HEAD\r\n  \"name\": \"Figma\",\r\n||||||| merged common ancestors\r\n"
            + "  \"name\": \"Figma Old\",\r\n=======\r\n  \"name\": \"Figma Design\",\r\n>>>>>>> feature/rename\r\n"
            + "  \"responsibilities\": [\"RSP-404\"]\r\n}\r\n"
        let r = TestSupport.compile([("LIBRARIES/LBS_003_Tools/TOL-001_Figma.json", tool)])
        let codes = r.diagnostics.map(\.code)
        #expect(codes.filter { $0 == "TAX0508" }.count == 1)
        #expect(!codes.contains("TAX0001"), "\(r.diagnostics)")
        let e = r.library.entities.first { $0.id?.key == "TOL-1" }
        #expect(e?.name == "Figma")
        // The reference after the conflict is found at its own line and column.
        let dangling = r.diagnostics.first { $0.code == "TAX0201" }
        #expect(dangling?.location?.line == 10)
        #expect(dangling?.location?.column == 25)
        let conflict = r.diagnostics.first { $0.code == "TAX0508" }
        #expect(conflict?.location?.line == 3)
        #expect(conflict?.notes.first?.location?.line == 9)
        #expect(conflict?.hint?.contains("'HEAD'") == true)
    }

    /// Each branch appended a record to a JSON list, one with a comma before it: the first side alone has a
    /// trailing comma and does not parse, the last does, and is read. When neither side parses, the first is
    /// reported as malformed.
    @Test func aJSONFileWhoseFirstSideDoesNotParseIsReadAsItsLast() {
        func objects(_ ours: String, _ theirs: String) -> String {
            "{\n  \"objects\": [\n    {\"object_id\": \"OBJ-001\", \"name\": \"Brief\"},\n<<<<<<< HEAD\n"
                + ours + "\n=======\n" + theirs + "\n>>>>>>> feature/assets\n  ]\n}\n"
        }
        let path = "LIBRARIES/Responsibilities/Objects/Objects.json"
        let r = TestSupport.compile([
            (
                path,
                objects(
                    #"    {"object_id": "OBJ-002", "name": "Script"},"#,
                    #"    {"object_id": "OBJ-003", "name": "Asset"}"#)
            )
        ])
        #expect(!r.diagnostics.contains { $0.code == "TAX0001" }, "\(r.diagnostics)")
        #expect(r.library.entities.compactMap(\.id?.written).sorted() == ["OBJ-001", "OBJ-003"])
        let conflict = r.diagnostics.first { $0.code == "TAX0508" }
        #expect(
            conflict?.hint?.hasSuffix(
                "taxo read the last side ('feature/assets'), since the first alone does not parse") == true)
        let neither = TestSupport.compile([
            (path, objects(#"    {"object_id": "OBJ-002",,}"#, #"    {"object_id": "OBJ-003",,}"#))
        ])
        #expect(neither.diagnostics.first { $0.code == "TAX0001" }?.location?.line == 5)
        #expect(
            neither.diagnostics.first { $0.code == "TAX0508" }?.hint?.hasSuffix("taxo read the first side ('HEAD')")
                == true)
    }

    @Test func everyConflictOfADocumentOnceAndItsOtherSideUnread() {
        let doc = """
            # Video_030 Analysis

            <<<<<<< HEAD
            Uses TOL-001.
            =======
            Uses TOL-404.
            >>>>>>> main

            ```diff
            <<<<<<< HEAD
            an example in a code block
            ```text
            =======
            >>>>>>> other
            ```

            <<<<<<<
            Also TOL-001.
            =======
            Also TOL-405.
            >>>>>>>
            Cites TOL-406.

            """
        let r = TestSupport.compile([
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Video_030_Analysis.md", doc),
            ("LIBRARIES/LBS_003_Tools/TOL-001_Figma.json", #"{"tool_id": "TOL-001", "name": "Figma"}"#),
        ])
        #expect(r.diagnostics.filter { $0.code == "TAX0508" }.map { $0.location?.line } == [3, 17])
        let dangling = r.diagnostics.filter { $0.code == "TAX0205" }
        #expect(dangling.map { $0.location?.line } == [22], "\(dangling)")
    }

    /// Two branches that each added a row to a master list: both rows count (no file without its row).
    @Test func aMasterListKeepsTheRowsOfBothSides() {
        let r = TestSupport.compile(
            MasterListExamples.files(
                rows:
                    "<<<<<<< HEAD\nTOL-001,Figma,TOL-001_Figma.json\n=======\nTOL-009,Extra,TOL-009_Extra.json\n>>>>>>> b\n",
                extra: true))
        #expect(r.diagnostics.map(\.code) == ["TAX0508"], "\(r.diagnostics)")
        #expect(r.diagnostics.first?.hint?.contains("taxo read the rows of both sides") == true)
    }

    @Test func linesThatOnlyLookLikeMarkersAreNotAConflict() {
        let doc = "Title\n=======\n\n<<<<<<<< eight\n=======\n>>>>>>> seven\n\n<<<<<<< alone\n"
        let r = TestSupport.compile([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", doc)])
        #expect(!r.diagnostics.contains { $0.code == "TAX0508" })
    }
}
