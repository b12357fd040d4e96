import Foundation
import Testing

@testable import TaxoKit

/// The gap analyses `taxo build` keeps (`output/taxo-gaps.bin`) for `taxo site` and `taxo gaps`: what they
/// read is what analysing again would give, and nothing stale or damaged is ever read.
@Suite struct GapStoreTests {
    let config = TestSupport.defaultConfig

    /// The example library built into its own output folder, compiled again as the readers compile it.
    func built() throws -> (root: URL, store: GapStore, result: CompileResult) {
        let root = try TestSupport.exampleCopy()
        let out = root.appendingPathComponent("output")
        _ = try Builder.build(root: root.path, config: config, outDir: out.path, buildTime: "x")
        let store = try #require(GapStore(path: out.appendingPathComponent(GapStore.fileName).path))
        return (root, store, Compiler.compile(root: root.path, config: config, keepContent: true))
    }

    /// Documents read from the library's files, as a reader without the compile's texts reads them.
    func files(_ root: URL) -> (String) -> SourceFile? {
        { p in FileReader.read(root.path + "/" + p).map { SourceFile(path: p, rawBytes: $0) } }
    }

    func prints(_ lib: Library) -> [String: String] {
        ReportWriter.gapPrints(lib, base: ReportWriter.fingerprint(lib, templates: Templates(directory: nil)))
    }

    /// Every field of every candidate, as bytes (the encoding writes each one).
    func encoded(_ cs: [GapCandidate], _ library: Library) -> [UInt8] {
        var w = BinaryWriter()
        w.gapCandidates(cs, library: library)
        return w.bytes
    }

    @Test func aStoredAnalysisIsTheOneAnalysingAgainGives() throws {
        let (root, store, result) = try built()
        defer { try? FileManager.default.removeItem(at: root) }
        let lib = result.library
        #expect(store.videos == ["Video_024", "Video_025"])
        let allocator = IDAllocator(library: lib)
        for v in store.videos {
            let print = try #require(prints(lib)[v])
            let stored = try #require(
                try Gaps.storedReport(
                    video: v, print: print, store: store, library: lib, root: root.path, command: "c",
                    allocator: allocator))
            let fresh = try Gaps.report(targets: [v], library: lib, root: root.path, command: "c")
            #expect(!fresh.candidates.isEmpty)
            #expect(encoded(stored.candidates, lib) == encoded(fresh.candidates, lib))
            let shown = { (r: GapReport) in
                r.candidates.flatMap { $0.occurrences.map { [$0.snippet, $0.timestamp ?? "-"] } }
            }
            #expect(shown(stored) == shown(fresh))
            #expect(stored.json() == fresh.json())
            #expect(
                try stored.markdown(templates: Templates(directory: nil))
                    == fresh.markdown(templates: Templates(directory: nil)))
        }
    }

    @Test func everyKindOfOccurrenceAndCandidateFieldRoundTrips() throws {
        guard case .valid(let id) = IDGrammar(config: config).check("TOL-AID-205") else {
            Issue.record("TOL-AID-205 is not an ID")
            return
        }
        var c = GapCandidate(kind: 2)
        c.name = "Graph Runner"
        c.ids = [id]
        c.placeholders = ["TOL-XXX-###"]
        c.verdict = .near
        c.libraryEntity = 7
        c.libraryID = "TOL-AID-205"
        c.libraryName = "LangGraph"
        c.libraryFile = "LIBRARIES/x.json"
        c.score = 0.8125
        c.suggestedID = "TOL-AID-207"
        c.priority = "HIGH"
        c.note = "é ✓ note"
        c.versions = ["v0.3.1"]
        c.similar = ["'Graph Runer' (TOL-208)"]
        c.scopedTo = "Video_024"
        c.proseNear = ([3, 4], "Graph Runner", 0.75)
        c.department = "AID"
        let whats: [GapOccurrence.What] = [
            .id(id), .placeholder(kind: 2, text: "TOL-XXX-###"), .libraryName("LangGraph", entities: [1, 2]),
            .name("Graph Runner", kind: nil), .name("X", kind: 3),
            .nearName("Lang Grap", entities: [1], libraryName: "LangGraph", score: 0.9),
        ]
        // The document the occurrences are in: what they show of their lines is made from it when read.
        let doc = SourceFile(
            path: "a.md",
            text: (0..<6).map { $0 == 3 ? "  [12:01] - line 3  " : "- line \($0)" }.joined(separator: "\n"))
        for (i, w) in whats.enumerated() {
            var o = GapOccurrence(
                what: w, pairedName: i % 2 == 0 ? "paired" : nil, pairedID: i == 1 ? .id(id) : nil, file: "a.md",
                line: i + 1, column: 3, heading: i == 2 ? nil : "Tools",
                snippet: GapOccurrence.shown(doc.lines.lineText(i + 1)).snippet,
                timestamp: GapOccurrence.shown(doc.lines.lineText(i + 1)).timestamp, required: i == 4,
                proposal: i == 5)
            o.version = i == 0 ? "v1" : nil
            o.department = i == 1 ? "AID" : nil
            o.scopedTo = i == 2 ? "Video_024" : nil
            c.occurrences.append(o)
        }
        let library = Compiler.compile(root: TestSupport.repoRoot.path, config: config).library
        let bytes = encoded([c, GapCandidate(kind: nil)], library)
        func decode(_ lib: Library, _ lines: ShownLines) throws -> [GapCandidate] {
            try bytes.withUnsafeBufferPointer { b in
                var r = BinaryReader(b)
                return try r.gapCandidates(lines: lines, library: lib)
            }
        }
        let decoded = try decode(library, ShownLines { $0 == "a.md" ? doc : nil })
        #expect(decoded[0].occurrences.map(\.snippet) == c.occurrences.map(\.snippet))
        #expect(
            decoded[0].occurrences.map(\.timestamp) == [nil, nil, nil, "12:01", nil, nil])
        // Without the document nothing is read; nor for a library without the entities it names.
        #expect((try? decode(library, ShownLines { _ in nil })) == nil)
        let empty = TestSupport.compile([(String, String)]()).library
        #expect((try? decode(empty, ShownLines { $0 == "a.md" ? doc : nil })) == nil)
        #expect(decoded.count == 2)
        #expect(encoded(decoded, library) == bytes)
        #expect(decoded[0].proseNear?.entities == [3, 4])
        #expect(decoded[0].score == 0.8125)
        #expect(decoded[0].occurrences.map(\.line) == [1, 2, 3, 4, 5, 6])
    }

    @Test func anAnalysisIsReadOnlyForTheInputsItWasMadeFrom() throws {
        let (root, store, result) = try built()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = prints(result.library)
        // Another file of the video changed: its print is another, the stored analysis is not read.
        let transcript = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_025.md")
        try (try String(contentsOf: transcript, encoding: .utf8) + "\n**Tools Mentioned:** Graph Runner Pro\n")
            .write(to: transcript, atomically: true, encoding: .utf8)
        let edited = Compiler.compile(root: root.path, config: config, keepContent: true).library
        let after = prints(edited)
        #expect(after["Video_025"] != before["Video_025"])
        #expect(after["Video_024"] == before["Video_024"])
        #expect(
            store.candidates(video: "Video_025", print: after["Video_025"]!, library: edited, source: files(root))
                == nil)
        #expect(
            store.candidates(video: "Video_024", print: after["Video_024"]!, library: edited, source: files(root))
                != nil)
        // The next build remakes Video_025's analysis and carries Video_024's over.
        let out = root.appendingPathComponent("output")
        _ = try Builder.build(root: root.path, config: config, outDir: out.path, buildTime: "y")
        let next = try #require(GapStore(path: out.appendingPathComponent(GapStore.fileName).path))
        let remade = try #require(
            next.candidates(video: "Video_025", print: after["Video_025"]!, library: edited, source: files(root)))
        #expect(remade.contains { $0.text == "Graph Runner Pro" })
        let carried = try #require(
            next.candidates(video: "Video_024", print: after["Video_024"]!, library: edited, source: files(root)))
        let first = try #require(
            store.candidates(
                video: "Video_024", print: before["Video_024"]!, library: result.library, source: files(root)))
        #expect(encoded(carried, edited) == encoded(first, result.library))
    }

    @Test func aDamagedOrForeignStoreIsNeverRead() throws {
        let (root, store, result) = try built()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("output/" + GapStore.fileName).path
        let print = try #require(prints(result.library)["Video_024"])
        #expect(store.candidates(video: "Video_024", print: print, library: result.library, source: files(root)) != nil)
        var bytes = try #require(FileReader.read(path))
        // A byte changed inside an analysis: its checksum no longer agrees.
        let damaged = root.appendingPathComponent("damaged.bin").path
        var flipped = bytes
        flipped[bytes.count / 3] ^= 0x55
        try Data(flipped).write(to: URL(fileURLWithPath: damaged))
        #expect(
            GapStore(path: damaged)?.candidates(
                video: "Video_024", print: print, library: result.library, source: files(root)) == nil)
        // Cut short (a killed build), or not a store at all.
        bytes.removeLast(5)
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        #expect(GapStore(path: damaged) == nil)
        try Data("TAXOGAPS".utf8).write(to: URL(fileURLWithPath: damaged))
        #expect(GapStore(path: damaged) == nil)
        #expect(GapStore(path: root.appendingPathComponent("missing.bin").path) == nil)
    }

    /// A video page made from the stored analysis is the page analysing again makes.
    @Test func theSiteShowsTheStoredAnalysisAsItsOwn() throws {
        let (root, store, result) = try built()
        defer { try? FileManager.default.removeItem(at: root) }
        let withStore = root.appendingPathComponent("site-store"), without = root.appendingPathComponent("site-fresh")
        _ = try SiteBuilder.write(
            result, root: root.path, outDir: withStore.path, templates: Templates(directory: nil), gapStore: store)
        _ = try SiteBuilder.write(result, root: root.path, outDir: without.path, templates: Templates(directory: nil))
        for v in ["Video_024", "Video_025"] {
            let a = try String(contentsOf: withStore.appendingPathComponent("videos/\(v).html"), encoding: .utf8)
            let b = try String(contentsOf: without.appendingPathComponent("videos/\(v).html"), encoding: .utf8)
            #expect(a == b)
            #expect(a.contains("TOL-AID-20"))
        }
        // A later run remaking one video page (its ID allocator made by the page, not beside the site's data, as
        // on a first run) makes the same page.
        let remade = withStore.appendingPathComponent("videos/Video_024.html")
        try FileManager.default.removeItem(at: remade)
        let again = try SiteBuilder.write(
            result, root: root.path, outDir: withStore.path, templates: Templates(directory: nil), gapStore: store)
        #expect(again.written == 1)
        #expect(
            try String(contentsOf: remade, encoding: .utf8)
                == String(contentsOf: without.appendingPathComponent("videos/Video_024.html"), encoding: .utf8))
        // The page shows what the store holds: a store whose analysis of Video_024 names another tool.
        var c = GapCandidate(kind: result.library.config.kindIndex(role: .tool))
        c.name = "Stored Only Tool"
        c.occurrences = [
            GapOccurrence(
                what: .name("Stored Only Tool", kind: c.kind),
                file: "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_024.md",
                line: 1, column: 1, snippet: "Stored Only Tool", required: false, proposal: false)
        ]
        let path = root.appendingPathComponent("planted.bin").path
        try FileWriter.replace(path) { fd in
            let w = GapStore.Writer(fd: fd)
            w.add(
                video: "Video_024", print: prints(result.library)["Video_024"]!, candidates: [c],
                library: result.library)
            try w.finish(path: path)
        }
        let planted = root.appendingPathComponent("site-planted")
        _ = try SiteBuilder.write(
            result, root: root.path, outDir: planted.path, templates: Templates(directory: nil),
            gapStore: GapStore(path: path))
        let page = try String(contentsOf: planted.appendingPathComponent("videos/Video_024.html"), encoding: .utf8)
        #expect(page.contains("Stored Only Tool"))
        let other = try String(contentsOf: planted.appendingPathComponent("videos/Video_025.html"), encoding: .utf8)
        #expect(
            other == (try String(contentsOf: without.appendingPathComponent("videos/Video_025.html"), encoding: .utf8)))
    }
}
