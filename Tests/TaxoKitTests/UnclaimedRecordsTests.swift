import Foundation
import Testing

@testable import TaxoKit

/// Records in files no kind's `files:` globs take (TAX0109): they resolve references, fill only IDs no other
/// file declares, and are not checked themselves.
@Suite struct UnclaimedRecordsTests {
    static let tool = "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json"

    static func codes(_ r: CompileResult) -> [String] { r.diagnostics.map(\.code) }

    /// The files of the entities the library's ID table holds for an ID (nil: none).
    static func declared(_ r: CompileResult, _ id: String) -> [String]? {
        guard case .valid(let p) = r.library.grammar.check(id) else { return nil }
        return r.library.table[p.key]?.map { r.library.entities[$0].file }
    }

    @Test func aReferenceToARecordInAnUnknownFolderResolves() {
        let r = TestSupport.compile([
            (Self.tool, #"{"tool_id": "TOL-001", "name": "Figma", "responsibilities": ["RSP-001", "RSP-002"]}"#),
            (
                "LIBRARIES/Responsibilities/By_Department/AID.json",
                #"{"department": "AID", "responsibilities": [{"responsibility_id": "RSP-001", "name": "Review"}]}"#
            ),
            (
                "LIBRARIES/Responsibilities/By_Department/DEV.json",
                #"{"responsibilities": [{"responsibility_id": "RSP-003", "name": "Ship"}]}"#
            ),
        ])
        let dangling = r.diagnostics.filter { $0.code == DanglingReference.info.code }
        // RSP-001 is found; RSP-002 is declared nowhere and still dangles.
        #expect(dangling.map(\.message).count == 1)
        #expect(dangling.first?.message.contains("'RSP-002'") == true)
        let unclaimed = r.diagnostics.filter { $0.code == UnclaimedRecords.info.code }
        #expect(unclaimed.count == 1)
        #expect(unclaimed.first?.severity == .warning)
        #expect(unclaimed.first?.message.contains("2 responsibility records in 2 files") == true)
        #expect(unclaimed.first?.hint?.contains(#""LIBRARIES/Responsibilities/By_Department/**/*.json""#) == true)
        #expect(Self.declared(r, "RSP-001") == ["LIBRARIES/Responsibilities/By_Department/AID.json"])
    }

    @Test func aCopyOfAClaimedRecordIsNoDuplicateAndAnUnclaimedFileIsNotChecked() {
        let r = TestSupport.compile([
            (Self.tool, #"{"tool_id": "TOL-001", "name": "Figma"}"#),
            // A summary of the tools, kept elsewhere: TOL-001 is a copy; its dangling reference is not reported.
            (
                "LIBRARIES/Summaries/tools.json",
                #"[{"tool_id": "TOL-001", "name": "Figma"}, {"tool_id": "TOL-002", "name": "Miro", "skills": ["SKL-404"]}]"#
            ),
        ])
        #expect(!Self.codes(r).contains(DuplicateID.info.code))
        #expect(!Self.codes(r).contains(DanglingReference.info.code))
        #expect(Self.codes(r).filter { $0 == UnclaimedRecords.info.code }.count == 1)
        // The claimed file declares TOL-001; the summary fills TOL-002.
        #expect(Self.declared(r, "TOL-001") == [Self.tool])
        #expect(Self.declared(r, "TOL-002") == ["LIBRARIES/Summaries/tools.json"])
        // The health report counts TOL-001 once and TOL-002; the summary's copy of TOL-001 is no third tool.
        #expect(HealthContext.liveCounts(r.library).perKind["tool"] == 2)
    }

    @Test func onlyNamedRecordsWithCurrentIDsOfOneKindAreRead() {
        let r = TestSupport.compile([
            // References without names, an old spelling, an ID of the wrong kind for its field: no records.
            ("LIBRARIES/Links/a.json", #"[{"tool_id": "TOL-001"}, {"tool_id": "TOL-002"}]"#),
            ("LIBRARIES/Links/b.json", #"{"tool_id": "Tool-Template-003", "name": "Old"}"#),
            ("LIBRARIES/Links/c.json", #"{"skill_id": "TOL-004", "name": "Odd"}"#),
            // Mixed: the kind most records belong to wins; the tool record is left out.
            (
                "LIBRARIES/Mixed/m.yaml",
                "- skill_id: SKL-001\n  name: Writing\n- skill_id: SKL-002\n  name: Editing\n- tool_id: TOL-009\n  name: Pen\n"
            ),
        ])
        let files = Set(r.library.files.filter(\.unclaimed).map(\.path))
        #expect(files == ["LIBRARIES/Mixed/m.yaml"])
        #expect(Self.declared(r, "SKL-002") != nil)
        #expect(Self.declared(r, "TOL-009") == nil)
        #expect(Self.declared(r, "TOL-004") == nil)
    }

    @Test func parseErrorsAreStillReportedAndArchivesLeftAlone() {
        let r = TestSupport.compile([
            ("LIBRARIES/Extra/broken.json", #"{"tool_id": "TOL-001", "name": "Figma",}"#),
            ("LIBRARIES/Old_Archive/tools.json", #"[{"tool_id": "TOL-002", "name": "Miro"}]"#),
        ])
        #expect(Self.codes(r).contains(MalformedFile.info.code))
        #expect(Self.declared(r, "TOL-002") == nil)
        #expect(!Self.codes(r).contains(UnclaimedRecords.info.code))
    }

    @Test func theCacheKeepsWhatWasUnclaimed() throws {
        let root = try TestSupport.writeTemp(
            [
                (Self.tool, #"{"tool_id": "TOL-001", "name": "Figma", "responsibilities": ["RSP-001"]}"#),
                (
                    "LIBRARIES/Extra/r.json",
                    #"{"responsibility_id": "RSP-001", "name": "Review", "skills": ["SKL-404"]}"#
                ),
            ], prefix: "taxo-unclaimed")
        defer { try? FileManager.default.removeItem(at: root) }
        let config = TestSupport.defaultConfig
        let (fresh, cached) = try TestSupport.compiledThroughTheCache(root: root, config: config)
        #expect(cached.library.files.map(\.unclaimed) == fresh.library.files.map(\.unclaimed))
        #expect(cached.diagnostics == fresh.diagnostics)
        // The missing roots aside (notes), the one finding is the folder's.
        #expect(fresh.diagnostics.map(\.code).filter { $0 != SkippedFile.info.code } == [UnclaimedRecords.info.code])
    }

    @Test func aMarkdownEntityOutsideItsKindsFoldersDeclaresItsID() {
        let r = TestSupport.compile([
            (Self.tool, #"{"tool_id": "TOL-001", "name": "Figma", "workflows": ["WRF-AID-077", "WRF-AID-078"]}"#),
            // Moved out of the workflows' folder: its header and file name declare WRF-AID-077.
            (
                "TASK_MANAGERS/Workflows/AI/WRF-AID-077_Build_Agent.md",
                "# WRF-AID-077: Build an Agent\n\n**Workflow ID:** WRF-AID-077\n\nSee SKL-404.\n"
            ),
            // Meeting minutes that name a workflow in a header line, under another file name: a document.
            ("TASK_MANAGERS/Meetings/2026-01-05.md", "# Weekly\n\n**Workflow ID:** WRF-AID-078\n"),
            // A file name alone declares nothing for a kind without id_from_filename.
            ("TASK_MANAGERS/Notes/WRF-AID-079_ideas.md", "# Ideas\n\nRename WRF-AID-079.\n"),
        ])
        #expect(Self.declared(r, "WRF-AID-077") == ["TASK_MANAGERS/Workflows/AI/WRF-AID-077_Build_Agent.md"])
        #expect(Self.declared(r, "WRF-AID-078") == nil)
        #expect(Self.declared(r, "WRF-AID-079") == nil)
        let dangling = r.diagnostics.filter { $0.code == DanglingReference.info.code }.map(\.message)
        #expect(dangling.count == 1 && dangling.first?.contains("'WRF-AID-078'") == true, "\(dangling)")
        // Its own ID is no dangling mention, its mentions are not checked, and its folder is reported once.
        let inFile = r.diagnostics.filter { $0.location?.file.hasPrefix("TASK_MANAGERS/Workflows/") == true }
        #expect(inFile.map(\.code) == [UnclaimedRecords.info.code], "\(inFile)")
        #expect(inFile.first?.hint?.contains(#""TASK_MANAGERS/Workflows/AI/**/*.md""#) == true)
        // The notes stay documents whose mentions are checked.
        let notes = r.diagnostics.filter { $0.location?.file.hasPrefix("TASK_MANAGERS/Notes/") == true }
        #expect(notes.contains { $0.message.contains("'WRF-AID-079'") }, "\(notes)")
    }
}
