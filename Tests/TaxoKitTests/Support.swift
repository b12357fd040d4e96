import Foundation
import TaxoKit

/// Paths and helpers shared by the tests.
enum TestSupport {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
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

    static func compile(_ files: [(String, String)]) -> CompileResult {
        compile(files.map { (path: $0.0, bytes: Array($0.1.utf8)) })
    }

    /// Copies a folder to a fresh temporary folder and returns its path.
    static func copyToTemp(_ src: URL, only: [String]? = nil) throws -> URL {
        let dst = FileManager.default.temporaryDirectory.appendingPathComponent("taxo-test-\(UUID().uuidString)")
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
}
