import ArgumentParser
import Foundation
import TaxoKit

struct PhasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phases", abstract: "Show the phase tracker computed from the files, or check a hand-kept one.",
        discussion:
            "With --check FILE, every disagreement of FILE's tracker with the computed one is reported; exit 1 when there is any."
    )

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: "A hand-kept VIDEOS_INDEX.md to compare with the computed tracker.")
    var check: String?

    @Flag(name: .long, help: "Print the tracker as Markdown (as taxo build writes VIDEOS_INDEX.md).")
    var markdown = false

    @Option(name: .long, help: "text or json.")
    var format: DataFormat = .text

    @OptionGroup var output: OutputOptions

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        let cache = library.cache(root: root, config: config)
        let result = Compiler.compile(root: root.path, config: config, cache: cache)
        let tracker = PhaseTracker(result: result)
        if let check {
            let url = URL(
                fileURLWithPath: check, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            guard let raw = FileReader.read(url.path) else {
                Console.err("taxo: error: cannot read \(check)\n")
                throw TaxoExit(code: 2)
            }
            let findings = PhaseCheck.check(SourceFile(path: check, rawBytes: raw), tracker: tracker)
            Console.out(findings.map { "\(check):\($0.line): \($0.message)\n" }.joined())
            if !output.quiet {
                Console.err("taxo: \(Plural.count(findings.count, "disagreement")) with the computed tracker\n")
            }
            if !findings.isEmpty { throw TaxoExit(code: 1) }
            return
        }
        if format == .json {
            Console.out(DataJSON.phases(tracker))
        } else if markdown {
            Console.out(
                try Templates(directory: root.appendingPathComponent("templates").path)
                    .render("videos-index.md", tracker.context(command: "taxo phases --markdown")))
        } else {
            Console.out(tracker.text())
        }
    }
}
