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
