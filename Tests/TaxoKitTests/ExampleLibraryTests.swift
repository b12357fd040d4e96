import Foundation
import Testing

@testable import TaxoKit

@Suite struct ExampleLibraryTests {
    func compileRepo(_ root: URL) -> CompileResult {
        Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
    }

    @Test func exampleLibraryIsClean() {
        let r = compileRepo(TestSupport.repoRoot)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { "\($0.location?.description ?? "") \($0.message)" })")
        #expect(r.summary.entities >= 60)
        let ids = Set(r.library.entities.compactMap { $0.id?.written })
        for id in [
            "WRF-SEC-014", "MLS-004", "TSK-012", "STP-012", "TOL-SEC-124", "TOL-SEC-125", "TOL-AID-201", "TOL-AID-205",
            "TOL-QA-031", "RSP-333", "RSP-410", "RSP-418", "SKL-019", "SKL-042", "SKL-078", "OBJ-SEC-510", "PMT-007",
        ] {
            #expect(ids.contains(id), "missing \(id)")
        }
        let t = r.library.documents.first { $0.path.hasSuffix("Video_024.md") }
        #expect(t?.video == "Video_024")
        #expect(r.library.scopes["Video_024"]?.contains("MLS-1") == true)
    }

    @Test func brokenCopyReportsExactlyTheFourErrors() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try BrokenCopy.apply(to: root)
        let r = compileRepo(root)
        let got = r.diagnostics.map { "\($0.location!.description) \($0.severity.label) \($0.code)" }
        #expect(got == BrokenCopy.expected, "\(r.diagnostics.map(\.message))")
    }
}

/// The four mistakes of the check issue's acceptance test, made to a copy of the example library.
enum BrokenCopy {
    static let milestone =
        "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-002_Configure_ScaleKit_Authorization_Stack.json"

    static func apply(to root: URL) throws {
        let m = root.appendingPathComponent(milestone)
        var text = try String(contentsOf: m, encoding: .utf8)
        text = text.replacingAll("\"TSK-006\"\n", with: "\"TSK-006\",\n    \"TSK-099\",\n    \"TKS-004\"\n")
        try text.write(to: m, atomically: true, encoding: .utf8)
        try "{\n  \"tool_id\": \"TOL-QA-031\",\n  \"name\": \"MCP Inspector\"\n}\n"
            .write(
                to: root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector_Copy.json"), atomically: true,
                encoding: .utf8)
        try "{\n  \"tool_id\": \"TOL-QA-032\",\n  \"name\": \"Playwright\",\n}\n"
            .write(
                to: root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/Playwright.json"), atomically: true,
                encoding: .utf8)
    }

    static let expected = [
        "LIBRARIES/LBS_003_Tools/QA/MCP_Inspector_Copy.json:2:14 error TAX0104",
        "LIBRARIES/LBS_003_Tools/QA/Playwright.json:3:23 error TAX0001",
        "\(milestone):11:6 error TAX0201",
        "\(milestone):12:6 error TAX0102",
    ]
}
