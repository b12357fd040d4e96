import Foundation
import Testing

@testable import TaxoKit

/// A finding's `subject`: what it is about, for tools (the JSON and SARIF output, the editor's create
/// actions, `--changed`), so that none of them reads an ID or a path back out of a message.
@Suite struct DiagnosticSubjectTests {
    static let notes = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md"

    static func library() -> CompileResult {
        TestSupport.compile([
            (
                "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json",
                #"{"tool_id": "TOL-001", "name": "Figma", "responsibilities": ["RSP-009"], "departments": ["QAX"]}"#
            ),
            ("LIBRARIES/LBS_003_Tools/TOL-002_Miro.json", #"{"tool_id": "TOL-001", "name": "Miro"}"#),
            (notes, "# Notes\n\nSee TOL-077, and [the data](data.md).\n"),
        ])
    }

    static func subjects(_ r: CompileResult, _ code: String) -> [String?] {
        r.diagnostics.filter { $0.code == code }.map(\.subject)
    }

    @Test func findingsNameWhatTheyAreAbout() {
        let r = Self.library()
        #expect(Self.subjects(r, DanglingReference.info.code) == ["RSP-009"])
        #expect(Self.subjects(r, DanglingMention.info.code) == ["TOL-077"])
        #expect(Self.subjects(r, DuplicateID.info.code) == ["TOL-001"])
        #expect(Self.subjects(r, UnknownDepartment.info.code) == ["QAX"])
        // A link's target as a path from the library root, not as written.
        #expect(Self.subjects(r, BrokenLink.info.code) == ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/data.md"])
    }

    @Test func theJSONAndSARIFOutputCarryIt() throws {
        let r = Self.library()
        let json = JSONReporter.render(r.diagnostics, summary: DiagnosticSummary())
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let list = try #require(obj["diagnostics"] as? [[String: Any]])
        let dangling = try #require(list.first { $0["code"] as? String == DanglingReference.info.code })
        #expect(dangling["subject"] as? String == "RSP-009")
        // Findings about nothing in particular say so (null), like a missing hint.
        #expect(list.allSatisfy { $0.keys.contains("subject") })
        let sarif = try #require(
            try JSONSerialization.jsonObject(with: Data(SARIFReporter.render(r.diagnostics).utf8)) as? [String: Any])
        let results = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let subjects = results.compactMap { ($0["properties"] as? [String: Any])?["subject"] as? String }
        #expect(subjects.contains("RSP-009"))
    }

    @Test func aChangedFileTouchesLinksToItsPathOrNameOnly() {
        let r = Self.library()
        let link = r.diagnostics.first { $0.code == BrokenLink.info.code }!
        func touches(_ path: String) -> Bool {
            ChangeSet(paths: [path], previous: [:], result: r).touches(link, grammar: r.library.grammar)
        }
        #expect(touches("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/data.md"))
        // A file of that name elsewhere: it may be the one that moved.
        #expect(touches("LIBRARIES/data.md"))
        // 'a.md' is in the message ("'data.md' does not exist") but is another file.
        #expect(!touches("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/a.md"))
    }

    /// A name as long as a description (pasted into the name field) is quoted cut to 80 characters in every
    /// message and hint that names its entity: a duplicate ID, a label that does not match, a guess.
    @Test func longNamesAreQuotedCutInMessagesAndHints() {
        let long = String(repeating: "Very long name ", count: 40)
        let r = TestSupport.compile([
            ("LIBRARIES/LBS_003_Tools/TOL-001_A.json", #"{"tool_id": "TOL-001", "name": "\#(long)"}"#),
            ("LIBRARIES/LBS_003_Tools/TOL-001_B.json", #"{"tool_id": "TOL-001", "name": "Other"}"#),
            (
                "TASK_MANAGERS/TSM-006_Workflows/WRF-001_W.json",
                #"{"workflow_id": "WRF-001", "name": "W", "tools": ["TOL-001 (\#(long)x)", "TOL-011"]}"#
            ),
        ])
        let texts = r.diagnostics.flatMap { [$0.message, $0.hint ?? ""] }
        #expect(r.diagnostics.contains { $0.code == "TAX0104" } && r.diagnostics.contains { $0.code == "TAX0201" })
        #expect(texts.contains { $0.contains("'Very long name Very long name") && $0.contains("...") }, "\(texts)")
        #expect(texts.allSatisfy { $0.count < 300 }, "\(texts.map(\.count))")
        // A long label (one word: a longer one is a sentence) still finds the entity so named, far from its
        // ID: it is cut only where a message quotes it.
        let word = String(repeating: "Longname", count: 12)
        let named = TestSupport.compile([
            ("LIBRARIES/LBS_003_Tools/TOL-001_A.json", #"{"tool_id": "TOL-001", "name": "\#(word)"}"#),
            (
                "TASK_MANAGERS/TSM-006_Workflows/WRF-001_W.json",
                #"{"workflow_id": "WRF-001", "name": "W", "tools": ["TOL-555 (\#(word))"]}"#
            ),
        ])
        let dangling = named.diagnostics.first { $0.code == "TAX0201" }
        #expect(dangling?.hint == "did you mean 'TOL-001' (\(word.prefix(77))...)?", "\(String(describing: dangling))")
        #expect(Labels.quoted("Short") == "Short")
        #expect(Labels.quoted(String(repeating: "é", count: 81)) == String(repeating: "é", count: 77) + "...")
        #expect(Labels.quoted(String(repeating: "é", count: 80)) == String(repeating: "é", count: 80))
    }
}
