import Testing

@testable import TaxoKit

/// The fast front-matter reader must agree with Yams wherever it accepts the input.
@Suite struct SimpleYAMLTests {
    func render(_ n: Node?) -> String {
        guard let n else { return "nil" }
        switch n.value {
        case .null: return "null"
        case .bool(let b): return "\(b)"
        case .number(let s): return "#\(s)"
        case .string(let s): return "'\(s)'"
        case .array(let a): return "[" + a.map(render).joined(separator: ",") + "]"
        case .object(let m):
            return "{" + m.map { "\($0.key)=\(render($0.node))@\($0.keyOffset)" }.joined(separator: ",") + "}"
        }
    }

    func both(_ yaml: String) -> (simple: Node?, full: Node?) {
        let f = SourceFile(path: "a.md", text: yaml)
        let simple = SimpleYAML.parse(f, firstLine: 1, lastLine: f.lines.lineCount)
        guard case .success(let full) = YAMLReader.parse(f.text, lines: f.lines) else { return (simple, nil) }
        return (simple, full)
    }

    @Test(arguments: [
        "title: Video 024 Gap Analysis\ndate: 2025-11-24\nstatus: draft\nrelated: []\nlinks: []\n",
        "doc_id: ANL-000001\ntitle: \"Video_0001 Gap Analysis\"\nmentions:\n  - TOL-001\n  - WRF-002\ncount: 12\nok: true\n",
        "tags: [a, b, c]\nempty:\nnothing: ~\n",
        "prompt_id: PMT-007\nname: Objects Library Extraction\nphase: Phase 4\n",
    ])
    func agreesWithYams(yaml: String) throws {
        let (s, f) = both(yaml)
        let simple = try #require(s, "the simple reader declined plain front matter")
        #expect(render(simple) == render(f))
    }

    @Test(arguments: [
        "a:\n  b: c\n", "a: |\n  text\n", "a: {b: c}\n", "a: x # comment\n", "a: &x 1\n", "a: 'it''s'\n", "a: b: c\n",
    ])
    func declinesWhatItDoesNotUnderstand(yaml: String) {
        #expect(both(yaml).simple == nil)
    }
}
