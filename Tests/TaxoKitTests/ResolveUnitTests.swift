import Testing

@testable import TaxoKit

/// Units of the resolve stage: lookups through legacy aliases, scoped mentions, and the ID allocator.
@Suite struct ResolveUnitTests {
    static let library: Library = {
        let files: [(String, String)] = [
            ("LIBRARIES/LBS_003_Tools/AID/a.json", #"{"tool_id": "TOL-AID-201", "name": "A"}"#),
            ("LIBRARIES/LBS_003_Tools/AID/b.json", #"{"tool_id": "TOL-AID-205", "name": "B"}"#),
            ("LIBRARIES/LBS_003_Tools/SEC/c.json", #"{"tool_id": "TOL-SEC-124", "name": "C"}"#),
            ("LIBRARIES/LBS_003_Tools/d.json", #"{"tool_id": "TOL-007", "name": "D"}"#),
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Plan.md", "# Plan\n\n## Reserved IDs\n\n- TOL-AID-230\n"),
        ]
        return TestSupport.compile(files).library
    }()

    func parsed(_ s: String) -> ParsedID {
        guard case .valid(let p) = Self.library.grammar.check(s) else {
            Issue.record("'\(s)' is not a valid ID")
            return ParsedID.path(kind: 0, written: s, file: s)
        }
        return p
    }

    @Test func lookupsResolveCanonicalAndAliasSpellings() {
        let lib = Self.library
        #expect(lib.lookup(parsed("TOL-AID-201")).map { lib.entities[$0].name } == "A")
        // AI is an alias of AID in the default configuration; numbers compare without leading zeros.
        #expect(lib.lookup(parsed("TOL-AI-201")).map { lib.entities[$0].name } == "A")
        #expect(lib.resolves(parsed("TOL-007").key))
        #expect(lib.resolves(parsed("TOL-0007").key))
        #expect(lib.lookup(parsed("TOL-AID-999")) == nil)
    }

    @Test func theAllocatorFollowsTheKindsPattern() throws {
        var a = IDAllocator(library: Self.library)
        let tool = try #require(Self.library.config.kindIndex(role: .tool))
        // Most tools carry a department: a new one without a hint gets the most used (AID), after the
        // highest declared or announced (TOL-AID-230 is reserved in a document).
        #expect(a.suggest(kind: tool, department: nil) == "TOL-AID-231")
        #expect(a.suggest(kind: tool, department: "SEC") == "TOL-SEC-125")
        #expect(a.suggest(kind: tool, department: "SEC") == "TOL-SEC-126")
        // A free ID a document writes is reserved without moving the counter.
        a.reserve(parsed("TOL-SEC-127"))
        #expect(!a.isFree(parsed("TOL-SEC-127")))
        #expect(a.suggest(kind: tool, department: "SEC") == "TOL-SEC-128")
        a.reserve(parsed("TOL-AID-999"))
        #expect(a.suggest(kind: tool, department: "AID") == "TOL-AID-232")
        #expect(a.isFree(parsed("TOL-QA-001")))
        #expect(!a.isFree(parsed("TOL-AID-201")))
    }
}

/// An entity whose own ID is written in no scheme of the library (a step file's `DESIGN-001-01` when no
/// kind declares `DESIGN`) is reported once, and can still be looked up by that ID as written.
@Suite struct UnschemedOwnIDTests {
    @Test func anEntityWithAnIDInNoSchemeCanBeLookedUp() throws {
        let step = """
            # Step Template: DESIGN-001-01

            **Description:** Conduct client brand discovery session

            | Attribute | Value |
            |-----------|-------|
            | Step ID | `DESIGN-001-01` |
            | Step Number | 01 |
            """
        let r = TestSupport.compile([
            ("TASK_MANAGERS/TSM-004_Step_Templates/DESIGN/Step-Template-155_DESIGN-001-01_discovery.md", step),
            ("LIBRARIES/LBS_003_Tools/TOL-001_Design.json", #"{"tool_id": "TOL-001", "name": "Design Board"}"#),
        ])
        let lib = r.library
        #expect(r.diagnostics.contains { $0.code == "TAX0102" && $0.message.contains("'DESIGN'") })
        let i = try #require(lib.entity(named: "design-001-01"))
        #expect(lib.displayID(lib.entities[i]) == "DESIGN-001-01")
        #expect(lib.config.kinds[lib.entities[i].kind].name == "step")
        // Found as the ID is typed in a symbol search, before names that hold the words.
        #expect(lib.entities(matching: "DESIGN-001").first == i)
        #expect(lib.entities(matching: "design").contains(i))
        // A prefix alone, or another number, names nothing.
        #expect(lib.entity(named: "DESIGN-001") == nil)
        #expect(lib.entity(named: "DESIGN-001-02") == nil)
        #expect(lib.entity(named: "TOL-001").map { lib.entities[$0].name } == "Design Board")
        // The heading only names the kind: the one-line description names the step.
        #expect(lib.entities[i].name == "Conduct client brand discovery session")
    }

    static func step(_ id: String, file: String) -> (String, String) {
        (
            "TASK_MANAGERS/TSM-004_Step_Templates/\(file)",
            "# Step Template: \(id)\n\n| Attribute | Value |\n|---|---|\n| Step ID | `\(id)` |\n"
        )
    }

    @Test func theFindingNamesTheKindTheNextFreeIDAndTheScheme() throws {
        let r = TestSupport.compile([
            Self.step("DESIGN-001-01", file: "DESIGN/Step-Template-155_DESIGN-001-01.md"),
            Self.step("DESIGN-001-02", file: "DESIGN/Step-Template-007_DESIGN-001-02.md"),
            Self.step("STP-007", file: "STP-007_Plan.md"),
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nSee SPT-007 and DESIGN-001-01.\n"),
        ])
        let found = r.diagnostics.filter { $0.code == "TAX0102" }.map { "\($0.message) | \($0.hint ?? "")" }
        // Each own ID gets the number its file name gives it when that ID is free (STP-155), else the next
        // free one (STP-007 is taken); a typo of a declared prefix keeps its did-you-mean.
        #expect(
            found.contains(
                "unknown ID prefix 'DESIGN' in 'DESIGN-001-01', the own ID of a step | give it a step ID "
                    + "(`taxo rename DESIGN-001-01 STP-155`), or declare its scheme: add \"DESIGN-{n}-{n}\" to "
                    + "kinds.step.legacy_patterns"))
        #expect(found.contains { $0.contains("'DESIGN-001-02', the own ID of a step") && $0.contains("STP-008`") })
        #expect(
            found.contains { $0.hasPrefix("unknown ID prefix 'SPT' in 'SPT-007' |") && $0.contains("did you mean") })
        // (In a document, an undeclared prefix is only reported as a typo of a declared one.)
        #expect(found.count == 3)
    }

    /// A typo of its kind's prefix in a record's own ID is told the free IDs of its kind it may mean (not a
    /// department's `DPT`), and is never rewritten by `taxo fix` into an ID that is taken.
    @Test func aTypoInAnOwnIDSuggestsFreeIDsOfItsKind() throws {
        let r = TestSupport.compile([
            ("TASK_MANAGERS/TSM-004_Step_Templates/SPT-008_Check.json", #"{"step_id": "SPT-008", "name": "Check"}"#),
            ("TASK_MANAGERS/TSM-003_Task_Templates/TSK-004_Plan.json", #"{"task_id": "TSK-004", "name": "Plan"}"#),
            ("TASK_MANAGERS/TSM-003_Task_Templates/TKS-004_Copy.json", #"{"task_id": "TKS-004", "name": "Copy"}"#),
        ])
        let found = r.diagnostics.filter { $0.code == "TAX0102" }
        let step = try #require(found.first { $0.subject == "SPT-008" })
        #expect(step.message == "unknown ID prefix 'SPT' in 'SPT-008', the own ID of a step")
        #expect(step.hint?.hasPrefix("did you mean 'STP-008'") == true, "\(step.hint ?? "")")
        #expect(step.hint?.contains("DPT") == false)
        #expect(step.suggestions.map(\.with).contains("STP-008"))
        #expect(step.replacement == nil)
        // TSK-004 is taken: the task is given a free task ID, and nothing is fixed.
        let task = try #require(found.first { $0.subject == "TKS-004" })
        #expect(task.replacement == nil)
        #expect(task.message.hasSuffix("the own ID of a task"))
        #expect(task.suggestions.first?.with != "TSK-004")
        #expect(task.hint?.contains("give it a task ID (`taxo rename TKS-004 TSK-") == true, "\(task.hint ?? "")")
    }

    @Test func aConventionOfOwnIDsNamesItsKindAndPattern() throws {
        let r = TestSupport.compile(
            (1...5).map { Self.step("DESIGN-00\($0)-01", file: "DESIGN/Step-Template-15\($0).md") }
                + [("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nSee DESIGN-001-01.\n")])
        let d = try #require(r.diagnostics.first { $0.code == "TAX0102" })
        #expect(r.diagnostics.filter { $0.code == "TAX0102" }.count == 1)
        #expect(
            d.message
                == "'DESIGN' appears in 5 IDs in 5 files but no kind declares it (all are the own IDs of step records)")
        #expect(
            d.hint
                == "declare their scheme: add \"DESIGN-{n}-{n}\" to kinds.step.legacy_patterns; or give them step IDs with `taxo rename`"
        )
    }

    @Test func renamingAnOwnIDInNoSchemeGivesItOne() throws {
        let files = [
            Self.step("DESIGN-001-01", file: "DESIGN/Step-Template-155_DESIGN-001-01.md"),
            (
                "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                "# Notes\n\nSee DESIGN-001-01, design-001-01 and [it](../../TSM-004_Step_Templates/DESIGN/Step-Template-155_DESIGN-001-01.md); not DESIGN-001-011 or XDESIGN-001-01.\n"
            ),
        ]
        let lib = TestSupport.compile(files).library
        guard case .success(let (e, new)) = IDRename.check(old: "DESIGN-001-01", new: "STP-155", library: lib) else {
            Issue.record("the rename was refused")
            return
        }
        let text = Dictionary(uniqueKeysWithValues: files.map { ($0.0, Array($0.1.utf8)) })
        let fixes = IDRename.plan(entity: e, new: new, library: lib, paths: Array(text.keys)) { text[$0] }
        let out = Dictionary(uniqueKeysWithValues: fixes.map { ($0.path, String(decoding: $0.fixed, as: UTF8.self)) })
        #expect(out[files[0].0]?.contains("| Step ID | `STP-155` |") == true)
        #expect(out[files[0].0]?.contains("# Step Template: STP-155") == true)
        #expect(
            out[files[1].0]
                == "# Notes\n\nSee STP-155, STP-155 and [it](../../TSM-004_Step_Templates/DESIGN/Step-Template-155_DESIGN-001-01.md); not DESIGN-001-011 or XDESIGN-001-01.\n"
        )
        // A taken ID or another kind's is refused as for any rename.
        if case .success = IDRename.check(old: "DESIGN-001-01", new: "TOL-001", library: lib) {
            Issue.record("a tool ID was accepted for a step")
        }
    }
}
