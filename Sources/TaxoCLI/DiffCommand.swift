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
        if against != nil && base != nil { return try fail("give --base or --against, not both") }
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        let cwd = FileManager.default.currentDirectoryPath
        let after = Compiler.compile(
            root: root.path, config: config, keepContent: true, cache: library.cache(root: root, config: config))
        KeepUntilExit.keep(after)
        let before: CompileResult
        let title: String
        if let against {
            let other = URL(fileURLWithPath: against, relativeTo: URL(fileURLWithPath: cwd)).standardizedFileURL
            let otherConfig = try library.loadConfig(root: other)
            before = Compiler.compile(root: other.path, config: otherConfig, keepContent: true)
            title = "\(other.path) -> \(root.path)"
        } else {
            let side: GitBase
            do {
                side = try GitBase(root: root, config: config, base: base, needsGit: "taxo diff (or --against FOLDER)")
            } catch let e as TaxoError {
                return try fail(e.message)
            }
            before = side.compile(root: root.path, after: after, current: config)
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
