import Foundation
import Testing

@testable import TaxoKit

@Suite struct JSONParserTests {
    func parse(_ s: String) -> Result<Node, JSONSyntaxError> { JSONParser.parse(Array(s.utf8)) }

    func failure(_ s: String) -> (message: String, line: Int, column: Int)? {
        guard case .failure(let e) = parse(s) else { return nil }
        let f = SourceFile(path: "x.json", text: s)
        let p = f.lines.position(of: e.offset)
        return (e.message, p.line, p.column)
    }

    @Test func parsesValues() throws {
        let n = try parse(#"{"a": [1, -2.5e3, true, false, null, "x\u00e9\n\ud83d\ude00"], "b": {}}"#).get()
        #expect(n.members?.map(\.key) == ["a", "b"])
        let a = try #require(n["a"]?.array)
        #expect(a.count == 6)
        #expect(a[0].string == "1")
        #expect(a[1].string == "-2.5e3")
        if case .bool(true) = a[2].value {} else { Issue.record("expected true") }
        if case .null = a[4].value {} else { Issue.record("expected null") }
        #expect(a[5].string == "xé\n😀")
    }

    /// The compact form the index keeps of a record: members in their order, strings escaped as
    /// `JSONWriter.escape` does (control bytes as `\u00XX`), numbers as written, and it parses back to the same.
    @Test func compactJSONEscapesAndRoundTrips() throws {
        let text = #"{"b": "q\"uote \\ tab\t nl\n cr\r bell\u0007 é", "a": [1, -2.5e3, true, null], "c": {}}"#
        let n = try parse(text).get()
        let compact = n.compactJSON()
        #expect(compact == #"{"b":"q\"uote \\ tab\t nl\n cr\r bell\u0007 é","a":[1,-2.5e3,true,null],"c":{}}"#)
        #expect(try parse(compact).get().compactJSON() == compact)
        #expect(JSONWriter.escape("q\"uote \\ tab\t bell\u{07}") == #""q\"uote \\ tab\t bell\u0007""#)
    }

    @Test func keepsOffsets() throws {
        let text = "{\n  \"tool_id\": \"TOL-001\"\n}"
        let n = try parse(text).get()
        let f = SourceFile(path: "x.json", text: text)
        let p = f.lines.position(of: n["tool_id"]!.offset)
        #expect(p.line == 2)
        #expect(p.column == 14)
    }

    @Test func trailingCommaIsAnErrorAtTheComma() throws {
        let f = try #require(failure("{\n  \"a\": 1,\n}"))
        #expect(f.message.contains("trailing comma"))
        #expect(f.line == 2)
        #expect(f.column == 9)
        let g = try #require(failure("[1, 2,]"))
        #expect(g.message.contains("trailing comma"))
        #expect(g.column == 6)
    }

    @Test func missingCommaIsAnError() throws {
        let f = try #require(failure("{\"a\": 1\n \"b\": 2}"))
        #expect(f.message.contains("missing ','"))
        #expect(f.line == 2)
        #expect(f.column == 2)
        let g = try #require(failure("{\"a\": \"x\"\"b\": 2}"))
        #expect(g.message.contains("missing ','"))
    }

    @Test func commentsAndSingleQuotesAreErrors() throws {
        #expect(try #require(failure("{\"a\": 1 // note\n}")).message.contains("comments"))
        #expect(try #require(failure("{\"a\": /* x */ 1}")).message.contains("comments"))
        #expect(try #require(failure("{'a': 1}")).message.contains("double quotes"))
    }

    @Test func invalidEscapeIsReportedAtTheBackslash() throws {
        let f = try #require(failure(#"{"path": "D:\Dropbox"}"#))
        #expect(f.message.contains("invalid escape '\\D'"))
        #expect(f.column == 13)
    }

    @Test func truncatedFileIsAnError() throws {
        #expect(try #require(failure("{\"a\": [1, 2")).message.contains("end of file"))
        #expect(try #require(failure("{\"a\": \"abc")).message.contains("unterminated"))
        #expect(failure("") != nil)
    }

    @Test func rejectsWhatRFC8259Rejects() {
        for bad in [
            "01", "1.", ".5", "+1", "1e", "tru", "nul", "[1 2]", "{\"a\" 1}", "{1: 2}", "\"a\u{01}\"", "[] []", "NaN",
        ] {
            #expect(failure(bad) != nil, "accepted \(bad)")
        }
        for good in ["0", "-0", "1.5e-3", "[]", "{}", "\"\"", " [ 1 , { \"a\" : [ ] } ] ", "1E+2"] {
            #expect(failure(good) == nil, "rejected \(good)")
        }
    }

    @Test func agreesWithFoundationOnValidDocuments() throws {
        let docs = [#"{"a":[1,2,{"b":"c\\d"}],"e":"\u0041"}"#, #"[true,false,null,"x",-1.25]"#]
        for d in docs {
            let ours = try parse(d).get()
            let theirs = try JSONSerialization.jsonObject(with: Data(d.utf8), options: [.fragmentsAllowed])
            #expect(count(ours) == countFoundation(theirs))
        }
    }

    func count(_ n: Node) -> Int {
        switch n.value {
        case .array(let a): return 1 + a.map(count).reduce(0, +)
        case .object(let m): return 1 + m.map { count($0.node) }.reduce(0, +)
        default: return 1
        }
    }

    func countFoundation(_ v: Any) -> Int {
        if let a = v as? [Any] { return 1 + a.map(countFoundation).reduce(0, +) }
        if let d = v as? [String: Any] { return 1 + d.values.map(countFoundation).reduce(0, +) }
        return 1
    }

    @Test func deepNestingDoesNotCrash() {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(failure(deep)?.message.contains("nesting") == true)
    }
}
