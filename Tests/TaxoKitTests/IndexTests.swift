import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

@Suite(.serialized) struct IndexTests {
    static let buildTime = "2026-01-01T00:00:00Z"

    func temp() throws -> URL {
        let d = Scratch.folder("taxo-index")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    func build(_ root: URL, out: URL, noCache: Bool = false) throws -> Builder.Outcome {
        try Builder.build(
            root: root.path, config: TestSupport.defaultConfig, outDir: out.path, noCache: noCache,
            buildTime: Self.buildTime)
    }

    @Test func goldenDumpOfTheExampleLibrary() throws {
        let out = try temp()
        defer { try? FileManager.default.removeItem(at: out) }
        let o = try build(TestSupport.repoRoot, out: out)
        #expect(!o.incremental)
        let dump = try IndexDump.dump(path: o.indexPath)
        let golden = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/example-index.dump")
        if ProcessInfo.processInfo.environment["TAXO_UPDATE_GOLDEN"] == "1" {
            try dump.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(dump == expected)
    }

    @Test func documentedQueriesAnswer() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try BrokenCopy.apply(to: root)
        let o = try build(root, out: root.appendingPathComponent("output"))
        let db = try SQLiteDatabase(path: o.indexPath, readOnly: true)
        let dangling = try db.query(
            "SELECT source_id, field, target_id, file, line FROM broken_links ORDER BY file, line")
        #expect(dangling.map { $0[2] } == ["TSK-099"])
        #expect(dangling.first?[0] == "MLS-002")
        #expect(dangling.first?[4] == "11")
        let inTM = try db.query("SELECT target_id FROM broken_links WHERE file LIKE 'TASK_MANAGERS/%'")
        #expect(inTM.count == 1)
        let back = try db.query(
            "SELECT source_id, field FROM backlinks WHERE target_id = 'WRF-SEC-014' ORDER BY source_id, field")
        #expect(
            back.map { $0[0]! } == [
                "MLS-001", "MLS-002", "MLS-003", "MLS-004", "TOL-AID-201", "TOL-AID-205", "TOL-QA-031", "TOL-SEC-124",
                "TOL-SEC-125",
            ])
        let unused = try db.query(
            """
            SELECT e.id FROM entities e WHERE e.kind = 'tool'
              AND NOT EXISTS (SELECT 1 FROM links l WHERE l.resolved_key = e.key AND l.source_kind = 'workflow') ORDER BY e.id
            """)
        #expect(unused.isEmpty)
        let orphans = try db.query("SELECT id FROM orphans ORDER BY kind, id").map { $0[0]! }
        #expect(orphans.contains("DPT-001"))
        #expect(!orphans.contains("TOL-SEC-124"))
        let fts = try db.query("SELECT id FROM entity_fts WHERE entity_fts MATCH 'ScaleKit' ORDER BY rank").map {
            $0[0]!
        }
        #expect(fts.contains("TOL-SEC-124"))
        #expect(fts.contains("TOL-SEC-125"))
        #expect(fts.contains("RSP-418"))
        let docs = try db.query("SELECT path FROM document_fts WHERE document_fts MATCH 'ScaleKit' ORDER BY rank").map {
            $0[0]!
        }
        #expect(docs.contains("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_024.md"))
        let perRule = try db.query("SELECT code, count(*) FROM diagnostics GROUP BY code ORDER BY code")
        #expect(perRule.map { $0[0]! } == ["TAX0001", "TAX0102", "TAX0104", "TAX0201"])
        let hits = try IndexSearch.search(indexPath: o.indexPath, query: "ScaleKit", limit: 5)
        #expect(hits.count == 5)
        #expect(hits.allSatisfy { $0.snippet.contains("[ScaleKit]") })
    }

    @Test func fullTextTablesMergeAgainAfterAFullBuild() throws {
        // A full build fills them without merging segments, then sets FTS5's default back for the incremental
        // builds that follow; their search answers either way.
        let out = try temp()
        defer { try? FileManager.default.removeItem(at: out) }
        let o = try build(TestSupport.repoRoot, out: out)
        let db = try SQLiteDatabase(path: o.indexPath, readOnly: true)
        for table in IndexSchema.fullTextTables {
            let merge = try db.query("SELECT v FROM \(table)_config WHERE k = 'automerge'")
            #expect(merge.map { $0[0] } == [String(IndexSchema.fullTextAutomerge)], "\(table)")
        }
        let hits = try db.query("SELECT count(*) FROM document_fts WHERE document_fts MATCH 'workflow'")
        #expect(Int(hits.first?[0] ?? "0") ?? 0 > 0)
        // An entity found by the first word of its name.
        let named = try db.query("SELECT id, name FROM entities WHERE name IS NOT NULL ORDER BY id LIMIT 1")
        let (id, word) = (named.first?[0] ?? "", named.first?[1]?.split(separator: " ").first.map(String.init) ?? "")
        let found = try db.query("SELECT id FROM entity_fts WHERE entity_fts MATCH ?", [.text("\"" + word + "\"")])
        #expect(found.contains { $0[0] == id }, "\(id) \(word)")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let a = try temp(), b = try temp()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let x = try build(TestSupport.repoRoot, out: a), y = try build(TestSupport.repoRoot, out: b)
        let da = try #require(FileManager.default.contents(atPath: x.indexPath)),
            db = try #require(FileManager.default.contents(atPath: y.indexPath))
        #expect(da == db)
    }

    @Test func incrementalBuildEqualsACleanBuild() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("output")
        _ = try build(root, out: out)
        // Edit one file, add one, delete one.
        let tool = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json")
        try (try String(contentsOf: tool, encoding: .utf8)).replacingAll(
            "\"MCP Inspector\"", with: "\"MCP Inspector Pro\""
        )
        .write(to: tool, atomically: true, encoding: .utf8)
        try "{\n  \"tool_id\": \"TOL-QA-032\",\n  \"name\": \"Playwright\",\n  \"skills\": [\"SKL-019\"]\n}\n"
            .write(
                to: root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/Playwright.json"), atomically: true,
                encoding: .utf8)
        try FileManager.default.removeItem(
            at: root.appendingPathComponent("TASK_MANAGERS/PROMPTS/PMT-007_Objects_Library_Extraction.md"))
        let inc = try build(root, out: out)
        #expect(inc.incremental)
        #expect(inc.reparsed == 2)
        let clean = root.appendingPathComponent("clean")
        let full = try build(root, out: clean, noCache: true)
        #expect(!full.incremental)
        let a = try IndexDump.dump(path: inc.indexPath), b = try IndexDump.dump(path: full.indexPath)
        #expect(a == b)
        #expect(a.contains("Playwright"))
        #expect(a.contains("MCP Inspector Pro"))
        #expect(!a.contains("PMT-007_Objects"))
        // The PMT-007 mentions now dangle, in both.
        #expect(inc.result.diagnostics.map(\.message) == full.result.diagnostics.map(\.message))
        #expect(inc.result.diagnostics.contains { $0.code == "TAX0205" && $0.message.contains("PMT-007") })
    }

    @Test func checkWithTheCacheEqualsCheckWithout() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try BrokenCopy.apply(to: root)
        let out = root.appendingPathComponent("output")
        _ = try build(root, out: out)
        let cache = try #require(
            ExtractionCache(
                path: out.appendingPathComponent(ExtractionCache.fileName).path,
                configHash: TestSupport.defaultConfig.hash))
        let cached = Compiler.compile(root: root.path, config: TestSupport.defaultConfig, cache: cache)
        let plain = Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
        let allCached = cached.library.files.allSatisfy { $0.fromCache }
        #expect(allCached)
        #expect(cached.diagnostics == plain.diagnostics)
        #expect(cached.summary == plain.summary)
    }

    /// Text goes into the index and comes back with all its bytes: a NUL inside a name does not end it,
    /// and an empty string stays a string (not NULL).
    @Test func textKeepsEveryByte() throws {
        let db = try SQLiteDatabase(path: ":memory:")
        try db.exec("CREATE TABLE t (x TEXT)")
        let values = ["a\u{0}b", "", "Séance ✓ \u{0}"]
        let insert = try db.prepare("INSERT INTO t VALUES (?)")
        for v in values { try insert.run([.text(v)]) }
        let back = try db.query("SELECT x, x IS NULL, length(CAST(x AS BLOB)) FROM t ORDER BY rowid")
        #expect(back.map { $0[0] } == values)
        #expect(back.map { $0[1] } == ["0", "0", "0"])
        #expect(back.map { $0[2] } == values.map { String($0.utf8.count) })

        let tool = #"{"tool_id": "TOL-AID-301", "name": "Null\u0000Byte Tool", "description": "before\u0000after"}"#
        let r = TestSupport.compile([("LIBRARIES/LBS_003_Tools/TOL-AID-301_Null_Byte_Tool.json", tool)])
        let index = try SQLiteDatabase(path: ":memory:")
        try IndexWriter.fill(index, r, buildTime: Self.buildTime)
        let row = try index.query("SELECT name, description FROM entities WHERE id = 'TOL-AID-301'")
        #expect(row.first == ["Null\u{0}Byte Tool", "before\u{0}after"])
    }
}

extension IndexTests {
    /// A document's sections for the full-text index are what splitting it at each heading's line gives
    /// (the reference asks a dictionary of the headings at every line): headings out of order, two on a
    /// line, past the end, on the first line, texts with and without a last newline, CRLF.
    @Test func sectionsSplitADocumentAtItsHeadingLines() {
        func reference(_ d: Document) -> [(line: Int, heading: String, text: String)] {
            guard let text = d.text else { return [] }
            var headingAt: [Int: String] = [:]
            for h in d.headings where headingAt[h.line] == nil { headingAt[h.line] = h.text }
            let u = Array(text.utf8)
            var out: [(Int, String, String)] = []
            var start = 0, startLine = 1, line = 1
            var heading = d.title ?? ""
            var i = 0
            while true {
                if let h = headingAt[line], i > start {
                    out.append((startLine, heading, String(decoding: u[start..<(i - 1)], as: UTF8.self)))
                    start = i
                    startLine = line
                    heading = h
                } else if let h = headingAt[line] {
                    heading = h
                    startLine = line
                }
                guard let nl = u[i...].firstIndex(of: 10) else { break }
                i = nl + 1
                line += 1
            }
            if start < u.count { out.append((startLine, heading, String(decoding: u[start...], as: UTF8.self))) }
            return out
        }
        var rng = CompiledTemplateTests.Seeded(state: 13)
        let lines = ["# A", "text", "", "## B", "x\r", "é"]
        for _ in 0..<500 {
            let n = Int.random(in: 0...8, using: &rng)
            var text = (0..<n).map { _ in lines.randomElement(using: &rng)! }.joined(separator: "\n")
            if Bool.random(using: &rng) { text += "\n" }
            let headings = (0..<Int.random(in: 0...4, using: &rng)).map { k in
                Heading(level: 1, text: "H\(k)", line: Int.random(in: 0...(n + 1), using: &rng))
            }
            let d = Document(
                path: "a.md", type: nil, title: Bool.random(using: &rng) ? "T" : nil, video: nil, fields: [:],
                headings: headings, mentions: [], checkMentions: false, text: text)
            let got = IndexWriter.sections(of: d), want = reference(d)
            #expect(
                got.map(\.line) == want.map(\.line) && got.map(\.heading) == want.map(\.heading)
                    && got.map(\.text) == want.map(\.text), "\(text.debugDescription) \(headings.map(\.line))")
        }
    }
}
