import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

@Suite struct ExtractionCacheTests {
    func size(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1 }

    /// Results as a later build has them: taken from the cache, except `edited` (re-parsed).
    func resultsAfterEditing(_ edited: Int, from cachePath: String, root: URL) throws -> (
        cache: ExtractionCache, results: [FileResult]
    ) {
        let cache = try #require(ExtractionCache(path: cachePath, configHash: TestSupport.defaultConfig.hash))
        var results = Compiler.compile(root: root.path, config: TestSupport.defaultConfig, cache: cache).library.files
        #expect(results.allSatisfy { $0.fromCache })
        results[edited].fromCache = false
        return (cache, results)
    }

    @Test func appendsKeepsEarlierBytesCompactsAndRejectsATornTail() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent(ExtractionCache.fileName).path
        let hash = TestSupport.defaultConfig.hash
        let plain = Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
        try ExtractionCache.write(plain.library.files, to: path, configHash: hash)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))

        // One edited file: its entry, a directory and a trailer are appended; the bytes before stay.
        var (cache, results) = try resultsAfterEditing(3, from: path, root: root)
        try ExtractionCache.write(results, to: path, configHash: hash, previous: cache)
        let second = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(second.count > first.count)
        #expect(second.prefix(first.count) == first)
        let reread = try #require(ExtractionCache(path: path, configHash: hash))
        #expect(reread.count == plain.library.files.count)
        // The re-parsed file's entry now lives in the appended part; the others where they were.
        let moved = try #require(reread.entry(path: results[3].path, hash: results[3].hash))
        #expect(moved.offset >= first.count)
        #expect(try #require(reread.entry(path: results[2].path, hash: results[2].hash)).offset < first.count)
        #expect(
            reread.result(path: results[3].path, hash: results[3].hash)?.entities.count
                == plain.library.files[3].entities.count)
        #expect(reread.result(path: results[3].path, hash: "another") == nil)

        // Many more: dead entries never grow the file past twice its live part (plus the slack).
        for i in 0..<60 {
            (cache, results) = try resultsAfterEditing(i % results.count, from: path, root: root)
            try ExtractionCache.write(results, to: path, configHash: hash, previous: cache)
            #expect(size(path) < 2 * first.count + (1 << 16) + first.count / 2)
        }
        #expect(size(path) < second.count * 3)

        // What the cache holds after all that still compiles to what parsing gives.
        let cached = Compiler.compile(
            root: root.path, config: TestSupport.defaultConfig,
            cache: ExtractionCache(path: path, configHash: hash))
        #expect(cached.library.files.allSatisfy { $0.fromCache })
        #expect(cached.diagnostics == plain.diagnostics)

        // A build killed while appending leaves a tail without a trailer: the cache is not used.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: 7, count: 100))
        try handle.close()
        let torn = ExtractionCache(path: path, configHash: hash)
        #expect(torn == nil)
        let missing = ExtractionCache(path: path + ".missing", configHash: hash)
        #expect(missing == nil)
    }

    /// Every byte of a small cache flipped once: the check it serves gives the findings of a check without
    /// the cache, every time (a damaged entry fails its checksum and the file is parsed again).
    @Test func aFlippedByteNeverChangesTheFindings() throws {
        let root = Scratch.folder("taxo-flip")
        defer { try? FileManager.default.removeItem(at: root) }
        let tools = root.appendingPathComponent("LIBRARIES/LBS_003_Tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        try "{\"tool_id\": \"TOL-001\", \"name\": \"Figma\", \"related\": [\"TOL-002\", \"TOL-404\"]}"
            .write(to: tools.appendingPathComponent("TOL-001_Figma.json"), atomically: true, encoding: .utf8)
        try "{\"tool_id\": \"TOL-002\", \"name\": \"Sketch\", \"x\": \"TKS-001\"}"
            .write(to: tools.appendingPathComponent("TOL-002_Sketch.json"), atomically: true, encoding: .utf8)
        let config = TestSupport.defaultConfig
        func render(_ r: CompileResult) -> [String] {
            r.diagnostics.map { "\($0.location?.description ?? "") \($0.code) \($0.message)" }
        }
        let truth = render(Compiler.compile(root: root.path, config: config))
        #expect(truth.count >= 2)
        let path = root.appendingPathComponent(ExtractionCache.fileName).path
        try ExtractionCache.write(
            Compiler.compile(root: root.path, config: config).library.files, to: path, configHash: config.hash)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        var served = 0
        for i in 0..<original.count {
            var bytes = original
            bytes[i] ^= 0x5A
            try bytes.write(to: URL(fileURLWithPath: path))
            let cache = ExtractionCache(path: path, configHash: config.hash)
            let r = Compiler.compile(root: root.path, config: config, cache: cache)
            if r.library.files.contains(where: \.fromCache) { served += 1 }
            #expect(render(r) == truth, "byte \(i) flipped")
        }
        // The unflipped entries were still used (the test exercised the cache, not only its rejection).
        #expect(served > 0)
    }
}

/// Everything extraction finds survives the cache: a check served from the cache gives the findings, the
/// entities, references, mentions and suppressions of a check that parses every file (a field forgotten in
/// `FileResultCoding` would otherwise vanish on cached builds only).
@Suite struct CacheRoundTripTests {
    static func summary(_ r: CompileResult) -> [String] {
        var out = r.diagnostics.map {
            "D \($0.location?.description ?? "") \($0.code) \($0.severity.label) \($0.message) \($0.notes.map(\.message)) \($0.hint ?? "")"
        }
        for e in r.library.entities {
            out.append(
                "E \(e.file) \(e.id?.key ?? "-") \(e.name ?? "-") \(e.status ?? "-") \(e.inlineChildren) \(e.legacyKeys) \(e.videos) \(e.aliases)"
            )
            for ref in e.references {
                out.append(
                    "R \(ref.field) \(ref.id.key) \(ref.label ?? "-") \(ref.location) \(ref.range ?? "-") \(ref.inCode) \(ref.linkIndex ?? -1)"
                )
            }
        }
        for d in r.library.documents {
            out.append("M \(d.path) \(d.video ?? "-") \(d.title ?? "-")")
            for m in d.mentions {
                out.append(
                    "m \(m.id.key) \(m.location) \(m.isProposal) \(m.declaresScope) \(m.range ?? "-") \(m.inCode) \(m.label ?? "-")"
                )
            }
        }
        for f in r.library.files {
            out.append(
                "F \(f.path) \(f.unknownPrefixes.map(\.token)) \(f.brokenDeclarations.map(\.key)) \(f.suppressions.map { "\($0.codes)\($0.firstLine)-\($0.lastLine)" })"
            )
            if let m = f.masterList {
                out.append("C \(m.table.header) \(m.table.rows.map(\.cells)) \(m.table.cellColumns)")
            }
        }
        return out
    }

    @Test(arguments: ["conventions", "realpatterns", "powers"])
    func aCachedCheckEqualsAFreshOne(fixture: String) throws {
        let root = try TestSupport.copyToTemp(TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/\(fixture)"))
        defer { try? FileManager.default.removeItem(at: root) }
        let config = try #require(ConfigLoader.load(root: root).0)
        let (fresh, cached) = try TestSupport.compiledThroughTheCache(root: root, config: config)
        // Every extraction result is equal, field by field (`FileResult: Equatable`).
        #expect(fresh.library.files.count == cached.library.files.count)
        for (x, y) in zip(fresh.library.files, cached.library.files) where x != y {
            Issue.record("\(x.path) differs after the cache")
        }
        let a = Self.summary(fresh), b = Self.summary(cached)
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) where x != y { Issue.record("differs after the cache: \(x)  vs  \(y)") }
    }

    /// Records are kept in the cache and decoded only when asked for: a compile that keeps every record reads
    /// them from the cache exactly as a fresh parse makes them; a check does not decode them.
    @Test func recordsComeFromTheCacheOnlyWhenAskedFor() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let config = TestSupport.defaultConfig
        let fresh = Compiler.compile(root: root.path, config: config, keepContent: true)
        let records = fresh.library.entities.map(\.record)
        #expect(records.allSatisfy { $0 != nil })
        let path = root.appendingPathComponent(ExtractionCache.fileName).path
        try ExtractionCache.write(fresh.library.files, to: path, configHash: config.hash)
        // (Files modified within two seconds of the cache are read and hashed again: still taken from it.)
        let cache = try #require(ExtractionCache(path: path, configHash: config.hash))
        let all = Compiler.compile(
            root: root.path, config: config, keepContent: true, cache: cache, options: .allRecords)
        #expect(all.library.files.allSatisfy { $0.fromCache })
        #expect(all.library.entities.map(\.record) == records)
        let plain = Compiler.compile(root: root.path, config: config, keepContent: true, cache: cache)
        #expect(plain.library.files.allSatisfy { $0.fromCache })
        #expect(plain.library.entities.allSatisfy { $0.record == nil })
    }
}
