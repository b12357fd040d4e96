import Testing

@testable import TaxoKit

/// Every rule's examples are its tests: triggering examples must report the rule, the others must not.
@Suite struct RuleExampleTests {
    @Test(arguments: RuleRegistry.all.map(\.code))
    func examples(code: String) throws {
        let rule = try #require(RuleRegistry.rule(code))
        #expect(rule.triggering.count >= 2, "\(code) has fewer than two triggering examples")
        #expect(rule.nonTriggering.count >= 2, "\(code) has fewer than two non-triggering examples")
        for (i, ex) in rule.triggering.enumerated() {
            let r = TestSupport.compile(ex.files)
            #expect(
                r.diagnostics.contains { $0.code == code },
                "\(code) triggering example \(i) did not fire: \(r.diagnostics.map(\.message))")
        }
        for (i, ex) in rule.nonTriggering.enumerated() {
            let r = TestSupport.compile(ex.files)
            #expect(
                !r.diagnostics.contains { $0.code == code },
                "\(code) non-triggering example \(i) fired: \(r.diagnostics.map(\.message))")
        }
    }

    /// Every finding of a rule's triggering examples is pinned next to the rule: the example, file, line,
    /// column and message of each, and how many there are.
    @Test(arguments: RuleRegistry.rules.map { $0.info.code })
    func findingsLandWhereTheyArePinned(code: String) throws {
        let rule = try #require(RuleRegistry.rules.first { $0.info.code == code })
        var found: [String] = []
        for (i, ex) in rule.info.triggering.enumerated() {
            for d in TestSupport.compile(ex.files).diagnostics where d.code == code {
                found.append(
                    "\(i) " + (d.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-") + " " + d.message)
            }
        }
        #expect(found.count == rule.pinned.count, "\(code): \(found.count) findings, \(rule.pinned.count) pinned")
        for (got, want) in zip(found, rule.pinned) { #expect(got == want) }
        // Every triggering example is pinned at least once.
        let pinnedExamples = Set(rule.pinned.compactMap { $0.split(separator: " ").first.flatMap { Int($0) } })
        #expect(pinnedExamples == Set(rule.info.triggering.indices), "\(code): examples without a pinned finding")
    }

    @Test func codesAreUniqueAndWellFormed() {
        let codes = RuleRegistry.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        for c in codes {
            #expect(c.count == 7)
            #expect(c.hasPrefix("TAX"))
            #expect(c.dropFirst(3).allSatisfy { $0.isNumber })
        }
        for r in RuleRegistry.all {
            #expect(!r.explanation.isEmpty)
            #expect(!r.summary.isEmpty)
        }
    }
}
