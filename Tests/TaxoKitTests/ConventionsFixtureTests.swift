import Foundation
import Testing

@testable import TaxoKit

/// Tests/Fixtures/conventions reproduces every convention of a messy library in small files; the
/// findings are compared with Tests/Fixtures/conventions.expected (regenerate on purpose with
/// TAXO_UPDATE_GOLDEN=1 swift test).
@Suite struct ConventionsFixtureTests {
    static let root = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/conventions")
    static let golden = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/conventions.expected")

    func compile() throws -> CompileResult {
        let (config, diags) = ConfigLoader.load(root: Self.root)
        #expect(diags.isEmpty)
        return Compiler.compile(root: Self.root.path, config: try #require(config))
    }

    @Test func findingsMatchTheGoldenFile() throws {
        let r = try compile()
        let text =
            r.diagnostics.map { "\($0.location?.description ?? "-") \($0.severity.label) \($0.code) \($0.message)" }
            .joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["TAXO_UPDATE_GOLDEN"] == "1" {
            try text.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(text == expected)
    }

    @Test func conventionsAreUnderstood() throws {
        let r = try compile()
        let lib = r.library
        func entity(_ id: String) -> Entity? { lib.entities.first { $0.id?.written == id } }
        // Alternate prefix and department alias: TOOL-AI-051 is the tool TOL-AID-051.
        let claude = try #require(entity("TOOL-AI-051"))
        #expect(claude.id?.key == "TOL-AID-51")
        // A BOM and CRLF file is read like any other.
        #expect(entity("TOL-001")?.name == "Figma")
        // Several ID fields in priority order; records in list files; a Markdown metadata table; bold headers.
        #expect(entity("OBJ-SEC-510")?.name == "OAuth Metadata")
        #expect(entity("STP-001")?.name == "Outline")
        #expect(entity("WRF-VID-001")?.name == "Video Pipeline")
        // The file name carries the ID; the inner legacy ID still resolves.
        let write = try #require(entity("TSK-002"))
        #expect(write.legacyKeys.contains(ParsedID.legacyKey("Task-Template-101")))
        // Free-text references keep their label; ranges expand.
        let notion = try #require(entity("TOL-002"))
        #expect(notion.references.contains { $0.id.written == "TOOL-001" && $0.label == "Figma" })
        let pipeline = try #require(entity("WRF-VID-001"))
        #expect(Set(pipeline.references.map(\.id.written)).isSuperset(of: ["MLS-001", "MLS-002", "MLS-003"]))
        // Transcript taxonomy sections declare video-scoped IDs (KEY: value blocks and CSV blocks).
        #expect(lib.scopes["Video_024"] == ["MLS-101", "TSK-101", "STP-101"])
        // The archive resolves references but is not checked; the vendored folder is not read at all.
        #expect(entity("TOL-003") != nil)
        #expect(
            !r.diagnostics.contains { $0.location!.file.contains("_archive") || $0.location!.file.contains("_vendor") })
        #expect(entity("TOL-900") == nil)
        // Configured levels: orphan-entity off, label-mismatch raised to error.
        #expect(!r.diagnostics.contains { $0.code == "TAX0303" })
        #expect(r.diagnostics.contains { $0.code == "TAX0203" && $0.severity == .error })
    }
}
