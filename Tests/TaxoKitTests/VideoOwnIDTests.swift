import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

/// In a video's documents, a milestone, task or step ID that its transcript declares names the video's own
/// entity, never a library entity with the same ID; and an ID a document proposes is a proposal wherever
/// the document, or another document of its video, cites it.
@Suite struct VideoOwnIDTests {
    static let files: [(String, String)] = [
        // A library milestone template with the ID the video uses for its own first milestone.
        (
            "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Content_Analysis.json",
            #"{"milestone_id": "MLS-001", "name": "Content Analysis"}"#
        ),
        ("LIBRARIES/Responsibilities/RSP-333.json", #"{"responsibility_id": "RSP-333", "name": "Secure MCP Gateway"}"#),
        (
            "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_024.md",
            "# Video_024\n\nTranscript text.\n\n## TAXONOMY\n\nMILESTONE_ID: MLT-001\nMILESTONE_NAME: Prepare Baseline MCP Server\n"
        ),
        (
            "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_024_Phase3_Analysis.md",
            """
            # Video_024 Phase 3

            1. **MLT-001 – Prepare Baseline MCP Server**
            - **Proposed Tool ID**: `TOL-SEC-124`.
            - Map tasks to responsibilities (RSP-333, RSP-410, proposed RSP-418).

            | Object ID (proposed) | Name |
            |---|---|
            | OBJ-SEC-510 | OAuth Metadata JSON |

            - **OAuth Metadata JSON (OBJ-SEC-510)** is stored in the route.

            """
        ),
        (
            "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Integration/Video_024_Taxonomy_Integration.md",
            "# Integration\n\n- Create TOL-SEC-124 and register OBJ-SEC-510.\n- Update RSP-418 and RSP-410.\n"
        ),
        ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Other/Video_031_Notes.md", "# Notes\n\nTOL-SEC-124 is cited here.\n"),
    ]
    static let result = TestSupport.compile(files)

    func findings(_ file: String, _ code: String) -> [String] {
        Self.result.diagnostics.filter { $0.code == code && $0.location?.file.hasSuffix(file) == true }.map(\.message)
    }

    @Test func theVideosOwnMilestoneIsNoOtherSpellingOfTheTemplate() throws {
        // MLT-001 is the default configuration's alternate spelling of MLS-001, the library's template; in
        // Video_024's documents it is the video's own milestone: no 'refers to MLS-001' note, no fix.
        #expect(Self.result.diagnostics.filter { $0.code == AlternateSpelling.info.code }.isEmpty)
        let lib = Self.result.library
        let d = try #require(lib.documents.first { $0.path.hasSuffix("Phase3_Analysis.md") })
        let m = try #require(d.mentions.first { $0.id.written == "MLT-001" })
        #expect(lib.namesVideoEntity(m, in: d))
        #expect(lib.entity(mentionedBy: m, in: d) == nil)
        // `taxo fix` leaves it as written (it would rewrite a template's alternate spelling elsewhere).
        let root = try TestSupport.writeTemp(Self.files, prefix: "taxo-own")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(
            Fixes.plan(Self.result, root: root.path).flatMap(\.edits).filter { $0.replacement == "MLS-001" }.isEmpty)
    }

    @Test func theTemplateIsNotMentionedByTheVideo() throws {
        let lib = Self.result.library
        let template = try #require(lib.entities.firstIndex { $0.name == "Content Analysis" })
        #expect(HealthContext.orphans(lib).contains(template))
        #expect(EntityCard(result: Self.result, entity: template).mentionList().total == 0)
        let doc = try #require(
            DocumentCard(
                path: "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_024_Phase3_Analysis.md",
                result: Self.result))
        #expect(doc.text().contains("The video's own IDs (1)\n  MLT-001  line 3"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(doc.json().utf8)) as? [String: Any])
        let own = (json["mentions"] as? [[String: Any]])?.first { $0["id"] as? String == "MLT-001" }
        #expect(own?["video_own"] as? Bool == true)
        #expect(own?["resolved_id"] is NSNull)
    }

    @Test func proposalsCarryThroughTheDocumentAndItsVideo() {
        // OBJ-SEC-510 is proposed in a table, then cited in a list and in the integration plan; TOL-SEC-124 is
        // proposed on its own line; RSP-418 after the word, on a line whose RSP-410 is a claim.
        #expect(findings("Phase3_Analysis.md", "TAX0205").isEmpty)
        #expect(
            findings("Integration.md", "TAX0205") == ["'RSP-410' is mentioned but no responsibility has this ID"])
        // Another video's document does not share the proposals.
        #expect(findings("Video_031_Notes.md", "TAX0205") == ["'TOL-SEC-124' is mentioned but no tool has this ID"])
    }

    @Test func announcingIsPerMentionNotPerLine() throws {
        let d = try #require(Self.result.library.documents.first { $0.path.hasSuffix("Phase3_Analysis.md") })
        let announced = Set(d.mentions.filter(\.announces).map(\.id.written))
        #expect(announced == ["TOL-SEC-124", "RSP-418", "OBJ-SEC-510"])
        // The line's proposal word still keeps its own claims quiet (as before): RSP-410 there is a proposal.
        #expect(d.mentions.first { $0.id.written == "RSP-410" }?.isProposal == true)
    }

    @Test func theIndexResolvesTheVideosOwnIDToNothing() throws {
        let dir = Scratch.folder("taxo-own")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("index.sqlite").path
        try IndexWriter.write(Self.result, to: path, buildTime: "2026-01-01T00:00:00Z")
        let db = try SQLiteDatabase(path: path, readOnly: true)
        let rows = try db.query(
            "SELECT id, in_scope, resolved_id FROM mentions WHERE id = 'MLT-001' ORDER BY document, line")
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0[1] == "1" && $0[2] == nil })
        let orphans = try db.query("SELECT id FROM orphans WHERE id = 'MLS-001'")
        #expect(orphans.count == 1)
    }
}
