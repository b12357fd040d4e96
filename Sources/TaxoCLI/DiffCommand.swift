import ArgumentParser
import Foundation
import TaxoKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What a change does to the library: entities, links, findings and phases, against a git commit.",
        discussion: """
            Compiles the library as it is (uncommitted and untracked files included) and as it was at a commit \
            (default: the merge base with the default branch, as check --changed), or in another folder \
            (--against), and lists entities added, removed, renamed (a new ID for the same record) and changed \
            (name, kind, department, status, file, aliases, record fields), links added and removed, findings \
            the change introduces and fixes (a finding that only moved is neither), and video phases that \
            changed. --format markdown makes a pull-request comment. Nothing is written.
            """)

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: "The commit to compare with (default: the merge base with the default branch).")
    var base: String?

    @Option(name: .long, help: "Compare with the library in this folder instead of a commit.")
    var against: String?

    @Option(name: .long, help: "text, markdown (a pull-request comment) or json.")
    var format: DiffFormat = .text

    @Flag(name: .long, help: "Exit 1 when the change brings new errors.")
    var failOnNew = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        let cwd = FileManager.default.currentDirectoryPath
        let after = Compiler.compile(
            root: root.path, config: config, keepContent: true, cache: library.cache(root: root, config: config))
        KeepUntilExit.keep(after)
        let before: CompileResult
        let title: String
        if let against {
            guard base == nil else { return try fail("give --base or --against, not both") }
            let other = URL(fileURLWithPath: against, relativeTo: URL(fileURLWithPath: cwd)).standardizedFileURL
            let otherConfig = try library.loadConfig(root: other)
            before = Compiler.compile(root: other.path, config: otherConfig, keepContent: true)
            title = "\(other.path) -> \(root.path)"
        } else {
            let side = try BaseSide(root: root, config: config, base: base)
            if side.config.hash == config.hash {
                // The same configuration: the work tree's compile with the changed files put back as they were.
                before = Compiler.update(
                    after, config: config, changed: side.overlay, removed: side.absent, keepContent: true)
            } else {
                before = Compiler.compile(
                    root: root.path, config: side.config, keepContent: true,
                    options: CompileOptions(overlay: side.overlay, absent: side.absent))
            }
            title = "\(side.name) -> working tree"
        }
        KeepUntilExit.keep(before)
        let report = DiffReport(LibraryDiff(before: before, after: after), title: title)
        switch format {
        case .json: Console.out(report.json())
        case .markdown:
            let templates = Templates(directory: root.appendingPathComponent("templates").path)
            Console.out(try report.markdown(templates: templates, command: "taxo diff"))
        case .text: Console.out(report.text(color: output.color))
        }
        if failOnNew && report.diff.newErrors > 0 {
            if !output.quiet {
                Console.err(
                    "taxo: the change brings \(report.diff.newErrors) new error\(report.diff.newErrors == 1 ? "" : "s")\n"
                )
            }
            throw TaxoExit(code: 1)
        }
    }

    func fail(_ message: String) throws {
        Console.err("taxo: error: \(message)\n")
        throw TaxoExit(code: 2)
    }
}

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}

/// The library as it was at a commit, as a compile sees it: the configuration of then, the files changed
/// since with their content then, and the files added since (absent then).
struct BaseSide {
    var config: Config
    var overlay: [String: [UInt8]] = [:]
    var absent: Set<String> = []
    /// The commit in words: `main (3f2a1c0)`.
    var name: String

    init(root: URL, config current: Config, base: String?) throws {
        let git = Git(directory: root)
        func fail(_ message: String) -> TaxoExit {
            Console.err("taxo: error: \(message)\n")
            return TaxoExit(code: 2)
        }
        guard let top = git.topLevel() else {
            throw fail("taxo diff needs a git repository (or --against FOLDER); \(root.path) is not in one")
        }
        do {
            let rev = try base ?? git.defaultBase()
            guard let short = try git.text(["rev-parse", "--short", "--verify", "--quiet", rev + "^{commit}"]) else {
                throw fail("'\(rev)' is not a commit")
            }
            name = base == nil ? "merge base \(short)" : "\(rev) (\(short))"
            let display = PathDisplay(prefix: "")
            var byGitPath: [String: String] = [:]
            for f in try git.changedFiles(base: rev, staged: false) {
                let abs = top.appendingPathComponent(f).path
                guard let rel = display.libraryPath(abs, workingDirectory: "/", root: root.path), !rel.isEmpty,
                    !rel.hasPrefix("../")
                else { continue }
                byGitPath[f] = rel
            }
            let then = git.contents(of: byGitPath.keys.sorted(), at: rev)
            // The configuration of then (the built-in one when there was no taxonomy.yaml).
            config = current
            if let f = byGitPath.first(where: { $0.value == ConfigLoader.fileName })?.key {
                let file =
                    then[f].map { SourceFile(path: ConfigLoader.fileName, rawBytes: $0) }
                    ?? SourceFile(path: "<default taxonomy.yaml>", text: DefaultConfig.yaml)
                guard let c = ConfigLoader.parse(file).0 else {
                    throw fail(
                        "the \(ConfigLoader.fileName) of \(rev) does not load; compare with --against a checkout")
                }
                config = c
            }
            for (f, rel) in byGitPath where config.isUnderRoots(rel) {
                if let bytes = then[f] { overlay[rel] = bytes } else { absent.insert(rel) }
            }
        } catch let e as TaxoError {
            throw fail(e.message)
        }
    }
}
