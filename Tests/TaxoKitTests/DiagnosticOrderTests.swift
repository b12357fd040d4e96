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
