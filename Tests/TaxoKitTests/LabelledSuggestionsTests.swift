import Testing

@testable import TaxoKit

/// A missing ID written with a label (`SKL-006 (API Configuration)`) is looked up by that name too: the
/// skill named so is the suggestion; an ID one digit away whose skill is named otherwise is none.
@Suite struct LabelledSuggestionsTests {
    static let skills = [
        ("TALENTS/Skills/SKL-001_Python.json", #"{"skill_id": "SKL-001", "name": "Python"}"#),
        ("TALENTS/Skills/SKL-014_API_Configuration.json", #"{"skill_id": "SKL-014", "name": "API Configuration"}"#),
        ("TALENTS/Skills/SKL-017_Testing.json", #"{"skill_id": "SKL-017", "name": "Test Automation"}"#),
    ]

    static func finding(_ doc: String, _ id: String) throws -> Diagnostic {
        let r = TestSupport.compile(skills + [("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", doc)])
        return try #require(r.diagnostics.first { $0.subject == id })
    }

    @Test func theLabelNamesTheSuggestion() throws {
        let d = try Self.finding("# Notes\n\nSkills: SKL-006 (API Configuration)\n", "SKL-006")
        #expect(d.hint == "did you mean 'SKL-014' (API Configuration)?")
        #expect(d.suggestions.map(\.with) == ["SKL-014"])
    }

    @Test func anIDOneDigitAwayNamedOtherwiseIsNoSuggestion() throws {
        // SKL-001 is one digit from SKL-007 but is Python; nothing is named Kubernetes.
        let d = try Self.finding("# Notes\n\nSkills: SKL-007 (Kubernetes)\n", "SKL-007")
        #expect(d.hint == "create the skill 'Kubernetes', or write the mention as a proposal")
        #expect(d.suggestions.isEmpty)
    }

    @Test func anIDOneDigitAwayWhoseNameAgreesStays() throws {
        let d = try Self.finding("# Notes\n\nSkills: SKL-018 (Test Automation)\n", "SKL-018")
        #expect(d.hint == "did you mean 'SKL-017' (Test Automation)?")
    }

    @Test func withoutALabelTheNearIDsComeWithTheirNames() throws {
        let d = try Self.finding("# Notes\n\nSkills: SKL-004 and more.\n", "SKL-004")
        #expect(d.hint == "did you mean 'SKL-001' (Python) or 'SKL-014' (API Configuration)?")
        // A remark about the state is no name.
        let m = try Self.finding("# Notes\n\nSkills: SKL-004 (missing)\n", "SKL-004")
        #expect(m.suggestions.map(\.with) == ["SKL-001", "SKL-014"])
    }

    @Test func referencesInRecordsUseTheirLabelsToo() throws {
        let tool = (
            "LIBRARIES/LBS_003_Tools/TOL-001_Postman.json",
            #"{"tool_id": "TOL-001", "name": "Postman", "skills": ["SKL-006 (API Configuration)"]}"#
        )
        let r = TestSupport.compile(Self.skills + [tool])
        let d = try #require(r.diagnostics.first { $0.code == DanglingReference.info.code })
        #expect(d.hint == "did you mean 'SKL-014' (API Configuration)?")
    }

    @Test func aReferenceWithNothingNearSaysWhatToCreate() throws {
        let tool = (
            "LIBRARIES/LBS_003_Tools/TOL-001_Postman.json",
            #"{"tool_id": "TOL-001", "name": "Postman", "skills": ["SKL-099 (Kubernetes)", "SKL-098", "SKL-090: can be learned on the job"]}"#
        )
        let r = TestSupport.compile(Self.skills + [tool])
        let hints = r.diagnostics.filter { $0.code == DanglingReference.info.code }.map { $0.hint ?? "" }.sorted()
        // A sentence after the ID describes; it is no name to create.
        #expect(
            hints == [
                "create the skill 'Kubernetes', or correct the ID", "create the skill, or correct the ID",
                "create the skill, or correct the ID",
            ])
    }

    @Test func aNameOrAnAliasFindsTheEntityANameFirst() throws {
        let tools = [
            (
                "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json",
                #"{"tool_id": "TOL-001", "name": "Figma", "aliases": ["Miro"]}"#
            ),
            ("LIBRARIES/LBS_003_Tools/TOL-002_Miro.json", #"{"tool_id": "TOL-002", "name": "Miro"}"#),
            (
                "LIBRARIES/LBS_003_Tools/TOL-003_Loom.json",
                #"{"tool_id": "TOL-003", "name": "Loom", "aliases": ["Loom Video"]}"#
            ),
        ]
        let lib = TestSupport.compile(tools).library
        func id(_ text: String) -> String? { lib.entity(named: text).map { lib.displayID(lib.entities[$0]) } }
        // TOL-001 has Miro as an alias, but TOL-002 is named Miro.
        #expect(id("miro") == "TOL-002")
        #expect(id("LOOM video") == "TOL-003")
        #expect(id("TOL-001") == "TOL-001")
        #expect(id("Sketch") == nil)
    }
}
