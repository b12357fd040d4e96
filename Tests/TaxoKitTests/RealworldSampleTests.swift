import Foundation
import Testing
@testable import TaxoKit

/// The 29 real files in ../shared/fixtures/realworld-sample, read with the built-in configuration:
/// nothing may crash, BOMs and CRLF must not cause errors, and the known defects must be found.
@Suite struct RealworldSampleTests {
    static var available: Bool { FileManager.default.fileExists(atPath: TestSupport.realworldSample.path) }

    @Test(.enabled(if: available, "../shared/fixtures/realworld-sample is not beside the repo"))
    func compilesWithoutCrashAndFindsKnownDefects() throws {
        let r = Compiler.compile(root: TestSupport.realworldSample.path, config: TestSupport.defaultConfig)
        let d = r.diagnostics
        // The missing comma near line 375 of TST-001.
        let parse = try #require(d.first { $0.code == "TAX0001" && $0.location!.file.hasSuffix("TST-001_AI_Powered_HTML_Parsing.json") })
        #expect((370...380).contains(parse.location!.line))
        #expect(d.filter { $0.code == "TAX0001" }.count == 1)
        // OBJ-AI-011 and OBJ-AI-012 are defined twice with different names.
        for id in ["OBJ-AI-011", "OBJ-AI-012"] {
            #expect(d.contains { $0.code == "TAX0104" && $0.message.contains(id) && $0.message.contains("different name") })
        }
        // TOOL-052 dangles from TOL-012_arXiv.json.
        #expect(d.contains { $0.code == "TAX0201" && $0.message.contains("TOOL-052") && $0.location!.file.hasSuffix("TOL-012_arXiv.json") })
        // The gap analysis claims RSP-333 and SKL-078 exist.
        for id in ["RSP-333", "SKL-078"] {
            #expect(d.contains { $0.code == "TAX0205" && $0.message.contains("'\(id)'") && $0.location!.file.contains("Gap_Analysis") })
        }
        // No error from a byte-order mark or CRLF: the BOM files parse, the CRLF file fails only at its real defect.
        #expect(!d.contains { $0.code == "TAX0002" })
        #expect(r.library.entities.contains { $0.id?.written == "WRF-VID-001" })
    }
}
