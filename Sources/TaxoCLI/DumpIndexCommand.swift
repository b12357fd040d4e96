import ArgumentParser
import TaxoKit

/// Prints every table of an index in sorted order (for golden tests and diffs).
struct DumpIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-index", abstract: "Print an index's tables as sorted text.")

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "The index (default: output/index.sqlite under the library root).")
    var index: String?

    func run() throws {
        let path = try index ?? library.rootURL().appendingPathComponent("output/index.sqlite").path
        do { Console.out(try IndexDump.dump(path: path)) } catch {
            Console.err("taxo: error: \(error)\n")
            throw TaxoExit(code: 2)
        }
    }
}
