import Foundation
import TaxoTestSupport
import Testing

/// `taxo diff` through the binary, in a git repository holding the example library: the base is compiled
/// from git (changed files as they were, files added since left out, the configuration of then), nothing
/// is written, and the exit status says whether the change brings new errors.
@Suite struct DiffTests {
    static let tavily = "LIBRARIES/LBS_003_Tools/AI_Search/Tavily_Search_API.json"
    static let sdk = "LIBRARIES/LBS_003_Tools/Auth/ScaleKit_SDK.json"

    func withRepository(_ body: (URL) throws -> Void) throws {
        let root = try CLI.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try CLI.git(["init", "-q", "-b", "main"], in: root)
        try CLI.git(["add", "-A"], in: root)
        try CLI.git(["commit", "-qm", "base"], in: root)
        try body(root)
    }

    func listing(_ root: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".git/") }.sorted()
    }

    @Test func aChangeAgainstItsCommit() throws {
        try withRepository { root in
            let clean = try CLI.taxo(["diff"], cwd: root)
            #expect(clean.code == 0, "\(clean.err)")
            #expect(clean.out.contains("0 files changed: no change"))
            // Rename an ID, delete a tool, add an untracked one.
            let url = root.appendingPathComponent(Self.tavily)
            try (try String(contentsOf: url, encoding: .utf8)).replacingOccurrences(
                of: "TOL-AID-205", with: "TOL-AID-299"
            )
            .write(to: url, atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(at: root.appendingPathComponent(Self.sdk))
            try #"{"tool_id": "TOL-AID-555", "name": "Brand New Tool"}"#.write(
                to: root.appendingPathComponent("LIBRARIES/LBS_003_Tools/Brand_New_Tool.json"), atomically: true,
                encoding: .utf8)
            let files = try listing(root)
            let r = try CLI.taxo(["diff", "--format", "json"], cwd: root)
            #expect(r.code == 0, "\(r.err)")
            let d = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            #expect((d["added"] as? [[String: Any]])?.map { $0["id"] as? String } == ["TOL-AID-555"])
            #expect((d["removed"] as? [[String: Any]])?.map { $0["id"] as? String } == ["TOL-SEC-125"])
            #expect((d["renamed"] as? [[String: Any]])?.map { $0["to"] as? String } == ["TOL-AID-299"])
            let new = try #require(d["new_findings"] as? [[String: Any]])
            #expect(new.contains { ($0["message"] as? String)?.contains("TOL-AID-205") == true })
            #expect(d["files_changed"] as? Int == 3)
            // Nothing was written (no output folder, no cache).
            #expect(try listing(root) == files)
            let strict = try CLI.taxo(["diff", "--fail-on-new"], cwd: root)
            #expect(strict.code == 1)
            #expect(strict.err.contains("new error"))
            let md = try CLI.taxo(["diff", "--format", "markdown"], cwd: root)
            #expect(md.out.contains("| TOL-AID-205 | TOL-AID-299 | tool | Tavily Search API |"))
            // Against the commit itself once committed: nothing changed.
            try CLI.git(["add", "-A"], in: root)
            try CLI.git(["commit", "-qm", "change"], in: root)
            let none = try CLI.taxo(["diff", "--base", "HEAD"], cwd: root)
            #expect(none.out.contains("0 files changed"))
            let since = try CLI.taxo(["diff", "--base", "HEAD~1", "--format", "json"], cwd: root)
            #expect(since.out.contains("\"TOL-AID-299\""))
            let bad = try CLI.taxo(["diff", "--base", "no-such-commit"], cwd: root)
            #expect(bad.code == 2)
            #expect(bad.err.contains("is not a commit"))
        }
    }

    @Test func theBaseIsCompiledWithItsOwnConfiguration() throws {
        try withRepository { root in
            // A taxonomy.yaml that drops the QA department: QA IDs become unknown now, not then.
            let yaml = try CLI.taxo(["config", "--print-default"], cwd: root).out
            let dropped = yaml.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("QA:") }.joined(separator: "\n")
            #expect(dropped != yaml)
            try dropped.write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
            let check = try CLI.taxo(["check", "--format", "json", "--no-cache"], cwd: root)
            #expect(check.out.contains("TAX0106"))
            let r = try CLI.taxo(["diff", "--format", "json"], cwd: root)
            let d = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.err)")
            let new = try #require(d["new_findings"] as? [[String: Any]])
            #expect(new.contains { $0["code"] as? String == "TAX0106" })
            #expect((d["fixed_findings"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func againstAnotherFolderAndOutsideGit() throws {
        let a = try CLI.exampleCopy(), b = try CLI.exampleCopy()
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        try FileManager.default.removeItem(at: b.appendingPathComponent(Self.sdk))
        let r = try CLI.taxo(["diff", "--against", a.path, "--format", "json"], cwd: b)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("\"TOL-SEC-125\""))
        let noGit = try CLI.taxo(["diff"], cwd: b)
        #expect(noGit.code == 2)
        #expect(noGit.err.contains("needs a git repository"))
    }
}

extension DiffTests {
    /// In a shallow clone (CI's default checkout) a base it does not have is said to be missing for that reason.
    @Test func aShallowCloneSaysWhyTheBaseIsMissing() throws {
        try withRepository { root in
            try "x".write(to: root.appendingPathComponent("note.txt"), atomically: true, encoding: .utf8)
            try CLI.git(["add", "-A"], in: root)
            try CLI.git(["commit", "-qm", "second"], in: root)
            let clone = Scratch.folder("taxo-shallow")
            defer { try? FileManager.default.removeItem(at: clone) }
            try CLI.git(["clone", "-q", "--depth", "1", root.absoluteString, clone.path], in: root)
            let r = try CLI.taxo(["diff", "--base", "HEAD~1"], cwd: clone)
            #expect(r.code == 2)
            #expect(r.err.contains("is not a commit here (this clone is shallow"))
        }
    }
}

extension DiffTests {
    /// A library's first commit: no HEAD yet. The pre-commit check and the diff take the empty tree for
    /// base (every file new) instead of failing on a missing HEAD.
    @Test func aRepositoryWithoutACommitHasAnEmptyBase() throws {
        let root = try CLI.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try CLI.git(["init", "-q", "-b", "main"], in: root)
        try CLI.git(["add", "-A"], in: root)
        let staged = try CLI.taxo(["check", "--changed", "--staged"], cwd: root)
        #expect(staged.code == 0, "\(staged.err)")
        try #"{"tool_id": "TOL-QA-097", "name": "Draft", "alternatives": ["TOL-QA-996"]}"#.write(
            to: root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/TOL-QA-097_Draft.json"), atomically: true,
            encoding: .utf8)
        try CLI.git(["add", "-A"], in: root)
        let broken = try CLI.taxo(["check", "--changed", "--staged"], cwd: root)
        #expect(broken.code == 1)
        #expect(broken.out.contains("TOL-QA-996"))
        let d = try CLI.taxo(["diff", "--format", "json"], cwd: root)
        #expect(d.code == 0, "\(d.err)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(d.out.utf8)) as? [String: Any])
        #expect(obj["compared"] as? String == "no commit yet -> working tree")
        #expect(((obj["added"] as? [Any])?.count ?? 0) > 50)
        #expect((obj["removed"] as? [Any])?.isEmpty == true)
    }
}
