import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

/// A file's line ends are its own: `taxo fix` edits only what it repairs (an old Mac file, with a CR alone
/// ending each line, keeps them, though taxo reads them as newlines), and `taxo new` adds a row or list item
/// with the line end the file uses.
@Suite struct LineEndTests {
    static let tool = (
        path: "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json",
        text: "{\n  \"tool_id\": \"TOL-001\",\n  \"name\": \"Figma\"\n}\n"
    )
    static let notesPath = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md"

    /// Notes citing the tool as `TOOL-001`, an alternate spelling `taxo fix` rewrites.
    static func notes(_ end: String) -> String {
        ["# Notes", "", "The designers use TOOL-001 daily.", "", "Nothing else."].joined(separator: end) + end
    }

    static func fixed(_ bytes: [UInt8]) throws -> [UInt8] {
        let root = Scratch.folder("taxo-line-ends")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, data) in [(tool.path, Array(tool.text.utf8)), (notesPath, bytes)] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(data).write(to: url)
        }
        let result = Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
        let fix = try #require(Fixes.plan(result, root: root.path).first { $0.path == notesPath })
        #expect(fix.edits.map(\.replacement) == ["TOL-001"])
        // The diff shows the line that changed, not the whole file as one line.
        let diff = Fixes.diff([fix])
        let eol = bytes.contains(10) && bytes.contains(13) ? "\r\n" : "\n"
        #expect(
            diff.contains("-The designers use TOOL-001 daily.\(eol)+The designers use TOL-001 daily.\(eol)@@")
                || diff.hasSuffix("+The designers use TOL-001 daily.\(eol)"), "\(diff)")
        #expect(!diff.contains("No newline"))
        return fix.fixed
    }

    @Test(arguments: ["\r", "\r\n", "\n"])
    func fixKeepsTheFilesLineEnds(_ end: String) throws {
        let before = Array(Self.notes(end).utf8)
        let after = Array(Self.notes(end).replacingOccurrences(of: "TOOL-001", with: "TOL-001").utf8)
        #expect(try Self.fixed(before) == after)
        // With a byte-order mark, which stays too.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try Self.fixed(bom + before) == bom + after)
    }

    /// A Windows-1252 file with CRs alone: re-saved as UTF-8 (its bytes move), its line ends kept.
    @Test func fixKeepsTheLineEndsOfAFileItReEncodes() throws {
        let before = Array("Caf".utf8) + [0xE9] + Array(" notes\r".utf8) + Array(Self.notes("\r").utf8)
        let after = Array(
            ("Café notes\r" + Self.notes("\r")).replacingOccurrences(of: "TOOL-001", with: "TOL-001").utf8)
        #expect(try Self.fixed(before) == after)
    }

    @Test func theLineEndOfAFileIsThatOfItsFirstLine() {
        #expect(NewEntry.lineEnd(of: Array("a\r\nb\r\n".utf8)) == "\r\n")
        #expect(NewEntry.lineEnd(of: Array("a\rb\r".utf8)) == "\r")
        #expect(NewEntry.lineEnd(of: Array("a\nb\r\n".utf8)) == "\n")
        #expect(NewEntry.lineEnd(of: Array("one line".utf8)) == "\n")
        #expect(NewEntry.lineEnd(of: Array("ends in a CR\r".utf8)) == "\r")
    }

    /// `taxo new` adds the master list's row after its last, with the list's line end, and no blank row
    /// (a CRLF list used to get one: `"\r\n"` is one Character, so the String did not end in `"\n"`).
    @Test(arguments: ["\r\n", "\r", "\n", ""])
    func newAddsARowWithTheListsLineEnd(_ end: String) throws {
        let rows = ["TOL_ID,Name,Filename", "TOL-001,Figma,TOL-001_Figma.json"]
        // "" : the last row has no line end; the file's own (CRLF) is added before the new row.
        let list = end.isEmpty ? rows.joined(separator: "\r\n") : rows.joined(separator: end) + end
        let files = MasterListExamples.files(rows: "").filter { !$0.0.hasSuffix(".csv") }
        let root = try TestSupport.writeTemp(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let csv = root.appendingPathComponent("tools/Tools_Master.csv")
        try Data(list.utf8).write(to: csv)
        let config = try #require(ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: files[0].1)).0)
        let lib = Compiler.compile(root: root.path, config: config).library
        let plan = try NewEntry.plan(
            kind: "tool", name: "Sketch", department: nil, parent: nil, dir: nil, library: lib, root: root.path,
            templates: Templates(directory: nil))
        try NewEntry.write(plan, root: root.path)
        let written = try String(decoding: Data(contentsOf: csv), as: UTF8.self)
        let eol = end.isEmpty ? "\r\n" : end
        let added = try #require(written.hasPrefix(list) ? String(written.dropFirst(list.count)) : nil)
        #expect(
            added.range(of: "^(\r\n)?TOL-[0-9]+,Sketch,[^\r\n]*" + eol + "$", options: .regularExpression) != nil,
            "\(added.debugDescription)")
        #expect(added.hasPrefix(end.isEmpty ? "\r\n" : "TOL-"))
        // The list reads back with the new row and no blank one.
        let again = Compiler.compile(root: root.path, config: config).library
        #expect(again.masterRows.map(\.name) == ["Figma", "Sketch"], "\(written.debugDescription)")
    }

    /// The parent's JSON list gets its new item on a line of its own, ended as the file's lines are.
    @Test(arguments: ["\r\n", "\r"])
    func newAppendsAListItemWithTheFilesLineEnd(_ end: String) {
        let json = ["{", "  \"steps\": [", "    \"STP-001\"", "  ]", "}", ""].joined(separator: end)
        let bytes = Array(json.utf8)
        let open = bytes.firstIndex(of: UInt8(ascii: "["))!
        let out = NewEntry.appending(Array("\"STP-002\"".utf8), toListAt: open, in: bytes)
        let expected = ["{", "  \"steps\": [", "    \"STP-001\",", "    \"STP-002\"", "  ]", "}", ""].joined(
            separator: end)
        #expect(out.map { String(decoding: $0, as: UTF8.self) } == expected)
        let object = bytes.firstIndex(of: UInt8(ascii: "{"))!
        let added = NewEntry.adding(list: "tools", holding: Array("\"TOL-001\"".utf8), toObjectAt: object, in: bytes)
        #expect(
            added.map { String(decoding: $0, as: UTF8.self) }
                == ["{", "  \"steps\": [", "    \"STP-001\"", "  ],", "  \"tools\": [\"TOL-001\"]", "}", ""].joined(
                    separator: end))
    }
}
