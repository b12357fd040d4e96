import Testing

@testable import TaxoKit

/// An unknown department segment is one finding: at the ID's declaration, or folded into the dangling
/// reference that names it; never a second error at each reference.
@Suite struct UnknownDepartmentTests {
    static let result = TestSupport.compile([
        ("LIBRARIES/LBS_003_Tools/a.json", #"{"tool_id": "TOL-SEC-124", "name": "ScaleKit Dashboard"}"#),
        ("LIBRARIES/LBS_003_Tools/b.json", #"{"tool_id": "TOL-XYZ-007", "name": "Odd"}"#),
        (
            "LIBRARIES/LBS_003_Tools/c.json",
            #"{"tool_id": "TOL-001", "name": "Figma", "alternatives": ["TOL-SCE-124", "TOL-XYZ-007", "TOL-RAG-001"]}"#
        ),
        ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap.md", "# Gap\n\nTOL-SCE-124 and TOL-RAG-002 exist.\n"),
    ])

    func findings(_ file: String, _ code: String) -> [Diagnostic] {
        Self.result.diagnostics.filter { $0.code == code && $0.location?.file.hasSuffix(file) == true }
    }

    @Test func theDeclarationCarriesIt() {
        #expect(findings("b.json", "TAX0106").map(\.message) == ["unknown department code 'XYZ' in 'TOL-XYZ-007'"])
    }

    @Test func referencesDoNotRepeatIt() {
        // TOL-XYZ-007 exists (its declaration is reported); TOL-SCE-124 and TOL-RAG-001 do not.
        #expect(findings("c.json", "TAX0106").isEmpty)
        let dangling = findings("c.json", "TAX0201")
        #expect(dangling.count == 2)
        let sce = dangling.first { $0.message.contains("'TOL-SCE-124'") }
        #expect(sce?.hint == "did you mean 'TOL-SEC-124' (ScaleKit Dashboard)? ('SCE' is not a department code)")
        let rag = dangling.first { $0.message.contains("'TOL-RAG-001'") }
        #expect(rag?.hint == "'RAG' is not a department code")
    }

    @Test func mentionsInDocumentsSayItToo() {
        let hints = findings("Gap.md", "TAX0205").map { $0.hint ?? "" }
        #expect(
            hints == [
                "did you mean 'TOL-SEC-124' (ScaleKit Dashboard)? ('SCE' is not a department code)",
                "'RAG' is not a department code",
            ])
    }
}
