import Foundation
import TaxoTestSupport
import Testing

/// Adopting taxo in CI and before commit (issue 13), through the binary: root discovery, paths, changed
/// files, baselines, suppressions, pre-commit and the options every command shares.
@Suite struct AdoptionTests {
    typealias Run = CLI.Run
    func taxo(_ args: [String], cwd: URL, stdin: String? = nil) throws -> Run {
        try CLI.taxo(args, cwd: cwd, stdin: stdin)
    }

    static let inspector = "LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json"

    func withCopy(_ body: (URL) throws -> Void) throws {
        let root = try CLI.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try body(root)
    }

    func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func edit(_ path: String, in root: URL, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    func errors(_ r: Run) -> [Substring] { r.out.split(separator: "\n").filter { $0.contains(": error: ") } }

    // MARK: 1. Root discovery

    @Test func theLibraryIsFoundFromAnySubfolder() throws {
        try withCopy { root in
            let sub = root.appendingPathComponent("TASK_MANAGERS/TSM-003_Task_Templates")
            let r = try taxo(["check"], cwd: sub)
            #expect(r.code == 0)
            #expect(r.err.contains("in 57 files"))
            try edit(Self.inspector, in: root) { $0.replacingOccurrences(of: "\"name\"", with: "\"name\",") }
            let broken = try taxo(["check"], cwd: sub)
            #expect(broken.code == 1)
            // Paths are relative to the working directory.
            #expect(broken.out.contains("../../LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json:"))
        }
        let nowhere = Scratch.folder("taxo-nolib")
        try FileManager.default.createDirectory(at: nowhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: nowhere) }
        let r = try taxo(["check"], cwd: nowhere)
        #expect(r.code == 2)
        #expect(r.err.contains("no library found above"))
        #expect(!r.err.contains("hint:"))
        // Above a library kept in a subfolder of the repository: the error names it.
        try FileManager.default.createDirectory(
            at: nowhere.appendingPathComponent("ENTITIES/TASK_MANAGERS"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: nowhere.appendingPathComponent(".git/LIBRARIES"), withIntermediateDirectories: true)
        let above = try taxo(["check"], cwd: nowhere)
        #expect(above.code == 2)
        #expect(above.err.contains("a library is inside it, at 'ENTITIES': run taxo there, or pass --root ENTITIES"))
        let rooted = try taxo(["check", "--root", nowhere.path], cwd: nowhere)
        #expect(rooted.err.contains("none of the library's roots"))
        #expect(rooted.err.contains("pass --root ENTITIES"))
    }

    @Test func aLibraryWhoseRootsAreMissingFailsAndAnEmptyOneIsClean() throws {
        let dir = Scratch.folder("taxo-empty")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("kb"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "version: 1\nroots: [kb]\n".write(
            to: dir.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
        #expect(try taxo(["check"], cwd: dir).code == 0)
        try "version: 1\nroots: [nothere]\n".write(
            to: dir.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
        let r = try taxo(["check"], cwd: dir)
        #expect(r.code == 2)
        #expect(r.err.contains("none of the library's roots"))
    }

    // MARK: 2. Paths

    @Test func pathsThatDoNotExistOrLieOutsideTheRoots() throws {
        try withCopy { root in
            #expect(try taxo(["check", "no/such/file.json"], cwd: root).code == 2)
            #expect(try taxo(["check", "-"], cwd: root).code == 2)
            try write("# Readme\n", "README.md", in: root)
            let outside = try taxo(["check", "README.md"], cwd: root)
            #expect(outside.code == 0)
            #expect(outside.out.contains("skipped: 'README.md' is not under the library's roots"))
        }
    }

    @Test func standardInputStandsForAFile() throws {
        try withCopy { root in
            let r = try taxo(
                ["check", "-", "--stdin-filename", Self.inspector], cwd: root,
                stdin: "{\n  \"tool_id\": \"TOL-QA-031\",\n  \"name\": \"MCP Inspector\",\n}\n")
            #expect(r.code == 1)
            #expect(r.out.hasPrefix(Self.inspector + ":3:26: error: invalid JSON"))
            // The file on disk is untouched.
            #expect(try taxo(["check"], cwd: root).code == 0)
        }
    }

    @Test func everyFormatPrintsPathsFromTheWorkingDirectory() throws {
        try withCopy { root in
            let odd = "LIBRARIES/LBS_003_Tools/QA/Web, UI tests/Selenium 100%.json"
            try write("{\"tool_id\": \"TOL-QA-777\", \"name\": \"Selenium\",}", odd, in: root)
            let parent = root.deletingLastPathComponent()
            let name = root.lastPathComponent
            let text = try taxo(["check", "--root", name], cwd: parent)
            #expect(text.out.hasPrefix("\(name)/\(odd):1:45: error:"))
            let gh = try taxo(["check", "--root", name, "--format", "github"], cwd: parent)
            #expect(gh.out.hasPrefix("::error file=\(name)/LIBRARIES/"))
            let json = try taxo(["check", "--root", name, "--format", "json"], cwd: parent)
            let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
            #expect(obj["version"] as? Int == 2)
            #expect(obj["root"] as? String == name)
            #expect(((obj["diagnostics"] as? [[String: Any]])?.first?["file"] as? String) == "\(name)/\(odd)")
            let sarif = try taxo(["check", "--root", name, "--format", "sarif"], cwd: parent)
            let s = try #require(try JSONSerialization.jsonObject(with: Data(sarif.out.utf8)) as? [String: Any])
            let run = try #require((s["runs"] as? [[String: Any]])?.first)
            let base = try #require((run["originalUriBaseIds"] as? [String: Any])?["SRCROOT"] as? [String: Any])
            #expect(
                (base["uri"] as? String)?.hasPrefix("file:///") == true
                    && (base["uri"] as? String)?.hasSuffix("/") == true)
            let results = try #require(run["results"] as? [[String: Any]])
            let artifact = try #require(
                ((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?[
                    "artifactLocation"] as? [String: Any])
            #expect(artifact["uriBaseId"] as? String == "SRCROOT")
            #expect(
                artifact["uri"] as? String
                    == "\(name)/LIBRARIES/LBS_003_Tools/QA/Web%2C%20UI%20tests/Selenium%20100%25.json")
            // Every URI is an RFC 3986 relative reference (the SARIF schema's uri-reference format).
            for r in results {
                for l in (r["locations"] as? [[String: Any]]) ?? [] {
                    let uri =
                        (((l["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"]
                            as? String) ?? ""
                    #expect(Self.isURIReference(uri), "\(uri)")
                }
            }
        }
    }

    /// RFC 3986 `relative-ref` with a path only: unreserved, sub-delims, ':', '@', '/' and %XX.
    static func isURIReference(_ s: String) -> Bool {
        let allowed = Set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/".unicodeScalars)
        let u = Array(s.unicodeScalars)
        var i = 0
        while i < u.count {
            if u[i] == "%" {
                guard i + 2 < u.count, u[i + 1].properties.isASCIIHexDigit, u[i + 2].properties.isASCIIHexDigit else {
                    return false
                }
                i += 3
            } else {
                guard allowed.contains(u[i]) else { return false }
                i += 1
            }
        }
        return !s.isEmpty && !s.hasPrefix("//")
    }

    // MARK: 3. Changed files

    @Test func aRenamedIDReportsItsDanglingReferences() throws {
        try withCopy { root in
            try edit(Self.inspector, in: root) { $0.replacingOccurrences(of: "TOL-QA-031", with: "TOL-QA-032") }
            // Without git, the previous build's cache tells what the file declared.
            #expect(try taxo(["build"], cwd: root).code == 1)
            try withCopyRestored(root) {
                let r = try taxo(["check", Self.inspector], cwd: root)
                #expect(r.code == 1)
                // 10 files of records (the two objects of QA_Objects.json are one finding) and Video_025's two
                // documents; Video_024's own documents cite the tool its Phase 3 analysis proposes ("Proposed
                // Tool ID: TOL-QA-031"), which is no claim that it exists.
                #expect(errors(r).count == 12)
                #expect(errors(r).allSatisfy { $0.contains("'TOL-QA-031'") })
            }
        }
    }

    /// Builds the cache on the original file, then renames again (the cache then knows the old ID).
    func withCopyRestored(_ root: URL, _ body: () throws -> Void) throws {
        try edit(Self.inspector, in: root) { $0.replacingOccurrences(of: "TOL-QA-032", with: "TOL-QA-031") }
        #expect(try taxo(["build"], cwd: root).code == 0)
        try edit(Self.inspector, in: root) { $0.replacingOccurrences(of: "TOL-QA-031", with: "TOL-QA-032") }
        try body()
    }

    @Test func changedFilesInGit() throws {
        try withCopy { root in
            try CLI.git(["init", "-q", "-b", "main"], in: root)
            try CLI.git(["add", "-A"], in: root)
            try CLI.git(["commit", "-qm", "library"], in: root)
            #expect(try taxo(["check", "--changed"], cwd: root).code == 0)
            try edit(Self.inspector, in: root) { $0.replacingOccurrences(of: "TOL-QA-031", with: "TOL-QA-032") }
            let unstaged = try taxo(["check", "--changed"], cwd: root)
            #expect(unstaged.code == 1)
            #expect(errors(unstaged).count == 12)
            // --staged sees only the index.
            #expect(try taxo(["check", "--changed", "--staged"], cwd: root).code == 0)
            try CLI.git(["add", "-A"], in: root)
            let staged = try taxo(["check", "--changed", "--staged"], cwd: root)
            #expect(staged.code == 1)
            #expect(errors(staged).count == 12)
            // A deleted file's references dangle; a base that is not a commit is a usage error.
            try CLI.git(["commit", "-qm", "rename"], in: root)
            try FileManager.default.removeItem(at: root.appendingPathComponent("TALENTS/Skills/Master/skills.json"))
            let deleted = try taxo(["check", "--changed", "--base", "HEAD"], cwd: root)
            #expect(deleted.code == 1)
            #expect(errors(deleted).contains { $0.contains("'SKL-042'") })
            #expect(errors(deleted).allSatisfy { !$0.contains("TOL-QA-031") })
            #expect(try taxo(["check", "--changed", "--base", "no-such-ref"], cwd: root).code == 2)
        }
    }

    // MARK: 4. Baseline

    @Test func aBaselineFailsOnlyOnNewFindings() throws {
        try withCopy { root in
            try edit(Self.inspector, in: root) { $0.replacingOccurrences(of: "TOL-QA-031", with: "TOL-QA-032") }
            let written = try taxo(["check", "--write-baseline", "taxo-baseline.json"], cwd: root)
            #expect(written.code == 0)
            #expect(written.err.contains("wrote 12 findings"))
            let text = try String(contentsOf: root.appendingPathComponent("taxo-baseline.json"), encoding: .utf8)
            #expect(text.contains("\"version\": 1"))
            #expect(text.contains("\"code\": \"TAX0201\""))
            #expect(try taxo(["check", "--baseline", "taxo-baseline.json"], cwd: root).code == 0)
            // Lines added above a finding do not make it new.
            try edit("LIBRARIES/Responsibilities/Objects/QA_Objects.json", in: root) { "\n\n\n" + $0 }
            let shifted = try taxo(["check", "--baseline", "taxo-baseline.json"], cwd: root)
            #expect(shifted.code == 0)
            #expect(shifted.err.contains("12 findings in the baseline"))
            // A new finding fails, alone.
            try write(
                "{\"tool_id\": \"TOL-QA-033\", \"name\": \"X\", \"related\": [\"TOL-QA-999\"]}",
                "LIBRARIES/LBS_003_Tools/QA/X.json", in: root)
            let fresh = try taxo(["check", "--baseline", "taxo-baseline.json"], cwd: root)
            #expect(fresh.code == 1)
            #expect(errors(fresh).count == 1)
            #expect(errors(fresh)[0].contains("TOL-QA-999"))
            // Fixed findings are counted so that the baseline can be tightened; taxonomy.yaml may name it.
            try FileManager.default.removeItem(at: root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/X.json"))
            try edit(Self.inspector, in: root) { $0.replacingOccurrences(of: "TOL-QA-032", with: "TOL-QA-031") }
            try (try taxo(["config", "--print-default"], cwd: root).out + "baseline: taxo-baseline.json\n")
                .write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
            let gone = try taxo(["check"], cwd: root)
            #expect(gone.code == 0)
            #expect(gone.err.contains("12 baseline entries no longer occur"))
            #expect(try taxo(["check", "--no-baseline"], cwd: root).err.contains("baseline") == false)
        }
    }

    @Test func buildHonoursTheBaselineAsCheckDoes() throws {
        try withCopy { root in
            try edit(Self.inspector, in: root) { $0.replacingOccurrences(of: "TOL-QA-031", with: "TOL-QA-032") }
            #expect(try taxo(["check", "--write-baseline", "taxo-baseline.json"], cwd: root).code == 0)
            try (try taxo(["config", "--print-default"], cwd: root).out + "baseline: taxo-baseline.json\n")
                .write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
            // Known findings neither print nor fail the build; the index keeps them all.
            let known = try taxo(["build", "--out", "out1"], cwd: root)
            #expect(known.code == 0)
            #expect(errors(known).isEmpty)
            #expect(known.err.contains("12 findings in the baseline"))
            #expect(known.err.contains("0 errors"))
            let index = try taxo(["dump-index", "--index", "out1/index.sqlite"], cwd: root).out
            #expect(index.split(separator: "\n").contains { $0.contains("TAX0201") && $0.contains("TOL-QA-032") })
            // The health report counts them apart.
            let health = try String(contentsOf: root.appendingPathComponent("out1/HEALTH.md"), encoding: .utf8)
            #expect(
                health.contains(
                    "The baseline `taxo-baseline.json` holds 12 of the findings (known before, they fail no check); "
                        + "0 errors and 0 warnings are new."))
            #expect(health.contains("| In the baseline | 12 |"))
            #expect(try taxo(["build", "--out", "out1", "--no-baseline"], cwd: root).code == 1)
            let without = try String(contentsOf: root.appendingPathComponent("out1/HEALTH.md"), encoding: .utf8)
            #expect(!without.contains("baseline"))
            // A new finding fails the build, alone.
            try write(
                "{\"tool_id\": \"TOL-QA-033\", \"name\": \"X\", \"related\": [\"TOL-QA-999\"]}",
                "LIBRARIES/LBS_003_Tools/QA/X.json", in: root)
            let fresh = try taxo(["build", "--out", "out1"], cwd: root)
            #expect(fresh.code == 1)
            #expect(errors(fresh).count == 1)
            #expect(errors(fresh).first?.contains("TOL-QA-999") == true)
            let after = try String(contentsOf: root.appendingPathComponent("out1/HEALTH.md"), encoding: .utf8)
            #expect(after.contains("; 1 error and 0 warnings are new."))
            // taxo show marks the known findings of a file, not the new one.
            let shown = try taxo(["show", "TOL-QA-033"], cwd: root).out
            #expect(shown.contains("TOL-QA-999") && !shown.contains("(in the baseline)"))
            let objects = "LIBRARIES/Responsibilities/Objects/QA_Objects.json"
            let marked = try taxo(["show", objects], cwd: root).out.split(separator: "\n").filter {
                $0.hasSuffix("(in the baseline)")
            }
            #expect(!marked.isEmpty && marked.allSatisfy { $0.contains("TOL-QA-031") })
            let json = try taxo(["show", "--format", "json", objects], cwd: root).out
            let card = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let flags = (card["diagnostics"] as? [[String: Any]] ?? []).map { $0["in_baseline"] as? Bool }
            #expect(!flags.isEmpty && flags.allSatisfy { $0 == true })
            #expect(!(try taxo(["show", "--no-baseline", objects], cwd: root).out.contains("in the baseline")))
            // A baseline that cannot be read stops the build before it writes anything.
            let broken = try taxo(["build", "--out", "out2", "--baseline", "nowhere.json"], cwd: root)
            #expect(broken.code == 2)
            #expect(broken.err.contains("nowhere.json does not exist"))
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out2/index.sqlite").path))
        }
    }

    // MARK: 5. Suppressions

    @Test func suppressionCommentsAndOverrides() throws {
        try withCopy { root in
            let doc = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md"
            try write(
                """
                # Notes

                <!-- taxo-ignore TAX0205 -->
                RSP-901 is cited here.

                RSP-902 is not silenced.

                <!-- taxo-ignore-start dangling-mention -->
                RSP-903 and RSP-904.
                <!-- taxo-ignore-end -->

                <!-- taxo-ignore TAX0401 -->
                Nothing to silence here.

                ```md
                <!-- taxo-ignore -->
                ```
                RSP-905 after a fence.
                """, doc, in: root)
            let r = try taxo(["check"], cwd: root)
            let lines = r.out.split(separator: "\n").filter { $0.hasPrefix(doc) }
            #expect(lines.contains { $0.contains("'RSP-902'") })
            #expect(lines.contains { $0.contains("'RSP-905'") })
            #expect(
                !lines.contains { $0.contains("'RSP-901'") || $0.contains("'RSP-903'") || $0.contains("'RSP-904'") })
            #expect(
                lines.contains { $0.contains(":12:1: warning: this taxo-ignore silences nothing (TAX0401) [TAX0507]") })
            let all = try taxo(["check", "--no-suppressions"], cwd: root)
            #expect(all.out.contains("'RSP-901'"))
            #expect(all.out.contains("'RSP-904'"))
            #expect(!all.out.contains("TAX0507"))
            // The whole file, then a per-path override in taxonomy.yaml.
            try edit(doc, in: root) { "<!-- taxo-ignore-file TAX0205 TAX0507 -->\n" + $0 }
            #expect(try taxo(["check"], cwd: root).out.contains(doc) == false)
            try edit(doc, in: root) { String($0.drop { $0 != "\n" }.dropFirst()) }
            try
                (try taxo(["config", "--print-default"], cwd: root).out.replacingOccurrences(
                    of: "rules: {}",
                    with: """
                        rules: {}
                        overrides:
                          - files: ["TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md"]
                            rules: { TAX0205: off, hygiene: off }
                          - files: ["TALENTS/**"]
                            rules: { TAX0205: off }
                        """)).write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
            let o = try taxo(["check"], cwd: root)
            #expect(!o.out.contains(doc))
            #expect(
                o.out.contains("taxonomy.yaml:")
                    && o.out.contains("this override turns rules off where they find nothing"))
        }
    }

    // MARK: 6. pre-commit

    /// pre-commit from PyPI (installed by .ci/run into a venv, named by TAXO_PRECOMMIT) runs the hook of
    /// this repository's .pre-commit-hooks.yaml on a library's staged changes.
    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["TAXO_PRECOMMIT"] != nil, "TAXO_PRECOMMIT names no pre-commit")
    )
    func preCommitRunsTheHook() throws {
        let precommit = URL(fileURLWithPath: ProcessInfo.processInfo.environment["TAXO_PRECOMMIT"]!)
        // The hook repository: a git copy of this repository's hook file.
        let hooks = Scratch.folder("taxo-hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: hooks) }
        try FileManager.default.copyItem(
            at: CLI.repoRoot.appendingPathComponent(".pre-commit-hooks.yaml"),
            to: hooks.appendingPathComponent(".pre-commit-hooks.yaml"))
        try CLI.git(["init", "-q", "-b", "main"], in: hooks)
        try CLI.git(["add", "-A"], in: hooks)
        try CLI.git(["commit", "-qm", "hooks"], in: hooks)
        try withCopy { root in
            try CLI.git(["init", "-q", "-b", "main"], in: root)
            try CLI.git(["add", "-A"], in: root)
            try CLI.git(["commit", "-qm", "library"], in: root)
            try edit(Self.inspector, in: root) { $0.replacingOccurrences(of: "\"name\"", with: "\"name\",") }
            try CLI.git(["add", "-A"], in: root)
            let env = [
                "PATH": CLI.binary.deletingLastPathComponent().path + ":"
                    + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                "PRE_COMMIT_HOME": hooks.appendingPathComponent(".cache").path,
            ]
            let fail = try CLI.run(precommit, ["try-repo", hooks.path, "taxo-check", "--verbose"], cwd: root, env: env)
            #expect(fail.code == 1, "\(fail.out)\(fail.err)")
            #expect(fail.out.contains("MCP_Inspector.json"))
            #expect(fail.out.contains("TAX0001"))
            try edit(Self.inspector, in: root) { $0.replacingOccurrences(of: "\"name\",", with: "\"name\"") }
            try CLI.git(["add", "-A"], in: root)
            let pass = try CLI.run(precommit, ["try-repo", hooks.path, "taxo-check"], cwd: root, env: env)
            #expect(pass.code == 0, "\(pass.out)\(pass.err)")
        }
    }

    // MARK: 7. Consistency

    @Test func everyCommandTakesTheSharedOptions() throws {
        try withCopy { root in
            #expect(try taxo(["build", "--quiet", "--no-color"], cwd: root).code == 0)
            for args in [
                ["check"], ["phases"], ["search", "ScaleKit"], ["explain"], ["config"], ["gaps", "Video_024"],
                ["dump-index"],
            ] {
                let r = try taxo(args + ["--quiet", "--no-color"], cwd: root)
                #expect(r.code == 0, "\(args): \(r.err)")
            }
            for args in [["phases"], ["search", "ScaleKit"], ["explain"], ["explain", "TAX0201"]] {
                let r = try taxo(args + ["--format", "json"], cwd: root)
                let obj = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
                #expect(obj?["version"] as? Int == 1, "\(args)")
            }
            // build --strict fails on warnings.
            try write(
                "{\"step_id\": \"STP-900\", \"name\": \"Alone\"}",
                "TASK_MANAGERS/TSM-004_Step_Templates/STP-900_Alone.json", in: root)
            #expect(try taxo(["build"], cwd: root).code == 0)
            #expect(try taxo(["build", "--strict"], cwd: root).code == 1)
        }
    }

    @Test func searchFindsIDsFirstAndPrefixesAndRejectsBadQueries() throws {
        try withCopy { root in
            _ = try taxo(["build", "--quiet"], cwd: root)
            let id = try taxo(["search", "TOL-SEC-124"], cwd: root)
            #expect(id.out.split(separator: "\n").first?.contains("[tool TOL-SEC-124] ScaleKit Dashboard") == true)
            let prefix = try taxo(["search", "scalek"], cwd: root)
            #expect(prefix.code == 0)
            #expect(prefix.out.contains("ScaleKit"))
            let bad = try taxo(["search", "AND", "OR", "("], cwd: root)
            #expect(bad.code == 2)
            #expect(bad.err.contains("error"))
        }
    }

    @Test func searchWithoutAnIndexSearchesTheLibraryAsItIsAndSaysWhenTheIndexIsOld() throws {
        try withCopy { root in
            let r = try taxo(["search", "TOL-SEC-0124"], cwd: root)
            #expect(r.code == 0)
            #expect(r.out.hasPrefix("LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json:4: [tool TOL-SEC-124]"))
            #expect(r.err.contains("no index"))
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
            // An index named on the command line must exist.
            #expect(try taxo(["search", "--index", "missing.sqlite", "x"], cwd: root).code == 2)
            // A file changed after the build: the hits may be old, and search says so.
            _ = try taxo(["build", "--quiet"], cwd: root)
            #expect(!(try taxo(["search", "ScaleKit"], cwd: root).err.contains("changed since")))
            try FileManager.default.setAttributes(
                [.modificationDate: Date().addingTimeInterval(60)],
                ofItemAtPath: root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json").path)
            #expect(
                try taxo(["search", "ScaleKit"], cwd: root).err.contains("1 file changed since the index was built"))
        }
    }

    @Test func showPrintsAnEntityOrAVideo() throws {
        try withCopy { root in
            // Any accepted spelling of the ID, or the exact name in any case.
            for args in [["TOL-SEC-0124"], ["scalekit", "dashboard"]] {
                let r = try taxo(["show"] + args, cwd: root)
                #expect(r.code == 0, "\(args)")
                #expect(r.out.hasPrefix("TOL-SEC-124 ScaleKit Dashboard\n"))
            }
            let card = try taxo(["show", "TOL-SEC-124"], cwd: root).out
            #expect(card.contains("LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json:4:14"))
            #expect(card.contains("responsibilities[0]: RSP-418 ScaleKit IAM Administration"))
            #expect(card.contains("WRF-SEC-014 Secure MCP OAuth 2.1 Implementation (workflow"))
            #expect(card.contains("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_024.md:235"))
            let json = try taxo(["show", "--format", "json", "TOL-SEC-124"], cwd: root)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
            #expect(object["id"] as? String == "TOL-SEC-124")
            #expect((object["backlinks_total"] as? Int ?? 0) >= 10)
            let missing = try taxo(["show", "ScaleKit", "Dashbord"], cwd: root)
            #expect(missing.code == 1)
            #expect(missing.err.contains("did you mean 'ScaleKit Dashboard'?"))
            // An ID in lower case is the ID; one digit away is a likely typo; three digits away is not.
            #expect(try taxo(["show", "tol-sec-124"], cwd: root).code == 0)
            #expect(try taxo(["show", "TOL-SEC-129"], cwd: root).err.contains("did you mean 'TOL-SEC-124'"))
            #expect(!(try taxo(["show", "TOL-SEC-999"], cwd: root).err.contains("did you mean")))
            // A name holding terminal escapes shows them, it does not run them.
            try write(
                #"{"tool_id": "TOL-QA-090", "name": "Evil\u001b[31mRed"}"#,
                "LIBRARIES/LBS_003_Tools/QA/TOL-QA-090.json",
                in: root)
            let evil = try taxo(["show", "TOL-QA-090"], cwd: root).out
            #expect(evil.hasPrefix("TOL-QA-090 Evil\\x1B[31mRed\n"))
            #expect(!evil.unicodeScalars.contains("\u{1B}"))
            // A video: its phases with their artifacts, the next step, its gap analysis in brief.
            #expect(try taxo(["show", "video_24"], cwd: root).out.hasPrefix("Video_024 "))
            let video = try taxo(["show", "video_024"], cwd: root)
            #expect(video.code == 0)
            #expect(video.out.hasPrefix("Video_024 Tutorial: Auth for Remote MCP Servers"))
            #expect(video.out.contains("✅ 1 Transcription  TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_024.md"))
            #expect(video.out.contains("entities name the video"))
            #expect(video.out.contains("\nGap analysis: "))
            let videoJSON = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try taxo(["show", "--format", "json", "Video_024"], cwd: root).out.utf8))
                    as? [String: Any])
            #expect((videoJSON["phases"] as? [Any])?.count == 7)
            #expect(((videoJSON["gaps"] as? [String: Any])?["candidates"] as? Int ?? 0) > 0)
        }
    }

    @Test func showPrintsAFile() throws {
        try withCopy { root in
            // A document, by its path from the root: its mentions by what they resolve to, and its findings.
            let doc = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_024_Notes.md"
            try write(
                "# Notes\n\nUses TOL-SEC-124 and TOL-QA-998.\n\nProposed Tool ID: TOL-QA-950\n\nAgain TOL-SEC-124.\n",
                doc,
                in: root)
            let r = try taxo(["show", doc], cwd: root)
            #expect(r.code == 0, "\(r.err)")
            #expect(r.out.hasPrefix(doc + "\n"))
            #expect(r.out.contains("Mentions that resolve (1)\n  TOL-SEC-124 ScaleKit Dashboard (tool)  lines 3, 7"))
            #expect(r.out.contains("Proposed IDs (1)\n  TOL-QA-950  line 5"))
            #expect(r.out.contains("Mentions of nothing (1)\n  TOL-QA-998 (no such tool)  line 3"))
            #expect(r.out.contains("3:22: error: 'TOL-QA-998' is mentioned but no tool has this ID [TAX0205]"))
            // From a subfolder, a path from there; JSON.
            let sub = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES")
            let json = try taxo(["show", "--format", "json", "03_ANALYSIS/Extractions/Video_024_Notes.md"], cwd: sub)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
            #expect(object["path"] as? String == doc)
            #expect(object["mentions_total"] as? Int == 3)
            let mentions = try #require(object["mentions"] as? [[String: Any]])
            #expect(mentions.first?["resolved_id"] as? String == "TOL-SEC-124")
            #expect(mentions.first?["lines"] as? [Int] == [3, 7])
            // A file of one entity is that entity's card.
            let tool = try taxo(["show", "LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json"], cwd: root)
            #expect(tool.out.hasPrefix("TOL-SEC-124 ScaleKit Dashboard\n"))
            // A path that is no file of the library is looked up as a name, and not found.
            #expect(try taxo(["show", "LIBRARIES/nothing.json"], cwd: root).code == 1)
        }
    }

    @Test func renameRewritesAnIDEverywhereByteForByte() throws {
        try withCopy { root in
            let before = try taxo(["check"], cwd: root)
            let tool = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json")
            let original = try String(contentsOf: tool, encoding: .utf8)
            // A diff first, nothing written, exit 1.
            let dry = try taxo(["rename", "TOL-QA-031", "TOL-QA-077"], cwd: root)
            #expect(dry.code == 1)
            #expect(dry.out.contains("+  \"tool_id\": \"TOL-QA-077\","))
            #expect(try String(contentsOf: tool, encoding: .utf8) == original)
            // Refused: taken, another kind, not an ID, nothing by that ID.
            for (old, new) in [
                ("TOL-QA-031", "TOL-SEC-124"), ("TOL-QA-031", "RSP-950"), ("TOL-QA-031", "x"),
                ("TOL-QA-998", "TOL-QA-077"),
            ] {
                #expect(try taxo(["rename", old, new], cwd: root).code == 2, "\(old) -> \(new)")
            }
            let done = try taxo(["rename", "--write", "tol-qa-031", "TOL-QA-077"], cwd: root)
            #expect(done.code == 0)
            #expect(done.err.contains("renamed TOL-QA-031 to TOL-QA-077"))
            // Only the ID changed in the file.
            #expect(
                try String(contentsOf: tool, encoding: .utf8)
                    == original.replacingOccurrences(of: "TOL-QA-031", with: "TOL-QA-077"))
            #expect(try taxo(["show", "TOL-QA-077"], cwd: root).code == 0)
            #expect(try taxo(["show", "TOL-QA-031"], cwd: root).code == 1)
            // The library checks as it did: every link and mention followed the ID.
            let after = try taxo(["check"], cwd: root)
            #expect(after.code == before.code)
            #expect(!after.out.contains("TOL-QA-031"))
            #expect(try taxo(["rename", "TOL-QA-077", "TOL-QA-077"], cwd: root).code == 0)
        }
    }

    @Test func moveTakesTheLinksToAFolderAlong() throws {
        try withCopy { root in
            let notes = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md")
            try "# Notes\n\nSee [the inspector](../../../LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json).\n".write(
                to: notes, atomically: true, encoding: .utf8)
            let before = try taxo(["check"], cwd: root)
            let qa = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA")
            // A diff first, nothing moved, exit 1; paths as given from a folder inside the library.
            let tools = root.appendingPathComponent("LIBRARIES/LBS_003_Tools")
            let dry = try taxo(["mv", "QA", "Quality"], cwd: tools)
            #expect(dry.code == 1)
            #expect(dry.out.contains("rename from QA\nrename to Quality\n"), "\(dry.out)")
            #expect(
                dry.out.contains("+See [the inspector](../../../LIBRARIES/LBS_003_Tools/Quality/MCP_Inspector.json)."))
            // The note's link and the phase 3 analysis's code span naming the tool's file from the root.
            #expect(dry.err.contains("1 move, 2 links and paths rewritten in 2 files; run with --write"), "\(dry.err)")
            #expect(
                dry.out.contains(
                    "+- **File Target**: `LIBRARIES/LBS_003_Tools/Quality/MCP_Inspector.json`."), "\(dry.out)")
            #expect(FileManager.default.fileExists(atPath: qa.path))
            // Refused: onto an existing folder's file, outside the library, nothing to move.
            #expect(try taxo(["move", "QA/MCP_Inspector.json", "Auth/ScaleKit_Dashboard.json"], cwd: tools).code == 2)
            #expect(try taxo(["move", "QA", "/tmp/elsewhere"], cwd: tools).code == 2)
            #expect(try taxo(["move", "QA"], cwd: tools).code == 2)
            let done = try taxo(["move", "--write", "QA", "Quality"], cwd: tools)
            #expect(done.code == 0, "\(done.err)")
            #expect(!FileManager.default.fileExists(atPath: qa.path))
            #expect(
                FileManager.default.fileExists(atPath: tools.appendingPathComponent("Quality/MCP_Inspector.json").path))
            // The library checks as it did: the link followed the folder.
            let after = try taxo(["check"], cwd: root)
            #expect(after.code == before.code)
            #expect(after.err.components(separatedBy: " in ").first == before.err.components(separatedBy: " in ").first)
            #expect(!after.out.contains("Notes.md"), "\(after.out)")
        }
    }

    @Test func searchRanksWhatTheQueryNamesFirstAndCorrectsMisspellings() throws {
        try withCopy { root in
            _ = try taxo(["build", "--quiet"], cwd: root)
            func titles(_ args: [String]) throws -> [String] {
                try taxo(["search"] + args, cwd: root).out.split(separator: "\n").filter { !$0.hasPrefix(" ") }
                    .map(String.init)
            }
            // Another spelling of an ID finds its entity (the text search alone finds nothing for it).
            for spelling in ["TOL-SEC-0124", "tol-sec-0124"] {
                #expect(try titles([spelling]).first?.contains("[tool TOL-SEC-124] ScaleKit Dashboard") == true)
            }
            // The entity a query names leads, before entities that only mention its words and documents.
            #expect(try titles(["ScaleKit", "Python", "SDK"]).first?.contains("[tool TOL-SEC-125]") == true)
            // Entities whose name starts with the query come before any document section.
            let scale = try titles(["ScaleKit"])
            let firstSection = try #require(scale.firstIndex { $0.contains("§") })
            #expect(scale[..<firstSection].contains { $0.contains("[tool TOL-SEC-124]") })
            #expect(scale[..<firstSection].contains { $0.contains("[tool TOL-SEC-125]") })
            // Nothing found: the query with its misspelt word corrected, exit 1.
            let typo = try taxo(["search", "Scalekt"], cwd: root)
            #expect(typo.code == 1)
            #expect(typo.err.contains("did you mean 'ScaleKit'?"))
            let json = try taxo(["search", "--format", "json", "Scalekt"], cwd: root)
            #expect(json.out.contains("\"did_you_mean\": \"ScaleKit\""))
            // A number two digits away is not a misspelling.
            let number = try taxo(["search", "TOL-SEC-999"], cwd: root)
            #expect(number.code == 1)
            #expect(!number.err.contains("did you mean"))
        }
    }

    @Test func levelsAndTheDefaultConfiguration() throws {
        try withCopy { root in
            let def = try taxo(["config", "--print-default"], cwd: root)
            #expect(def.out.hasSuffix("\n"))
            try (def.out + "\n").replacingOccurrences(
                of: "rules: {}", with: "rules: { orphan-entity: info, label-mismatch: note }"
            )
            .write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
            #expect(try taxo(["config"], cwd: root).code == 0)
            try def.out.replacingOccurrences(of: "rules: {}", with: "rules: { orphan-entity: warnin }")
                .write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
            let bad = try taxo(["config"], cwd: root)
            #expect(bad.code == 2)
            #expect(bad.out.contains("did you mean 'warning'?"))
            try def.out.write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
            #expect(try taxo(["config"], cwd: root).out.contains("12 kinds, 12 departments"))
        }
    }
}
