import Foundation
import TaxoKit
import TaxoTestSupport
import Testing

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// Where two trees first differ (for the failure message).
    static func difference(_ a: ReportValue, _ b: ReportValue, at path: String = "") -> String {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            for k in Set(x.keys).union(y.keys).sorted() {
                guard let u = x[k], let v = y[k] else { return "\(path).\(k): only in one" }
                if u != v { return difference(u, v, at: path + "." + k) }
            }
            return ""
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return "\(path): \(x.count) vs \(y.count) items" }
            for (i, (u, v)) in zip(x, y).enumerated() where u != v { return difference(u, v, at: path + "[\(i)]") }
            return ""
        default:
            return a == b ? "" : "\(path): \(a) vs \(b)"
        }
    }

    static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sharedRoot: URL = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let realworldSample = sharedRoot.appendingPathComponent("fixtures/realworld-sample")

    static var defaultConfig: Config {
        let (c, d) = ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: DefaultConfig.yaml))
        precondition(d.isEmpty, "default configuration has diagnostics: \(d)")
        return c!
    }

    /// Compiles an in-memory library; a `taxonomy.yaml` among the files replaces the default configuration.
    static func compile(_ files: [(path: String, bytes: [UInt8])]) -> CompileResult {
        var config = defaultConfig
        if let yaml = files.first(where: { $0.path == "taxonomy.yaml" }) {
            let (c, d) = ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", rawBytes: yaml.bytes))
            precondition(c != nil, "example configuration invalid: \(d)")
            config = c!
        }
        return Compiler.compile(files: files.filter { $0.path != "taxonomy.yaml" }, config: config)
    }

    /// A skills master list whose records name one tool each, record `i` on line `i + 1`:
    /// `SKL-<first + i>` with `"components": {"tool": tools[i]}`.
    static func skillsNamingTools(_ tools: [String], first: Int = 1) -> String {
        let records = tools.enumerated().map { i, tool in
            let n = String(first + i), id = "SKL-" + String(repeating: "0", count: max(0, 3 - n.count)) + n
            let quoted = tool.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return #"{"skill_id": "\#(id)", "skill_phrase": "s", "components": {"tool": "\#(quoted)"}}"#
        }
        return "[" + records.joined(separator: ",\n") + "]"
    }

    static func compile(_ files: [(String, String)]) -> CompileResult {
        compile(files.map { (path: $0.0, bytes: Array($0.1.utf8)) })
    }

    /// Writes files (path relative to a fresh temporary folder, text) and returns the folder.
    static func writeTemp(_ files: [(String, String)], prefix: String = "taxo-test") throws -> URL {
        let root = Scratch.folder(prefix)
        try write(files, in: root)
        return root
    }

    /// Writes files (path relative to `root`, text), making their folders.
    static func write(_ files: [(String, String)], in root: URL) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// A library compiled fresh, its results written to the extraction cache, and compiled again from it
    /// (every file must come from the cache).
    static func compiledThroughTheCache(root: URL, config: Config) throws -> (
        fresh: CompileResult, cached: CompileResult
    ) {
        let fresh = Compiler.compile(root: root.path, config: config)
        let path = root.appendingPathComponent(ExtractionCache.fileName).path
        try ExtractionCache.write(fresh.library.files, to: path, configHash: config.hash)
        let cache = try #require(ExtractionCache(path: path, configHash: config.hash))
        let cached = Compiler.compile(root: root.path, config: config, cache: cache)
        let allCached = cached.library.files.allSatisfy { $0.fromCache }
        #expect(allCached)
        return (fresh, cached)
    }

    /// Copies a folder to a fresh temporary folder and returns its path.
    static func copyToTemp(_ src: URL, only: [String]? = nil) throws -> URL {
        let dst = Scratch.folder("taxo-test")
        try FileManager.default.createDirectory(at: dst, withIntermediateDirectories: true)
        let items = try only ?? FileManager.default.contentsOfDirectory(atPath: src.path)
        for item in items {
            let s = src.appendingPathComponent(item)
            if FileManager.default.fileExists(atPath: s.path) {
                try FileManager.default.copyItem(at: s, to: dst.appendingPathComponent(item))
            }
        }
        return dst
    }

    /// A copy of the example library (its three folders, no taxonomy.yaml) with `files` written into it.
    static func exampleCopy(_ files: [(String, String)] = []) throws -> URL {
        let root = try copyToTemp(repoRoot, only: ["LIBRARIES", "TASK_MANAGERS", "TALENTS"])
        try write(files, in: root)
        return root
    }

    /// Compares text with a golden file under Tests/Fixtures; TAXO_UPDATE_GOLDEN=1 rewrites the file instead.
    static func expectGolden(_ text: String, _ name: String) throws {
        let url = repoRoot.appendingPathComponent("Tests/Fixtures/\(name)")
        if ProcessInfo.processInfo.environment["TAXO_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs from its golden file")
    }

    /// The findings of a fixture library as golden text: location, severity, code, message, notes, hint.
    static func render(_ d: Diagnostic) -> String {
        var s = "\(d.location?.description ?? "-") \(d.severity.label) \(d.code) \(d.message)"
        for n in d.notes { s += "\n    note: \(n.location?.description ?? "-") \(n.message)" }
        if let h = d.hint { s += "\n    hint: \(h)" }
        return s
    }

    /// The diagnostics of a compile in one file (by suffix), of one code when given.
    static func findings(_ r: CompileResult, in file: String, _ code: String? = nil) -> [Diagnostic] {
        r.diagnostics.filter { $0.location?.file.hasSuffix(file) == true && (code == nil || $0.code == code) }
    }

    /// Every file under a folder (not its folders), by path relative to it.
    static func files(in dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: dir.path)
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            let url = dir.appendingPathComponent(p)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else {
                continue
            }
            out[p] = try Data(contentsOf: url)
        }
        return out
    }
}
