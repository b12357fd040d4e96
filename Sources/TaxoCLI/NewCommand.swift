import ArgumentParser
import Foundation
import TaxoKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an entry with the next free ID (or a given one), where and as the library keeps that kind.",
        discussion: """
            Prints the new file's path (relative to the working directory) on stdout. Never overwrites a file and never \
            writes outside the library's roots. With --parent, the parent's child list gets the new ID; a master list \
            of the kind gets a row. --dry-run prints what would be written instead. Fields the kind's schema \
            (fields: in taxonomy.yaml) requires are added empty when no --set gives them, and named on stderr. \
            In a git repository, IDs that other branches (local and remote-tracking, not merged here) declare or \
            announce are not handed out either, so that two branches do not take the same new ID.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The kind (tool, task ...) or its prefix.")
    var kind: String

    @Option(name: .long, help: "The entry's name.")
    var name: String

    @Option(name: .long, help: "The department code (TOL-QA-032).")
    var department: String?

    @Option(
        name: .long,
        help: "A free ID of the kind to use instead of the next one (the ID a gap or mapping report proposed).")
    var id: String?

    @Option(name: .long, help: "An entity whose child list gets the new ID (a task for a new step).")
    var parent: String?

    @Option(
        name: .long,
        help: "The folder to write into, relative to the library root (default: where most of the kind's files are).")
    var dir: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "A field of the new entry: --set category=AI; JSON values stay JSON (--set rating=4.5 --set 'tags=[\"ui\"]').",
            valueName: "key=value"))
    var fields: [String] = []

    @Flag(name: .long, help: "Print the files that would be written; write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Do not read other git branches for the IDs they take.")
    var noBranches = false

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        let cache = library.cache(root: root, config: config)
        let result = Compiler.compile(root: root.path, config: config, cache: cache)
        var given: [(String, String)] = []
        for f in fields {
            guard let eq = f.firstIndex(of: "="), eq != f.startIndex else {
                Console.err("taxo: error: --set takes key=value, not '\(f)'\n")
                throw TaxoExit(code: 2)
            }
            given.append((String(f[..<eq]).trimmingCharacters(in: .whitespaces), String(f[f.index(after: eq)...])))
        }
        let plan: NewEntry.Plan
        do {
            plan = try NewEntry.plan(
                kind: kind, name: name, department: department, parent: parent, dir: dir, library: result.library,
                root: root.path, templates: Templates(directory: root.appendingPathComponent("templates").path),
                id: id, elsewhere: noBranches ? nil : BranchIDs.read(root: root, config: config), fields: given)
        } catch let e as TaxoError {
            Console.err("taxo: error: \(e.message)\n")
            throw TaxoExit(code: 2)
        }
        let cwd = FileManager.default.currentDirectoryPath
        let shown = PathDisplay(root: root.path, workingDirectory: cwd)
        if !output.quiet {
            for t in plan.skipped {
                Console.err(
                    "taxo: note: \(t.id.written) is taken on \(NewEntry.branchList(t.branches)), not merged here\n")
            }
        }
        if dryRun {
            for e in [plan.file] + plan.updates { Console.out("--- \(shown.path(e.path))\n\(e.text)") }
            return
        }
        do {
            try NewEntry.write(plan, root: root.path)
        } catch let e as TaxoError {
            Console.err(
                "taxo: error: \(e.message.replacingOccurrences(of: plan.file.path, with: shown.path(plan.file.path)))\n"
            )
            throw TaxoExit(code: 2)
        }
        if !output.quiet { for e in plan.updates { Console.err("taxo: updated \(shown.path(e.path))\n") } }
        Console.out(shown.path(plan.file.path) + "\n")
        if !output.quiet { Console.err("taxo: created \(plan.id)\n") }
        if !output.quiet, !plan.unfilled.isEmpty {
            Console.err(
                "taxo: fill in \(plan.unfilled.map { "'\($0)'" }.joined(separator: ", ")): the kind's fields: require "
                    + (plan.unfilled.count == 1 ? "it" : "them") + " (or give them with --set)\n")
        }
    }
}
