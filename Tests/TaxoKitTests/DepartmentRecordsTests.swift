import Foundation
import Testing

@testable import TaxoKit

/// The departments a library's own department records declare: taken as declared by the built-in
/// configuration (no taxonomy.yaml), written by `taxo init`, and their names accepted in department links.
@Suite struct DepartmentRecordsTests {
    static let master = """
        {
          "total_departments": 4,
          "data": [
            { "department_id": "DPT-001", "code": "AID", "name": "AI Engineers", "full_name": "AI & Automations" },
            { "department_id": "DPT-003", "code": "DEV", "name": "Developers", "full_name": "Development & Engineering" },
            { "department_id": "DPT-009", "code": "FIN", "name": "Finance Managers", "full_name": "Finance & Accounting" },
            { "department_id": "DPT-010", "code": "DES", "name": "Design & Creative" }
          ]
        }
        """

    /// A library with a departments master holding FIN (unknown to the built-in configuration) and DES (a code
    /// the built-in configuration does not know, whose name is DGN's), and entities that use them.
    static func library(config: String? = nil) throws -> URL {
        var files: [(String, String)] = [
            ("LIBRARIES/LBS_006_Departments/Master/departments.json", master),
            (
                "LIBRARIES/LBS_003_Tools/TOL-FIN-001_Xero.json",
                """
                {"tool_id": "TOL-FIN-001", "name": "Xero",
                 "departments": ["FIN", "Finance Managers", "Dev", "Developers", "DES"]}
                """
            ),
            (
                "LIBRARIES/LBS_003_Tools/TOL-DGN-002_Figma.json",
                #"{"tool_id": "TOL-DES-002", "name": "Figma", "departments": ["Video"]}"#
            ),
            (
                "LIBRARIES/Responsibilities/Core/finance.json",
                #"[{"responsibility_id": "RSP-FIN-001", "name": "Reconcile accounts", "department": "FIN"}]"#
            ),
        ]
        if let config { files.append(("taxonomy.yaml", config)) }
        return try TestSupport.writeTemp(files, prefix: "taxo-departments")
    }

    static func unknownDepartments(_ root: URL) throws -> [Diagnostic] {
        let config = try #require(ConfigLoader.load(root: root).0)
        return Compiler.compile(root: root.path, config: config).diagnostics.filter { $0.code == "TAX0106" }
    }

    @Test func theBuiltInConfigurationDeclaresTheRecordsDepartments() throws {
        let root = try Self.library()
        defer { try? FileManager.default.removeItem(at: root) }
        let config = try #require(ConfigLoader.load(root: root).0)
        let fin = try #require(config.departments.first { $0.code == "FIN" })
        // Named as the department kind's name_fields name the record (full_name first), its other names kept.
        #expect(fin.name == "Finance & Accounting")
        #expect(fin.names.contains("Finance Managers"))
        // DES names DGN (Design & Creative): an alias of it, not a second department.
        #expect(config.departments.first { $0.code == "DGN" }?.aliases.contains("DES") == true)
        #expect(!config.departments.contains { $0.code == "DES" })
        // The cache and the index know the configuration changed.
        let plain = try #require(ConfigLoader.parse(SourceFile(path: "", text: DefaultConfig.yaml)).0)
        #expect(config.hash != plain.hash)

        // FIN and DES IDs, codes in any case, names of records: all departments. Only `Video` is not, and its
        // hint names the one department whose name holds it.
        let found = try Self.unknownDepartments(root)
        #expect(found.map(\.message) == ["'Video' is not a department code, alias or name"])
        #expect(found.first?.hint == "'Video' is part of the name of VID (Video Production) only: write VID")
        // The editor offers the code as a quick fix at the value.
        #expect(found.first?.suggestions == [Diagnostic.Replacement("Video", with: "VID")])
    }

    @Test func aLibrarysOwnConfigurationStaysTheAuthority() throws {
        let root = try Self.library(config: DefaultConfig.yaml)
        defer { try? FileManager.default.removeItem(at: root) }
        let config = try #require(ConfigLoader.load(root: root).0)
        #expect(!config.departments.contains { $0.code == "FIN" })
        let found = try Self.unknownDepartments(root)
        let messages = Set(found.map(\.message))
        #expect(messages.contains("unknown department code 'FIN' in 'TOL-FIN-001'"))
        #expect(messages.contains("unknown department code 'FIN' in 'RSP-FIN-001'"))
        // Names the records give a configured department are still names of it (`Developers` is DEV), and a
        // code is a code in any case.
        #expect(!messages.contains("'Developers' is not a department code, alias or name"))
        #expect(!messages.contains("'Dev' is not a department code, alias or name"))
        let finID = try #require(found.first { $0.message == "unknown department code 'FIN' in 'TOL-FIN-001'" })
        #expect(finID.hint?.contains("FIN is department DPT-009") == true)
        // The values are judged after resolution from what extraction kept, which the cache keeps too.
        #expect(messages.contains("'Video' is not a department code, alias or name"))
        let (fresh, cached) = try TestSupport.compiledThroughTheCache(root: root, config: config)
        let unknown = { (r: CompileResult) in r.diagnostics.filter { $0.code == "TAX0106" } }
        #expect(unknown(cached) == unknown(fresh))
        #expect(unknown(fresh).count == found.count)
    }

    @Test func initWritesTheRecordsDepartments() throws {
        let root = try Self.library()
        defer { try? FileManager.default.removeItem(at: root) }
        let proposal = try #require(ConfigInference.propose(root: root.path, baseText: DefaultConfig.yaml))
        #expect(proposal.changes.contains { $0.setting == "departments.FIN" && $0.applied })
        #expect(proposal.changes.contains { $0.setting == "departments.DGN" && $0.applied })
        let proposed = try #require(ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: proposal.text)).0)
        #expect(proposed.departments.first { $0.code == "FIN" }?.name == "Finance & Accounting")
        #expect(proposed.departments.first { $0.code == "DGN" }?.aliases.contains("DES") == true)
        // The library under the proposed file reads as under the built-in configuration: nothing new reported.
        let before = try #require(ConfigInference.findings(root: root.path, configText: DefaultConfig.yaml))
        let after = try #require(ConfigInference.findings(root: root.path, configText: proposal.text))
        #expect(before.byRule["TAX0106"] == 1)
        #expect(after.byRule["TAX0106"] == 1)
    }

    @Test func namesAreAConfigurationKey() throws {
        let (config, diags) = ConfigLoader.parse(
            SourceFile(
                path: "taxonomy.yaml",
                text: "version: 1\ndepartments:\n  DEV: { name: Development, names: [Developers, Engineering] }\n"))
        #expect(diags.isEmpty)
        #expect(config?.departments.first?.names == ["Developers", "Engineering"])
        #expect(IDGrammar(config: try #require(config)).departmentNames.contains("engineering"))
    }

    @Test func theAssistantSessionReadsTheRecordsAgainWhenTheyChange() throws {
        let root = try Self.library()
        let masterPath = root.appendingPathComponent("LIBRARIES/LBS_006_Departments/Master/departments.json")
        try FileManager.default.removeItem(at: masterPath)
        let config = try #require(ConfigLoader.load(root: root).0)
        let session = AssistantSession(root: root.path, config: config, allowWrite: false)
        func finUnknown() -> Bool {
            session.result.diagnostics.contains { $0.code == UnknownDepartment.info.code && $0.message.contains("FIN") }
        }
        #expect(finUnknown())
        try Data(Self.master.utf8).write(to: masterPath)
        session.refresh()
        #expect(session.config.departments.contains { $0.code == "FIN" })
        #expect(!finUnknown())
    }
}
