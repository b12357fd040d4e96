import Foundation
import Testing

@testable import TaxoKit

/// Files changed outside the editor (a terminal's `taxo new`, a `git pull`): the server asks the client to
/// watch them, and on each notification extracts only what changed, as a whole compile would see it.
extension LanguageServerConfigTests {
    /// A server on a copy of the example library, for a client that registers watchers (and maybe pulls).
    func watchingServer(pull: Bool = false) throws -> (LanguageServer, URL, [[String: Any]]) {
        let root = try TestSupport.exampleCopy()
        let s = LanguageServer(workingDirectory: root)
        var workspace: [String: Any] = ["didChangeWatchedFiles": ["dynamicRegistration": true]]
        var capabilities: [String: Any] = [:]
        if pull {
            workspace["diagnostics"] = ["refreshSupport": true]
            capabilities["textDocument"] = ["diagnostic": [:]]
        }
        capabilities["workspace"] = workspace
        _ = try send(
            s,
            [
                "id": 1, "method": "initialize",
                "params": ["rootUri": root.absoluteString, "capabilities": capabilities],
            ])
        let registered = try send(s, ["method": "initialized", "params": [:]])
        return (s, root, registered)
    }

    func watched(_ s: LanguageServer, _ changes: [(URL, Int)]) throws -> [[String: Any]] {
        try send(
            s,
            [
                "method": "workspace/didChangeWatchedFiles",
                "params": ["changes": changes.map { ["uri": $0.0.absoluteString, "type": $0.1] }],
            ])
    }

    @Test func theServerAsksAClientThatCanToWatchTheLibrarysFiles() throws {
        let (s, root, registered) = try watchingServer()
        defer { try? FileManager.default.removeItem(at: root) }
        let request = try #require(registered.first)
        #expect(request["method"] as? String == "client/registerCapability")
        let registration = try #require(
            ((request["params"] as? [String: Any])?["registrations"] as? [[String: Any]])?.first)
        #expect(registration["method"] as? String == "workspace/didChangeWatchedFiles")
        let watchers = try #require(
            (registration["registerOptions"] as? [String: Any])?["watchers"] as? [[String: Any]])
        let globs = watchers.compactMap { $0["globPattern"] as? String }
        // Every file: those taxo reads, and pictures and any other file a link may point at.
        #expect(globs == ["**/*"])
        // Once; the client's answer to the request is no message to handle.
        #expect(try send(s, ["method": "initialized", "params": [:]]).isEmpty)
        #expect(try send(s, ["id": "taxo-watch-1", "result": NSNull()]).isEmpty)

        // A client that watches nothing for servers is asked nothing.
        let plain = LanguageServer(workingDirectory: root)
        _ = try send(
            plain, ["id": 1, "method": "initialize", "params": ["rootUri": root.absoluteString, "capabilities": [:]]])
        #expect(try send(plain, ["method": "initialized", "params": [:]]).isEmpty)
    }

    /// A tool created in a terminal resolves the open buffer's reference at once; deleted again (or its
    /// folder), the reference dangles again; each state equals a whole compile of the files on disk.
    @Test func filesCreatedAndDeletedOnDiskChangeTheOpenBuffersFindings() throws {
        let (s, root, _) = try watchingServer()
        defer { try? FileManager.default.removeItem(at: root) }
        let buffer = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/TOL-QA-090_Watching.json")
        let bufferText =
            "{\n  \"tool_id\": \"TOL-QA-090\",\n  \"name\": \"Watching\",\n  \"alternatives\": [\"TOL-QA-950\"]\n}\n"
        #expect(codes(try edit(s, buffer.absoluteString, bufferText, open: true), buffer.absoluteString) == ["TAX0201"])

        let folder = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/Watched")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tool = folder.appendingPathComponent("TOL-QA-950_Watch.json")
        try "{\n  \"tool_id\": \"TOL-QA-950\",\n  \"name\": \"Watch\"\n}\n".write(
            to: tool, atomically: true, encoding: .utf8)
        let created = try watched(s, [(tool, 1)])
        #expect(codes(created, buffer.absoluteString) == [])
        #expect(s.result?.library.table["TOL-QA-950"] != nil)
        try expectSameAsAWholeCompile(
            s, root, buffer: ("LIBRARIES/LBS_003_Tools/QA/TOL-QA-090_Watching.json", bufferText))

        // Changed on disk: read again.
        try "{\n  \"tool_id\": \"TOL-QA-951\",\n  \"name\": \"Watch\"\n}\n".write(
            to: tool, atomically: true, encoding: .utf8)
        #expect(codes(try watched(s, [(tool, 2)]), buffer.absoluteString) == ["TAX0201"])
        try "{\n  \"tool_id\": \"TOL-QA-950\",\n  \"name\": \"Watch\"\n}\n".write(
            to: tool, atomically: true, encoding: .utf8)
        #expect(codes(try watched(s, [(tool, 2)]), buffer.absoluteString) == [])

        // A link to a file outside the library: the whole compile's walk decides, as for any other run.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("taxo-outside-\(getpid()).json")
        try "{\n  \"tool_id\": \"TOL-QA-952\",\n  \"name\": \"Outside\"\n}\n".write(
            to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        let link = folder.appendingPathComponent("TOL-QA-952_Outside.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        _ = try watched(s, [(link, 1)])
        try expectSameAsAWholeCompile(
            s, root, buffer: ("LIBRARIES/LBS_003_Tools/QA/TOL-QA-090_Watching.json", bufferText))

        // The folder deleted (one event for the folder, as some clients send).
        try FileManager.default.removeItem(at: folder)
        #expect(codes(try watched(s, [(folder, 3)]), buffer.absoluteString) == ["TAX0201"])
        #expect(s.result?.library.files.contains { $0.path.hasPrefix("LIBRARIES/LBS_003_Tools/Watched/") } == false)
        try expectSameAsAWholeCompile(
            s, root, buffer: ("LIBRARIES/LBS_003_Tools/QA/TOL-QA-090_Watching.json", bufferText))
    }

    /// An open buffer stands for its file whatever happens on disk; files outside the roots, hidden or of
    /// other types change nothing; `taxonomy.yaml` rewritten applies at once.
    @Test func openBuffersAndFilesTaxoDoesNotReadAreLeftAlone() throws {
        let (s, root, _) = try watchingServer()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = "LIBRARIES/LBS_003_Tools/TOL-ZZZ-001_Ledger.json"
        let tool = root.appendingPathComponent(path)
        let buffer = "{\n  \"tool_id\": \"TOL-ZZZ-001\",\n  \"name\": \"Ledger\"\n}\n"
        #expect(codes(try edit(s, tool.absoluteString, buffer, open: true), tool.absoluteString) == ["TAX0106"])
        var generation = s.generation
        try "{ not json".write(to: tool, atomically: true, encoding: .utf8)
        #expect(try watched(s, [(tool, 1)]).isEmpty)
        #expect(s.generation == generation)
        #expect(s.result?.library.entities.contains { $0.file == path && $0.name == "Ledger" } == true)
        // Deleted on disk, the open buffer still stands for it.
        try FileManager.default.removeItem(at: tool)
        #expect(try watched(s, [(tool, 3)]).isEmpty)
        #expect(s.result?.library.entities.contains { $0.file == path && $0.name == "Ledger" } == true)

        generation = s.generation
        let readme = root.appendingPathComponent("README.md")
        try "# About TOL-QA-999\n".write(to: readme, atomically: true, encoding: .utf8)
        let hidden = root.appendingPathComponent("LIBRARIES/.drafts/TOL-QA-999.json")
        // It exists, as a JSON file a compile would read if it were a library file.
        try FileManager.default.createDirectory(
            at: hidden.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "{\"tool_id\": \"TOL-QA-999\", \"name\": \"Hidden\"}".write(to: hidden, atomically: true, encoding: .utf8)
        #expect(try watched(s, [(readme, 1), (hidden, 1)]).isEmpty)
        #expect(s.generation == generation)

        // The department declared in taxonomy.yaml on disk: the open tool's finding goes.
        let declared = DefaultConfig.yaml.replacingOccurrences(
            of: "departments:\n", with: "departments:\n  ZZZ: { name: \"Ledgers\" }\n")
        try declared.write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
        let reloaded = try watched(s, [(root.appendingPathComponent("taxonomy.yaml"), 2)])
        #expect(codes(reloaded, tool.absoluteString) == [])
    }

    /// A picture a note shows, and a folder copied in with a file and a picture the note links to: each
    /// link's finding goes when its target appears on disk and comes back when it is deleted, with no whole
    /// compile (the folder is walked), and each state equals a whole compile of the files on disk.
    @Test func picturesAndCreatedFoldersAreWhatLinksAreCheckedAgainst() throws {
        let (s, root, _) = try watchingServer()
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md"
        let noteText = "# Notes\n\n![logo](logo.png), [the brief](Briefs/Brief.md) and ![chart](Briefs/chart.svg).\n"
        try noteText.write(to: root.appendingPathComponent(notes), atomically: true, encoding: .utf8)
        let note = root.appendingPathComponent(notes).absoluteString
        #expect(codes(try edit(s, note, noteText, open: true), note) == ["TAX0401", "TAX0401", "TAX0401"])
        let generation = s.generation

        let picture = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/logo.png")
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: picture)
        #expect(codes(try watched(s, [(picture, 1)]), note) == ["TAX0401", "TAX0401"])
        try expectSameAsAWholeCompile(s, root, buffer: (notes, noteText))

        // A folder copied in: one event for the folder.
        let folder = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Briefs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "# Brief\n\nAbout TOL-QA-031.\n".write(
            to: folder.appendingPathComponent("Brief.md"), atomically: true, encoding: .utf8)
        try "<svg/>".write(to: folder.appendingPathComponent("chart.svg"), atomically: true, encoding: .utf8)
        #expect(codes(try watched(s, [(folder, 1)]), note) == [])
        #expect(s.result?.timings.contains { $0.stage == "discover" } == false)
        #expect(s.result?.library.documents.contains { $0.path.hasSuffix("Briefs/Brief.md") } == true)
        try expectSameAsAWholeCompile(s, root, buffer: (notes, noteText))

        // Deleted again: the picture, then the folder.
        try FileManager.default.removeItem(at: picture)
        #expect(codes(try watched(s, [(picture, 3)]), note) == ["TAX0401"])
        try FileManager.default.removeItem(at: folder)
        #expect(codes(try watched(s, [(folder, 3)]), note) == ["TAX0401", "TAX0401", "TAX0401"])
        try expectSameAsAWholeCompile(s, root, buffer: (notes, noteText))
        // Each change compiled once, from what changed (an update walks no folder: no discovery stage).
        #expect(s.generation == generation + 4)
    }

    /// A baseline rewritten in a terminal (`taxo check --write-baseline`) shows at once: pushed to a client
    /// that is sent diagnostics, and a client that pulls them is asked to pull again.
    @Test(arguments: [false, true]) func aRewrittenBaselineShowsAtOnce(pull: Bool) throws {
        let (s, root, _) = try watchingServer(pull: pull)
        defer { try? FileManager.default.removeItem(at: root) }
        let path = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-077_Legacy.json"
        let legacy = "{\n  \"tool_id\": \"TOL-QA-077\",\n  \"name\": \"Legacy\",\n  \"related\": [\"TOL-QA-901\"]\n}\n"
        let tool = root.appendingPathComponent(path)
        try legacy.write(to: tool, atomically: true, encoding: .utf8)
        _ = try watched(s, [(tool, 1)])
        let finding = try #require(s.result?.diagnostics.first { $0.location?.file == path })
        let grammar = try #require(s.result?.library.grammar)
        let opened = try edit(s, tool.absoluteString, legacy, open: true)
        if !pull { #expect(published(opened, tool.absoluteString)?.map { $0["severity"] as? Int } == [1]) }

        try (DefaultConfig.yaml + "\nbaseline: taxo-baseline.json\n").write(
            to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
        try Baseline([finding], grammar: grammar).json().write(
            to: root.appendingPathComponent("taxo-baseline.json"), atomically: true, encoding: .utf8)
        _ = try watched(s, [(root.appendingPathComponent("taxonomy.yaml"), 2)])
        // Only the baseline changes now: emptied, the finding is new again.
        try Baseline([], grammar: grammar).json().write(
            to: root.appendingPathComponent("taxo-baseline.json"), atomically: true, encoding: .utf8)
        let out = try watched(s, [(root.appendingPathComponent("taxo-baseline.json"), 2)])
        if pull {
            #expect(out.contains { $0["method"] as? String == "workspace/diagnostic/refresh" })
        } else {
            #expect(published(out, tool.absoluteString)?.map { $0["severity"] as? Int } == [1])
        }
        // And filled again: a hint that says so.
        try Baseline([finding], grammar: grammar).json().write(
            to: root.appendingPathComponent("taxo-baseline.json"), atomically: true, encoding: .utf8)
        let again = try watched(s, [(root.appendingPathComponent("taxo-baseline.json"), 2)])
        if pull {
            #expect(again.contains { $0["method"] as? String == "workspace/diagnostic/refresh" })
        } else {
            let shown = try #require(published(again, tool.absoluteString))
            #expect(shown.map { $0["severity"] as? Int } == [4])
            #expect((shown.first?["message"] as? String)?.contains("in the baseline") == true)
        }
    }

    /// The server's findings after watched changes are those of a whole compile of the files on disk with the
    /// open buffer standing for its file.
    func expectSameAsAWholeCompile(_ s: LanguageServer, _ root: URL, buffer: (path: String, text: String)?) throws {
        let config = try #require(ConfigLoader.load(root: root).0)
        let overlay = buffer.map { [$0.path: Array($0.text.utf8)] } ?? [:]
        let whole = Compiler.compile(root: root.path, config: config, options: CompileOptions(overlay: overlay))
        func render(_ r: CompileResult?) -> [String] {
            (r?.diagnostics ?? []).map {
                "\($0.location?.file ?? ""):\($0.location?.line ?? 0) \($0.code) \($0.message)"
            }
        }
        #expect(render(s.result) == render(whole))
        #expect(s.result?.library.entities.count == whole.library.entities.count)
    }
}
