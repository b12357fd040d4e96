import ArgumentParser
import Foundation
import TaxoKit

/// `--baseline FILE` and `--no-baseline`, shared by check, build, site and show: which findings are new.
struct BaselineOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "The baseline file: findings it records are known, reported apart and failing nothing (default: taxonomy.yaml's baseline)."
    )
    var baseline: String?

    @Flag(name: .long, help: "Ignore the baseline named in taxonomy.yaml.")
    var noBaseline = false

    /// The baseline file in force: `--baseline` (from the working directory), else taxonomy.yaml's unless
    /// `--no-baseline`.
    func path(root: URL, config: Config) -> String? {
        if let baseline {
            return URL(
                fileURLWithPath: baseline, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            )
            .path
        }
        return noBaseline ? nil : Baseline.configuredPath(config, root: root.path)
    }

    /// The baseline in force and its file (as reports name it: relative to the root), read (nil without
    /// one); one that cannot be read is exit 2.
    func load(root: URL, config: Config) throws -> (file: String, value: Baseline)? {
        guard let path = path(root: root, config: config) else { return nil }
        do { return (relativePath(path, root: root), try Baseline.load(path: path)) } catch let e as TaxoError {
            Console.err("taxo: error: the baseline \(e.message)\n")
            throw TaxoExit(code: 2)
        }
    }

    /// The findings a baseline does not hold, and the line saying how many it held and how many of its entries
    /// no longer occur (nil without a baseline).
    static func apply(_ baseline: Baseline?, to diags: [Diagnostic], grammar: IDGrammar) -> ([Diagnostic], String?) {
        guard let baseline else { return (diags, nil) }
        let (fresh, gone) = baseline.filter(diags, grammar: grammar)
        let line =
            "taxo: \(Plural.count(diags.count - fresh.count, "finding")) in the baseline"
            + (gone > 0
                ? "; \(Plural.count(gone, "baseline entry", "baseline entries")) no longer \(gone == 1 ? "occurs" : "occur") (tighten it with --write-baseline)"
                : "")
        return (fresh, line)
    }
}
