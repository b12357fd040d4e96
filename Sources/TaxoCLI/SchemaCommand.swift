import ArgumentParser
import Foundation
import TaxoKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Show what each kind's records must hold, propose fields: from the records, or write JSON Schemas.",
        discussion: """
            Without options: each kind's declared fields (its `fields:` in taxonomy.yaml) with how many records \
            fill each, and the fields the records hold that the schema does not list. --infer proposes a \
            fields: block per kind from the records (YAML to review and paste; with --format json, the counts). \
            --json-schema writes a JSON Schema of a kind's files for editors: to standard output for one kind, \
            or with --out DIR one file per kind and the VS Code settings that use them. Writes nothing into the \
            library unless --out points there.
            """)

    @OptionGroup var library: LibraryOptions

    @Argument(help: "Kinds to show (default: every kind).")
    var kinds: [String] = []

    @Flag(name: .long, help: "Propose each kind's fields: from what its records hold.")
    var infer = false

    @Flag(name: .customLong("json-schema"), help: "Write a JSON Schema (draft 2020-12) of each kind's files.")
    var jsonSchema = false

    @Option(name: .long, help: "With --json-schema: the folder to write <kind>.schema.json files into.")
    var out: String?

    @Option(name: .long, help: "text or json.")
    var format: DataFormat = .text

    @OptionGroup var output: OutputOptions

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        let names = config.kinds.map(\.name)
        for k in kinds where !names.contains(k) {
            Console.err(
                "taxo: error: no kind '\(k)'"
                    + (NearMiss.hint(for: k, in: names).map { "; \($0)" } ?? "; kinds: " + names.joined(separator: ", "))
                    + "\n")
            throw TaxoExit(code: 2)
        }
        let chosen = config.kinds.filter { kinds.isEmpty || kinds.contains($0.name) }
        if jsonSchema {
            try writeJSONSchemas(chosen, config: config, root: root)
            return
        }
        let result = Compiler.compile(
            root: root.path, config: config, keepContent: true, cache: library.cache(root: root, config: config),
            options: .allRecords)
        let inferred = SchemaInference.infer(result.library, kinds: chosen.map(\.name))
        if infer {
            if format == .json {
                Console.out(SchemaProposal.json(inferred))
            } else {
                Console.out(SchemaProposal.yaml(inferred))
            }
            return
        }
        let cards = chosen.map { k in SchemaCard(kind: k, inferred: inferred.first { $0.kind == k.name }) }
        if format == .json {
            Console.out("[\n" + cards.map { $0.json() }.joined(separator: ",\n") + "]\n")
        } else {
            Console.out(cards.map { $0.text() }.joined(separator: "\n"))
        }
    }

    func writeJSONSchemas(_ chosen: [Kind], config: Config, root: URL) throws {
        guard let out else {
            guard chosen.count == 1 else {
                Console.err(
                    "taxo: error: --json-schema writes one kind to standard output; name it, or give --out DIR\n")
                throw TaxoExit(code: 2)
            }
            Console.out(JSONSchema.of(chosen[0], config: config))
            return
        }
        let dir = URL(fileURLWithPath: out, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for k in chosen {
            try Data(JSONSchema.of(k, config: config).utf8).write(
                to: dir.appendingPathComponent("\(k.name).schema.json"), options: .atomic)
        }
        if !output.quiet {
            Console.err(
                "taxo: \(chosen.count) schema\(chosen.count == 1 ? "" : "s") written to \(dir.path); for VS Code's settings.json:\n"
            )
        }
        // The settings' paths are the library root's, as the kinds' globs are (the folder an editor opens).
        Console.out(
            JSONSchema.editorSettings(chosen, folder: PathDisplay(root: dir.path, workingDirectory: root.path).root))
    }
}
