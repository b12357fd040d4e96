import Foundation
import TaxoTestSupport
import Testing

/// Runs the built `taxo` binary as a user would and checks output and exit codes.
@Suite struct CLITests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    typealias Run = CLI.Run

    func taxo(_ args: [String], cwd: URL = repoRoot, stdin: String? = nil) throws -> Run {
        try CLI.taxo(args, cwd: cwd, stdin: stdin)
    }

    func brokenCopy() throws -> URL {
        let dst = Scratch.folder("taxo-cli")
        try FileManager.default.createDirectory(at: dst, withIntermediateDirectories: true)
        for d in ["LIBRARIES", "TASK_MANAGERS", "TALENTS"] {
            try FileManager.default.copyItem(
                at: Self.repoRoot.appendingPathComponent(d), to: dst.appendingPathComponent(d))
        }
        let m = dst.appendingPathComponent(
            "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-002_Configure_ScaleKit_Authorization_Stack.json")
        let text = try String(contentsOf: m, encoding: .utf8)
        try text.replacingOccurrences(of: "\"TSK-006\"\n", with: "\"TSK-006\",\n    \"TSK-099\",\n    \"TKS-004\"\n")
            .write(to: m, atomically: true, encoding: .utf8)
        try "{\n  \"tool_id\": \"TOL-QA-031\",\n  \"name\": \"MCP Inspector\"\n}\n"
            .write(
                to: dst.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector_Copy.json"), atomically: true,
                encoding: .utf8)
        try "{\n  \"tool_id\": \"TOL-QA-032\",\n  \"name\": \"Playwright\",\n}\n"
            .write(
                to: dst.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/Playwright.json"), atomically: true,
                encoding: .utf8)
        return dst
    }

    @Test func checkOnTheExampleLibraryIsClean() throws {
        let r = try taxo(["check"])
        #expect(r.code == 0)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("0 errors, 0 warnings"))
    }

    @Test func brokenCopyFailsInEveryFormat() throws {
        let root = try brokenCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let text = try taxo(["check"], cwd: root)
        #expect(text.code == 1)
        let lines = text.out.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(lines.count == 4)
        #expect(
            lines[0].hasPrefix(
                "LIBRARIES/LBS_003_Tools/QA/MCP_Inspector_Copy.json:2:14: error: duplicate ID 'TOL-QA-031'"))
        #expect(
            lines[1].hasPrefix("LIBRARIES/LBS_003_Tools/QA/Playwright.json:3:23: error: invalid JSON: trailing comma"))
        #expect(
            lines[2].contains("MLS-002_Configure_ScaleKit_Authorization_Stack.json:11:6: error: dangling reference")
                && lines[2].hasSuffix("[TAX0201]"))
        #expect(lines[3].contains(":12:6: error: unknown ID prefix 'TKS'"))
        #expect(text.out.contains("did you mean 'TSK'?"))

        let json = try taxo(["check", "--format", "json"], cwd: root)
        #expect(json.code == 1)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(obj["version"] as? Int == 2)
        #expect(obj["root"] as? String == ".")
        let diags = try #require(obj["diagnostics"] as? [[String: Any]])
        #expect(diags.map { $0["code"] as? String } == ["TAX0104", "TAX0001", "TAX0201", "TAX0102"])
        #expect(diags.map { $0["line"] as? Int } == [2, 3, 11, 12])
        #expect((obj["summary"] as? [String: Any])?["errors"] as? Int == 4)

        let gh = try taxo(["check", "--format", "github"], cwd: root)
        #expect(gh.code == 1)
        let ghLines = gh.out.split(separator: "\n")
        #expect(ghLines.count == 4)
        #expect(ghLines.allSatisfy { $0.hasPrefix("::error file=") })
        #expect(ghLines[2].contains(",line=11,col=6,title=TAX0201::"))

        let sarif = try taxo(["check", "--format", "sarif"], cwd: root)
        #expect(sarif.code == 1)
        let s = try #require(try JSONSerialization.jsonObject(with: Data(sarif.out.utf8)) as? [String: Any])
        #expect(s["version"] as? String == "2.1.0")
        let results = try #require(((s["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect((s["runs"] as? [[String: Any]])?.first?["columnKind"] as? String == "unicodeCodePoints")
        #expect(results.map { $0["ruleId"] as? String } == ["TAX0104", "TAX0001", "TAX0201", "TAX0102"])
    }

    @Test func pathsLimitTheReport() throws {
        let root = try brokenCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try taxo(["check", "LIBRARIES"], cwd: root)
        #expect(r.code == 1)
        #expect(r.out.split(separator: "\n").filter { $0.contains(": error: ") }.count == 2)
    }

    @Test func explainAndConfig() throws {
        let list = try taxo(["explain"])
        #expect(list.code == 0)
        #expect(list.out.contains("TAX0201"))
        #expect(list.out.contains("dangling-reference"))
        let one = try taxo(["explain", "TAX0201"])
        #expect(one.code == 0)
        #expect(one.out.contains("Triggers on"))
        #expect(one.out.contains("Does not trigger on"))
        let bad = try taxo(["explain", "TAX9999"])
        #expect(bad.code == 2)
        let def = try taxo(["config", "--print-default"])
        #expect(def.code == 0)
        #expect(def.out.contains("prefix: TOL"))
    }

    @Test func usageAndConfigurationErrorsExitTwo() throws {
        #expect(try taxo(["check", "--format", "xml"]).code == 2)
        #expect(try taxo(["frobnicate"]).code == 2)
        let dir = Scratch.folder("taxo-cfg")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "version: 1\nkinds:\n  tool:\n    prefx: TOL\n".write(
            to: dir.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
        let r = try taxo(["check"], cwd: dir)
        #expect(r.code == 2)
        #expect(r.out.contains("taxonomy.yaml:4:5: error: unknown key 'prefx' in kind tool [TAX0901]"))
        #expect(r.out.contains("did you mean 'prefix'?"))
    }

    @Test func buildWritesAnIndexAndSearchFindsScaleKit() throws {
        let root = try brokenCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let b = try taxo(["build", "--root", root.path, "--quiet"])
        #expect(b.code == 1)
        #expect(b.err.contains("wrote output/index.sqlite (full build)"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/index.sqlite").path))
        let s = try taxo(["search", "--root", root.path, "ScaleKit"])
        #expect(s.code == 0)
        #expect(
            s.out.contains(
                "LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json:4: [tool TOL-SEC-124] ScaleKit Dashboard"))
        let again = try taxo(["build", "--root", root.path, "--quiet"])
        #expect(again.err.contains("incremental: 0 files re-parsed"))
    }

    @Test func aKilledBuildLeavesThePreviousIndexIntact() throws {
        let root = try brokenCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try taxo(["build", "--root", root.path, "--quiet"]).code == 1)
        let index = root.appendingPathComponent("output/index.sqlite")
        let before = try #require(FileManager.default.contents(atPath: index.path))
        let tool = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json")
        try (try String(contentsOf: tool, encoding: .utf8)).replacingOccurrences(
            of: "MCP Inspector", with: "MCP Inspector 2"
        )
        .write(to: tool, atomically: true, encoding: .utf8)
        for extra in [[], ["--no-cache"]] {
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = ["build", "--root", root.path, "--quiet"] + extra
            var env = ProcessInfo.processInfo.environment
            env["TAXO_TEST_PAUSE_BEFORE_RENAME"] = "1"
            p.environment = env
            let e = Pipe()
            p.standardError = e
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            var seen = Data()
            while !String(decoding: seen, as: UTF8.self).contains("paused before rename") {
                let chunk = e.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen.append(chunk)
            }
            #expect(String(decoding: seen, as: UTF8.self).contains("paused before rename"))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            #expect(p.terminationReason == .uncaughtSignal)
            #expect(FileManager.default.contents(atPath: index.path) == before)
        }
        let dump = try taxo(["dump-index", "--root", root.path])
        #expect(dump.code == 0)
        #expect(dump.out.contains("| MCP Inspector |"))
        let next = try taxo(["build", "--root", root.path, "--quiet"])
        #expect(next.code == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("output").path)
            .filter { $0.contains(".tmp-") || $0.contains("taxo-tmp-") }
        #expect(leftovers.isEmpty)
        #expect(try taxo(["dump-index", "--root", root.path]).out.contains("MCP Inspector 2"))
    }

    @Test func gapsAndPhasesFromTheCommandLine() throws {
        let md = try taxo(["gaps", "Video_025"])
        #expect(md.code == 0)
        #expect(
            md.out.hasPrefix("---\ncategory: 03_ANALYSIS\n") && md.out.contains("| Tavilli Search API | near (0.88) |"))
        #expect(md.err.contains("2 near, 1 missing, 1 placeholder"))
        let json = try taxo(["gaps", "Video_025", "--format", "json"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(obj["version"] as? Int == 1)
        #expect(try taxo(["gaps", "Video_999"]).code == 2)
        let phases = try taxo(["phases"])
        #expect(
            phases.code == 0 && phases.out.contains("Video_025") && phases.out.contains("Phase 4: Objects Extraction"))
        let dir = Scratch.folder("taxo-phases")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let hand = dir.appendingPathComponent("VIDEOS_INDEX.md")
        try
            "# Index\n\n| Video | Phase 1 | Phase 2 | Phase 3 | Phase 4 | Phase 5 | Phase 6 | Phase 7 |\n|---|---|---|---|---|---|---|---|\n| Video_024 | ✅ | N/A | ✅ | ✅ | ✅ | ✅ | ✅ |\n| Video_025 | ✅ | N/A | ✅ | ✅ | ⏳ | ⏳ |\n"
            .write(to: hand, atomically: true, encoding: .utf8)
        let check = try taxo(["phases", "--check", hand.path])
        #expect(check.code == 1)
        #expect(check.out.contains(":6: row has 7 cells; the header has 8"))
        #expect(check.out.contains(":6: Video_025 Phase 4 (Objects Extraction) is marked ✅ but no artifact exists"))
    }
}
