import Foundation
import TaxoKit

/// libFuzzer targets. Built only by `make fuzz` (with `-sanitize=fuzzer -D FUZZING`, into .build-fuzz/),
/// where libFuzzer provides `main`; the target is chosen by TAXO_FUZZ_TARGET: json, yaml, markdown,
/// config, glob, cache, lsp, diff, csv or fix. An ordinary build makes a stub that says how to run them.
enum FuzzTarget: String, CaseIterable {
    case json, yaml, markdown, config, glob, cache, lsp, diff, csv, fix

    static let current: FuzzTarget =
        FuzzTarget(rawValue: ProcessInfo.processInfo.environment["TAXO_FUZZ_TARGET"] ?? "") ?? .json
    static let library = TestSupportConfig.defaultConfig
    static let templates = Templates(directory: nil)

    /// An empty folder for the `lsp` target's library, made once (a fixed name: scripts/fuzz.sh's seed
    /// requests name the buffer under it).
    static let emptyRoot: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("taxo-fuzz-lsp")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()
    /// `initialize`, by a client that is sent diagnostics or (`pull`) one that pulls them.
    static func initialize(pull: Bool) -> String {
        let caps =
            pull ? #"{"textDocument":{"diagnostic":{}},"workspace":{"diagnostics":{"refreshSupport":true}}}"# : "{}"
        return
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(emptyRoot.absoluteString)","capabilities":\#(caps)}}"#
    }
    static var openBuffer: String {
        let uri = emptyRoot.appendingPathComponent("TASK_MANAGERS/TSM-006_Workflows/WRF-001_x.md").absoluteString
        return
            ##"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\##(uri)","languageId":"markdown","version":1,"text":"# WRF-001\r\n\r\n**Workflow_ID:** WRF-001\nUses TOL-001 and [x](y.md#z).\r"}}}"##
    }

    func run(_ bytes: [UInt8]) {
        switch self {
        case .json:
            _ = JSONParser.parse(bytes)
            // As a tool's file and as the departments master, compiled together: records extracted,
            // references resolved, department names read, every rule run.
            _ = Compiler.compile(
                files: [
                    ("LIBRARIES/LBS_003_Tools/TOL-001_fuzz.json", bytes),
                    ("LIBRARIES/LBS_006_Departments/Master/departments.json", bytes),
                ], config: FuzzTarget.library)
        case .yaml:
            let file = SourceFile(path: "fuzz.yaml", rawBytes: bytes)
            _ = YAMLReader.parse(file.text, lines: file.lines)
            _ = Compiler.compile(
                files: [("TASK_MANAGERS/TSM-006_Workflows/WRF-001_fuzz.yaml", bytes)], config: FuzzTarget.library)
        case .markdown:
            // As a document and as an entity, compiled (extraction, resolution and every rule), then the
            // document's gap analysis against what was compiled (the scanner reads cmark's lines again).
            let document = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Video_024_fuzz.md"
            let r = Compiler.compile(
                files: [(document, bytes), ("TASK_MANAGERS/TSM-006_Workflows/WRF-001_fuzz.md", bytes)],
                config: FuzzTarget.library)
            _ = GapAnalyzer(library: r.library).analyze(text: String(decoding: bytes, as: UTF8.self), path: document)
        case .config:
            _ = ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", rawBytes: bytes))
        case .glob:
            let text = String(decoding: bytes.prefix(200), as: UTF8.self)
            let parts = text.split(separator: "\n", maxSplits: 1).map(String.init)
            guard let pattern = parts.first, Glob.validate(pattern) == nil else { return }
            _ = Glob(pattern).matches(parts.count > 1 ? parts[1] : "LIBRARIES/LBS_003_Tools/TOL-001.json")
        case .lsp:
            // A message (its body, as the framing hands it over) to a server initialised on an empty library
            // with one buffer open: editors send positions, URIs and text the server must not trust.
            let server = LanguageServer(workingDirectory: FuzzTarget.emptyRoot)
            // Inputs of odd length are sent to a client that pulls diagnostics.
            _ = server.handle(Array(FuzzTarget.initialize(pull: bytes.count % 2 == 1).utf8))
            _ = server.handle(Array(FuzzTarget.openBuffer.utf8))
            _ = server.handle(bytes)
        case .diff:
            // Two versions of a tool's file (the input cut at its middle, or at its first NUL), each compiled
            // beside a workflow that links to the tool; what changed, in text, Markdown and JSON.
            let cut = bytes.firstIndex(of: 0) ?? bytes.count / 2
            let workflow = Array(#"{"workflow_id": "WRF-001", "name": "W", "tools": ["TOL-001", "TOL-002"]}"#.utf8)
            func compiled(_ tool: ArraySlice<UInt8>) -> CompileResult {
                Compiler.compile(
                    files: [
                        ("LIBRARIES/LBS_003_Tools/TOL-001_fuzz.json", Array(tool)),
                        ("TASK_MANAGERS/TSM-006_Workflows/WRF-001_fuzz.json", workflow),
                    ], config: FuzzTarget.library, keepContent: true)
            }
            let d = LibraryDiff(before: compiled(bytes[..<cut]), after: compiled(bytes[min(cut + 1, bytes.count)...]))
            let report = DiffReport(d, title: "fuzz")
            _ = report.text(color: true)
            _ = report.json(limit: 3)
            _ = try? report.markdown(templates: FuzzTarget.templates, command: "fuzz")
        case .csv:
            // As a master list of tools beside a tool's file: rows, columns, paths and IDs checked.
            let others = FuzzTarget.masterList.dropFirst().filter { !$0.0.hasSuffix(".csv") }
            _ = Compiler.compile(
                files: [("tools/Tools_Master.csv", bytes)] + others.map { ($0.0, Array($0.1.utf8)) },
                config: FuzzTarget.masterListConfig)
        case .fix:
            FuzzTarget.fixIsExactAndIdempotent(bytes)
        case .cache:
            let path = NSTemporaryDirectory() + "/taxo-fuzz-cache-\(getpid())"
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            defer { try? FileManager.default.removeItem(atPath: path) }
            if let c = ExtractionCache(path: path, configHash: FuzzTarget.library.hash) {
                _ = c.previous(path: "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json")
            }
        }
    }
}

extension FuzzTarget {
    /// The master-list rules' example library: its configuration, and its files but the list (the input).
    static let masterList = MasterListExamples.files(rows: "")
    static let masterListConfig: Config = ConfigLoader.parse(
        SourceFile(path: "taxonomy.yaml", text: masterList[0].1)
    ).0!

    /// The folder of the `fix` target's library (one per process; its files are written again per input).
    static let fixRoot: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("taxo-fuzz-fix-\(getpid())")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    /// `taxo fix` on a library holding the input as a document and as a workflow, beside tools it may cite
    /// (`TOOL-QA-031`, links to moved files): each fix starts from the file's bytes as they are on disk
    /// (line ends, BOM and all; a re-encoded file excepted), and once applied, a second plan has nothing
    /// left to fix. A violation traps, so libFuzzer keeps the input.
    static func fixIsExactAndIdempotent(_ bytes: [UInt8]) {
        let root = fixRoot
        try? FileManager.default.removeItem(at: root)
        let files: [(String, [UInt8])] = [
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", bytes),
            ("TASK_MANAGERS/TSM-006_Workflows/WRF-001_fuzz.md", bytes),
            (
                "LIBRARIES/LBS_003_Tools/QA/TOL-QA-031_Inspector.json",
                Array(#"{"tool_id": "TOL-QA-031", "name": "Inspector"}"#.utf8)
            ),
            ("LIBRARIES/LBS_003_Tools/Moved/TSK-002_Old.md", Array("# TSK-002\n\n**Task_ID:** TSK-002\n".utf8)),
        ]
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: url.path, contents: Data(data))
        }
        let fixes = Fixes.plan(Compiler.compile(root: root.path, config: library), root: root.path)
        for f in fixes {
            let url = root.appendingPathComponent(f.path)
            guard let disk = FileManager.default.contents(atPath: url.path) else { continue }
            if !f.reencoded && [UInt8](disk) != f.original {
                fatalError("fix starts from other bytes than \(f.path)'s")
            }
            if !f.edits.isEmpty || f.reencoded {
                _ = FileManager.default.createFile(atPath: url.path, contents: Data(f.fixed))
            }
            if let to = f.renameTo {
                let dst = root.appendingPathComponent(to).path
                if link(url.path, dst) == 0 { unlink(url.path) }
            }
        }
        let again = Fixes.plan(Compiler.compile(root: root.path, config: library), root: root.path)
        if !again.isEmpty {
            fatalError("a second fix changes \(again.map(\.path)): \(Fixes.diff(again))")
        }
    }
}

/// The default configuration, loaded once.
enum TestSupportConfig {
    /// The built-in configuration with record schemas for tools and workflows, so that every fuzzed record
    /// also goes through the schema check (each type, values, a pattern, a nested path, closed records).
    static let defaultConfig: Config = ConfigLoader.parse(
        SourceFile(
            path: "taxonomy.yaml",
            text: DefaultConfig.yaml.replacingOccurrences(
                of: "    id_fields: [tool_id, id]\n", with: "    id_fields: [tool_id, id]\n" + fields
            ).replacingOccurrences(
                of: "    id_fields: [workflow_id, id, \"Workflow ID\"]\n",
                with: "    id_fields: [workflow_id, id, \"Workflow ID\"]\n" + fields))
    ).0!

    static let fields = """
            fields:
              name: required
              status: { values: [active, draft, Deprecated] }
              website: url
              discovery_date: date
              rating: number
              count: integer
              beta: boolean
              tags: { items: string }
              meta: object
              code: { type: string, pattern: '^[A-Z]{2,4}-[0-9]+$' }
              steps[].name: required
              Old Field: { deprecated: "use new_field" }
            additional_fields: report

        """
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        FuzzTarget.current.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's entry point as `taxo_fuzz_main`: hand control to libFuzzer's driver.
    @_cdecl("taxo_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var c = argc
        var v = argv
        return LLVMFuzzerRunDriver(&c, &v) { data, size in fuzz(data, size) }
    }
#else
    @main
    struct FuzzStub {
        static func main() {
            print(
                "taxo-fuzz: build with 'make fuzz' (libFuzzer); targets: "
                    + FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }
#endif
