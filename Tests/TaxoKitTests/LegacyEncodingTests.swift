import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

/// Files that are not UTF-8 (Windows-1252 from old editors and Excel, UTF-16 from Excel's "Unicode text"):
/// read as they were meant, reported, re-saved as UTF-8 by `taxo fix`, and written back as they were when
/// `taxo new` adds a row to them.
@Suite struct LegacyEncodingTests {
    /// Windows-1252 bytes: "Café Crème" with curly quotes.
    static func cp1252(_ s: String) -> [UInt8] { FileEncoding.windows1252.encode(s)! }

    static let tool = (
        path: "LIBRARIES/LBS_003_Tools/TOL-001_Cafe.json",
        bytes: cp1252("{\n  \"tool_id\": \"TOL-001\",\n  \"name\": \"Café Crème\",\n  \"notes\": \"“fast”\"\n}\n")
    )

    @Test func bytesThatAreNotUTF8AreReadAsWindows1252() {
        let a = SourceFile(path: "a.md", rawBytes: Array("ok\n".utf8) + [0xC3, 0x28])
        #expect(a.text == "ok\nÃ(")
        #expect(a.windows1252?.first == 3 && a.windows1252?.count == 1)
        #expect(SourceFile(path: "b.md", text: "fine ✅").windows1252 == nil)
        // A sequence cut short, and an encoded surrogate: each of their bytes is a character.
        let c = SourceFile(path: "c.md", rawBytes: [0xE2, 0x9C])
        #expect(c.text == "âœ" && c.windows1252?.count == 2)
        let d = SourceFile(path: "d.md", rawBytes: [0xED, 0xA0, 0x80])
        #expect(d.text == "í\u{A0}€" && d.windows1252?.count == 3)
        // UTF-8 with Windows-1252 pasted in: the valid sequences stay as they are.
        let e = SourceFile(path: "e.md", rawBytes: Array("✅ ".utf8) + [0x93, 0x61, 0x94] + Array(" é".utf8))
        #expect(e.text == "✅ “a” é" && e.windows1252?.first == 4 && e.windows1252?.count == 2)
        #expect(e.location(e.windows1252!.first).column == 3)
        // The five bytes Windows-1252 leaves undefined are the C1 controls of the same value.
        #expect(SourceFile(path: "f.md", rawBytes: [0x81, 0x8D]).text == "\u{81}\u{8D}")
    }

    /// Only a file in Windows-1252 throughout is written back in it: UTF-8 with some Windows-1252 pasted in
    /// (or with a byte-order mark) stays UTF-8, repaired, so its other characters are not re-encoded.
    @Test func aFileIsWrittenBackAsWindows1252OnlyWhenItWasSoThroughout() {
        let pure = FileEncoding.decode([0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x61, 0x94])
        #expect(pure.encoding == .windows1252 && String(decoding: pure.text, as: UTF8.self) == "Café “a”")
        let mixed = FileEncoding.decode(Array("Café ".utf8) + [0x93, 0x61, 0x94])
        #expect(mixed.encoding == .utf8 && String(decoding: mixed.text, as: UTF8.self) == "Café “a”")
        let bom = FileEncoding.decode([0xEF, 0xBB, 0xBF, 0x43, 0xE9])
        #expect(bom.encoding == .utf8BOM && String(decoding: bom.text, as: UTF8.self) == "Cé")
        #expect(FileEncoding.decode(Array("Café".utf8)).encoding == .utf8)
    }

    @Test func aToolSavedAsWindows1252KeepsItsName() throws {
        let r = TestSupport.compile([Self.tool])
        let e = try #require(r.library.entities.first { $0.id?.written == "TOL-001" })
        #expect(e.name == "Café Crème")
        let d = try #require(r.diagnostics.first { $0.code == "TAX0002" })
        #expect(d.message == "the file is not UTF-8: 4 bytes read as Windows-1252, the first 'é'", "\(d.message)")
        #expect(d.location == SourceLocation(file: Self.tool.path, line: 3, column: 15))
        #expect(d.hint?.contains("taxo fix") == true)
        #expect(r.diagnostics.filter { $0.code == "TAX0002" }.count == 1)
    }

    @Test func fixReSavesTheFileAsUTF8() throws {
        let root = Scratch.folder("taxo-cp1252")
        defer { try? FileManager.default.removeItem(at: root) }
        let url = root.appendingPathComponent(Self.tool.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(Self.tool.bytes).write(to: url)
        let result = Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
        let fix = try #require(Fixes.plan(result, root: root.path).first)
        #expect(fix.reencoded && fix.changes == 1 && fix.edits.isEmpty)
        #expect(
            fix.fixed
                == Array(
                    "{\n  \"tool_id\": \"TOL-001\",\n  \"name\": \"Café Crème\",\n  \"notes\": \"“fast”\"\n}\n".utf8))
        #expect(Fixes.diff([fix]).contains("re-encoded from Windows-1252 to UTF-8"))
        // Another rule's run leaves the file alone: an edit would write it as UTF-8.
        #expect(Fixes.plan(result, root: root.path, rules: ["TAX0401"]).isEmpty)
        // Fixed, the file is UTF-8 and reads the same.
        try Data(fix.fixed).write(to: url)
        let again = Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
        #expect(!again.diagnostics.contains { $0.code == "TAX0002" })
        #expect(again.library.entities.first?.name == "Café Crème")
        #expect(Fixes.plan(again, root: root.path).isEmpty)
        // A file that does not parse is left as it is, as by every fix.
        try Data(Self.cp1252("{\"tool_id\": \"TOL-001\", \"name\": \"Café\",,}")).write(to: url)
        let broken = Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
        #expect(
            broken.diagnostics.contains { $0.code == "TAX0002" } && broken.diagnostics.contains { $0.code == "TAX0001" }
        )
        #expect(Fixes.plan(broken, root: root.path).isEmpty)
    }

    /// A master list as Excel saves it: `taxo new` adds its row in the list's encoding, every other byte as
    /// it was; a name that encoding cannot hold makes the list UTF-8 (nothing is lost either way).
    @Test(arguments: [FileEncoding.windows1252, .utf16LE, .utf16BE, .utf8BOM, .utf8])
    func newAddsARowInTheMasterListsEncoding(_ encoding: FileEncoding) throws {
        let list = "TOL_ID,Name,Filename\r\nTOL-001,Figma Café,TOL-001_Figma.json\r\n"
        let files = MasterListExamples.files(rows: "").filter { !$0.0.hasSuffix(".csv") }
        let root = try TestSupport.writeTemp(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let csv = root.appendingPathComponent("tools/Tools_Master.csv")
        let original = try #require(encoding.encode(list))
        try Data(original).write(to: csv)
        let config = try #require(ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: files[0].1)).0)
        for (name, kept) in [("Crème", true), ("Sketch → Pro", encoding != .windows1252)] {
            let lib = Compiler.compile(root: root.path, config: config).library
            #expect(lib.masterRows.contains { $0.name == "Figma Café" }, "\(encoding)")
            let plan = try NewEntry.plan(
                kind: "tool", name: name, department: nil, parent: nil, dir: nil, library: lib, root: root.path,
                templates: Templates(directory: nil))
            let row = try #require(plan.updates.first { $0.path.hasSuffix(".csv") })
            #expect((row.encoding == encoding) == kept, "\(encoding) \(name)")
            try NewEntry.write(plan, root: root.path)
            let written = try [UInt8](Data(contentsOf: csv))
            let (text, read) = FileEncoding.decode(written)
            #expect(read == (kept ? encoding : .utf8), "\(encoding) \(name)")
            #expect(String(decoding: text, as: UTF8.self).hasPrefix(list), "\(encoding) \(name)")
            #expect(String(decoding: text, as: UTF8.self).contains(",\(name),"), "\(encoding) \(name)")
            if kept && name == "Crème" { #expect(Array(written.prefix(original.count)) == original) }
        }
    }
}
