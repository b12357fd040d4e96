import ArgumentParser
import Foundation
import TaxoKit

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Make the repairs that need no judgement (links, spellings, old IDs, misspelt prefixes).",
        discussion: """
            Without --write: prints a unified diff of the repairs and exits 1 when there is any (usable in CI). With \
            --write: rewrites the files in place, byte for byte except the repaired spans. Never touches a label that \
            names another entity, a duplicate ID or a file that does not parse. `taxo explain CODE` says what each \
            rule's fix does.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Rewrite the files instead of printing a diff.")
    var write = false

    @Option(name: .long, help: "Only the fixes of this rule (a code or name; repeatable).")
    var rule: [String] = []

    @Argument(help: "Only fix these files or folders.")
    var paths: [String] = []

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        let result = Compiler.compile(root: root.path, config: config)
        let codes: Set<String>? =
            rule.isEmpty
            ? nil
            : Set(
                try rule.map { r in
                    guard let info = RuleRegistry.rule(r) else { throw ExplainCommand.unknown(r) }
                    return info.code
                })
        let cwd = FileManager.default.currentDirectoryPath
        let display = PathDisplay(root: root.path, workingDirectory: cwd)
        var only: [String] = []
        for p in paths {
            guard
                FileManager.default.fileExists(
                    atPath: URL(fileURLWithPath: p, relativeTo: URL(fileURLWithPath: cwd)).path)
            else {
                Console.err("taxo: error: '\(p)' does not exist\n")
                throw TaxoExit(code: 2)
            }
            if let rel = display.libraryPath(p, workingDirectory: cwd, root: root.path) { only.append(rel) }
        }
        let fixes = Fixes.plan(result, root: root.path, only: paths.isEmpty ? nil : only, rules: codes)
        let count = fixes.reduce(0) { $0 + $1.changes }
        if !write {
            try Self.preview(
                fixes, changes: count, counted: Plural.count(count, "fix", "fixes"), verb: "apply", display: display,
                quiet: output.quiet)
            return
        }
        try Self.apply(fixes, root: root)
        if !output.quiet {
            Console.err(
                "taxo: applied \(Plural.count(count, "fix", "fixes")) in \(Plural.count(fixes.count, "file"))\n")
        }
    }

    /// Without `--write`: the changes as a unified diff (paths as the user writes them), a summary line, and
    /// exit 1 when there is anything to change (so CI can fail on it). `taxo fix` and `taxo rename`.
    static func preview(
        _ fixes: [Fixes.FileFix], changes: Int, counted: String, verb: String, display: PathDisplay, quiet: Bool
    ) throws {
        Console.out(
            Fixes.diff(
                fixes.map { f in
                    var f = f
                    f.path = display.path(f.path)
                    f.renameTo = f.renameTo.map(display.path)
                    return f
                }))
        if !quiet {
            Console.err(
                "taxo: \(counted) in \(Plural.count(fixes.count, "file"))"
                    + (changes > 0 ? "; run with --write to \(verb)" : "") + "\n")
        }
        if changes > 0 { throw TaxoExit(code: 1) }
    }

    /// Writes the fixed files and renames files (never over an existing one); a failure exits 2.
    static func apply(_ fixes: [Fixes.FileFix], root: URL) throws {
        do { try Fixes.apply(fixes, root: root.path) } catch let e as TaxoError {
            Console.err("taxo: error: \(e.message)\n")
            throw TaxoExit(code: 2)
        }
    }
}
