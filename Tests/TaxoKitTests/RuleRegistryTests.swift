import Foundation
import Testing

@testable import TaxoKit

/// The rule as one unit: every file in `Validate/Rules/` holds exactly one rule, named after it, and every
/// rule is in the one registry (so the list cannot drift from the files).
@Suite struct RuleRegistryTests {
    static let rulesFolder = TestSupport.repoRoot.appendingPathComponent("Sources/TaxoKit/Validate/Rules")

    /// (file name without .swift, codes declared in it, names declared in it)
    static func ruleFiles() throws -> [(file: String, codes: [String], names: [String])] {
        let files = try FileManager.default.contentsOfDirectory(atPath: rulesFolder.path).filter {
            $0.hasSuffix(".swift")
        }.sorted()
        let re = try NSRegularExpression(pattern: #"code: "(TAX[0-9]{4})", name: "([a-z0-9-]+)""#)
        return try files.map { f in
            let text = try String(contentsOf: rulesFolder.appendingPathComponent(f), encoding: .utf8)
            let matches = re.matches(in: text, range: NSRange(text.startIndex..., in: text))
            let codes = matches.compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
            let names = matches.compactMap { Range($0.range(at: 2), in: text).map { String(text[$0]) } }
            return (String(f.dropLast(6)), codes, names)
        }
    }

    @Test func everyRuleFileHoldsOneRuleNamedAfterIt() throws {
        let files = try Self.ruleFiles()
        #expect(files.count == RuleRegistry.all.count)
        for f in files {
            #expect(f.codes.count == 1, "\(f.file).swift declares \(f.codes.count) rules")
            guard let name = f.names.first else { continue }
            // `link-cycle` -> LinkCycle; acronyms may be upper case (`invalid-utf8` -> InvalidUTF8).
            let expected = name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            #expect(f.file.lowercased() == expected.lowercased(), "\(f.file).swift holds the rule \(name)")
        }
    }

    @Test func theRegistryListsEveryRuleFileAndNothingElse() throws {
        let fileCodes = Set(try Self.ruleFiles().flatMap(\.codes))
        let registered = Set(RuleRegistry.all.map(\.code))
        #expect(
            fileCodes.subtracting(registered).isEmpty,
            "rule files not in the registry: \(fileCodes.subtracting(registered).sorted())")
        #expect(
            registered.subtracting(fileCodes).isEmpty,
            "registered rules without a file: \(registered.subtracting(fileCodes).sorted())")
        #expect(registered.count == RuleRegistry.rules.count, "a rule is registered twice")
    }

    @Test func everyRuleHasAStageAndEveryPassIsALibraryRule() {
        #expect(RuleRegistry.stages.count == RuleRegistry.all.count)
        #expect(!RuleRegistry.passes.isEmpty)
        for p in RuleRegistry.passes { #expect(p.stage == .library, "\(p.info.name)") }
        // Passes run longest first and every cost is distinct (a stable order).
        let costs = RuleRegistry.passes.map { $0.cost }
        #expect(costs == costs.sorted(by: >))
        #expect(Set(costs).count == costs.count)
    }
}
