import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

/// Where a link is written: its destination as it stands in the file, not the first place its text occurs
/// (a half-written link before it, a second link to the same file in the paragraph). `taxo fix` edits there,
/// and its edits are done in one run.
@Suite struct LinkLocationTests {
    static let notes = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md"

    static func links(_ text: String) -> [(String, Int, Int)] {
        let r = Compiler.compile(files: [(notes, Array(text.utf8))], config: TestSupport.defaultConfig)
        let md = r.library.files.first { $0.path == notes }?.markdown
        return (md?.links ?? []).map { ($0.destination, $0.location.line, $0.location.column) }
    }

    @Test func aLinkIsFoundWhereItsDestinationStands() {
        // The first `(Old/a.md` opens no link (its parenthesis is never closed): the link is the second.
        let l = Self.links("# N\n\nsee [old](Old/a.md[old](Old/a.md).\n")
        #expect(l.count == 1)
        #expect(l.first.map { $0.1 == 3 && $0.2 == 25 } == true, "\(l)")
        // Text that reads like a link's end, or a destination in parentheses, before the link on its line.
        #expect(Self.links("#-002_ld](Old/a.md), [again](Old/a.md).\r").map { "\($0.1):\($0.2)" } == ["1:30"])
        #expect(
            Self.links("(a.md)[x](a.md) and `[y](a.md)` [z](a.md)\n").map { "\($0.1):\($0.2)" } == ["1:11", "1:37"])
        // In a block quote's lazy line and a nested list item (cmark's column is off there).
        #expect(
            Self.links("> a\n> > b [x](a.md)\n>   lazy (b.md) [y](b.md)\n- a\n  - b\n    more [z](c.md)\n").map {
                "\($0.0)@\($0.1):\($0.2)"
            } == ["a.md@2:11", "b.md@3:21", "c.md@6:14"])
    }

    /// A link whose text spans two lines: cmark gives it the second line with the first line's column, past
    /// its own destination and at the next link's (found by the fuzzer: `taxo fix` then edited the next
    /// link's destination for it, and only a second run fixed the first). CR, LF and CR LF line ends alike.
    @Test func aLinkWhoseTextSpansTwoLinesIsFoundAtItsOwnDestination() {
        for nl in ["\r", "\n", "\r\n"] {
            let text = "# Notes\(nl)\(nl)see [old](Old/a.md[oNotes\(nl)ld](Old/a.md), [again](Old/a.md).\(nl)"
            #expect(Self.links(text).map { "\($0.1):\($0.2)" } == ["4:5", "4:24"], "\(nl.debugDescription)")
        }
    }

    /// A lazy line of a nested list item, where cmark counts the item's indent the line lacks, and text that
    /// reads like a link's end before the link (found by the fuzzer: `taxo fix` edited that text, and only
    /// a second run fixed the link).
    @Test func aLinkOnALazyLineIsFoundAfterTextThatReadsLikeALinksEnd() {
        let lazy = "[0\nTASKS:gain](Old/a.old](Old/a.md), [again](Old/a.md).\n"
        for nl in ["\r", "\n", "\r\n"] {
            let text = "# N\n\n- a\n  - b\n\(lazy)".replacingOccurrences(of: "\n", with: nl)
            #expect(Self.links(text).map { "\($0.0)@\($0.1):\($0.2)" } == ["Old/a.md@6:43"], "\(nl.debugDescription)")
        }
        // Deeper containers, whose indent cmark counts too: five nested items, a quote holding a list.
        let deep = "- a\n  - b\n    - c\n      - d\n        10. e\n\(lazy)"
        #expect(Self.links(deep).map { "\($0.1):\($0.2)" } == ["7:43"])
        #expect(Self.links("> - a\n>   - b\n\(lazy)").map { "\($0.1):\($0.2)" } == ["4:43"])
    }

    @Test func twoLinksToOneFileAreTwoPlaces() {
        let l = Self.links("# N\n\n[a](x.md) and [b](x.md),\nthen [c](x.md).\n\n[d](x.md)\n")
        #expect(l.map { "\($0.1):\($0.2)" } == ["3:5", "3:19", "4:10", "6:5"], "\(l)")
    }

    @Test func everyMovedLinkIsFixedInOneRun() throws {
        let root = Scratch.folder("taxo-link-locations")
        defer { try? FileManager.default.removeItem(at: root) }
        let text = "# N\r\n\r\nsee [old](Old/TSK-002_Old.md[old](Old/TSK-002_Old.md), [again](Old/TSK-002_Old.md).\r\n"
        let files = [
            (Self.notes, text),
            ("LIBRARIES/LBS_003_Tools/Moved/TSK-002_Old.md", "# TSK-002\n\n**Task_ID:** TSK-002\n"),
        ]
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(data.utf8).write(to: url)
        }
        let fixes = Fixes.plan(Compiler.compile(root: root.path, config: TestSupport.defaultConfig), root: root.path)
        let fix = try #require(fixes.first { $0.path == Self.notes })
        #expect(fix.edits.count == 2)
        try Data(fix.fixed).write(to: root.appendingPathComponent(Self.notes))
        let written = String(decoding: fix.fixed, as: UTF8.self)
        let moved = "../../../LIBRARIES/LBS_003_Tools/Moved/TSK-002_Old.md"
        #expect(
            written == "# N\r\n\r\nsee [old](Old/TSK-002_Old.md[old](\(moved)), [again](\(moved)).\r\n", "\(written)")
        let again = Fixes.plan(Compiler.compile(root: root.path, config: TestSupport.defaultConfig), root: root.path)
        #expect(again.isEmpty, "\(Fixes.diff(again))")
    }
}
