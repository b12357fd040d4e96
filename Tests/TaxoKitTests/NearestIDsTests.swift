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

    /// The editor compiles again after each change, keeping the "did you mean" lookups of dangling IDs while
    /// the library's IDs stay: an update gives the findings a compile from scratch gives, whether
    /// the IDs stayed (the lookups kept are used) or changed (an entity added near a missing ID, or renamed,
    /// is suggested at once, under its new name).
    @Test func lookupsKeptAcrossCompilesGiveTheFindingsOfAFreshCompile() throws {
        let config = TestSupport.defaultConfig
        /// The three tools, with `changes` replacing the files of their paths or added.
        func files(_ changes: [(String, String)]) -> [(path: String, bytes: [UInt8])] {
            var all = [
                Ex.tool("TOL-001", "Figma", extra: #""alternatives": ["TOL-012 (Sketch)", "TOL-120"]"#),
                Ex.tool("TOL-002", "Canva"),
                Ex.tool("TOL-100", "Miro"),
            ]
            for c in changes {
                if let i = all.firstIndex(where: { $0.0 == c.0 }) { all[i] = c } else { all.append(c) }
            }
            return all.map { (path: $0.0, bytes: Array($0.1.utf8)) }
        }
        func fresh(_ f: [(path: String, bytes: [UInt8])]) -> [Diagnostic] {
            Compiler.compile(files: f, config: config).diagnostics
        }
        func hints(_ d: [Diagnostic]) -> [String] { d.filter { $0.code == "TAX0201" }.compactMap(\.hint) }
        let first = Compiler.compile(files: files([]), config: config)
        #expect(first.library.nearestMemo == nil)
        var result = first
        // 1. A change that keeps the IDs and names: the second update finds its lookups in the memo.
        for note in ["a", "b"] {
            let changed = Ex.tool("TOL-002", "Canva", extra: #""notes": "\#(note)""#)
            result = Compiler.update(result, config: config, changed: [changed.0: Array(changed.1.utf8)])
            #expect(result.diagnostics == fresh(files([changed])))
        }
        let memo = try #require(result.library.nearestMemo)
        #expect(!memo.load(print: result.library.nearestPrint).isEmpty)
        #expect(hints(result.diagnostics).contains { $0.contains("'TOL-100' (Miro)") })
        // 2. An entity added one edit away from a missing ID: suggested at once (the IDs changed).
        let sketch = Ex.tool("TOL-011", "Sketch")
        result = Compiler.update(result, config: config, changed: [sketch.0: Array(sketch.1.utf8)])
        let expected = fresh(files([sketch]))
        #expect(result.diagnostics == expected)
        #expect(hints(result.diagnostics).contains { $0.contains("'TOL-011' (Sketch)") })
        // A name is no part of the memo's print: the lookups kept are used, the names shown are the new ones.
        let printBefore = result.library.nearestPrint
        // (Renamed in its file, which keeps its path.)
        let miroPath = Ex.tool("TOL-100", "Miro").0
        let renamed = (miroPath, Ex.tool("TOL-100", "Mural").1)
        result = Compiler.update(result, config: config, changed: [miroPath: Array(renamed.1.utf8)])
        #expect(result.diagnostics == fresh(files([sketch, renamed])))
        #expect(result.library.nearestPrint == printBefore)
        #expect(hints(result.diagnostics).contains { $0.contains("'TOL-100' (Mural)") })
    }
}
