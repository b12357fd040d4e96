import Foundation
import Testing

@testable import TaxoKit

/// One test per misleading candidate of issue 15, on the labelled library Tests/Fixtures/gaps (the
/// labelled-set test checks every candidate; these say what each pattern must and must not give).
@Suite struct GapCandidateTests {
    static let lib: Library = {
        let root = GapLabelledSetTests.root
        let (config, _) = ConfigLoader.load(root: root)
        return Compiler.compile(root: root.path, config: config!).library
    }()

    func report(_ targets: String...) throws -> GapReport {
        try Gaps.report(targets: targets, library: Self.lib, root: GapLabelledSetTests.root.path, command: "taxo gaps")
    }

    static let phase3 = "TM/Research/03_ANALYSIS/Video_031_Phase3_Analysis.md"

    func named(_ r: GapReport, _ text: String) -> [GapCandidate] {
        r.candidates.filter { Labels.normalized($0.text) == Labels.normalized(text) }
    }
    func withID(_ r: GapReport, _ id: String) -> [GapCandidate] {
        r.candidates.filter { $0.ids.contains { $0.written == id } || $0.placeholders.contains(id) }
    }

    @Test func anIDAndItsLabelAreOneCandidateAndAnIDIsNeverAName() throws {
        let r = try report(Self.phase3)
        // `- **Tools**: TOL-SEC-124 (Auth0), TOL-AID-999 (Fancy Tool), TOL-XXX (Zapier)`
        let auth0 = withID(r, "TOL-SEC-124")
        #expect(auth0.count == 1)
        #expect(auth0.first?.name == "Auth0")
        #expect(auth0.first?.verdict == .conflict)
        let fancy = withID(r, "TOL-AID-999")
        #expect(fancy.count == 1)
        #expect(fancy.first?.suggestedID == "TOL-AID-999")
        let zapier = withID(r, "TOL-XXX")
        #expect(zapier.count == 1)
        #expect(zapier.first?.name == "Zapier")
        #expect(zapier.first?.verdict == .placeholder)
        for c in r.candidates {
            #expect(Self.lib.grammar.check(c.name ?? "").isNotAnID, "'\(c.name ?? "")' is an ID used as a name")
        }
        #expect(
            Set(r.candidates.compactMap(\.suggestedID)).count == r.candidates.compactMap(\.suggestedID).count,
            "suggestions repeat")
        #expect(named(r, "Tools").isEmpty)
    }

    @Test func aHeadingsVersionIsEvidenceAndALabelledIDLineIsItsOwnCandidate() throws {
        let r = try report(Self.phase3)
        // `### 1.1 LangChain v0.3.1` then `Proposed Tool ID: TOL-QA-040 (Playwright)`
        let langchain = try #require(named(r, "LangChain").first)
        #expect(langchain.versions == ["v0.3.1"])
        #expect(langchain.ids.isEmpty)
        #expect(langchain.verdict == .missing)
        #expect(named(r, "LangChain v0.3.1").isEmpty)
        let playwright = try #require(withID(r, "TOL-QA-040").first)
        #expect(playwright.name == "Playwright")
        #expect(playwright.verdict == .conflict)
        #expect(playwright.note.contains("TOL-QA-032"))
    }

    @Test func everyItemOfToolsRequiredIsReported() throws {
        let r = try report("TM/Research/02_TRANSCRIPTIONS/Video_031.md")
        // `TOOLS_REQUIRED: TOL-AID-205, Notion`
        let notion = try #require(named(r, "Notion").first)
        #expect(notion.verdict == .missing)
        #expect(notion.priority == "HIGH")
        #expect(withID(r, "TOL-AID-205").first?.verdict == .exists)
    }

    @Test func aSlashJoinedNameResolvesThroughItsID() throws {
        let r = try report("TM/Research/03_ANALYSIS/Video_031_Gap_Analysis.md")
        // `| MCP Inspector / VS Code client (TOL-QA-031) | Likely absent | ...`
        let c = try #require(withID(r, "TOL-QA-031").first)
        #expect(c.verdict == .exists)
        #expect(c.suggestedID == nil)
        #expect(r.candidates.filter { $0.libraryID == "TOL-QA-031" }.count == 1)
    }

    @Test func aVideosScopedIDsAreItsOwnProposals() throws {
        let r = try report("TM/Research/02_TRANSCRIPTIONS/Video_031.md")
        // MLS-001 is in the library ("Configure the Auth Server"); the video's MLS-001 is another milestone.
        let mls = try #require(withID(r, "MLS-001").first)
        #expect(mls.verdict == .proposed)
        #expect(mls.name == "Register the MCP Server")
        #expect(mls.scopedTo == "Video_031")
        #expect(!r.candidates.contains { $0.verdict == .conflict })
    }

    @Test func pathsPromptsAndSentencesAreNoToolNames() throws {
        let r = try report("TM/Research/03_ANALYSIS/Video_031_Gap_Analysis.md")
        #expect(!r.candidates.contains { $0.text.contains("/") && !$0.text.contains(" / ") })
        let prompt = try #require(withID(r, "PMT-004").first)
        #expect(prompt.kind == Self.lib.config.kindIndex(role: .prompt))
        #expect(prompt.verdict == .exists)
        // `MLS-001: Title is already professional and descriptive` is a remark, not the milestone's name.
        #expect(withID(r, "MLS-001").first?.name == nil)
    }

    @Test func nearMatchesStayWithinTheKind() throws {
        let r = try report("TM/Research/03_ANALYSIS/Video_032_Phase3_Analysis.md")
        // The action "Create" is not near the object "Creator"; the profession "AI Engineer" not near the action "Engineer".
        let create = try #require(named(r, "Create").first)
        #expect(create.verdict == .placeholder)
        #expect(create.libraryID == nil)
        let engineer = try #require(named(r, "AI Engineer").first)
        #expect(engineer.verdict == .placeholder)
        #expect(engineer.kind == Self.lib.config.kinds.firstIndex { $0.name == "profession" })
    }

    @Test func conflictedCopiesAreSkippedAndBrokenFilesNamed() throws {
        let r = try report(
            "TM/Research/02_TRANSCRIPTIONS/Video_031.md",
            "TM/Research/02_TRANSCRIPTIONS/Video_031 (conflicted copy 2025-11-30).md")
        #expect(r.targets == ["TM/Research/02_TRANSCRIPTIONS/Video_031.md"])
        #expect(r.skipped.count == 1)
        #expect(
            r.skipped.first?.reason.contains("conflicted copy of TM/Research/02_TRANSCRIPTIONS/Video_031.md") == true)
        #expect(r.candidates.allSatisfy { $0.occurrences.allSatisfy { !$0.file.contains("conflicted") } })
        let json = try JSONSerialization.jsonObject(with: Data(r.json().utf8)) as? [String: Any]
        let skipped = json?["skipped"] as? [[String: Any]]
        #expect(
            skipped?.first?["path"] as? String
                == "TM/Research/02_TRANSCRIPTIONS/Video_031 (conflicted copy 2025-11-30).md")
        let g = try report("TM/Research/03_ANALYSIS/Video_031_Gap_Analysis.md")
        let postman = try #require(withID(g, "TOL-QA-033").first)
        #expect(postman.verdict == .broken)
        #expect(postman.libraryFile == "LIB/Tools/QA/TOL-QA-033_Postman.json")
        #expect(postman.note.contains("does not parse"))
        #expect(postman.suggestedID == nil)
    }

    @Test func misspellingsInProseAreNearMatches() throws {
        let r = try report("TM/Research/02_TRANSCRIPTIONS/Video_031.md")
        let dash = try #require(named(r, "Scalekit Dashbord").first)
        #expect(dash.verdict == .near)
        #expect(dash.libraryID == "TOL-SEC-124")
        #expect(named(r, "Tavilly").first?.libraryID == "TOL-AID-205")
        // Ordinary capitalised words are not near anything, and other kinds are not looked at in prose.
        let t = try report("TM/Research/02_TRANSCRIPTIONS/Video_034.md")
        #expect(named(t, "Acess Token").isEmpty)
        #expect(named(t, "Postmann").isEmpty)
        #expect(t.candidates.filter { $0.verdict == .near }.map(\.text) == ["Playwrigth"])
    }

    @Test func highComesFirstAndSuggestionsFollowTheLibrarysPattern() throws {
        let r = try report("TM/Research/02_TRANSCRIPTIONS/Video_031.md")
        let ranks = r.candidates.map { GapAnalyzer.priorityRank($0.priority) }
        #expect(ranks == ranks.sorted())
        let ctx = try r.context()
        let actions = ctx["actions"]?.array?.compactMap(\.text) ?? []
        #expect(actions.first?.hasPrefix("[HIGH]") == true)
        // Tools here carry departments (TOL-AID-201, TOL-SEC-124 ...): a new one gets one too.
        #expect(named(r, "Notion").first?.suggestedID == "TOL-AID-206")
        let next = (ctx["next_free"]?.array ?? []).filter { $0["kind"]?.text == "tool" }.compactMap { $0["id"]?.text }
        #expect(!next.isEmpty)
        #expect(next.allSatisfy { $0.split(separator: "-").count == 3 }, "\(next)")
    }
}
