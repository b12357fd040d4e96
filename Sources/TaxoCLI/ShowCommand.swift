import ArgumentParser
import Foundation
import TaxoKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one entity: its record, links and what they resolve to, backlinks, mentions, findings.",
        discussion: """
            Takes an ID in any spelling the library accepts (TOL-SEC-0124, an old ID) or an entity's exact name \
            (ScaleKit Dashboard). Exits 1 when nothing has it, with the nearest IDs or names.
            """)

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: "text or json (the MCP get_entity answer).")
    var format: DataFormat = .text

    @OptionGroup var output: OutputOptions

    @Argument(help: "An ID or a name (several words are one name).")
    var entity: [String]

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        let result = Compiler.compile(
            root: root.path, config: config, keepContent: true, cache: library.cache(root: root, config: config))
        KeepUntilExit.keep(result)
        let wanted = entity.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        guard let i = result.library.entity(named: wanted) else {
            let (message, nearest) = result.library.notFound(wanted)
            if !output.quiet { Console.err("taxo: \(message)" + (nearest.map { "; \($0)" } ?? "") + "\n") }
            throw TaxoExit(code: 1)
        }
        let card = EntityCard(result: result, entity: i)
        if format == .json {
            Console.out(card.json())
            return
        }
        let display = PathDisplay(root: root.path, workingDirectory: FileManager.default.currentDirectoryPath)
        Console.out(card.text(path: display.path))
    }
}
