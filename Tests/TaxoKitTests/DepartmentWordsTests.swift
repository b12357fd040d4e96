import Foundation
import Testing

@testable import TaxoKit

/// Words written in a department field that name every department or none (`department_words:`): no
/// unknown-department finding, and rows of their own in the health report.
@Suite struct DepartmentWordsTests {
    static func tool(_ n: Int, _ field: String, _ value: String) -> (String, String) {
        (
            "LIBRARIES/LBS_003_Tools/TOL-00\(n)_T\(n).json",
            #"{"tool_id": "TOL-00\#(n)", "name": "T\#(n)", "\#(field)": "\#(value)"}"#
        )
    }

    static func unknown(_ r: CompileResult) -> [String] {
        r.diagnostics.filter { $0.code == UnknownDepartment.info.code }.compactMap(\.subject).sorted()
    }

    @Test func wordsForEveryDepartmentOrNoneAreNoUnknownDepartment() {
        let values = ["All", "all departments", "Cross-functional", "N/A", "none", "-", "TBD", "General"]
        let r = TestSupport.compile(values.enumerated().map { Self.tool($0.offset + 1, "departments", $0.element) })
        // `General` may be a department the configuration lacks: still reported.
        #expect(Self.unknown(r) == ["General"])
    }

    /// A taxonomy.yaml without the key gets `Config`'s defaults; the built-in configuration spells them out.
    /// The two must not drift apart (the same for the other word lists with defaults).
    @Test func theBuiltInConfigurationSpellsOutTheDefaults() {
        let builtIn = TestSupport.defaultConfig
        #expect(builtIn.departmentWords == Config.DepartmentWords())
        #expect(builtIn.inactiveStatuses == Config.defaultInactiveStatuses)
        #expect(builtIn.proposalMarkers == Config.defaultProposalMarkers)
    }

    @Test func aLibraryChoosesItsOwnWords() throws {
        let own = DefaultConfig.yaml.replacingOccurrences(
            of: #"none: [n/a, na, none, "-", tbd, unassigned]"#, with: "none: [n.a.]")
        #expect(own != DefaultConfig.yaml)
        let r = TestSupport.compile([
            ("taxonomy.yaml", own), Self.tool(1, "departments", "N/A"), Self.tool(2, "departments", "n.a."),
            Self.tool(3, "departments", "All"),
        ])
        // The `none` list is replaced; `all` keeps its default.
        #expect(Self.unknown(r) == ["N/A"])

        let bad = DefaultConfig.yaml.replacingOccurrences(of: "  all: [all,", with: "  every: [all,")
        let diags = ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: bad)).1
        #expect(
            diags.contains { $0.severity == .error && $0.message.contains("unknown key 'every' in department_words") })
    }

    @Test func theHealthReportCountsThemApart() {
        let r = TestSupport.compile([
            Self.tool(1, "department", "All"), Self.tool(2, "department", "N/A"), Self.tool(3, "department", "AID"),
            Self.tool(4, "department", "Finance"),
        ])
        let counts = HealthContext.liveCounts(r.library).perDepartment
        #expect(counts == ["all departments": 1, "—": 1, "AID": 1, "unknown: Finance": 1])
    }
}
