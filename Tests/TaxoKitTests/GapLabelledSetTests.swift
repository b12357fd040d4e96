import Foundation
import Testing

@testable import TaxoKit

/// The labelled set of gap analysis (Tests/Fixtures/gaps): documents in the seeds' styles, each with the
/// candidates and verdicts a careful analyst expects (expected/*.json). Prints precision and recall of the
/// candidates and of their verdicts (with ID, library entity, suggestion, versions and priority), and
/// requires 100% of both.
@Suite struct GapLabelledSetTests {
    static let root = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/gaps")

    struct Expected: Decodable {
        var targets: [String]
        var skipped: [String]?
        var candidates: [Candidate]
    }

    struct Candidate: Decodable {
        var kind: String
        var text: String
        var id: String?
        var verdict: String
        var library_id: String?
        var library_file: String?
        var suggested_id: String?
        var versions: [String]?
        var priority: String?

        var key: String { kind + "|" + Labels.normalized(text) }
    }

    static func library() throws -> Library {
        let (config, diags) = ConfigLoader.load(root: root)
        #expect(diags.isEmpty, "\(diags.map(\.message))")
        return Compiler.compile(root: root.path, config: try #require(config)).library
    }

    /// Everything the label says about a candidate that the report says differently.
    static func differences(_ e: Candidate, _ c: GapCandidate, _ lib: Library) -> [String] {
        var out: [String] = []
        func check(_ what: String, _ want: String?, _ got: String?) {
            if let want, want != got { out.append("\(what) \(got ?? "nil") (expected \(want))") }
        }
        check("verdict", e.verdict, c.verdict.rawValue)
        check("id", e.id, c.ids.first?.written ?? c.placeholders.first)
        check("library_id", e.library_id, c.libraryID)
        check("library_file", e.library_file, c.libraryFile)
        check("suggested_id", e.suggested_id, c.suggestedID)
        check("priority", e.priority, c.priority)
        if let v = e.versions, v != c.versions { out.append("versions \(c.versions) (expected \(v))") }
        // Verdicts that do not create anything have no suggestion; labels without one say so by omission.
        if e.suggested_id == nil, let s = c.suggestedID { out.append("suggested_id \(s) (expected none)") }
        return out
    }

    @Test func everyLabelledDocumentIsAnalysedExactly() throws {
        let lib = try Self.library()
        let files = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("expected").path
        ).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 8, "the labelled set has \(files.count) documents")
        var expectedCount = 0, foundCount = 0, candidateHits = 0, verdictHits = 0
        var problems: [String] = []
        for f in files {
            let data = try Data(contentsOf: Self.root.appendingPathComponent("expected/" + f))
            let e = try JSONDecoder().decode(Expected.self, from: data)
            let r = try Gaps.report(targets: e.targets, library: lib, root: Self.root.path, command: "taxo gaps")
            #expect(r.skipped.map(\.path) == (e.skipped ?? []), "\(f): skipped \(r.skipped.map(\.path))")
            var found: [String: GapCandidate] = [:]
            for c in r.candidates {
                let key = (c.kind.map { lib.config.kinds[$0].name } ?? "?") + "|" + Labels.normalized(c.text)
                if found[key] != nil { problems.append("\(f): two candidates \(key)") }
                found[key] = c
            }
            let wanted = Set(e.candidates.map(\.key))
            expectedCount += e.candidates.count
            foundCount += found.count
            for c in e.candidates {
                guard let got = found[c.key] else { problems.append("\(f): missed \(c.key)"); continue }
                candidateHits += 1
                let d = Self.differences(c, got, lib)
                if d.isEmpty {
                    verdictHits += 1
                } else {
                    problems.append("\(f): \(c.key): " + d.joined(separator: "; "))
                }
            }
            for (k, c) in found where !wanted.contains(k) {
                problems.append(
                    "\(f): unexpected \(k) \(c.verdict.rawValue) \(c.occurrences.map { "\($0.file):\($0.line)" }.prefix(3))"
                )
            }
        }
        func pct(_ a: Int, _ b: Int) -> String {
            b == 0 ? "-" : String(format: "%.1f%%", 100.0 * Double(a) / Double(b))
        }
        print("gap labelled set: \(files.count) documents, \(expectedCount) labelled candidates")
        print("  candidates: precision \(pct(candidateHits, foundCount)), recall \(pct(candidateHits, expectedCount))")
        print("  verdicts:   precision \(pct(verdictHits, foundCount)), recall \(pct(verdictHits, expectedCount))")
        for p in problems.sorted() { print("  " + p) }
        #expect(problems.isEmpty, "\(problems.sorted().joined(separator: "\n"))")
        #expect(candidateHits == expectedCount)
        #expect(foundCount == expectedCount)
        #expect(verdictHits == expectedCount)
    }
}
