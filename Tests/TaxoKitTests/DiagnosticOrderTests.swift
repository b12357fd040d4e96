import Testing

@testable import TaxoKit

/// A run's findings: sorted by place, code and message, each once, the same order every run.
@Suite struct DiagnosticOrderTests {
    static func d(_ file: String, _ line: Int, _ code: String, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(
            code: code, severity: .error, message: message, at: SourceLocation(file: file, line: line, column: 1),
            hint: hint)
    }

    @Test func findingsAreSortedAndEachKeptOnce() {
        let a = Self.d("a.md", 2, "TAX0201", "x"), b = Self.d("a.md", 10, "TAX0201", "x")
        let c = Self.d("b.md", 1, "TAX0102", "y"), e = Self.d("a.md", 2, "TAX0104", "x")
        // Same place, code and message, other hints: both kept, in the order they came.
        let h1 = Self.d("a.md", 2, "TAX0201", "x", hint: "one"), h2 = Self.d("a.md", 2, "TAX0201", "x", hint: "two")
        let out = Diagnostic.sortedUnique([c, b, h2, a, e, a, h1, c, h2])
        #expect(out == [e, h2, a, h1, b, c])
        #expect(Diagnostic.sortedUnique([h1, h2]) == [h1, h2])
        #expect(Diagnostic.sortedUnique([h2, h1]) == [h2, h1])
        #expect(Diagnostic.sortedUnique([]) == [])
    }

    /// The sort by precomputed ranks gives `Diagnostic.ordered`'s order (file, line, column, code, message) on
    /// many random findings, repeats and missing locations among them.
    @Test func theSortIsTheDocumentedOrder() {
        var rng = SystemRandomNumberGenerator()
        let files = ["", "a.md", "b/a.md", "a.md.json", "B.md"], codes = ["TAX0201", "TAX0102", "TAX0401"]
        let diags = (0..<2000).map { _ -> Diagnostic in
            let file = files.randomElement(using: &rng)!
            return Diagnostic(
                code: codes.randomElement(using: &rng)!, severity: .error, message: ["x", "y", "x2"].randomElement()!,
                at: file.isEmpty
                    ? nil : SourceLocation(file: file, line: Int.random(in: 0...5), column: Int.random(in: 0...3)),
                hint: Bool.random() ? "h" : nil)
        }
        let out = Diagnostic.sortedUnique(diags)
        #expect(zip(out, out.dropFirst()).allSatisfy { !Diagnostic.ordered($1, $0) })
        #expect(Set(out) == Set(diags))
    }

    /// Thousands of findings alike but for their hints (one file, one rule, one message) are kept once each,
    /// in the order they came, whether the run is short or long.
    @Test func aLongRunOfAlikeFindingsKeepsEachOnceInOrder() {
        let alike = (0..<100).map { Self.d("a.md", 3, "TAX0201", "x", hint: "h\($0)") }
        let other = Self.d("a.md", 1, "TAX0101", "y")
        let input = alike + [other] + alike.reversed() + [other]
        #expect(Diagnostic.sortedUnique(input) == [other] + alike)
        #expect(Diagnostic.sortedUnique(Array(alike.prefix(20)) + Array(alike.prefix(20))) == Array(alike.prefix(20)))
    }
}
