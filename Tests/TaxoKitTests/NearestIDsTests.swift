import Testing

@testable import TaxoKit

/// The IDs a missing one may have meant: the numbers one edit away, and the hint of a dangling ID.
@Suite struct NearestIDsTests {
    /// The numbers one edit away, as strings: every digit changed, dropped, added; neighbours swapped.
    static func expected(_ number: String) -> Set<String> {
        let d = Array(number)
        var out = Set<String>()
        for i in d.indices {
            for c in "0123456789" where c != d[i] {
                var v = d
                v[i] = c
                out.insert(String(v))
            }
            if d.count > 1 {
                var v = d
                v.remove(at: i)
                out.insert(String(v))
            }
            if i + 1 < d.count {
                var v = d
                v.swapAt(i, i + 1)
                out.insert(String(v))
            }
        }
        for i in 0...d.count {
            for c in "0123456789" {
                var v = d
                v.insert(c, at: i)
                out.insert(String(v))
            }
        }
        out.remove(number)
        return out
    }

    @Test(arguments: ["5", "124", "007", "1001", "98765"])
    func variantsAreTheNumbersOneEditAway(_ number: String) {
        var got = Set<String>()
        NearestIDs.forEachVariant(Array(number.utf8)) { got.insert(String(decoding: $0, as: UTF8.self)) }
        #expect(got == Self.expected(number))
        #expect(!got.contains(number))
    }

    @Test func aMissingIDIsOfferedTheIDsOneEditAway() throws {
        let tool = { (id: String, name: String) in
            ("LIBRARIES/LBS_003_Tools/\(id)_\(name).json", "{\"tool_id\": \"\(id)\", \"name\": \"\(name)\"}")
        }
        let r = TestSupport.compile([
            tool("TOL-124", "Figma"), tool("TOL-142", "Sketch"), tool("TOL-024", "Notion"), tool("TOL-900", "Far"),
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nUses TOL-0124x and TOL-124 and TOL-1240.\n"),
        ])
        let d = try #require(
            r.diagnostics.first { $0.code == DanglingMention.info.code && $0.message.contains("TOL-1240") })
        #expect(d.suggestions.map(\.with) == ["TOL-124"], "\(d)")
        let near = NearestIDs(r.library)
        let a = try #require(r.library.grammar.typedID("TOL-1242")),
            b = try #require(r.library.grammar.typedID("TOL-214"))
        #expect(near.suggestions(for: a) == ["TOL-124", "TOL-142"])
        #expect(Set(near.suggestions(for: b)) == ["TOL-024", "TOL-124"])
    }

    /// A missing ID cited in many documents is looked up once per spelling and label: each document gets
    /// what its own label leads to, as without the memo.
    @Test func eachLabelGetsItsOwnSuggestions() throws {
        let tool = { (id: String, name: String) in
            ("LIBRARIES/LBS_003_Tools/\(id)_\(name).json", "{\"tool_id\": \"\(id)\", \"name\": \"\(name)\"}")
        }
        let notes = { (i: Int, label: String) in
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes_\(i).md", "# Notes\n\nUses TOL-125 (\(label)).\n")
        }
        let r = TestSupport.compile([
            tool("TOL-124", "Figma"), tool("TOL-126", "Sketch"),
            notes(1, "Figma"), notes(2, "Sketch"), notes(3, "Figma"), notes(4, "missing"),
        ])
        let found = r.diagnostics.filter { $0.code == DanglingMention.info.code }.sorted {
            $0.location!.file < $1.location!.file
        }
        #expect(
            found.map { $0.suggestions.map(\.with) } == [
                ["TOL-124"], ["TOL-126"], ["TOL-124"], ["TOL-124", "TOL-126"],
            ])
        #expect(found[0].hint == found[2].hint && found[0].hint != found[1].hint)
        var near = NearestIDs(r.library)
        let id = try #require(r.library.grammar.typedID("TOL-125"))
        for label in ["Figma", "Sketch", "Figma", nil] {
            let direct = near.suggestions(for: id, label: label)
            let memo = near.lookUp(id, label: label)
            #expect(memo.suggestions == direct && memo.hint == near.hint(for: id, suggestions: direct))
        }
    }
}
