import Foundation
import Testing

/// Reports taxo writes are read back by taxo (issue 16, the round trip): `taxo phases --check` accepts the
/// tracker `taxo build` wrote, although a title holds an escaped `\|`.
@Suite struct ReportRoundTripTests {
    @Test func phasesCheckAcceptsTaxosOwnTracker() throws {
        let root = try CLI.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try CLI.taxo(["build", "--quiet"], cwd: root).code == 0)
        let tracker = try String(contentsOf: root.appendingPathComponent("output/VIDEOS_INDEX.md"), encoding: .utf8)
        #expect(tracker.contains("(Step by Step) \\| OAuth 2.1"))
        let r = try CLI.taxo(["phases", "--check", "output/VIDEOS_INDEX.md"], cwd: root)
        #expect(r.code == 0, "\(r.out)")
        #expect(r.err.contains("0 disagreements"))
    }
}
