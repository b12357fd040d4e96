import ArgumentParser
import Foundation
import TaxoKit

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract:
            "Full-text search of entities and documents (in the index taxo build writes, else the library as it is).")

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: "The index (default: output/index.sqlite under the library root).")
    var index: String?

    @Option(name: .long, help: "At most this many hits.")
    var limit = 20

    @Option(name: .long, help: "text or json.")
    var format: DataFormat = .text

    @OptionGroup var output: OutputOptions

    @Argument(
        help:
            "Words (the last one may be the start of a word: tavil), an ID (TOL-SEC-124), or an FTS5 query: \"a phrase\", prefix*, AND/OR/NOT."
    )
    var query: [String]

    func run() throws {
        let root = try library.rootURL()
        let path = index ?? root.appendingPathComponent("output/index.sqlite").path
        let built = FileManager.default.fileExists(atPath: path)
        if !built, index != nil {
            Console.err("taxo: error: no index at \(path)\n")
            throw TaxoExit(code: 2)
        }
        do {
            let q = query.joined(separator: " ")
            try IndexSearch.validate(q)
            // An ID or alias finds its entity first, in any accepted spelling.
            let config = try? library.loadConfig(root: root)
            let key = config.flatMap { IDGrammar(config: $0).typedID(q)?.key }
            // No index built yet: the library as it is, indexed in memory for this search.
            let db: SQLiteDatabase
            if built {
                IndexWriter.recover(path)
                db = try SQLiteDatabase(path: path, readOnly: true)
                if let config, !output.quiet { warnIfStale(index: path, root: root, config: config) }
            } else {
                // (A configuration that does not load was reported by loadConfig above: nothing to search.)
                guard let config else { throw TaxoExit(code: 2) }
                if !output.quiet {
                    Console.err(
                        "taxo: no index at \(path): searching the library as it is ('taxo build' makes an index)\n")
                }
                db = try IndexSearch.memoryIndex(Compiler.compile(root: root.path, config: config, keepContent: true))
            }
            let hits = try IndexSearch.search(db, query: q, limit: limit, key: key)
            let correction = hits.isEmpty ? try IndexSearch.correction(db, query: q) : nil
            if format == .json {
                Console.out(DataJSON.search(hits, query: q, didYouMean: correction))
                if hits.isEmpty { throw TaxoExit(code: 1) }
                return
            }
            if hits.isEmpty {
                if !output.quiet {
                    Console.err(
                        "taxo: no hits for '\(q)'"
                            + (correction.map { "; did you mean '\($0)'? (taxo search \($0))" } ?? "") + "\n")
                }
                throw TaxoExit(code: 1)
            }
            var out = ""
            for h in hits { out += "\(h.file):\(h.line): \(h.title)\n    \(h.snippet)\n" }
            Console.out(out)
        } catch let e as TaxoError {
            if case .index = e {
                Console.err("taxo: error: the query could not run: \(e.message)\n")
            } else {
                Console.err("taxo: error: \(e.message)\n")
            }
            throw TaxoExit(code: 2)
        }
    }

    /// Says so when library files changed after the index was written (the hits may be out of date).
    func warnIfStale(index: String, root: URL, config: Config) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: index),
            let written = attributes[.modificationDate] as? Date
        else { return }
        let since = Int64(written.timeIntervalSince1970 * 1e9)
        let newer = Discovery.discover(root: root.path, config: config).files.filter { $0.mtime > since }.count
        if newer > 0 {
            Console.err(
                "taxo: note: \(Plural.count(newer, "file")) changed since the index was built; 'taxo build' brings it up to date\n"
            )
        }
    }
}
