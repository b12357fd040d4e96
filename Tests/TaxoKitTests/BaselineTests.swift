import Foundation
import Testing

@testable import TaxoKit

/// A finding's identity across edits: what a baseline counts and what SARIF's fingerprints carry.
@Suite struct BaselineTests {
    let grammar = IDGrammar(config: TestSupport.defaultConfig)

    func dangling(_ id: String, line: Int, file: String = "LIBRARIES/a.json") -> Diagnostic {
        Diagnostic(
            code: "TAX0201", severity: .error,
            message: "dangling reference: no tool has the ID '\(id)' (field 'tools[\(line)]')",
            at: SourceLocation(file: file, line: line, column: 5))
    }

    @Test func stableIDsIgnoreTheLineButNotTheIDOrTheFileAndCountRepeats() throws {
        let before = Baseline.stableIDs(
            [dangling("TOL-QA-031", line: 3), dangling("TOL-QA-031", line: 9)], grammar: grammar)
        let after = Baseline.stableIDs(
            [dangling("TOL-QA-031", line: 30), dangling("TOL-QA-031", line: 41)], grammar: grammar)
        #expect(before == after)
        #expect(before[0].hasSuffix(":1"))
        #expect(before[1].hasSuffix(":2"))
        #expect(before[0].dropLast(2) == before[1].dropLast(2))
        let other = Baseline.stableIDs([dangling("TOL-QA-032", line: 3)], grammar: grammar)[0]
        let elsewhere = Baseline.stableIDs(
            [dangling("TOL-QA-031", line: 3, file: "LIBRARIES/b.json")], grammar: grammar)[0]
        #expect(Set([before[0], other, elsewhere]).count == 3)
    }

    /// What a draft carries over from the library: a finding where it was, one moved by lines added above,
    /// a repeat beyond the count the library had (new), a finding of another ID (new).
    @Test func carriedFindingsAreThoseTheLibraryHadWhereverTheyMoved() {
        let before = [
            dangling("TOL-QA-031", line: 3), dangling("TOL-QA-040", line: 5),
            dangling("TOL-QA-040", line: 9, file: "LIBRARIES/b.json"),
        ]
        let after = [
            dangling("TOL-QA-031", line: 4), dangling("TOL-QA-040", line: 5), dangling("TOL-QA-031", line: 12),
            dangling("TOL-QA-041", line: 6), dangling("TOL-QA-040", line: 9, file: "LIBRARIES/b.json"),
        ]
        let had = Baseline.carried(from: before, to: after, grammar: grammar)
        #expect(had == [true, true, false, false, true])
        // As a baseline of the library says, but for which of two equal findings is the old one.
        let baseline = Baseline(before, grammar: grammar).holds(after, grammar: grammar).held
        #expect(had.filter { $0 }.count == baseline.filter { $0 }.count)
        #expect(Baseline.carried(from: after, to: after, grammar: grammar).allSatisfy { $0 })
        #expect(Baseline.carried(from: [], to: after, grammar: grammar).allSatisfy { !$0 })
    }

    @Test func sarifResultsCarryTheFingerprints() throws {
        let diags = [dangling("TOL-QA-031", line: 3)]
        let text = DiagnosticFormat.sarif.render(diags, summary: DiagnosticSummary(), grammar: grammar)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let result = try #require(((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let prints = try #require(result["partialFingerprints"] as? [String: String])
        #expect(prints["taxo/v1"] == Baseline.stableIDs(diags, grammar: grammar)[0])
        // Without the grammar (the configuration's own findings), none.
        let bare = DiagnosticFormat.sarif.render(diags, summary: DiagnosticSummary())
        #expect(!bare.contains("partialFingerprints"))
    }

    /// A baseline that holds the first of two equal findings shows the second with the ID it has among all
    /// of them (a finding's identity does not depend on what the baseline holds).
    @Test func sarifCountsOccurrencesAmongAllFindingsBeforeTheBaselineFiltersThem() throws {
        let all = [dangling("TOL-QA-031", line: 7), dangling("TOL-QA-031", line: 8), dangling("TOL-QA-050", line: 9)]
        let (shown, _) = Baseline([all[0]], grammar: grammar).filter(all, grammar: grammar)
        #expect(shown.map { $0.location?.line } == [8, 9])
        let ids = Baseline.stableIDs(all, grammar: grammar)
        #expect(Baseline.stableIDs(of: shown, among: all, grammar: grammar) == [ids[1], ids[2]])
        #expect(Baseline.stableIDs(shown, grammar: grammar)[0] == ids[0])
        let text = DiagnosticFormat.sarif.render(shown, summary: DiagnosticSummary(), grammar: grammar, among: all)
        #expect(text.contains(ids[1]) && !text.contains(ids[0]))
        // A finding the run added that `all` lacks is counted among those shown.
        let note = dangling("TOL-QA-060", line: 1)
        #expect(
            Baseline.stableIDs(of: [note], among: all, grammar: grammar) == Baseline.stableIDs([note], grammar: grammar)
        )
    }

    @Test func holdsMarksEachFindingAndCountsWhatIsLeft() throws {
        let b = Baseline([dangling("TOL-QA-031", line: 3), dangling("TOL-QA-040", line: 4)], grammar: grammar)
        let now = [dangling("TOL-QA-031", line: 7), dangling("TOL-QA-031", line: 8), dangling("TOL-QA-050", line: 9)]
        let (held, gone) = b.holds(now, grammar: grammar)
        #expect(held == [true, false, false])
        #expect(gone == 1)
    }
}
