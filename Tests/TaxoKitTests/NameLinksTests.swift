import Foundation
import Testing

@testable import TaxoKit

/// Links written as names (`"tool": "Zoom"`): in link fields, in fields named after a kind, in Markdown
/// headers; only names one entity of the kind has become links, and none is an error.
@Suite struct NameLinksTests {
    static let tools: [(String, String)] = [
        ("LIBRARIES/LBS_003_Tools/TOL-001_Zoom.json", #"{"tool_id": "TOL-001", "name": "Zoom"}"#),
        (
            "LIBRARIES/LBS_003_Tools/TOL-002_Sheets.json",
            #"{"tool_id": "TOL-002", "name": "Google Sheets", "aliases": ["GSheets"]}"#
        ),
        ("LIBRARIES/LBS_003_Tools/TOL-003_ATT.json", #"{"tool_id": "TOL-003", "name": "AT&T"}"#),
        ("LIBRARIES/LBS_003_Tools/TOL-004_Make.json", #"{"tool_id": "TOL-004", "name": "Make (Integromat)"}"#),
        // Two tools with different IDs share a name: it names neither.
        ("LIBRARIES/LBS_003_Tools/TOL-005_CRM.json", #"{"tool_id": "TOL-005", "name": "CRM"}"#),
        ("LIBRARIES/LBS_003_Tools/TOL-006_CRM.json", #"{"tool_id": "TOL-006", "name": "CRM"}"#),
    ]

    /// Each entity's links as `field -> target ID`, in order.
    static func links(_ r: CompileResult, of id: String) -> [String] {
        let lib = r.library
        guard let ei = lib.entities.firstIndex(where: { $0.id?.written == id }) else { return [] }
        return lib.entities[ei].references.indices.map { ri in
            let t = lib.targets[ei][ri].flatMap { lib.entities[$0].id?.written } ?? "nil"
            return "\(lib.entities[ei].references[ri].field) -> \(t)"
        }
    }

    @Test func namesInFieldsNamedAfterAKindLinkToTheEntityWithTheName() {
        let r = TestSupport.compile(
            Self.tools + [
                (
                    "TALENTS/Skills/Master/all_skills.json",
                    #"""
                    [{"skill_id": "SKL-001", "skill_phrase": "met via Zoom",
                      "components": {"tool": "Zoom (video calls)", "action": "meet"}},
                     {"skill_id": "SKL-002", "skill_phrase": "tracked",
                      "tools_used": ["gsheets", "AT&T", "Make (Integromat)", "TOL-001 (Zoom) + Excel"],
                      "primary_tool": "Google Sheets / Zoom", "notes": "Zoom"}]
                    """#
                )
            ])
        #expect(Self.links(r, of: "SKL-001") == ["components.tool -> TOL-001"])
        // An alias in any case; a name with & tried whole; parentheses that are part of the name; an ID part
        // stays an ID and the rest is a name; a field that is not named after a kind names nothing.
        #expect(
            Self.links(r, of: "SKL-002") == [
                "tools_used[0] -> TOL-002", "tools_used[1] -> TOL-003", "tools_used[2] -> TOL-004",
                "tools_used[3] -> TOL-001", "primary_tool -> TOL-002", "primary_tool -> TOL-001",
            ], "\(Self.links(r, of: "SKL-002"))")
        // Excel and the shared CRM name nothing: kept apart, no finding.
        let unmatched = r.library.unmatchedNames.map { "\($0.reference.id.written) \($0.sharedBy.count)" }
        #expect(unmatched == ["meet 0", "Excel 0"], "\(unmatched)")
        #expect(r.diagnostics.filter { $0.severity != .note }.isEmpty, "\(r.diagnostics)")
        // The tool's page lists who uses it.
        let zoom = r.library.entities.firstIndex { $0.id?.written == "TOL-001" }!
        #expect(r.library.backlinks()[zoom]?.count == 3)
    }

    @Test func aNameTwoEntitiesShareLinksToNeither() {
        let r = TestSupport.compile(
            Self.tools + [
                (
                    "TALENTS/Skills/Master/all_skills.json",
                    #"[{"skill_id": "SKL-001", "skill_phrase": "screened", "components": {"tool": "CRM"}}]"#
                )
            ])
        #expect(Self.links(r, of: "SKL-001").isEmpty)
        let shared = r.library.unmatchedNames.map { $0.sharedBy.compactMap { r.library.entities[$0].id?.written } }
        #expect(shared == [["TOL-005", "TOL-006"]])
    }

    @Test func aParentNamedInALinkFieldMakesNoOrphan() {
        let workflow = (
            "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Publish.json",
            #"{"workflow_id": "WRF-001", "name": "Behance Project Publishing"}"#
        )
        let milestone = (
            "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Plan.json",
            #"{"milestone_id": "MLS-001", "name": "Plan", "workflow": "Behance Project Publishing"}"#
        )
        let found = TestSupport.compile([workflow, milestone]).diagnostics.map(\.message)
        #expect(found == ["milestone 'MLS-001' has no tasks"], "\(found)")
        // `by: id` takes IDs only: the milestone is an orphan again.
        var config = TestSupport.defaultConfig
        let m = config.kinds.firstIndex { $0.name == "milestone" }!
        let l = config.kinds[m].links.firstIndex { $0.target == "workflow" }!
        config.kinds[m].links[l].byName = false
        let strict = Compiler.compile(files: [workflow, milestone].map { ($0.0, Array($0.1.utf8)) }, config: config)
        #expect(strict.diagnostics.contains { $0.code == OrphanEntity.info.code })
    }

    @Test func markdownHeaderFieldsNameTheirTargets() {
        let r = TestSupport.compile(
            Self.tools + [
                (
                    "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Flow.md",
                    "# Flow\n\n**Workflow ID:** WRF-001\n**Tools Used:** Zoom, AT&T (billing), Zoom/GSheets\n\nZoom.\n"
                )
            ])
        #expect(
            Self.links(r, of: "WRF-001") == [
                "Tools Used -> TOL-001", "Tools Used -> TOL-003", "Tools Used -> TOL-001", "Tools Used -> TOL-002",
            ])
        let at = r.library.entities.first { $0.id?.written == "WRF-001" }!.references.map(\.location.column)
        #expect(at == [17, 23, 39, 44], "\(at)")
    }

    @Test func theRecordsOwnKindAndTheDepartmentAreNotNamedByKey() {
        let r = TestSupport.compile(
            Self.tools + [
                (
                    "LIBRARIES/LBS_003_Tools/TOL-007_Bot.json",
                    #"{"tool_id": "TOL-007", "name": "Bot", "tool": "Zoom", "department": "Zoom"}"#
                )
            ])
        #expect(Self.links(r, of: "TOL-007").isEmpty)
        #expect(r.library.unmatchedNames.isEmpty)
    }

    @Test func valuesSplitIntoNames() {
        func parts(_ s: String) -> [String] { NameParts.split(s).map { "\($0.written)=\($0.normalized)@\($0.offset)" } }
        #expect(parts("Behance (project planning)") == ["Behance (project planning)=behance@0"])
        #expect(parts("Photoshop, Figma (1400×788px)") == ["Photoshop=photoshop@0", "Figma (1400×788px)=figma@11"])
        #expect(parts("YouTube Studio / Subtitle Editor / Descript").count == 3)
        #expect(parts("Zapier or Make and n8n") == ["Zapier=zapier@0", "Make=make@10", "n8n=n8n@19"])
        // Commas inside parentheses do not split; prose, paths, web addresses and numbers are no names.
        #expect(parts("Notion (docs, wiki)") == ["Notion (docs, wiki)=notion@0"])
        #expect(parts("Open the editor, then write the whole description of the project there").count == 1)
        #expect(parts("Open the editor then write the whole description of the project there").isEmpty)
        // `/` `&` `+` between letters join a name; beside a space they separate.
        #expect(parts("AT&T, CI/CD").map { $0.prefix(4) } == ["AT&T", "CI/C"])
        #expect(NameParts.split("Docs/Sheets", tight: true).map(\.written) == ["Docs", "Sheets"])
        #expect(parts("https://zoom.us").isEmpty)
        #expect(parts("../Tools/zoom.json").isEmpty)
        #expect(parts("1400, 788").isEmpty)
        #expect(NameParts.whole("AT&T") == "att")
    }

    @Test func namesSurviveTheCache() throws {
        let root = try TestSupport.writeTemp(
            Self.tools + [
                (
                    "TALENTS/Skills/Master/all_skills.json",
                    #"[{"skill_id": "SKL-001", "skill_phrase": "met", "components": {"tool": "Zoom, Excel"}}]"#
                )
            ])
        let (fresh, cached) = try TestSupport.compiledThroughTheCache(root: root, config: TestSupport.defaultConfig)
        #expect(Self.links(cached, of: "SKL-001") == ["components.tool -> TOL-001"])
        #expect(Self.links(fresh, of: "SKL-001") == Self.links(cached, of: "SKL-001"))
        #expect(cached.library.unmatchedNames.count == 1)
    }

    /// The index resolves links by name (and by path) like links by ID: the tool used by name has its
    /// backlinks and is no orphan there. (Before, its `resolution` table knew IDs and aliases only.)
    @Test func theIndexResolvesLinksByName() throws {
        let r = TestSupport.compile(
            Self.tools + [
                (
                    "TALENTS/Skills/Master/all_skills.json",
                    #"[{"skill_id": "SKL-001", "skill_phrase": "met", "components": {"tool": "Zoom", "action": "AT&T"}}]"#
                )
            ])
        let db = try SQLiteDatabase(path: ":memory:")
        try IndexWriter.fill(db, r, buildTime: "2026-01-01T00:00:00Z")
        let back = try db.query("SELECT target_id, source_id, field FROM backlinks WHERE source_id = 'SKL-001'")
        #expect(back == [["TOL-001", "SKL-001", "components.tool"]], "\(back)")
        let orphans = try db.query("SELECT id FROM orphans WHERE id = 'TOL-001'")
        #expect(orphans.isEmpty)
        // AT&T is a tool, not an action: the action field names nothing.
        #expect(r.library.unmatchedNames.map(\.reference.id.written) == ["AT&T"])
    }

    /// The health report lists the names that link to nothing, most used first, with why; filler words
    /// (`N/A`, `manual`) are no names at all.
    @Test func theHealthReportListsNamesThatLinkToNothing() throws {
        let r = TestSupport.compile(
            Self.tools + [
                (
                    "TALENTS/Skills/Master/all_skills.json",
                    TestSupport.skillsNamingTools(["Excel, N/A", "excel / manual", "CRM", "Ex-cel"])
                )
            ])
        #expect(r.library.unmatchedNames.map(\.reference.id.written) == ["Excel", "excel", "CRM", "Ex-cel"])
        let ctx = try HealthReport(result: r, previous: nil).context(command: "taxo build")
        let md = try Templates(directory: nil).render("health.md", ctx)
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| tool |") && $0.hasSuffix("name |") }
        #expect(
            rows == [
                "| tool | Excel (also written Ex-cel) | 3 | [SKL-001 components.tool](TALENTS/Skills/Master/all_skills.json#L1) | no tool has this name |",
                "| tool | CRM | 1 | [SKL-003 components.tool](TALENTS/Skills/Master/all_skills.json#L3) | shared by TOL-005, TOL-006: give each its own name |",
            ], "\(rows)")
        #expect(md.contains("2 names in link fields"))
    }

    /// `taxo show` and `get_entity` list an entity's names that link to nothing, with why and the names of
    /// the kind it may have meant; the health report says the same.
    @Test func anEntitysCardSaysWhatItsUnmatchedNamesMayHaveMeant() throws {
        let r = TestSupport.compile(
            Self.tools + [
                ("LIBRARIES/LBS_003_Tools/TOL-007_Excel.json", #"{"tool_id": "TOL-007", "name": "Microsoft Excel"}"#),
                ("LIBRARIES/LBS_003_Tools/TOL-008_Docs.json", #"{"tool_id": "TOL-008", "name": "Google Docs"}"#),
                ("LIBRARIES/LBS_003_Tools/TOL-009_Drive.json", #"{"tool_id": "TOL-009", "name": "Google Drive"}"#),
                ("LIBRARIES/LBS_003_Tools/TOL-010_Forms.json", #"{"tool_id": "TOL-010", "name": "Google Forms"}"#),
                (
                    "TALENTS/Skills/Master/all_skills.json",
                    #"""
                    [{"skill_id": "SKL-001", "skill_phrase": "a",
                      "tools_used": ["Excel", "Goggle Sheets", "CRM", "Zoom"]},
                     {"skill_id": "SKL-002", "skill_phrase": "b", "components": {"tool": "Quill"}},
                     {"skill_id": "SKL-003", "skill_phrase": "c", "components": {"tool": "Google"}}]
                    """#
                ),
            ])
        let lib = r.library
        let skill = try #require(lib.entities.firstIndex { $0.id?.written == "SKL-001" })
        #expect(lib.unmatchedNames(of: skill).map(\.reference.id.written) == ["Excel", "Goggle Sheets", "CRM"])
        #expect(lib.unmatchedNames(of: skill + 1).map(\.reference.id.written) == ["Quill"])
        #expect(lib.unmatchedNames(of: 0).isEmpty)
        let text = EntityCard(result: r, entity: skill).text()
        #expect(text.contains("\nNames that link to nothing (3)\n"), "\(text)")
        #expect(
            text.contains(
                "  tools_used[0]: Excel  line 2 (no tool has this name; did you mean 'Microsoft Excel'?)"), "\(text)")
        #expect(
            text.contains("tools_used[1]: Goggle Sheets  line 2 (no tool has this name; did you mean 'Google Sheets'?)")
        )
        #expect(text.contains("tools_used[2]: CRM  line 2 (shared by TOL-005, TOL-006: give each its own name)"))
        // A name near none: no guess.
        #expect(EntityCard(result: r, entity: skill + 1).text().contains("Quill  line 3 (no tool has this name)"))
        // Four names hold it: no guess either.
        #expect(EntityCard(result: r, entity: skill + 2).text().contains("Google  line 4 (no tool has this name)"))
        // The same in JSON, for assistants.
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(EntityCard(result: r, entity: skill).json().utf8))
                as? [String: Any])
        let names = try #require(json["unmatched_names"] as? [[String: Any]])
        #expect(names.map { $0["name"] as? String } == ["Excel", "Goggle Sheets", "CRM"])
        #expect(names[0]["did_you_mean"] as? [String] == ["Microsoft Excel"])
        #expect(names[0]["column"] as? Int == 19)
        #expect(names[2]["shared_by"] as? [String] == ["TOL-005", "TOL-006"])
        #expect(names[2]["did_you_mean"] as? [String] == [])
        // An entity whose names all link shows no such section.
        let zoom = try #require(lib.entities.firstIndex { $0.id?.written == "TOL-001" })
        #expect(!EntityCard(result: r, entity: zoom).text().contains("Names that link to nothing"))
        // The health report's reason is the card's.
        let ctx = try HealthReport(result: r, previous: nil).context(command: "taxo build")
        let md = try Templates(directory: nil).render("health.md", ctx)
        #expect(md.contains("| tool | Excel | 1 | [SKL-001 tools_used\\[0\\]]"), "\(md)")
        #expect(md.contains("| no tool has this name; did you mean 'Microsoft Excel'? |"))
    }

    /// Every key named after a kind is read, however long the kind's name (`responsibilities_required` is 25
    /// bytes), in snake case or as people write it.
    @Test func longKeysNamedAfterAKindLinkToo() {
        let r = TestSupport.compile([
            (
                "LIBRARIES/Responsibilities/Core/responsibilities.json",
                #"[{"responsibility_id": "RSP-001", "name": "Quality Review"}]"#
            ),
            (
                "TALENTS/Skills/Master/all_skills.json",
                #"""
                [{"skill_id": "SKL-001", "skill_phrase": "a", "responsibilities_required": "Quality Review"},
                 {"skill_id": "SKL-002", "skill_phrase": "b", "Required Responsibilities": ["quality review"]}]
                """#
            ),
        ])
        #expect(Self.links(r, of: "SKL-001") == ["responsibilities_required -> RSP-001"], "\(r.diagnostics)")
        #expect(Self.links(r, of: "SKL-002") == ["Required Responsibilities[0] -> RSP-001"])
    }
}
