import Foundation
import TaxoTestSupport
import Testing

/// `taxo check --changed` against a full check, over 20 random edits of a generated library (renames,
/// deletions, copies that duplicate an ID, files broken mid-edit): what --changed reports is exactly
/// findings of the full check, and it misses none that stand in a changed file, point at one, or name an
/// ID an edited file declared before the edit.
@Suite struct ChangedFilesTests {
    static let generator = CLI.repoRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_kb.py")

    struct Finding: Hashable {
        var file: String; var line: Int; var column: Int; var code: String; var message: String; var notes: [String]
    }

    func findings(_ args: [String], in root: URL) throws -> (Set<Finding>, Int32) {
        let r = try CLI.taxo(["check", "--format", "json", "--no-cache"] + args, cwd: root)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.err)")
        let list = try #require(obj["diagnostics"] as? [[String: Any]])
        return (
            Set(
                list.map { d in
                    Finding(
                        file: d["file"] as? String ?? "", line: d["line"] as? Int ?? 0,
                        column: d["column"] as? Int ?? 0,
                        code: d["code"] as? String ?? "", message: d["message"] as? String ?? "",
                        notes: ((d["notes"] as? [[String: Any]]) ?? []).map {
                            ($0["file"] as? String ?? "") + " " + ($0["message"] as? String ?? "")
                        })
                }), r.code
        )
    }

    /// A small deterministic generator (the test must fail the same way twice).
    struct LCG {
        var state: UInt64;
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n))
        }
    }

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: generator.path)
                || ProcessInfo.processInfo.environment["CI"] == "true",
            "../shared/bench/gen_kb.py is not beside the repo (in CI the test runs and fails)"))
    func changedEqualsTheTouchedSubsetOfAFullCheck() throws {
        let root = Scratch.folder("taxo-changed")
        defer { try? FileManager.default.removeItem(at: root) }
        let gen = try CLI.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", Self.generator.path, "--entities", "300", "--seed", "7", root.path], cwd: CLI.repoRoot)
        #expect(gen.code == 0, "\(gen.err)")
        try FileManager.default.copyItem(
            at: CLI.repoRoot.appendingPathComponent("Benchmarks/taxonomy.yaml"),
            to: root.appendingPathComponent("taxonomy.yaml"))
        try CLI.git(["init", "-q", "-b", "main"], in: root)
        try CLI.git(["add", "-A"], in: root)
        try CLI.git(["commit", "-qm", "generated"], in: root)
        let files = try #require(
            FileManager.default.subpathsOfDirectory(atPath: root.path)
                .filter {
                    $0.hasSuffix(".json") && !$0.hasPrefix(".git")
                        && $0.split(separator: "/").last!.range(of: #"^[A-Z]+-[0-9]+_"#, options: .regularExpression)
                            != nil
                }
                .sorted())
        #expect(files.count > 100)
        var rng = LCG(state: 42)
        var kinds = Set<Int>()
        var touched = 0
        for i in 0..<20 {
            let kind = i % 4
            kinds.insert(kind)
            let path = files[rng.next(files.count)]
            let url = root.appendingPathComponent(path)
            let name = String(path.split(separator: "/").last!)
            let oldID = String(name.prefix { $0 != "_" })
            var changed = [path]
            var oldIDs: [String] = []
            switch kind {
            case 0:  // rename the ID, in the file and in its name
                let newID = oldID + "9"
                let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
                    of: "\"\(oldID)\"", with: "\"\(newID)\"")
                let newPath = path.replacingOccurrences(
                    of: name, with: name.replacingOccurrences(of: oldID, with: newID))
                try FileManager.default.removeItem(at: url)
                try text.write(to: root.appendingPathComponent(newPath), atomically: true, encoding: .utf8)
                changed.append(newPath)
                oldIDs = [oldID]
            case 1:  // delete the file
                try FileManager.default.removeItem(at: url)
                oldIDs = [oldID]
            case 2:  // a copy declares the same ID again
                let copy = path.replacingOccurrences(of: name, with: "Copy_of_" + name)
                try FileManager.default.copyItem(at: url, to: root.appendingPathComponent(copy))
                changed = [copy]
            default:  // the file breaks (a trailing comma)
                var text = try String(contentsOf: url, encoding: .utf8)
                if let brace = text.lastIndex(of: "}") { text.replaceSubrange(brace...brace, with: ",}") }
                try text.write(to: url, atomically: true, encoding: .utf8)
                oldIDs = [oldID]
            }
            let (full, _) = try findings([], in: root)
            let (subset, _) = try findings(["--changed", "--base", "HEAD"], in: root)
            #expect(subset.isSubset(of: full), "edit \(i): --changed reported what a full check does not")
            for f in full {
                let touches =
                    changed.contains(f.file) || f.notes.contains { n in changed.contains { n.hasPrefix($0 + " ") } }
                    || oldIDs.contains { f.message.contains("'\($0)'") }
                if touches {
                    touched += 1
                    #expect(subset.contains(f), "edit \(i) (\(kind), \(path)): missing \(f)")
                }
            }
            // Unrelated findings (the generator's planted defects elsewhere) are not reported.
            if !full.isEmpty { #expect(subset.count < full.count || full.allSatisfy { changed.contains($0.file) }) }
            try CLI.git(["reset", "-q", "--hard"], in: root)
            try CLI.git(["clean", "-qfd"], in: root)
        }
        #expect(kinds == [0, 1, 2, 3])
        #expect(touched >= 20, "the edits caused too few findings to compare")
    }
}
