import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

/// The tools of `taxo mcp`, called on a copy of the example library without the protocol (the end-to-end
/// test drives the binary with the official MCP client: Tests/mcp).
@Suite struct AssistantSessionTests {
    func session(allowWrite: Bool = false) throws -> AssistantSession {
        let root = try TestSupport.exampleCopy()
        return AssistantSession(root: root.path, config: TestSupport.defaultConfig, allowWrite: allowWrite)
    }

    func object(_ outcome: ToolOutcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.text.utf8)) as? [String: Any])
    }

    @Test func everyToolHasASchemaNamingItsArguments() throws {
        for tool in AssistantTool.all {
            let schema = try #require(
                try JSONSerialization.jsonObject(with: Data(tool.inputSchema.utf8)) as? [String: Any])
            let properties = try #require(schema["properties"] as? [String: Any])
            #expect(Set(properties.keys) == Set(tool.parameters.map(\.name)))
            #expect(schema["additionalProperties"] as? Bool == false)
        }
    }

    @Test func unknownToolsAndArgumentsAreErrorsThatSayWhatIsAccepted() throws {
        let s = try session()
        let unknown = s.call("serch", arguments: [:])
        #expect(unknown.isError)
        #expect(unknown.text.contains("'search'"))
        let extra = s.call("search", arguments: ["query": .string("x"), "kinds": .string("tool")])
        #expect(extra.isError)
        #expect(extra.text.contains("'kind'"))
        let missing = s.call("check_entry", arguments: ["text": .string("{}")])
        #expect(missing.isError)
        #expect(missing.text.contains("'path'"))
        let wrongType = s.call("get_entity", arguments: ["id": .int(124)])
        #expect(wrongType.isError)
        #expect(wrongType.text.contains("must be a string"))
        let badCursor = s.call("search", arguments: ["query": .string("x"), "cursor": .string("abc")])
        #expect(badCursor.isError)
    }

    /// The suggested ID of a gap candidate in a `gaps` result.
    func suggestion(_ outcome: ToolOutcome, for text: String) throws -> String? {
        let candidates = try #require(try object(outcome)["candidates"] as? [[String: Any]])
        return candidates.first { $0["text"] as? String == text }?["suggested_id"] as? String
    }

    @Test func nextIDReservesSoThatTwoDraftsNeverCollide() throws {
        let s = try session()
        // Before any reservation, gap analysis suggests the next free AID tool ID for LangGraph.
        let before = try #require(
            try suggestion(s.call("gaps", arguments: ["target": .string("Video_025")]), for: "LangGraph"))
        let a = try object(s.call("next_id", arguments: ["kind": .string("tool"), "department": .string("AID")]))
        let b = try object(s.call("next_id", arguments: ["kind": .string("TOL"), "department": .string("AID")]))
        let first = try #require(a["id"] as? String), second = try #require(b["id"] as? String)
        #expect(first == before)
        #expect(first != second)
        // The same session's gap analysis now suggests neither.
        let after = try suggestion(s.call("gaps", arguments: ["target": .string("Video_025")]), for: "LangGraph")
        #expect(after != first)
        #expect(after != second)
    }

    @Test func checkEntryFindsADanglingReferenceAndWritesNothing() throws {
        let s = try session()
        let path = "LIBRARIES/LBS_003_Tools/SEC/TOL-SEC-900_Draft.json"
        let draft = #"{"tool_id": "TOL-SEC-900", "name": "Draft", "responsibilities": ["RSP-999"]}"#
        let out = try object(s.call("check_entry", arguments: ["text": .string(draft), "path": .string(path)]))
        let diags = try #require(out["diagnostics"] as? [[String: Any]])
        #expect(diags.contains { $0["code"] as? String == "TAX0201" })
        #expect(!FileManager.default.fileExists(atPath: s.root + "/" + path))
        let outside = s.call("check_entry", arguments: ["text": .string(draft), "path": .string("../x.json")])
        #expect(outside.isError)
    }

    @Test func createEntryNeedsAllowWriteAndThenWritesACheckedEntry() throws {
        let refused = try session().call(
            "create_entry", arguments: ["kind": .string("tool"), "name": .string("New Tool")])
        #expect(refused.isError)
        #expect(refused.text.contains("--allow-write"))
        let s = try session(allowWrite: true)
        let created = try object(
            s.call(
                "create_entry",
                arguments: ["kind": .string("tool"), "name": .string("New Tool"), "department": .string("SEC")]))
        let path = try #require(created["path"] as? String)
        #expect(FileManager.default.fileExists(atPath: s.root + "/" + path))
        let id = try #require(created["id"] as? String)
        let entity = try object(s.call("get_entity", arguments: ["id": .string(id)]))
        #expect(entity["name"] as? String == "New Tool")
    }

    /// A draft's findings say which are new and which the library's baseline holds; errors a file already had
    /// do not stop create_entry from adding to it (a parent's task list, a master list).
    @Test func draftFindingsSayWhichAreNewAndWhichTheBaselineHolds() throws {
        let s = try session(allowWrite: true)
        let milestone = "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-004_Test_Authenticated_MCP_Workflow.json"
        let url = URL(fileURLWithPath: s.root + "/" + milestone)
        let legacy = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
            of: "\"MLS-003\"", with: "\"MLS-903\"")
        try legacy.write(to: url, atomically: true, encoding: .utf8)
        try (DefaultConfig.yaml + "\nbaseline: taxo-baseline.json\n").write(
            toFile: s.root + "/taxonomy.yaml", atomically: true, encoding: .utf8)
        _ = s.call("get_entity", arguments: ["id": .string("MLS-004")])  // reads the changed files
        let known = s.result.diagnostics.filter { $0.location?.file == milestone }
        #expect(known.map(\.code) == ["TAX0201"])
        try Baseline(known, grammar: s.library.grammar).json().write(
            toFile: s.root + "/taxo-baseline.json", atomically: true, encoding: .utf8)

        // The file's old finding is neither new nor unknown; the draft's own is both.
        let draft = legacy.replacingOccurrences(of: "\"TSK-012\"", with: "\"TSK-012\",\n    \"TSK-977\"")
        let out = try object(s.call("check_entry", arguments: ["text": .string(draft), "path": .string(milestone)]))
        let diags = try #require(out["diagnostics"] as? [[String: Any]])
        let old = try #require(diags.first { ($0["message"] as? String)?.contains("MLS-903") == true })
        let new = try #require(diags.first { ($0["message"] as? String)?.contains("TSK-977") == true })
        #expect(old["new"] as? Bool == false)
        #expect(old["in_baseline"] as? Bool == true)
        #expect(new["new"] as? Bool == true)
        #expect(new["in_baseline"] as? Bool == false)
        #expect(out["errors"] as? Int == 2)
        #expect(out["new_errors"] as? Int == 1)
        // get_entity and get_document mark it too.
        for (tool, arg) in [
            ("get_entity", ["id": ToolArgument.string("MLS-004")]), ("get_document", ["path": .string(milestone)]),
        ] {
            let card = try object(s.call(tool, arguments: arg))
            let findings = try #require(card["diagnostics"] as? [[String: Any]])
            #expect(findings.map { $0["in_baseline"] as? Bool } == [true], "\(tool)")
        }

        // A task created under that milestone adds itself to its list: the milestone's old error stops nothing.
        let created = s.call(
            "create_entry",
            arguments: [
                "kind": .string("task"), "name": .string("Verify the token audience"), "target": .string("MLS-004"),
            ])
        #expect(!created.isError, "\(created.text)")
        let written = try object(created)
        #expect((written["updated"] as? [String])?.contains(milestone) == true)
        #expect(written["new_errors"] as? Int == 0)
        #expect(try String(contentsOf: url, encoding: .utf8).contains(try #require(written["id"] as? String)))
    }

    /// A library whose tools must have a category: `get_schema` says so (with counts), `create_entry` refuses
    /// an entry without it (naming the field) and writes one given through `fields`.
    @Test func getSchemaThenCreateAnEntryWithTheRequiredFields() throws {
        let root = try TestSupport.exampleCopy()
        var yaml = DefaultConfig.yaml
        let at = try #require(yaml.range(of: "    id_fields: [tool_id, id]\n"))
        yaml.insert(
            contentsOf: "    fields:\n      category: required\n      status: { values: [draft, active, Active] }\n",
            at: at.upperBound)
        try yaml.write(toFile: root.path + "/taxonomy.yaml", atomically: true, encoding: .utf8)
        let config = try #require(ConfigLoader.load(root: root).0)
        let s = AssistantSession(root: root.path, config: config, allowWrite: true)
        let card = try object(s.call("get_schema", arguments: ["kind": .string("TOL")]))
        #expect(card["kind"] as? String == "tool")
        let fields = try #require(card["fields"] as? [[String: Any]])
        #expect(fields.first?["field"] as? String == "category")
        #expect(fields.first?["required"] as? Bool == true)
        #expect(fields.first?["filled"] as? Int == card["records"] as? Int)
        let undeclared = try #require(card["undeclared"] as? [[String: Any]])
        #expect(undeclared.contains { $0["field"] as? String == "vendor" })
        let refused = s.call("create_entry", arguments: ["kind": .string("tool"), "name": .string("Okta Verify")])
        #expect(refused.isError)
        #expect(refused.text.contains("required field 'category' is empty"), "\(refused.text)")
        let created = try object(
            s.call(
                "create_entry",
                arguments: [
                    "kind": .string("tool"), "name": .string("Okta Verify"),
                    "fields": .object([
                        "category": .string("Identity"), "rating": .double(4.5), "tags": .array([.string("mfa")]),
                    ]),
                ]))
        let path = try #require(created["path"] as? String)
        let text = try String(contentsOfFile: root.path + "/" + path, encoding: .utf8)
        #expect(text.contains("\"category\": \"Identity\""))
        #expect(text.contains("\"rating\": 4.5"))
        #expect(text.contains("\"tags\": [\n    \"mfa\"\n  ]"))
        #expect(s.call("get_schema", arguments: ["kind": .string("nothing")]).isError)
    }

    @Test func filesChangedBetweenCallsAreExtractedAgain() throws {
        let s = try session()
        let before = s.refreshes
        #expect(s.call("get_entity", arguments: ["id": .string("TOL-SEC-901")]).isError)
        let folder = s.root + "/LIBRARIES/LBS_003_Tools/SEC"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try #"{"tool_id": "TOL-SEC-901", "name": "Fresh"}"#.write(
            toFile: folder + "/TOL-SEC-901_Fresh.json", atomically: true, encoding: .utf8)
        let found = try object(s.call("get_entity", arguments: ["id": .string("TOL-SEC-901")]))
        #expect(found["name"] as? String == "Fresh")
        #expect(s.refreshes == before + 1)
        try FileManager.default.removeItem(atPath: folder + "/TOL-SEC-901_Fresh.json")
        #expect(s.call("get_entity", arguments: ["id": .string("TOL-SEC-901")]).isError)
    }

    @Test func searchPagesWithACursor() throws {
        let s = try session()
        let first = try object(s.call("search", arguments: ["query": .string("workflow"), "limit": .int(2)]))
        let cursor = try #require(first["next_cursor"] as? String)
        #expect(cursor == "2")
        let second = try object(
            s.call("search", arguments: ["query": .string("workflow"), "limit": .int(2), "cursor": .string(cursor)]))
        let a = try #require(first["hits"] as? [[String: Any]]), b = try #require(second["hits"] as? [[String: Any]])
        #expect(a.count == 2)
        #expect(
            Set(a.map { "\($0["file"]!):\($0["line"]!)" }).isDisjoint(with: b.map { "\($0["file"]!):\($0["line"]!)" }))
    }

    @Test func renameIDPreviewsReadOnlyAndWritesWithAllowWrite() throws {
        let preview = try session()
        let tool = preview.root + "/LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json"
        let before = try String(contentsOfFile: tool, encoding: .utf8)
        let planned = try object(
            preview.call("rename_id", arguments: ["id": .string("TOL-QA-031"), "new_id": .string("TOL-QA-077")]))
        #expect(planned["written"] as? Bool == false)
        #expect((planned["places"] as? Int ?? 0) >= 20)
        let files = (planned["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
        #expect(files.contains("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json"))
        #expect(try String(contentsOfFile: tool, encoding: .utf8) == before)
        #expect(
            preview.call("rename_id", arguments: ["id": .string("TOL-QA-031"), "new_id": .string("TOL-SEC-124")])
                .isError)
        let writer = try session(allowWrite: true)
        let done = try object(
            writer.call("rename_id", arguments: ["id": .string("TOL-QA-031"), "new_id": .string("TOL-QA-077")]))
        #expect(done["written"] as? Bool == true)
        #expect(!writer.call("get_entity", arguments: ["id": .string("TOL-QA-077")]).isError)
        #expect(writer.call("get_entity", arguments: ["id": .string("TOL-QA-031")]).isError)
    }

    @Test func moveFilePreviewsReadOnlyAndMovesWithAllowWrite() throws {
        let note = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md"
        let text = "# Notes\n\nSee [the inspector](../../../LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json).\n"
        for allowWrite in [false, true] {
            let s = try session(allowWrite: allowWrite)
            defer { try? FileManager.default.removeItem(atPath: s.root) }
            try text.write(toFile: s.root + "/" + note, atomically: true, encoding: .utf8)
            s.refresh()
            let args: [String: ToolArgument] = [
                "from": .string("LIBRARIES/LBS_003_Tools/QA"), "to": .string("LIBRARIES/LBS_003_Tools/Quality"),
            ]
            let plan = try object(s.call("move_file", arguments: args))
            #expect(plan["written"] as? Bool == allowWrite)
            let files = try #require(plan["files"] as? [[String: Any]])
            // The note's link, and the phase 3 analysis's code span naming the file from the root.
            let phase3 = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_024_Phase3_Analysis.md"
            #expect(files.map { $0["path"] as? String } == [phase3, note])
            let edit = try #require((files.last?["edits"] as? [[String: Any]])?.first)
            #expect(edit["line"] as? Int == 3)
            #expect(edit["new"] as? String == "../../../LIBRARIES/LBS_003_Tools/Quality/MCP_Inspector.json")
            let span = try #require((files.first?["edits"] as? [[String: Any]])?.first)
            #expect(span["new"] as? String == "LIBRARIES/LBS_003_Tools/Quality/MCP_Inspector.json")
            #expect((plan["warnings"] as? [Any])?.isEmpty == true)
            let moved = FileManager.default.fileExists(atPath: s.root + "/LIBRARIES/LBS_003_Tools/Quality")
            #expect(moved == allowWrite)
            // After the move the session answers from the files as they are; before it, nothing changed.
            let tool = try object(s.call("get_entity", arguments: ["id": .string("TOL-QA-031")]))
            #expect((tool["file"] as? String)?.contains(allowWrite ? "/Quality/" : "/QA/") == true, "\(tool)")
            // Refused: a path out of the library, a source that is not there.
            #expect(s.call("move_file", arguments: ["from": .string(note), "to": .string("../Notes.md")]).isError)
            #expect(s.call("move_file", arguments: ["from": .string("nothing.md"), "to": .string("x.md")]).isError)
        }
    }

    @Test func aSearchThatFindsNothingOffersACorrection() throws {
        let s = try session()
        let none = try object(s.call("search", arguments: ["query": .string("Scalekt")]))
        #expect((none["hits"] as? [Any])?.isEmpty == true)
        #expect(none["did_you_mean"] as? String == "ScaleKit")
        let found = try object(s.call("search", arguments: ["query": .string("ScaleKit")]))
        #expect(found["did_you_mean"] == nil)
    }

    @Test func resourcesReadTheConfigurationRulesAndTracker() throws {
        let s = try session()
        #expect(try s.read("taxo://rules").contains("TAX0201"))
        #expect(try s.read("taxo://tracker").contains("Video_024"))
        #expect(try s.read("taxo://config").contains("kinds"))
        #expect(throws: TaxoError.self) { try s.read("taxo://nothing") }
    }
}

extension AssistantSessionTests {
    func git(_ args: [String], in dir: String) throws {
        let r = Subprocess.run(["git", "-C", dir, "-c", "user.email=t@example.invalid", "-c", "user.name=t"] + args)
        #expect(r?.status == 0, "git \(args.joined(separator: " ")) failed")
    }

    /// `diff` against the commit of the session's files, after an edit the session picks up; a base that
    /// git would take for an option is refused (a read-only server writes nothing).
    @Test func diffShowsWhatTheWorkTreeChangesAgainstACommit() throws {
        let s = try session()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        try git(["init", "-q", "-b", "main"], in: s.root)
        try git(["add", "-A"], in: s.root)
        try git(["commit", "-qm", "base"], in: s.root)
        let clean = try object(s.call("diff", arguments: [:]))
        #expect(clean["files_changed"] as? Int == 0)
        let tool = s.root + "/LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json"
        try (try String(contentsOfFile: tool, encoding: .utf8)).replacingOccurrences(
            of: "TOL-QA-031", with: "TOL-QA-077"
        )
        .write(toFile: tool, atomically: true, encoding: .utf8)
        let d = try object(s.call("diff", arguments: ["base": .string("HEAD"), "limit": .int(3)]))
        #expect((d["renamed"] as? [[String: Any]])?.first?["to"] as? String == "TOL-QA-077")
        let totals = try #require(d["totals"] as? [String: Int])
        #expect((d["new_findings"] as? [Any])?.count == min(3, totals["new_findings"] ?? -1))
        #expect((totals["new_findings"] ?? 0) > 3)
        let out = Scratch.folder("taxo-mcp").path
        let refused = s.call("diff", arguments: ["base": .string("--output=" + out)])
        #expect(refused.isError)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(s.call("diff", arguments: ["base": .string("no-such-commit")]).isError)
    }
}

extension AssistantSessionTests {
    /// `get_document`: an analysis's mentions with what they resolve to; a path outside the library or of no
    /// file is an error that says so.
    @Test func getDocumentShowsMentionsAndWhatTheyResolveTo() throws {
        let s = try session()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        let path = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_024_Phase4_Objects.md"
        let card = try object(s.call("get_document", arguments: ["path": .string(path)]))
        #expect(card["video"] as? String == "Video_024")
        let mentions = try #require(card["mentions"] as? [[String: Any]])
        let lib = s.result.library
        let doc = try #require(lib.documents.first { $0.path == path })
        #expect(mentions.count == Set(doc.mentions.map(\.id.key)).count)
        #expect(
            mentions.filter { $0["resolved_id"] is String }.count
                == Set(doc.mentions.filter { lib.lookup($0.id) != nil }.map(\.id.key)).count)
        #expect(s.call("get_document", arguments: ["path": .string("../etc/passwd")]).isError)
        let none = s.call("get_document", arguments: ["path": .string("TASK_MANAGERS/nothing.md")])
        #expect(none.isError && none.text.contains("no file"))
    }
}

extension AssistantSessionTests {
    /// `findings`: the library's findings as `taxo check` reports them, narrowed by folder, rule, severity and
    /// baseline status, counted per rule, in pages; bad arguments are errors that say what is accepted.
    @Test func findingsNarrowsTheLibrarysFindings() throws {
        let s = try session()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        let tool = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-088_Broken.json"
        try
            "{\n  \"tool_id\": \"TOL-QA-088\",\n  \"name\": \"Broken\",\n  \"alternatives\": [\"TOL-QA-961\", \"TOL-QA-962\"]\n}\n"
            .write(toFile: s.root + "/" + tool, atomically: true, encoding: .utf8)
        let note = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes_On_Links.md"
        try "# Notes\n\nSee [the old page](Old/Gone.md) and TOL-QA-963.\n".write(
            toFile: s.root + "/" + note, atomically: true, encoding: .utf8)

        let all = try object(s.call("findings", arguments: ["limit": .int(500)]))
        let listed = try #require(all["findings"] as? [[String: Any]])
        #expect(all["total"] as? Int == s.result.diagnostics.count)
        #expect(listed.count == s.result.diagnostics.count)
        #expect(all["baseline"] is NSNull)
        let counted = try #require(all["by_rule"] as? [[String: Any]]).reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
        #expect(counted == listed.count)

        let inTools = try object(s.call("findings", arguments: ["path": .string("LIBRARIES/LBS_003_Tools/")]))
        let toolFindings = try #require(inTools["findings"] as? [[String: Any]])
        #expect(toolFindings.map { $0["file"] as? String } == [tool, tool])
        #expect(toolFindings.allSatisfy { $0["code"] as? String == "TAX0201" && $0["in_baseline"] as? Bool == false })
        #expect(inTools["new_errors"] as? Int == 2)

        let links = try object(s.call("findings", arguments: ["rule": .string("broken-link")]))
        #expect((links["findings"] as? [[String: Any]])?.map { $0["file"] as? String } == [note])
        #expect((links["by_rule"] as? [[String: Any]])?.first?["name"] as? String == "broken-link")

        let errors = try object(s.call("findings", arguments: ["severity": .string("error")]))
        #expect(errors["warnings"] as? Int == 0 && errors["notes"] as? Int == 0)
        #expect(errors["total"] as? Int == s.result.diagnostics.filter { $0.severity == .error }.count)

        let first = try object(s.call("findings", arguments: ["path": .string(tool), "limit": .int(1)]))
        #expect((first["findings"] as? [Any])?.count == 1)
        #expect(first["next_cursor"] as? String == "1")
        let second = try object(
            s.call("findings", arguments: ["path": .string(tool), "limit": .int(1), "cursor": .string("1")]))
        #expect(
            (second["findings"] as? [[String: Any]])?.first?["message"] as? String
                != (first["findings"] as? [[String: Any]])?.first?["message"] as? String)
        #expect(second["next_cursor"] is NSNull)

        // With a baseline holding the tool's first finding: one known, the rest new.
        let held = try #require(s.result.diagnostics.first { $0.location?.file == tool })
        try Baseline([held], grammar: s.result.library.grammar).json().write(
            toFile: s.root + "/taxo-baseline.json", atomically: true, encoding: .utf8)
        try (DefaultConfig.yaml + "\nbaseline: taxo-baseline.json\n").write(
            toFile: s.root + "/taxonomy.yaml", atomically: true, encoding: .utf8)
        let known = try object(s.call("findings", arguments: ["status": .string("known")]))
        #expect(known["baseline"] as? String == "taxo-baseline.json")
        #expect((known["findings"] as? [[String: Any]])?.map { $0["message"] as? String } == [held.message])
        #expect((known["findings"] as? [[String: Any]])?.first?["in_baseline"] as? Bool == true)
        let fresh = try object(s.call("findings", arguments: ["status": .string("new"), "path": .string(tool)]))
        #expect(fresh["total"] as? Int == 1)
        // The marks are kept between calls, and made again when the baseline changes on disk.
        #expect(s.heldCache?.held.filter { $0 }.count == 1)
        try Baseline([], grammar: s.result.library.grammar).json().write(
            toFile: s.root + "/taxo-baseline.json", atomically: true, encoding: .utf8)
        let none = try object(s.call("findings", arguments: ["status": .string("known")]))
        #expect((none["findings"] as? [Any])?.isEmpty == true)
        #expect(s.heldCache?.held.contains(true) == false)

        for (name, value) in [
            ("rule", "dangling-refs"), ("severity", "fatal"), ("status", "old"), ("path", "../outside"),
            ("path", "LIBRARIES/Nothing_Here"),
        ] {
            let bad = s.call("findings", arguments: [name: .string(value)])
            #expect(bad.isError, "\(name)=\(value)")
        }
        #expect(s.call("findings", arguments: ["rule": .string("dangling-refs")]).text.contains("dangling-reference"))
    }
}

extension AssistantSessionTests {
    /// `fix`: `taxo fix`'s repairs, listed on a read-only server (nothing written) and made with --allow-write;
    /// narrowed to a path or a rule.
    @Test func fixListsTheRepairsAndMakesThemOnlyWhenAllowed() throws {
        let s = try session()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        let note = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes_On_Spelling.md"
        let text = "# Notes\n\nWe test with TOOL-QA-31 every day.\n"
        try text.write(toFile: s.root + "/" + note, atomically: true, encoding: .utf8)
        let preview = try object(s.call("fix", arguments: ["path": .string(note)]))
        #expect(preview["written"] as? Bool == false)
        #expect(preview["changes"] as? Int == 1)
        let file = try #require((preview["files"] as? [[String: Any]])?.first)
        #expect(file["path"] as? String == note)
        let edit = try #require((file["edits"] as? [[String: Any]])?.first)
        #expect(
            edit["line"] as? Int == 3 && edit["old"] as? String == "TOOL-QA-31"
                && edit["new"] as? String == "TOL-QA-031")
        #expect(edit["rule"] as? String == "TAX0206")
        #expect(try String(contentsOfFile: s.root + "/" + note, encoding: .utf8) == text)
        // Another rule's repairs only: none here.
        let other = try object(s.call("fix", arguments: ["path": .string(note), "rule": .string("broken-link")]))
        #expect(other["changes"] as? Int == 0)
        #expect(s.call("fix", arguments: ["rule": .string("TAX9999")]).isError)

        let writer = AssistantSession(root: s.root, config: TestSupport.defaultConfig, allowWrite: true)
        let made = try object(writer.call("fix", arguments: ["path": .string(note)]))
        #expect(made["written"] as? Bool == true)
        #expect(
            try String(contentsOfFile: s.root + "/" + note, encoding: .utf8)
                == text.replacingOccurrences(
                    of: "TOOL-QA-31", with: "TOL-QA-031"))
        // The library is read again: nothing is left to repair there.
        #expect(try object(writer.call("fix", arguments: ["path": .string(note)]))["changes"] as? Int == 0)
        #expect(!writer.result.diagnostics.contains { $0.location?.file == note && $0.code == "TAX0206" })
    }
}
