import ArgumentParser
import Foundation
import TaxoKit

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move files or folders inside the library, rewriting every link and master-list path to them.",
        discussion: """
            As mv: SOURCE... go into DESTINATION when it is an existing folder (or ends with /), else the one \
            SOURCE is renamed DESTINATION. Every Markdown link to a moved file or folder, and every relative link \
            inside a moved file, is rewritten to the new place (relative links stay relative, links from the \
            library root stay so, anchors are kept), and so is every master-list path to a moved file, every \
            link by file path in a record (a `by: path` link field) and every code span of a document that holds \
            a library path from the root (`LIBRARIES/Tools/X.json`). Without \
            --write: prints the moves and a unified diff, says what else changes (a file that would be read as \
            another kind at its new place), and exits 1 when there is something to do. With --write: edits the \
            files, then moves them (never over an existing file). Not a git command: stage the result as usual.
            """,
        aliases: ["mv"])

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Move and rewrite instead of printing a diff.")
    var write = false

    @Argument(help: "The files or folders to move, then where to (a folder, or a new name for one source).")
    var paths: [String] = []

    func run() throws {
        guard paths.count >= 2 else {
            Console.err("taxo: error: give what to move and where to: taxo move SOURCE... DESTINATION\n")
            throw TaxoExit(code: 2)
        }
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        let cwd = FileManager.default.currentDirectoryPath
        let display = PathDisplay(root: root.path, workingDirectory: cwd)
        let inLibrary = try paths.map { p in
            guard let rel = display.libraryPath(p, workingDirectory: cwd, root: root.path) else {
                Console.err("taxo: error: '\(p)' is outside the library\n")
                throw TaxoExit(code: 2)
            }
            return rel + (p.hasSuffix("/") && !rel.isEmpty ? "/" : "")
        }
        let result = Compiler.compile(root: root.path, config: config, cache: library.cache(root: root, config: config))
        let lib = result.library
        let moves = FileMove.moves(
            sources: Array(inLibrary.dropLast()), destination: inLibrary.last!, exists: lib.inventory.kind(of:))
        let plan: FileMove.Plan
        switch moves.flatMap({ FileMove.plan($0, result: result, root: root.path) }) {
        case .success(let p): plan = p
        case .failure(let refusal):
            Console.err("taxo: error: \(refusal.message)\n")
            throw TaxoExit(code: 2)
        }
        for note in plan.notes {
            let place = note.location.map { "\(display.path($0.file)):\($0.line):\($0.column): " } ?? ""
            Console.err("\(place)warning: \(note.message)\n")
        }
        let summary =
            "\(Plural.count(plan.moves.count, "move")), \(Plural.count(plan.edits, "link or path", "links and paths")) rewritten in "
            + Plural.count(plan.fixes.count, "file")
        if !write {
            for m in plan.moves {
                let from = display.path(m.from), to = display.path(m.to)
                Console.out("diff --git a/\(from) b/\(to)\nrename from \(from)\nrename to \(to)\n")
            }
            Console.out(
                Fixes.diff(
                    plan.fixes.map { f in
                        var f = f; f.path = display.path(f.path); return f
                    }))
            if !output.quiet { Console.err("taxo: \(summary); run with --write to move\n") }
            throw TaxoExit(code: 1)
        }
        try FileMove.apply(plan, root: root.path)
        if !output.quiet { Console.err("taxo: \(summary)\n") }
    }
}
