import ArgumentParser
import Foundation
import TaxoKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the library and write the SQLite index (and reports) under the output folder.",
        discussion: "Writes OUT/index.sqlite atomically, also when the library has errors, so a broken library can be explored. Exit status as for check.")

    @OptionGroup var library: LibraryOptions

    @Option(name: .long, help: "Output folder (default: output/ under the library root).")
    var out: String?

    @Option(name: .long, help: "How to print the findings: text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Only print the summary line, not every finding.")
    var quiet = false

    @Flag(name: .long, help: "Print the time each stage took to stderr.")
    var timings = false

    @Flag(name: .long, help: "Ignore the previous index and cache: parse everything and write the index anew.")
    var noCache = false

    func run() throws {
        let start = Date()
        let root = library.rootURL()
        let config = try library.loadConfig(root: root, format: format)
        let outDir = out.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL }
            ?? root.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        let progress = Progress(enabled: Console.stderrIsTerminal)
        let index = outDir.appendingPathComponent("index.sqlite")
        let cachePath = outDir.appendingPathComponent(ExtractionCache.fileName).path
        let previous = noCache ? nil : IndexWriter.previous(at: index.path, configHash: config.hash)
        let cache = previous?.usable == true ? ExtractionCache(path: cachePath, configHash: config.hash) : nil
        progress.show(cache == nil ? "compiling" : "compiling (\(cache!.count) files cached)")
        var result = Compiler.compile(root: root.path, config: config, keepContent: true, cache: cache)
        var incremental = false
        if let previous, previous.usable, cache != nil {
            // Files taken from the cache must be the ones the previous index holds; otherwise start over.
            incremental = result.library.files.allSatisfy { !$0.fromCache || previous.files[$0.path] == $0.hash }
            if !incremental { result = Compiler.compile(root: root.path, config: config, keepContent: true) }
        }
        progress.show("writing the index")
        let t0 = Date()
        var tIndex = 0.0
        do {
            if incremental, let previous {
                try IndexWriter.update(result, previous: previous, at: index.path, buildTime: BuildTime.now())
            } else {
                try IndexWriter.write(result, to: index.path, buildTime: BuildTime.now())
            }
            tIndex = Date().timeIntervalSince(t0)
            try ExtractionCache.write(result.library.files, to: cachePath, configHash: config.hash, previous: incremental ? cache : nil)
        } catch {
            progress.clear()
            Console.err("taxo: error: could not write \(index.path): \(error)\n")
            throw TaxoExit(code: 2)
        }
        progress.clear()
        if timings {
            for t in result.timings { Console.err(t.stage.padding(28) + String(format: "%8.1f ms\n", t.seconds * 1000)) }
            Console.err("write index".padding(28) + String(format: "%8.1f ms\n", tIndex * 1000))
            Console.err("write cache".padding(28) + String(format: "%8.1f ms\n", (Date().timeIntervalSince(t0) - tIndex) * 1000))
        }
        if !quiet { Console.out(format.render(result.diagnostics, summary: result.summary, color: Console.stdoutIsTerminal)) }
        let secs = String(format: "%.2f", Date().timeIntervalSince(start))
        Console.err(TextReporter.summaryLine(result.summary) + " [\(secs) s]\n")
        let reparsed = result.library.files.filter { !$0.fromCache }.count
        Console.err("taxo: wrote \(relativePath(index.path, root: root)) (\(incremental ? "incremental: \(reparsed) files re-parsed" : "full build"))\n")
        CompileResultKeeper.keep(result)
        if result.summary.errors > 0 { throw TaxoExit(code: 1) }
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
