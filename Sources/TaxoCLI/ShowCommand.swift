import ArgumentParser
import Foundation
import TaxoKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one entity (its links, backlinks, mentions, findings) or one video (its phases and gaps).",
        discussion: """
            Takes an ID in any spelling the library accepts (TOL-SEC-0124, an old ID), an entity's exact name \
            (ScaleKit Dashboard), a video (Video_024: its phases with their artifacts, the next step, and its \
            gap analysis in brief), or a file of the library (a document: the IDs it mentions and what each \
            resolves to, the entities it declares, its findings; a file of one entity: that entity). Findings the \
            baseline holds end "(in the baseline)". Exits 1 \
            when nothing has it, with the nearest IDs or names.
            """)

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: "text or json (the MCP get_entity or get_video answer).")
    var format: DataFormat = .text

    @OptionGroup var output: OutputOptions
    @OptionGroup var baselineOptions: BaselineOptions

    @Argument(help: "An ID, a name (several words are one name), a video or a file.")
    var entity: [String]

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        let result = Compiler.compile(
            root: root.path, config: config, keepContent: true, cache: library.cache(root: root, config: config))
        KeepUntilExit.keep(result)
        // Findings the baseline holds are marked "(in the baseline)".
        let baseline = try baselineOptions.load(root: root, config: config)?.value
        let wanted = entity.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        let display = PathDisplay(root: root.path, workingDirectory: FileManager.default.currentDirectoryPath)
        // A library file (as a path from here, or from the root): a document's card, or the card of the one
        // entity a file declares.
        if wanted.contains("/") || Discovery.format(of: wanted) != nil,
            let rel = display.libraryPath(
                wanted, workingDirectory: FileManager.default.currentDirectoryPath, root: root.path
            )
            .flatMap({ r in result.library.files.contains { $0.path == r } ? r : nil })
                ?? (result.library.files.contains { $0.path == wanted } ? wanted : nil),
            var card = DocumentCard(path: rel, result: result)
        {
            card.baseline = baseline
            if let sole = card.soleEntity {
                var entity = EntityCard(result: result, entity: sole)
                entity.baseline = baseline
                if entity.record == nil {
                    entity.record = Compiler.record(of: result.library.entities[sole], root: root.path, config: config)
                }
                Console.out(format == .json ? entity.json() : entity.text(path: display.path))
            } else {
                Console.out(format == .json ? card.json() : card.text(path: display.path))
            }
            return
        }
        let found = result.library.entity(named: wanted)
        if found == nil, let card = VideoCard(wanted, result: result, root: root.path, command: "taxo show") {
            Console.out(format == .json ? card.json() : card.text(path: display.path))
            return
        }
        guard let i = found else {
            let (message, nearest) = result.library.notFound(wanted)
            if !output.quiet { Console.err("taxo: \(message)" + (nearest.map { "; \($0)" } ?? "") + "\n") }
            throw TaxoExit(code: 1)
        }
        var card = EntityCard(result: result, entity: i)
        card.baseline = baseline
        if card.record == nil {
            card.record = Compiler.record(of: result.library.entities[i], root: root.path, config: config)
        }
        if format == .json {
            Console.out(card.json())
            return
        }
        Console.out(card.text(path: display.path))
    }
}
