import ArgumentParser
import Foundation
import TaxoKit

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write the library as a static website (default output/site/): entities, videos, files, search.",
        discussion: """
            Static and offline: open OUT/index.html from disk or publish the folder anywhere. Pages come from \
            templates/site/ (a library's own templates win). Only pages whose bytes change are rewritten, and \
            pages no longer made are removed. A date appears in the footer only when SOURCE_DATE_EPOCH is set. \
            With a baseline, the pages tell new findings from those it holds (the findings page filters by status).
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var baselineOptions: BaselineOptions

    @Option(name: .long, help: "The site's folder (default: output/site/ under the library root).")
    var out: String?

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        // --out names the site's folder; by default it is site/ in the output folder.
        let folder = try library.outputFolder(out, root: root, config: config)
        let dir = out == nil ? folder.appendingPathComponent("site") : folder
        let baseline = try baselineOptions.load(root: root, config: config)
        // The cache and the compile are kept until exit, not freed (on one core, before any page is made).
        let cache = library.cache(root: root, config: config)
        KeepUntilExit.keep(cache as Any)
        let result = Compiler.compile(
            root: root.path, config: config, keepContent: true, cache: cache, options: .allRecords)
        KeepUntilExit.keep(result)
        // The last build's gap analyses (in the output folder, beside the extraction cache), where still current.
        let store = GapStore(path: root.appendingPathComponent("output/" + GapStore.fileName).path)
        let made = try SiteCommand.write(result, root: root, to: dir, gapStore: store, baseline: baseline)
        KeepUntilExit.keep(made)
        Console.out(relativePath(dir.appendingPathComponent("index.html").path, root: root) + "\n")
        if !output.quiet {
            Console.err("taxo: \(made.pages) pages, \(made.written) written, \(made.removed) removed\n")
        }
    }

    /// Writes the site with the library's templates, dated from `SOURCE_DATE_EPOCH` when it is set.
    static func write(
        _ result: CompileResult, root: URL, to dir: URL, gapReports: [String: GapReport] = [:],
        gapStore: GapStore? = nil, baseline: (file: String, value: Baseline)?
    ) throws -> SiteBuilder.Outcome {
        let date = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init).map {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyy-MM-dd"
            return f.string(from: Date(timeIntervalSince1970: $0))
        }
        do {
            return try SiteBuilder.write(
                result, root: root.path, outDir: dir.path,
                templates: Templates(directory: root.appendingPathComponent("templates").path), date: date,
                gapReports: gapReports, gapStore: gapStore, baseline: baseline)
        } catch let e as TaxoError {
            Console.err("taxo: error: \(e.message)\n")
            throw TaxoExit(code: 2)
        }
    }
}
