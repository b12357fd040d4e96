import Foundation
import TaxoTestSupport
import Testing

/// `taxo schema` through the binary: the declared schema with counts, the proposal, JSON Schemas, and the
/// check of a library that declares fields.
@Suite struct SchemaCommandTests {
    func library() throws -> URL {
        let root = Scratch.folder("taxo-schema")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("tools"), withIntermediateDirectories: true)
        let config = """
            kinds:
              tool:
                prefix: TOL
                files: ["tools/*.{json,yaml}"]
                id_fields: [tool_id]
                fields:
                  name: required
                  status: { values: [active, retired] }
                  website: url
              workflow:
                prefix: WRF
                files: ["flows/*.json"]
            """
        try config.write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
        let tools = [
            "TOL-001.json":
                "{\"tool_id\": \"TOL-001\", \"name\": \"Figma\", \"status\": \"active\", \"vendor\": \"Figma\"}",
            "TOL-002.json":
                "{\"tool_id\": \"TOL-002\", \"name\": \"Miro\", \"status\": \"Retired\", \"vendor\": \"Miro\"}",
            "TOL-003.yaml": "tool_id: TOL-003\nstatus: active\nwebsite: notion.so\n",
        ]
        for (f, text) in tools {
            try text.write(to: root.appendingPathComponent("tools/" + f), atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func checkReportsTheSchemasFindingsAndWritesNothing() throws {
        let root = try library()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try CLI.taxo(["check", "--no-color"], cwd: root)
        #expect(r.code == 1)
        let lines = r.out.split(separator: "\n").filter { $0.contains("[TAX07") }
        #expect(
            lines == [
                "tools/TOL-002.json:1:50: error: tool 'TOL-002': 'Retired' is not an allowed value of 'status' [TAX0703]",
                "tools/TOL-003.yaml:1:1: error: tool 'TOL-003' has no 'name' (a required field) [TAX0701]",
                "tools/TOL-003.yaml:3:10: error: tool 'TOL-003': field 'website' holds 'notion.so', not a web address (https://...) [TAX0702]",
            ], "\(r.out)")
        #expect(r.out.contains("hint: write 'retired': values are compared with their letter case"))
        #expect(r.out.contains("hint: write the whole address: https://notion.so"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
    }

    @Test func theDeclaredSchemaWithCounts() throws {
        let root = try library()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = try CLI.taxo(["schema", "tool"], cwd: root)
        #expect(text.code == 0)
        #expect(text.out.contains("tool (TOL-NNN or TOL-DEPT-NNN (3 or more digits)): 3 records in 3 files"))
        #expect(text.out.contains("  name: required  [filled in 2 of 3]"))
        #expect(text.out.contains("  status: one of: active, retired  [filled in 3 of 3]"))
        #expect(text.out.contains("  records also hold: tool_id (3), vendor (2)"))
        let json = try CLI.taxo(["schema", "--format", "json"], cwd: root)
        let cards = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(cards.map { $0["kind"] as? String } == ["tool", "workflow"])
        let fields = try #require(cards[0]["fields"] as? [[String: Any]])
        #expect(fields.map { $0["field"] as? String } == ["name", "status", "website"])
        #expect(fields[1]["values"] as? [String] == ["active", "retired"])
        #expect(fields[0]["filled"] as? Int == 2)
        #expect(cards[1]["declared"] as? Bool == false)
        let unknown = try CLI.taxo(["schema", "tol"], cwd: root)
        #expect(unknown.code == 2)
        #expect(unknown.err.contains("no kind 'tol'; did you mean 'tool'?"))
    }

    @Test func theProposalIsYAMLTheConfigurationReads() throws {
        let root = try library()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try CLI.taxo(["schema", "--infer"], cwd: root)
        #expect(r.code == 0)
        #expect(r.out.contains("  tool:\n    # 3 records in 3 files\n    fields:\n"))
        #expect(r.out.contains("      status: { required: true, type: string }"))
        #expect(r.out.contains("      website: string"))
        #expect(!r.out.contains("  workflow:"))
        let json = try CLI.taxo(["schema", "--infer", "--format", "json"], cwd: root)
        let kinds = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(kinds.map { $0["kind"] as? String } == ["tool"])
        let status = try #require(
            (kinds[0]["fields"] as? [[String: Any]])?.first { $0["field"] as? String == "status" })
        #expect(status["filled"] as? Int == 3)
        #expect(status["types"] as? [String: Int] == ["string": 3])
        #expect(status["proposed"] as? String == "{ required: true, type: string }")
        // The proposal's fields block replaces the declared one and the configuration still loads.
        var config = try String(contentsOf: root.appendingPathComponent("taxonomy.yaml"), encoding: .utf8)
        let start = try #require(config.range(of: "    fields:\n"))
        let end = try #require(config.range(of: "  workflow:"))
        let block = r.out[try #require(r.out.range(of: "    fields:\n")).lowerBound...]
        config.replaceSubrange(start.lowerBound..<end.lowerBound, with: block)
        try config.write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
        let check = try CLI.taxo(["check"], cwd: root)
        #expect(check.code == 0, "\(check.out)\(check.err)")
    }

    @Test func jsonSchemasForOneKindOrAFolder() throws {
        let root = try library()
        defer { try? FileManager.default.removeItem(at: root) }
        let one = try CLI.taxo(["schema", "--json-schema", "tool"], cwd: root)
        #expect(one.code == 0)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(one.out.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let record = try #require((schema["$defs"] as? [String: Any])?["record"] as? [String: Any])
        #expect(record["required"] as? [String] == ["tool_id", "name"])
        let many = try CLI.taxo(["schema", "--json-schema"], cwd: root)
        #expect(many.code == 2)
        #expect(many.err.contains("name it, or give --out DIR"))
        let out = try CLI.taxo(["schema", "--json-schema", "--out", ".vscode/schemas"], cwd: root)
        #expect(out.code == 0)
        for k in ["tool", "workflow"] {
            #expect(
                FileManager.default.fileExists(
                    atPath: root.appendingPathComponent(".vscode/schemas/\(k).schema.json").path))
        }
        let settings = try #require(try JSONSerialization.jsonObject(with: Data(out.out.utf8)) as? [String: Any])
        let entries = try #require(settings["json.schemas"] as? [[String: Any]])
        #expect(entries.first?["fileMatch"] as? [String] == ["tools/*.json"])
        #expect(entries.first?["url"] as? String == "./.vscode/schemas/tool.schema.json")
        #expect(entries.count == 2)
        // From a subfolder: the paths stay the library root's, as the globs are.
        let sub = try CLI.taxo(["schema", "--json-schema", "--out", "x"], cwd: root.appendingPathComponent("tools"))
        let subSettings = try #require(try JSONSerialization.jsonObject(with: Data(sub.out.utf8)) as? [String: Any])
        #expect(
            (subSettings["json.schemas"] as? [[String: Any]])?.first?["url"] as? String == "./tools/x/tool.schema.json")
    }

    /// The extraction cache a build leaves holds no records; what shows records reads them again, so the
    /// site, `taxo show` and `taxo schema` are the same after a build as before one.
    @Test func recordsAreTheSameWithAndWithoutABuildsCache() throws {
        let root = Scratch.folder("taxo-records")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        for d in ["LIBRARIES", "TASK_MANAGERS", "TALENTS"] {
            try FileManager.default.copyItem(
                at: CLI.repoRoot.appendingPathComponent(d), to: root.appendingPathComponent(d))
        }
        let before = (
            site: try CLI.taxo(["site", "--out", "../site-a-\(root.lastPathComponent)", "--quiet"], cwd: root),
            show: try CLI.taxo(["show", "TOL-SEC-124", "--format", "json"], cwd: root).out,
            infer: try CLI.taxo(["schema", "--infer"], cwd: root).out
        )
        #expect(before.site.code == 0)
        #expect(try CLI.taxo(["build", "--quiet"], cwd: root).code == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/taxo-cache.bin").path))
        let siteB = "../site-b-\(root.lastPathComponent)"
        #expect(try CLI.taxo(["site", "--out", siteB, "--quiet"], cwd: root).code == 0)
        #expect(try CLI.taxo(["show", "TOL-SEC-124", "--format", "json"], cwd: root).out == before.show)
        #expect(before.show.contains("\"record\": {"))
        #expect(try CLI.taxo(["schema", "--infer"], cwd: root).out == before.infer)
        #expect(before.infer.contains("  tool:\n"))
        let a = root.deletingLastPathComponent().appendingPathComponent("site-a-\(root.lastPathComponent)")
        let b = root.deletingLastPathComponent().appendingPathComponent(String(siteB.dropFirst(3)))
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let page = "entities/TOL-SEC-124.html"
        let pageA = try String(contentsOf: a.appendingPathComponent(page), encoding: .utf8)
        #expect(pageA.contains("<th>vendor</th>"))
        #expect(try String(contentsOf: b.appendingPathComponent(page), encoding: .utf8) == pageA)
        let names = try FileManager.default.subpathsOfDirectory(atPath: a.path).sorted()
        #expect(try FileManager.default.subpathsOfDirectory(atPath: b.path).sorted() == names)
        for n in names where n.hasSuffix(".html") {
            #expect(
                FileManager.default.contentsEqual(
                    atPath: a.appendingPathComponent(n).path, andPath: b.appendingPathComponent(n).path), "\(n)")
        }
    }
}
