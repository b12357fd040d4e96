import ArgumentParser
import Foundation
import TaxoKit

struct RenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Rename an ID everywhere: its declaration, links, mentions, master lists and prose.",
        discussion: """
            Without --write: prints a unified diff and exits 1 when there is something to rename (as taxo fix). \
            With --write: rewrites the files in place, byte for byte except the renamed IDs. Every spelling of \
            the old ID (TOOL-QA-31, TOL-QA-0031) becomes the new one; IDs in file paths and names are left, so \
            links keep working: taxo check then reports a file named by the old ID (TAX0105) and taxo fix \
            renames it with every link to it. The new ID must be of the same kind and free.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Rewrite the files instead of printing a diff.")
    var write = false

    @Argument(help: "The ID to rename (any spelling the library accepts).")
    var old: String

    @Argument(help: "The new ID.")
    var new: String

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        let result = Compiler.compile(root: root.path, config: config, cache: library.cache(root: root, config: config))
        let lib = result.library
        let target: (entity: Int, new: ParsedID)
        switch IDRename.check(old: old, new: new, library: lib) {
        case .success(let t): target = t
        case .failure(let refusal):
            Console.err("taxo: error: \(refusal.message)\n")
            throw TaxoExit(code: 2)
        }
        let fixes = IDRename.plan(entity: target.entity, new: target.new, library: lib, root: root.path)
        let count = fixes.reduce(0) { $0 + $1.edits.count }
        let display = PathDisplay(root: root.path, workingDirectory: FileManager.default.currentDirectoryPath)
        if !write {
            try FixCommand.preview(
                fixes, changes: count, counted: Plural.count(count, "place"), verb: "rename", display: display,
                quiet: output.quiet)
            return
        }
        try FixCommand.apply(fixes, root: root)
        if !output.quiet {
            Console.err(
                "taxo: renamed \(lib.displayID(lib.entities[target.entity])) to \(target.new.written) in "
                    + "\(Plural.count(count, "place")) in \(Plural.count(fixes.count, "file"))\n")
        }
    }
}
