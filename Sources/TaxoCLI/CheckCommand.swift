import ArgumentParser
import Foundation
import TaxoKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the whole library; report every problem with file:line:col, a code and a hint.",
        discussion: "Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage or configuration failure.")

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: "Output format: text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Exit 1 on warnings too.")
    var strict = false

    @Flag(name: .long, help: "Never colour the output.")
    var noColor = false

    @Flag(name: .long, help: "Parse every file; do not reuse the extraction cache of the last build.")
    var noCache = false

    @Flag(name: .long, help: "Print counts per rule and per folder instead of every finding.")
    var summary = false

    @Flag(name: .long, help: "Print the time each stage took to stderr.")
    var timings = false

    @Argument(help: "Report only on these files or folders (the whole library is still loaded).")
    var paths: [String] = []

    func run() throws {
        let start = Date()
        let root = library.rootURL()
        let config = try library.loadConfig(root: root, format: format)
        let only = paths.map { relativePath($0, root: root) }
        let cachePath = root.appendingPathComponent("output").appendingPathComponent(ExtractionCache.fileName).path
        let cache = noCache ? nil : ExtractionCache(path: cachePath, configHash: config.hash)
        let result = Compiler.compile(root: root.path, config: config, only: only.isEmpty ? nil : only, cache: cache)
        if timings {
            for t in result.timings { Console.err(t.stage.padding(28) + String(format: "%8.1f ms\n", t.seconds * 1000)) }
        }
        if summary {
            Console.out(SummaryReporter.render(result.diagnostics))
        } else {
            Console.out(format.render(result.diagnostics, summary: result.summary, color: !noColor && Console.stdoutIsTerminal))
        }
        if format == .text || Console.stderrIsTerminal {
            let secs = String(format: "%.2f", Date().timeIntervalSince(start))
            Console.err(TextReporter.summaryLine(result.summary) + " [\(secs) s]\n")
        }
        // The process ends right after: skip freeing the whole model.
        KeepUntilExit.keep(result)
        if result.summary.errors > 0 || (strict && result.summary.warnings > 0) { throw TaxoExit(code: 1) }
    }
}

/// A path given on the command line, made relative to the library root.
func relativePath(_ p: String, root: URL) -> String {
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let abs = URL(fileURLWithPath: p, relativeTo: cwd).standardizedFileURL.path
    let r = root.standardizedFileURL.path
    if abs == r { return "" }
    if abs.hasPrefix(r + "/") { return String(abs.dropFirst(r.count + 1)) }
    return p
}

/// Holds large values (the compiled model, gap analyses) until the process exits, so they are never
/// freed piece by piece just before the operating system takes the memory back anyway.
enum KeepUntilExit {
    nonisolated(unsafe) static var kept: [Any] = []
    static func keep(_ v: Any) { kept.append(v) }
}
