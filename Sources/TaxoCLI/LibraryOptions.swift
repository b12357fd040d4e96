import ArgumentParser
import Foundation
import TaxoKit

/// Where the library is and how to load its configuration (shared by every command).
struct LibraryOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "The library root (default: the nearest folder above the working directory holding taxonomy.yaml, else the working directory)."
    )
    var root: String?

    /// The library root as an absolute, standardised path: `--root`, else the library holding the working
    /// directory; exit 2 when there is none.
    func rootURL() throws -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let r = root { return URL(fileURLWithPath: r, relativeTo: cwd).standardizedFileURL }
        if let found = ConfigLoader.findLibrary(from: cwd) { return found }
        Console.err(
            "taxo: error: no library found above \(cwd.standardizedFileURL.path): no folder holds taxonomy.yaml or one of LIBRARIES, TASK_MANAGERS, TALENTS\n"
                + Self.below(cwd))
        throw TaxoExit(code: 2)
    }

    /// A hint naming the libraries inside `dir`, when there are any (empty text when none).
    static func below(_ dir: URL) -> String {
        let found = ConfigLoader.librariesBelow(dir)
        guard let first = found.first else { return "" }
        let list = found.map { "'\($0)'" }.joined(separator: ", ")
        return "  hint: \(found.count == 1 ? "a library is" : "libraries are") inside it, at \(list): "
            + "run taxo there, or pass --root \(first)\n"
    }

    /// The extraction cache the last build left in `output/` (nil when there is none or it is stale).
    func cache(root: URL, config: Config) -> ExtractionCache? {
        ExtractionCache(
            path: root.appendingPathComponent("output/" + ExtractionCache.fileName).path, configHash: config.hash)
    }

    /// Loads the configuration; on errors prints them and throws exit code 2.
    func loadConfig(root: URL, format: DiagnosticFormat = .text) throws -> Config {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            Console.err("taxo: error: the library root '\(root.path)' is not a folder\n")
            throw TaxoExit(code: 2)
        }
        let (config, diags) = ConfigLoader.load(root: root)
        if let config { return config }
        var summary = DiagnosticSummary()
        summary.count(diags)
        Console.out(format.render(diags, summary: summary, color: Console.stdoutIsTerminal))
        Console.err(
            "taxo: the configuration has \(summary.errors) error\(summary.errors == 1 ? "" : "s"); nothing was checked\n"
        )
        throw TaxoExit(code: 2)
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// A path given on the command line, made relative to the library root.
func relativePath(_ p: String, root: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    return PathDisplay(prefix: "").libraryPath(p, workingDirectory: cwd, root: root.path) ?? p

}

extension LibraryOptions {
    /// The output folder: `out` (relative to the working directory) or `output/` under the root; never
    /// inside the library's roots (the next run would read what it wrote), which exits 2.
    func outputFolder(_ out: String?, root: URL, config: Config) throws -> URL {
        let outDir =
            out.map {
                URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                    .standardizedFileURL
            }
            ?? root.appendingPathComponent("output")
        let outRel = PathDisplay(prefix: "").libraryPath(outDir.path, workingDirectory: "/", root: root.path)
        if let outRel, config.isUnderRoots(outRel),
            outRel.isEmpty || !config.isExcludedDirectory(outRel)
        {
            Console.err(
                "taxo: error: --out \(outDir.path) is inside the library's roots (\(config.roots.joined(separator: ", "))); write the output elsewhere\n"
            )
            throw TaxoExit(code: 2)
        }
        return outDir
    }
}
