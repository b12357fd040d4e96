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

    @Flag(name: .long, help: "Compile, then time the gap reports' stages one after another on one thread.")
    var reports = false

    @Flag(name: .long, help: "Compile, then time writing the index alone (its parts) on one thread.")
    var index = false

    @Option(name: .long, help: "With --reports: analyse only the first N videos (and time no index or cache).")
    var videos: Int?

    @Option(name: .long, help: "With --reports or --index: run the stages N times and print each one's fastest run.")
    var repeats = 1

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        func show(_ timings: [StageTiming]) {
            for t in timings {
                Console.out(
                    t.stage.padding(toLength: 34, withPad: " ", startingAt: 0)
                        + String(format: "%8.1f ms\n", t.seconds * 1000))
            }
        }
        if index {
            show(try ReportStages.index(root: root.path, config: config, repeats: repeats))
            return
        }
        if reports {
            let r = try ReportStages.run(root: root.path, config: config, videos: videos, repeats: repeats)
            show(r.timings)
            Console.out("\(r.candidates) candidates, \(r.bytes) bytes of reports\n")
            return
        }
        let r = Floor.run(root: root.path, config: config, parse: parse, discoverOnly: discoverOnly)
        Console.out("\(r.files) files, \(r.bytes) bytes, \(r.nodes) parsed units\n")
    }
}
