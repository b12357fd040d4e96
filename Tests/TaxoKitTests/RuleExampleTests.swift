import Testing
@testable import TaxoKit

/// Every rule's examples are its tests: triggering examples must report the rule, the others must not.
@Suite struct RuleExampleTests {
    @Test(arguments: RuleRegistry.all.map(\.code))
    func examples(code: String) throws {
        let rule = try #require(RuleRegistry.rule(code))
        #expect(!rule.triggering.isEmpty, "\(code) has no triggering example")
        #expect(!rule.nonTriggering.isEmpty, "\(code) has no non-triggering example")
        for (i, ex) in rule.triggering.enumerated() {
            let r = TestSupport.compile(ex.files)
            #expect(r.diagnostics.contains { $0.code == code }, "\(code) triggering example \(i) did not fire: \(r.diagnostics.map(\.message))")
        }
        for (i, ex) in rule.nonTriggering.enumerated() {
            let r = TestSupport.compile(ex.files)
            #expect(!r.diagnostics.contains { $0.code == code }, "\(code) non-triggering example \(i) fired: \(r.diagnostics.map(\.message))")
        }
    }

    @Test func codesAreUniqueAndWellFormed() {
        let codes = RuleRegistry.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        for c in codes { #expect(c.count == 7 && c.hasPrefix("TAX") && c.dropFirst(3).allSatisfy(\.isNumber)) }
        for r in RuleRegistry.all { #expect(!r.explanation.isEmpty && !r.summary.isEmpty) }
    }
}
