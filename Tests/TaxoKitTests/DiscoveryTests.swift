import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

@Suite struct DiscoveryTests {
    @Test func extensionsAreReadFromTheBytesWhateverTheirCase() {
        #expect(Discovery.format(of: "TOL-001_A.json") == .json)
        #expect(Discovery.format(of: "a.JSON") == .json)
        #expect(Discovery.format(of: "w.yml") == .yaml)
        #expect(Discovery.format(of: "w.YaMl") == .yaml)
        #expect(Discovery.format(of: "n.md") == .markdown)
        #expect(Discovery.format(of: "n.Markdown") == .markdown)
        #expect(Discovery.format(of: "list.csv") == .csv)
        for name in ["README", "notes.txt", "x.jsonl", "x.", "dir.json/file", "archive.tar.gz", "x.mdx"] {
            #expect(Discovery.format(of: name) == nil, "\(name)")
        }
    }

    /// The built-in excludes leave out backup and archive folders, never a file whose name says backup.
    @Test func aTrailingGlobstarExcludesAFoldersContentsNotAFileOfThatName() throws {
        let fm = FileManager.default
        let root = Scratch.folder("taxo-disc")
        defer { try? fm.removeItem(at: root) }
        for path in [
            "LIBRARIES/LBS_003_Tools/TOL-001_Backup_Tool.json", "LIBRARIES/LBS_003_Tools/backup_2024/TOL-002_Old.json",
            "LIBRARIES/LBS_003_Tools/_archive/TOL-003_Gone.json", "LIBRARIES/LBS_003_Tools/TOL-004_Nightly-backup.md",
        ] {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: url)
        }
        let config = try #require(ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: DefaultConfig.yaml)).0)
        let found = Discovery.discover(root: root.path, config: config).files.map(\.path)
        #expect(
            found == [
                "LIBRARIES/LBS_003_Tools/TOL-001_Backup_Tool.json", "LIBRARIES/LBS_003_Tools/TOL-004_Nightly-backup.md",
            ])
        #expect(Glob("**/*backup*/**").matches("a/backup/x.json"))
        #expect(!Glob("**/*backup*/**").matches("a/backup.json"))
        #expect(Glob("output/**").matches("output/gaps/x.md"))
        #expect(!Glob("output/**").matches("output"))
        #expect(Glob("**").matches("x.json"))
        #expect(Glob("a/**/b.json").matches("a/b.json"))
    }

    @Test func linksToFilesAreReadLinksToFoldersNeverFollowedBrokenLinksReported() throws {
        let fm = FileManager.default
        let root = Scratch.folder("taxo-disc")
        defer { try? fm.removeItem(at: root) }
        func write(_ path: String, _ text: String = "{}") throws {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("LIBRARIES/LBS_003_Tools/TOL-001_Real.json")
        try write("LIBRARIES/LBS_003_Tools/notes.txt", "not read")
        try write("LIBRARIES/.hidden/TOL-004_Hidden.json")
        try write("elsewhere/TOL-002_Target.json")
        let tools = root.appendingPathComponent("LIBRARIES/LBS_003_Tools")
        try fm.createSymbolicLink(
            atPath: tools.appendingPathComponent("TOL-002_Link.json").path,
            withDestinationPath: "../../elsewhere/TOL-002_Target.json")
        try fm.createSymbolicLink(
            atPath: tools.appendingPathComponent("TOL-003_Broken.json").path, withDestinationPath: "missing.json")
        // A link back up the tree: followed, it would never end.
        try fm.createSymbolicLink(atPath: tools.appendingPathComponent("loop").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: tools.appendingPathComponent("loop.json").path, withDestinationPath: "..")

        let r = Discovery.discoverAll(root: root.path, config: TestSupport.defaultConfig)
        #expect(
            r.files.map(\.path) == [
                "LIBRARIES/LBS_003_Tools/TOL-001_Real.json", "LIBRARIES/LBS_003_Tools/TOL-002_Link.json",
            ])
        #expect(r.files.allSatisfy { $0.size == 2 && $0.mtime > 0 })
        #expect(
            r.diagnostics.contains {
                $0.location?.file == "LIBRARIES/LBS_003_Tools/TOL-003_Broken.json"
                    && $0.message.contains("broken symbolic link")
            })
        // The roots that do not exist are reported too; nothing else is.
        #expect(r.diagnostics.count == 3)
        #expect(r.inventory.kind(of: "LIBRARIES/LBS_003_Tools/notes.txt") == .file)
        #expect(r.inventory.kind(of: "LIBRARIES/LBS_003_Tools/loop") == .file)
        #expect(r.inventory.kind(of: "LIBRARIES/LBS_003_Tools") == .directory)
        #expect(r.inventory.kind(of: "LIBRARIES") == .directory)
        #expect(!r.inventory.files.contains { $0.contains(".hidden") || $0.contains("loop/") })
    }

    /// A file or folder whose name is not UTF-8 is reported, not lost (its name, made into text, named no
    /// file and it was passed over in silence); a file taxo would not read anyway is left alone.
    @Test func aNameThatIsNotUTF8IsReportedNotLost() throws {
        let fm = FileManager.default
        let root = Scratch.folder("taxo-disc")
        defer { try? fm.removeItem(at: root) }
        let tools = root.appendingPathComponent("LIBRARIES/LBS_003_Tools")
        try fm.createDirectory(at: tools, withIntermediateDirectories: true)
        try Data(#"{"tool_id": "TOL-001", "name": "Fine"}"#.utf8).write(
            to: tools.appendingPathComponent("TOL-001.json"))
        /// Creates a file or folder under the tools' folder whose name holds the bytes FF FE.
        func make(_ head: String, _ tail: String, folder: Bool) {
            let bytes = Array((tools.path + "/" + head).utf8) + [0xFF, 0xFE] + Array(tail.utf8) + [0]
            let ok = bytes.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { p -> Bool in
                if folder { return mkdir(p.baseAddress!, 0o755) == 0 }
                let fd = open(p.baseAddress!, O_CREAT | O_WRONLY, 0o644)
                defer { if fd >= 0 { close(fd) } }
                return fd >= 0
            }
            #expect(ok)
        }
        make("TOL-002_", ".json", folder: false)
        make("picture_", ".png", folder: false)
        make("QA_", "", folder: true)
        let r = Discovery.discoverAll(root: root.path, config: TestSupport.defaultConfig)
        #expect(r.files.map(\.path) == ["LIBRARIES/LBS_003_Tools/TOL-001.json"])
        let skipped = r.diagnostics.filter { $0.message.contains("not valid UTF-8") }
        #expect(
            skipped.map { $0.location?.file ?? "" } == [
                "LIBRARIES/LBS_003_Tools/QA_\u{FFFD}\u{FFFD}", "LIBRARIES/LBS_003_Tools/TOL-002_\u{FFFD}\u{FFFD}.json",
            ], "\(r.diagnostics)")
        #expect(skipped.allSatisfy { $0.code == "TAX0003" && $0.message.hasSuffix("rename it") })
    }
}
