import Foundation
import Testing

@testable import TaxoKit

/// Tests/Fixtures/powers uses each configuration key that real libraries need (issue 12): two category
/// segments, case-sensitive legacy patterns, local and by-path links, list files that are entities,
/// no references from free text, video-scoped prefixes, one video however padded, overlapping globs,
/// field paths for names, inline children and records embedded in other kinds' files. Findings are
/// compared with Tests/Fixtures/powers.expected (TAXO_UPDATE_GOLDEN=1 swift test regenerates it).
@Suite struct PowersFixtureTests {
    static let root = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/powers")

    let r: CompileResult
    init() throws {
        let (config, diags) = ConfigLoader.load(root: Self.root)
        #expect(diags.isEmpty, "\(diags.map(\.message))")
        r = Compiler.compile(root: Self.root.path, config: try #require(config))
    }

    func entity(_ id: String) -> Entity? { r.library.entities.first { $0.id?.written == id } }
    func at(_ file: String, _ code: String? = nil) -> [Diagnostic] { TestSupport.findings(r, in: file, code) }

    @Test func findingsMatchTheGoldenFile() throws {
        try TestSupport.expectGolden(
            r.diagnostics.map(TestSupport.render).joined(separator: "\n") + "\n", "powers.expected")
    }

    @Test func twoCategorySegments() throws {
        let resp = try #require(entity("RESP-OPS-ACC-001"))
        #expect(resp.id?.key == "RSP-OPS-ACC-1")
        #expect(r.library.grammar.tokens(in: "see RSP-OPS-ACC-001.").count == 1)
        #expect(
            at("responsibilities.json", "TAX0201").map(\.message) == [
                "dangling reference: no responsibility has the ID 'RESP-OPS-ACC-009' (field 'related[1]')"
            ])
        #expect(at("responsibilities.json", "TAX0101").isEmpty)
        #expect(at("responsibilities.json", "TAX0106").isEmpty)
    }

    @Test func caseSensitiveLegacyPatterns() throws {
        let d = at("TST-002_Review.json")
        #expect(
            d.contains { $0.code == "TAX0207" && $0.message.hasPrefix("'Task-Template-006' is an old ID of TST-001") })
        #expect(d.contains { $0.code == "TAX0201" && $0.message.contains("'TASK-TEMPLATE-006'") })
    }

    @Test func localLinksAreTheRecordsOwnChildren() throws {
        #expect(at("WRF-021_Captions.json").isEmpty)
        #expect(entity("WRF-021")?.inlineChildren == 2)
        #expect(entity("WRF-021")?.references.isEmpty == true)
    }

    @Test func linksByFilePath() throws {
        let plan = try #require(r.library.entities.firstIndex { $0.id?.written == "MLS-001" })
        let wf = try #require(r.library.entities.firstIndex { $0.id?.written == "WRF-022" })
        #expect(r.library.targets[plan].contains(wf))
        #expect(r.library.hierarchy.hasParent(plan))
        let gone = try #require(at("MLS-002_Ship.json", "TAX0201").first)
        #expect(gone.message.contains("names TM/Workflows/WRF-099_Gone.json, which does not exist"))
    }

    @Test func aListFileIsAnEntityOfItsFileKind() throws {
        let cht = try #require(entity("CHT-001"))
        #expect(r.library.config.kinds[cht.kind].name == "checklist")
        #expect(cht.name == "Launch checklist")
        #expect(cht.inlineChildren == 2)
        #expect(r.library.entities.filter { r.library.config.kinds[$0.kind].name == "checklist_item" }.count == 2)
    }

    @Test func noReferencesFromFreeText() throws {
        let pmt = try #require(entity("PMT-001"))
        #expect(pmt.references.map(\.id.written) == ["TOL-001"])
        let guide = try #require(r.library.documents.first { $0.path.hasSuffix("Style.md") })
        #expect(guide.mentions.map(\.id.written) == ["RSP-SEC-002"])
    }

    @Test func scopedPrefixesInTranscripts() throws {
        #expect(r.library.scopes["Video_019"] == ["TST-1", "TST-2"])
        // In the analysis, TST-555 is neither the video's nor the library's.
        #expect(
            at("Video_019_Gap_Analysis.md", "TAX0205").map(\.message) == [
                "'TST-555' is mentioned but no task has this ID"
            ])
    }

    @Test func oneVideoHoweverItsNumberIsPadded() throws {
        #expect(VideoIDs.canonical("Video_19") == "Video_019")
        #expect(VideoIDs.canonical("Video_0019") == "Video_019")
        #expect(VideoIDs.canonical("Video_1234") == "Video_1234")
        let tracker = PhaseTracker(result: r)
        #expect(tracker.videos.map(\.id) == ["Video_019", "Video_027"])
        let v19 = try #require(tracker.videos.first { $0.id == "Video_019" })
        #expect(
            v19.phases.map(\.artifacts) == [["TM/Transcripts/Video_19.md"], ["TM/Analysis/Video_019_Gap_Analysis.md"]])
        // A transcript kept as JSON is the video's Phase 1 artifact.
        let v27 = try #require(tracker.videos.first { $0.id == "Video_027" })
        #expect(v27.phases.first?.artifacts == ["TM/Transcripts/Video_027.json"])
    }

    @Test func overlappingGlobsAreAWarning() throws {
        let d = at("SKL-001_Design.json", "TAX0108")
        #expect(d.map(\.message) == ["this file matches the files of kinds 'tool' and 'skill'; it is read as a tool"])
        #expect(entity("TOL-003") != nil)
    }

    @Test func namesAndIDsInNestedFields() throws {
        #expect(entity("TOL-001")?.name == "Figma")
        #expect(entity("TOL-002")?.name == "Miro")
        #expect(at("TOL-002_Miro.json", "TAX0207").first?.message == "'TOL-900' is an old ID of TOL-001 (Figma)")
    }

    @Test func inlineChildrenAndEmbeddedRecords() throws {
        #expect(entity("TST-001")?.inlineChildren == 2)
        // The project's inline milestone exists for the hierarchy (its task links resolve, it is an orphan).
        let mls = try #require(entity("MLS-010"))
        #expect(mls.file == "TM/Projects/PRJ-001_Website.json")
        #expect(at("PRJ-001_Website.json", "TAX0303").count == 1)
    }
}
