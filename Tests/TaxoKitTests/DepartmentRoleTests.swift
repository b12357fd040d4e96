import Foundation
import TaxoKit
import Testing

/// The department role played by a kind of another name: a link to it takes department codes, as the
/// built-in `department` kind's do (the extractor once compared the link's target with "department").
@Suite struct DepartmentRoleTests {
    static func compile(roles: String) -> CompileResult {
        TestSupport.compile([
            (
                "taxonomy.yaml",
                """
                departments:
                  QA: { name: "Quality Assurance" }
                kinds:
                  tool:
                    prefix: TOL
                    files: ["tools/*.json"]
                    id_fields: [tool_id]
                    links:
                      owner: { target: team }
                  team:
                    prefix: TEAM
                    department: none
                    files: ["teams/*.json"]
                    id_fields: [team_id]
                \(roles)
                """
            ),
            ("tools/TOL-001_A.json", "{\"tool_id\": \"TOL-001\", \"name\": \"A\", \"owner\": \"QAX\"}"),
            ("tools/TOL-002_B.json", "{\"tool_id\": \"TOL-002\", \"name\": \"B\", \"owner\": \"QA\"}"),
        ])
    }

    @Test func aLinkToTheDepartmentRolesKindTakesCodes() {
        let r = Self.compile(roles: "roles: { department: team }")
        let values = r.diagnostics.filter { $0.code == "TAX0106" }
        #expect(values.map(\.message) == ["'QAX' is not a department code, alias or name"], "\(r.diagnostics)")
        #expect(values.first?.location?.file == "tools/TOL-001_A.json")
        // Without the role, `team` is a kind like another: its links take IDs, and "QA" is no department.
        #expect(!Self.compile(roles: "").diagnostics.contains { $0.code == "TAX0106" })
    }
}
