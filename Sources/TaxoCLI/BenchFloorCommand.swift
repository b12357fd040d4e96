import ArgumentParser
import TaxoKit

/// Measures the floor the benchmarks compare against: reading (and parsing) every file once.
struct BenchFloorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-floor", abstract: "Read (and with --parse, parse) every library file once; for benchmarks.",
        shouldDisplay: false)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Also parse every JSON, YAML and Markdown file.")
    var parse = false

    @Flag(name: .long, help: "Only discover the files (walk the roots), reading none.")
    var discoverOnly = false

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        let r = Floor.run(root: root.path, config: config, parse: parse, discoverOnly: discoverOnly)
        Console.out("\(r.files) files, \(r.bytes) bytes, \(r.nodes) parsed units\n")
    }
}
