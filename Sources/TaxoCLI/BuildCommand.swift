import ArgumentParser
import Foundation
import TaxoKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the library and write the SQLite index (and reports) under the output folder.",
        discussion:
            "Writes OUT/index.sqlite atomically, also when the library has errors, so a broken library can be explored. Exit status as for check: findings the baseline holds are not printed and fail nothing (the index keeps every finding; HEALTH.md counts them apart)."
    )

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: "Output folder (default: output/ under the library root).")
    var out: String?

    @Option(name: .long, help: "How to print the findings: text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Exit 1 on warnings too.")
    var strict = false

    @OptionGroup var baselineOptions: BaselineOptions

    @Flag(name: .long, help: "Print the time each stage took to stderr.")
    var timings = false

    @Flag(
        name: .long,
        help:
            "Ignore the previous index, cache and report manifests: parse everything, write the index and every report anew."
    )
    var noCache = false

    @Flag(name: .long, help: "Also write the website (taxo site) into OUT/site.")
    var site = false

    func run() throws {
        let start = Date()
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root, format: format)
        let outDir = try library.outputFolder(out, root: root, config: config)
        // A baseline that cannot be read stops the build before it writes anything.
        let baseline = try baselineOptions.load(root: root, config: config)
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        // The crash test kills the process here to prove the previous index survives.
        let pause: (() -> Void)? =
            ProcessInfo.processInfo.environment["TAXO_TEST_PAUSE_BEFORE_RENAME"] == "1"
            ? {
                Console.err("taxo: paused before rename\n")
                Thread.sleep(forTimeInterval: 30)
            } : nil
        let progress = Progress(enabled: Console.stderrIsTerminal)
        progress.show("building")
        let outcome: Builder.Outcome
        do {
            outcome = try Builder.build(
                root: root.path, config: config, outDir: outDir.path, noCache: noCache, buildTime: BuildTime.now(),
                keepGapReports: site, allRecords: site,
                baseline: baseline,
                beforeCommit: pause)
        } catch {
            progress.clear()
            Console.err(
                "taxo: error: could not write the build's output (index, cache, reports) in \(outDir.path): \(error)\n")
            throw TaxoExit(code: 2)
        }
        progress.clear()
        let result = outcome.result
        if timings {
            for t in outcome.timings {
                Console.err(t.stage.padding(28) + String(format: "%8.1f ms\n", t.seconds * 1000))
            }
        }
        let cwd = FileManager.default.currentDirectoryPath
        // As check: the findings printed, counted and failed on are those the baseline does not hold.
        let (diags, baselineLine) = BaselineOptions.apply(
            baseline?.value, to: result.diagnostics, grammar: result.library.grammar)
        var counts = result.summary
        counts.errors = 0; counts.warnings = 0; counts.notes = 0
        counts.count(diags)
        if !output.quiet {
            Console.out(
                format.render(
                    diags, summary: counts, color: output.color,
                    paths: PathDisplay(root: root.path, workingDirectory: cwd), workingDirectory: cwd,
                    grammar: result.library.grammar, among: result.diagnostics))
        }
        if let baselineLine { Console.err(baselineLine + "\n") }
        let secs = String(format: "%.2f", Date().timeIntervalSince(start))
        Console.err(TextReporter.summaryLine(counts) + " [\(secs) s]\n")
        Console.err(
            "taxo: wrote \(relativePath(outcome.indexPath, root: root)) (\(outcome.incremental ? "incremental: \(outcome.reparsed) files re-parsed" : "full build"))\n"
        )
        if site {
            let siteDir = outDir.appendingPathComponent("site")
            let made = try SiteCommand.write(
                result, root: root, to: siteDir, gapReports: outcome.gapReports, baseline: baseline)
            KeepUntilExit.keep(made)
            Console.err(
                "taxo: wrote \(relativePath(siteDir.path, root: root)) (\(made.pages) pages, \(made.written) changed)\n"
            )
        }
        KeepUntilExit.keep(result)
        if counts.errors > 0 || (strict && counts.warnings > 0) { throw TaxoExit(code: 1) }
    }
}

/// The build time written into the index: SOURCE_DATE_EPOCH when set (reproducible builds), else now.
enum BuildTime {
    static func now() -> String {
        let env = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        let date = env.map { Date(timeIntervalSince1970: $0) } ?? Date()
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}

/// A one-line progress display on a terminal; silent otherwise.
final class Progress {
    let enabled: Bool
    init(enabled: Bool) { self.enabled = enabled }
    func show(_ stage: String) { if enabled { Console.err("\r\u{1B}[2Ktaxo: \(stage)...") } }
    func clear() { if enabled { Console.err("\r\u{1B}[2K") } }
}
