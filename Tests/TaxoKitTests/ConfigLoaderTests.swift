import Foundation
import TaxoTestSupport
import Testing

@testable import TaxoKit

@Suite struct ConfigLoaderTests {
    func load(_ yaml: String) -> (Config?, [Diagnostic]) {
        ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: yaml))
    }

    @Test func defaultConfigurationIsValid() {
        let (c, d) = load(DefaultConfig.yaml)
        #expect(d.isEmpty)
        let config = try! #require(c)
        #expect(
            Set(["TOL", "WRF", "MLS", "TSK", "STP", "RSP", "SKL", "OBJ", "ACT", "PMT"]).isSubset(
                of: Set(config.kinds.map(\.prefix))))
        #expect(Set(["AID", "SEC", "QA"]).isSubset(of: Set(config.departments.map(\.code))))
    }

    @Test func unknownKeyHasPositionAndDidYouMean() throws {
        let (c, d) = load("version: 1\nrots: [A]\n")
        #expect(c == nil)
        let e = try #require(d.first)
        #expect(e.code == "TAX0901")
        #expect(e.location == SourceLocation(file: "taxonomy.yaml", line: 2, column: 1))
        #expect(e.hint == "did you mean 'roots'?")
    }

    /// A configuration with a merge left unresolved is refused at the conflict, no side guessed.
    @Test func aMergeConflictIsNamedNotParsed() throws {
        let (c, d) = load("version: 1\n<<<<<<< HEAD\nroots: [A]\n=======\nroots: [B]\n>>>>>>> other\n")
        #expect(c == nil)
        let e = try #require(d.first)
        #expect(d.count == 1)
        #expect(e.code == "TAX0901")
        #expect(e.location == SourceLocation(file: "taxonomy.yaml", line: 2, column: 1))
        #expect(e.message.contains("unresolved merge conflict (lines 2-6)"))
    }

    @Test func rolesMapKindsAndAreChecked() throws {
        let base = "kinds:\n  software:\n    prefix: SFT\n  phase:\n    prefix: PHS\n  tool:\n    prefix: TOL\n"
        let (c, d) = load(base + "roles: { tool: software, milestone: phase, action: null }\n")
        #expect(d.isEmpty)
        let config = try #require(c)
        #expect(config.kindIndex(role: .tool) == 0)
        #expect(config.kindIndex(role: .milestone) == 1)
        #expect(config.kindIndex(role: .action) == nil)
        // Roles not listed are played by the kind of their name, if any.
        #expect(config.kindIndex(role: .skill) == nil)
        #expect(config.role(ofKind: 0) == .tool)
        #expect(config.role(ofKind: 2) == nil)
        let (bad, errors) = load(base + "roles:\n  tol: software\n  prompt: prmpt\n")
        #expect(bad == nil)
        let role = try #require(errors.first { $0.message == "unknown role 'tol'" })
        #expect(role.location?.line == 9)
        #expect(role.location?.column == 3)
        #expect(role.hint == "did you mean 'tool'?")
        let kind = try #require(errors.first { $0.message == "unknown kind 'prmpt' for role prompt" })
        #expect(kind.location?.line == 10)
        #expect(errors.count == 2)
    }

    @Test func unknownTargetKindIsReported() throws {
        let yaml =
            "kinds:\n  tool:\n    prefix: TOL\n    links:\n      workflows: { target: worklfow }\n  workflow:\n    prefix: WRF\n"
        let (c, d) = load(yaml)
        #expect(c == nil)
        let e = try #require(d.first { $0.message.contains("unknown kind 'worklfow'") })
        #expect(e.location?.line == 5)
        #expect(e.hint == "did you mean 'workflow'?")
    }

    @Test func badRegexAndGlobAndLevels() {
        let (_, d) = load(
            "video_pattern: \"Video_[0-9\"\nexclude: [\"a/{b\"]\nrules:\n  TAX0201: loud\n  dangling-refrence: off\n")
        let msgs = d.map(\.message)
        #expect(msgs.contains { $0.contains("not a valid regular expression") })
        #expect(msgs.contains { $0.contains("invalid glob") })
        #expect(msgs.contains { $0.contains("rule level") })
        #expect(
            d.contains {
                $0.message.contains("unknown rule 'dangling-refrence'")
                    && $0.hint == "did you mean 'dangling-reference'?"
            })
    }

    @Test func invalidYAMLIsADiagnosticNotACrash() throws {
        let (c, d) = load("kinds: [\n  - a: b\n")
        #expect(c == nil)
        #expect(try #require(d.first).message.contains("not valid YAML"))
    }

    @Test func ruleLevelsApply() throws {
        let yaml = DefaultConfig.yaml.replacingAll(
            "rules: {}", with: "rules:\n  dangling-reference: warning\n  hierarchy: off\n")
        let (c, d) = load(yaml)
        #expect(d.isEmpty)
        let config = try #require(c)
        let r = Compiler.compile(
            files: [
                (
                    path: "LIBRARIES/LBS_003_Tools/TOL-001_A.json",
                    bytes: Array(#"{"tool_id": "TOL-001", "name": "A", "see": "TOL-002"}"#.utf8)
                )
            ], config: config)
        #expect(r.diagnostics.map(\.code) == ["TAX0201"])
        #expect(r.diagnostics.first?.severity == .warning)
    }

    @Test func excludedDirectoriesArePrunedOnlyWhenThePatternCoversThem() {
        #expect(Glob("drafts/**").coversDirectory("drafts"))
        #expect(Glob("**/_vendor/**").coversDirectory("LIBRARIES/x/_vendor"))
        #expect(Glob("{old,drafts}").coversDirectory("drafts"))
        #expect(!Glob("drafts/*.md").coversDirectory("drafts"))
        #expect(!Glob("**/*.md").coversDirectory("LIBRARIES"))
        #expect(!Glob("drafts/**").coversDirectory("LIBRARIES/drafts"))
    }

    @Test func discoveryHonoursExcludesForDirectoriesAndFiles() throws {
        let root = Scratch.folder("taxo-excl")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in [
            "LIBRARIES/keep/TOL-001_A.json", "LIBRARIES/drafts/TOL-002_B.json", "LIBRARIES/keep/notes.md",
            "LIBRARIES/keep/deep/TOL-003_C.json",
        ] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: url)
        }
        var config = TestSupport.defaultConfig
        config.exclude = [Glob("LIBRARIES/drafts/**"), Glob("**/*.md")]
        let found = Discovery.discover(root: root.path, config: config).files.map(\.path).sorted()
        #expect(found == ["LIBRARIES/keep/TOL-001_A.json", "LIBRARIES/keep/deep/TOL-003_C.json"])
    }
}
