import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

/// Record schemas (`fields:` of a kind): how the configuration is read, and what the check reports on
/// JSON, YAML and Markdown records.
@Suite struct RecordSchemaTests {
    static let head = "kinds:\n  tool:\n    prefix: TOL\n    files: [\"tools/**\"]\n    id_fields: [tool_id]\n"

    func load(_ fields: String) -> (Config?, [Diagnostic]) {
        ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: Self.head + fields))
    }

    func findings(_ fields: String, _ files: [(String, String)]) -> [Diagnostic] {
        let r = TestSupport.compile([("taxonomy.yaml", Self.head + fields)] + files)
        return r.diagnostics.filter { $0.code.hasPrefix("TAX07") }
    }

    @Test func theShortAndLongFormsAreRead() throws {
        let (c, d) = load(
            """
                fields:
                  name: required
                  website: url
                  Tool Status: { values: [active, retired], required: true }
                  tags: { items: string }
                  steps[].name: { required: true, type: string, pattern: '^[A-Z]' }
                  vendor: { deprecated: true }
                additional_fields: report
            """)
        #expect(d.isEmpty, "\(d)")
        let schema = try #require(c?.kinds.first?.schema)
        #expect(schema.closed)
        #expect(schema.fields.map(\.name) == ["name", "website", "Tool Status", "tags", "steps[].name", "vendor"])
        #expect(schema.fields[0].required && schema.fields[0].type == nil)
        #expect(schema.fields[1].type == .url && !schema.fields[1].required)
        #expect(schema.fields[2].values == ["active", "retired"] && schema.fields[2].required)
        // items alone makes the field a list.
        #expect(schema.fields[3].type == .list && schema.fields[3].items == .string)
        #expect(schema.fields[4].pattern?.matches("Plan") == true && schema.fields[4].pattern?.matches("plan") == false)
        #expect(schema.fields[5].deprecated == "")
        #expect(schema.topLevelKeys == ["name", "website", "toolstatus", "tags", "steps", "vendor"])
    }

    @Test func mistakesInFieldsAreConfigurationErrorsWithPositions() throws {
        let (c, d) = load(
            """
                fields:
                  name: requird
                  website: { type: uri }
                  status: { values: [] , colour: red }
                  rating: { type: number, values: [high] }
                  code: { pattern: '([' }
                  Name: string
                  tags: { type: string, items: string }
            """)
        #expect(c == nil)
        func at(_ text: String) throws -> Diagnostic { try #require(d.first { $0.message.contains(text) }) }
        let word = try at("field 'name' of tool must be 'required', a type or a mapping")
        #expect(word.location?.line == 7)
        #expect(word.hint == "did you mean 'required'?")
        let type = try at("type must be one of string, number")
        #expect(type.location?.line == 8)
        #expect(type.hint == "did you mean 'url'?")
        #expect(try at("values must list at least one value").location?.line == 9)
        #expect(try at("unknown key 'colour' in field 'status' of tool").location?.line == 9)
        #expect(try at("values and pattern apply to text; field 'rating' is a number").location?.line == 10)
        #expect(try at("pattern must be a valid regular expression").location?.line == 11)
        // Keys are compared as record keys are: `Name` is `name`.
        #expect(try at("field 'Name' is listed twice in fields of tool").location?.line == 12)
        #expect(try at("items is for fields of type list").location?.line == 13)
        let (c2, d2) = load("    additional_fields: report\n")
        #expect(c2 == nil)
        #expect(d2.first?.message == "additional_fields: report needs the kind's fields")
    }

    @Test func requiredTypesValuesAndPatternsOnJSONAndYAML() {
        let fields = """
                fields:
                  name: required
                  rating: number
                  count: integer
                  beta: boolean
                  added: date
                  tags: { items: string }
                  status: { values: [active, retired] }
                  code: { type: string, pattern: '^[A-Z]{3}$' }
            """
        let good = findings(
            fields,
            [
                (
                    "tools/TOL-001.json",
                    """
                    {"tool_id": "TOL-001", "name": "Figma", "rating": 4.5, "count": 3, "beta": false,
                     "added": "2024-02-29", "tags": ["ui", "design"], "status": "active", "code": "FIG"}
                    """
                ),
                ("tools/TOL-002.yaml", "tool_id: TOL-002\nname: Miro\ncount: 12\nadded: 2025-12-06T09:30:00Z\n"),
                // null and blank optional fields are as good as absent.
                ("tools/TOL-003.json", "{\"tool_id\": \"TOL-003\", \"name\": \"X\", \"rating\": null, \"code\": \"\"}"),
            ])
        #expect(good.isEmpty, "\(good.map(\.message))")
        let bad = findings(
            fields,
            [
                (
                    "tools/TOL-001.json",
                    """
                    {"tool_id": "TOL-001", "name": null, "rating": "4.5", "count": 2.5, "beta": "no",
                     "added": "2023-02-29", "tags": ["ui", 7], "status": "Active", "code": "figma"}
                    """
                ),
                ("tools/TOL-002.yaml", "tool_id: TOL-002\ncount: '12'\nadded: 2025-13-01\n"),
            ])
        let messages = bad.map { "\($0.location!.line):\($0.location!.column) \($0.code) \($0.message)" }
        #expect(
            messages == [
                "1:32 TAX0701 tool 'TOL-001': required field 'name' is empty",
                "1:48 TAX0702 tool 'TOL-001': field 'rating' holds a string, not a number",
                "1:64 TAX0702 tool 'TOL-001': field 'count' holds '2.5', not a whole number",
                "1:77 TAX0702 tool 'TOL-001': field 'beta' holds a string, not true or false",
                "2:11 TAX0702 tool 'TOL-001': field 'added' holds '2023-02-29', not a date (YYYY-MM-DD)",
                "2:40 TAX0702 tool 'TOL-001': field 'tags[]' holds a number, not a string",
                "2:54 TAX0703 tool 'TOL-001': 'Active' is not an allowed value of 'status'",
                "2:72 TAX0703 tool 'TOL-001': 'figma' in 'code' does not match the pattern '^[A-Z]{3}$'",
                "1:1 TAX0701 tool 'TOL-002' has no 'name' (a required field)",
                "2:8 TAX0702 tool 'TOL-002': field 'count' holds a string, not a whole number",
                "3:8 TAX0702 tool 'TOL-002': field 'added' holds '2025-13-01', not a date (YYYY-MM-DD)",
            ], "\(messages)")
        #expect(
            bad.first { $0.message.contains("'Active'") }?.hint
                == "write 'active': values are compared with their letter case")
    }

    @Test func aPathsParentIsThePathWithoutItsLastStep() {
        #expect(FieldPath("steps[].name")?.parent?.text == "steps[]")
        #expect(FieldPath("steps[].name")?.parent?.steps == [.key("steps"), .each])
        #expect(FieldPath("meta.owner.name")?.parent?.text == "meta.owner")
        #expect(FieldPath("tags[]")?.parent?.text == "tags")
        #expect(FieldPath("name")?.parent == nil)
    }

    /// `--set` values and required fields in each format a new entry can have.
    @Test func newEntriesGetTheirFieldsInEveryFormat() throws {
        let (c, _) = load("    fields:\n      category: required\n      tags: { items: string, required: true }\n")
        let kind = try #require(c?.kinds.first)
        let set = [("category", "\"AI\""), ("rating", "4.5")]
        let md = try NewEntry.filling("# X\n\n**Tool ID:** TOL-001\n", ext: "md", kind: kind, set: set)
        #expect(md.text == "# X\n\n**Tool ID:** TOL-001\n**category:** AI\n**rating:** 4.5\n**tags:** \n")
        #expect(md.unfilled == ["tags"])
        let yaml = try NewEntry.filling("tool_id: TOL-001\ncategory: x\n", ext: "yaml", kind: kind, set: set)
        #expect(yaml.text == "tool_id: TOL-001\ncategory: \"AI\"\nrating: 4.5\ntags: []\n")
        let json = try NewEntry.filling("{\"tool_id\": \"TOL-001\"}", ext: "json", kind: kind, set: [])
        #expect(json.text == "{\n  \"tool_id\": \"TOL-001\",\n  \"category\": \"\",\n  \"tags\": []\n}\n")
        #expect(json.unfilled == ["category", "tags"])
    }

    @Test func datesAndAddresses() {
        for s in [
            "2024-02-29", "2025-12-06T14:30", "2025-12-06 14:30:00", "2025-12-06T14:30:00.250Z",
            "2025-12-06T14:30:00+05:30",
        ] {
            #expect(RecordSchemaCheck.isDate(s), "\(s)")
        }
        for s in [
            "2023-02-29", "2025-12-6", "2025/12/06", "2025-12-06T25:00", "2025-12-06T14:30:00+5", "06.12.2025",
            "2025-12-06x",
        ] {
            #expect(!RecordSchemaCheck.isDate(s), "\(s)")
        }
        for s in ["https://figma.com", "http://localhost:8080/x", "https://user@api.example.org/v1?q=1#a"] {
            #expect(RecordSchemaCheck.isURL(s), "\(s)")
        }
        for s in ["figma.com", "ftp://figma.com", "https://figma", "https://exa mple.com", "https://.com"] {
            #expect(!RecordSchemaCheck.isURL(s), "\(s)")
        }
    }

    @Test func nestedFieldsAreRequiredOfEveryItem() {
        let d = findings(
            "    fields:\n      steps[].name: required\n      steps[].order: integer\n",
            [
                (
                    "tools/TOL-001.json",
                    "{\"tool_id\": \"TOL-001\", \"steps\": [\n  {\"name\": \"a\", \"order\": 1},\n  {\"order\": \"2\"}\n]}"
                ),
                // No steps at all: nothing is required of them.
                ("tools/TOL-002.json", "{\"tool_id\": \"TOL-002\"}"),
            ])
        #expect(
            d.map { "\($0.location!.line):\($0.location!.column) \($0.message)" } == [
                "3:3 tool 'TOL-001' has no 'steps[].name' (a required field)",
                "3:13 tool 'TOL-001': field 'order' holds a string, not a whole number",
            ])
    }

    @Test func markdownHeaderLinesAreJudgedByWhatTheySpell() {
        let d = findings(
            "    fields:\n      name: required\n      rating: number\n      added: date\n      website: url\n",
            [
                (
                    "tools/TOL-001.md",
                    "# Figma\n\n**Tool ID:** TOL-001\n**Name:** Figma\n**Rating:** 4.5\n**Added:** 2025-12-06\n**Website:** https://figma.com\n"
                ),
                ("tools/TOL-002.md", "---\ntool_id: TOL-002\nname: Miro\nrating: high\n---\n# Miro\n"),
            ])
        #expect(
            d.map { "\($0.location!.file):\($0.location!.line) \($0.message)" } == [
                "tools/TOL-002.md:4 tool 'TOL-002': field 'rating' holds 'high', not a number"
            ])
    }

    /// Front matter keeps its YAML values: a list is a list, each item judged against the allowed values.
    @Test func frontMatterListsAreLists() {
        let d = findings(
            "    fields:\n      tags: { items: string, values: [ai, design] }\n",
            [
                ("tools/TOL-001.md", "---\ntool_id: TOL-001\ntags: [ai, design]\n---\n# A\n"),
                ("tools/TOL-002.md", "---\ntool_id: TOL-002\ntags:\n  - ai\n  - nope\n---\n# B\n"),
            ])
        #expect(
            d.map { "\($0.location!.file):\($0.location!.line):\($0.location!.column) \($0.message)" } == [
                "tools/TOL-002.md:5:5 tool 'TOL-002': 'nope' is not an allowed value of 'tags'"
            ])
    }

    @Test func withoutFieldsNothingIsReported() {
        let r = TestSupport.compile([
            ("taxonomy.yaml", Self.head),
            ("tools/TOL-001.json", "{\"tool_id\": \"TOL-001\", \"website\": 3, \"whatever\": [1]}"),
        ])
        #expect(!r.diagnostics.contains { $0.code.hasPrefix("TAX07") })
    }

    @Test func theExampleLibraryPassesASchemaOfWhatItsToolsHold() throws {
        // Every tool of the example library has a name, a category and a department; a schema saying so
        // (with the default configuration's kinds) finds nothing, and one requiring a field none has finds
        // every tool.
        var yaml = DefaultConfig.yaml
        let marker = "    id_fields: [tool_id"
        let at = try #require(yaml.range(of: marker))
        let lineEnd = try #require(yaml[at.upperBound...].firstIndex(of: "\n"))
        yaml.insert(contentsOf: "\n    fields:\n      name: required\n      website: url", at: lineEnd)
        let (c, d) = ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: yaml))
        #expect(d.isEmpty, "\(d)")
        let config = try #require(c)
        let r = Compiler.compile(root: TestSupport.repoRoot.path, config: config)
        let tools = r.library.entities.filter { config.kinds[$0.kind].name == "tool" }
        #expect(tools.count >= 5)
        #expect(
            !r.diagnostics.contains { $0.code.hasPrefix("TAX07") },
            "\(r.diagnostics.filter { $0.code.hasPrefix("TAX07") })")
        yaml = yaml.replacingOccurrences(of: "website: url", with: "pricing_model: required")
        let strict = try #require(ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: yaml)).0)
        let r2 = Compiler.compile(root: TestSupport.repoRoot.path, config: strict)
        let missing = r2.diagnostics.filter { $0.code == "TAX0701" }
        #expect(Set(missing.map { $0.location!.file }) == Set(tools.map(\.file)))
    }

    /// A proposal is what the records already hold: pasted into the configuration, it finds nothing on the
    /// library it came from (every required field is filled, every type and value agrees).
    @Test func theProposalPastedIntoTheConfigurationFindsNothingOnItsLibrary() throws {
        let plain = Compiler.compile(
            root: TestSupport.repoRoot.path, config: TestSupport.defaultConfig, keepContent: true)
        let inferred = SchemaInference.infer(plain.library)
        #expect(inferred.map(\.kind).starts(with: ["tool", "workflow", "milestone", "task", "step"]))
        let proposal = SchemaProposal.yaml(inferred)
        #expect(proposal.contains("      name: { required: true, type: string }"))
        #expect(proposal.contains("      discovery_date: { required: true, type: date }"))
        // Links, IDs and departments are never offered as a list of values.
        #expect(!proposal.contains("values: [\"MLS-"))
        #expect(!proposal.contains("values: [\"SEC\""))
        var yaml = DefaultConfig.yaml
        var pasted = 0
        // Each kind's lines of the proposal, inserted under that kind in the default configuration.
        var blocks: [(String, [Substring])] = []
        for line in proposal.split(separator: "\n") {
            if line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") {
                blocks.append((String(line.dropFirst(2).dropLast()), []))
            } else if line.hasPrefix("    "), !blocks.isEmpty {
                blocks[blocks.count - 1].1.append(line)
            }
        }
        for (kind, lines) in blocks {
            guard let r = yaml.range(of: "\n  \(kind):\n") else { continue }
            yaml.insert(contentsOf: lines.joined(separator: "\n") + "\n", at: r.upperBound)
            pasted += 1
        }
        #expect(pasted >= 5)
        let (c, d) = ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: yaml))
        #expect(d.isEmpty, "\(d)")
        let config = try #require(c)
        #expect(config.kinds.filter { $0.schema != nil }.count == pasted)
        let r = Compiler.compile(root: TestSupport.repoRoot.path, config: config)
        let found = r.diagnostics.filter { $0.code.hasPrefix("TAX07") }
        #expect(found.isEmpty, "\(found.map { TestSupport.render($0) })")
        // And it is a real check: a record losing a field every record has is found.
        let tool = try #require(plain.library.entities.first { config.kinds[$0.kind].name == "tool" })
        let text = try String(contentsOfFile: TestSupport.repoRoot.path + "/" + tool.file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"vendor\"", with: "\"vendr\"")
        #expect(edited != text)
        let one = Compiler.compile(files: [(path: tool.file, bytes: Array(edited.utf8))], config: config)
        #expect(one.diagnostics.contains { $0.code == "TAX0701" && $0.message.contains("'vendor'") })
    }

    @Test func inferenceCountsSpellingsTypesAndValues() throws {
        let files: [(String, String)] =
            [
                ("taxonomy.yaml", Self.head)
            ]
            + (1...6).map { i in
                (
                    "tools/TOL-00\(i).json",
                    "{\"tool_id\": \"TOL-00\(i)\", \"\(i == 6 ? "Name" : "name")\": \"T\(i)\", \"status\": \"\(i == 5 ? "Active" : i % 2 == 0 ? "active" : "beta")\","
                        + " \"score\": \(i == 3 ? "2.5" : "\(i)"), \"note\": \(i < 3 ? "\"\"" : "\"n\(i)\"")}"
                )
            }
        let r = TestSupport.compile(files)
        let lib = Compiler.compile(
            files: files.dropFirst().map { (path: $0.0, bytes: Array($0.1.utf8)) }, config: r.library.config,
            keepContent: true
        ).library
        let s = try #require(SchemaInference.infer(lib).first)
        #expect(s.records == 6 && s.files == 6)
        let name = try #require(s.fields.first { $0.key == "name" })
        #expect(name.spellings.map(\.0) == ["name", "Name"] && name.filled == 6)
        let status = try #require(s.fields.first { $0.key == "status" })
        #expect(status.values?.map(\.0) == ["active", "beta", "Active"])
        #expect(SchemaInference.proposesValues(status))
        // Whole numbers among numbers are numbers.
        #expect(s.fields.first { $0.key == "score" }?.type == .number)
        let note = try #require(s.fields.first { $0.key == "note" })
        #expect(note.present == 6 && note.filled == 4)
        let yaml = SchemaProposal.yaml([s])
        #expect(yaml.contains("      status: { required: true, type: string, values: [\"active\", \"beta\"] }"))
        #expect(yaml.contains("# in every record; also 'Active' (1) for 'active'"))
        #expect(yaml.contains("      name: { required: true, type: string }"))
        #expect(yaml.contains("also written 'Name' (1)"))
        #expect(yaml.contains("      note: string"))
        #expect(yaml.contains("# filled in 4 of 6 (66%); 2 empty"))
    }

    /// `taxo fix` (and the editor's quick fix) writes the allowed spelling of a value that differs only in
    /// letter case, in JSON, YAML and Markdown; a value that is not a case variant is left for a person.
    @Test func aValueInOtherLetterCaseIsFixed() throws {
        let root = Scratch.folder("taxo-schema-fix")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("tools"), withIntermediateDirectories: true)
        let files = [
            "taxonomy.yaml": Self.head
                + "    fields:\n      category: { values: [Design, AI, Collaborative Whiteboarding and Diagramming] }\n",
            "tools/TOL-001.json": "{\"tool_id\": \"TOL-001\", \"category\": \"design\"}\n",
            "tools/TOL-002.yaml": "tool_id: TOL-002\ncategory: ai\n",
            "tools/TOL-003.md": "# X\n\n**Tool ID:** TOL-003\n**Category:** DESIGN\n",
            "tools/TOL-004.json": "{\"tool_id\": \"TOL-004\", \"category\": \"Designs\"}\n",
            // Longer than a message shows (it cuts the value at 40 characters): fixed from the finding's replacement.
            "tools/TOL-005.json":
                "{\"tool_id\": \"TOL-005\", \"category\": \"collaborative whiteboarding and diagramming\"}\n",
        ]
        for (p, t) in files { try t.write(to: root.appendingPathComponent(p), atomically: true, encoding: .utf8) }
        let config = try #require(ConfigLoader.load(root: root).0)
        let before = Compiler.compile(root: root.path, config: config)
        let found = before.diagnostics.filter { $0.code == "TAX0703" }
        #expect(found.count == 5)
        #expect(found.filter { $0.replacement != nil }.count == 4)
        #expect(found.first { $0.location?.file == "tools/TOL-005.json" }?.message.contains("...") == true)
        // The replacement comes back from the extraction cache as it was made.
        let cachePath = root.appendingPathComponent(ExtractionCache.fileName).path
        try ExtractionCache.write(before.library.files, to: cachePath, configHash: config.hash)
        let cached = Compiler.compile(
            root: root.path, config: config,
            cache: ExtractionCache(path: cachePath, configHash: config.hash))
        #expect(cached.library.files.allSatisfy { $0.fromCache })
        #expect(cached.diagnostics == before.diagnostics)
        try FileManager.default.removeItem(atPath: cachePath)
        let fixes = Fixes.plan(before, root: root.path)
        #expect(
            fixes.map(\.path).sorted() == [
                "tools/TOL-001.json", "tools/TOL-002.yaml", "tools/TOL-003.md", "tools/TOL-005.json",
            ])
        for f in fixes { try Data(f.fixed).write(to: root.appendingPathComponent(f.path)) }
        #expect(
            try String(contentsOf: root.appendingPathComponent("tools/TOL-001.json"), encoding: .utf8)
                == "{\"tool_id\": \"TOL-001\", \"category\": \"Design\"}\n")
        #expect(
            try String(contentsOf: root.appendingPathComponent("tools/TOL-002.yaml"), encoding: .utf8)
                == "tool_id: TOL-002\ncategory: AI\n")
        #expect(
            try String(contentsOf: root.appendingPathComponent("tools/TOL-005.json"), encoding: .utf8)
                .contains("\"Collaborative Whiteboarding and Diagramming\""))
        let after = Compiler.compile(root: root.path, config: config)
        let left = after.diagnostics.filter { $0.code == "TAX0703" }
        #expect(left.map { $0.location!.file } == ["tools/TOL-004.json"])
        #expect(Fixes.plan(after, root: root.path).isEmpty)
    }
}
