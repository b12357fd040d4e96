import ArgumentParser
import Foundation
import TaxoKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a taxonomy.yaml inferred from the library: its folders, prefixes, ID schemes, departments.",
        discussion: """
            Reads every JSON, YAML and Markdown file under the root and changes the built-in configuration (or, \
            with --print, the library's own taxonomy.yaml) only where the files show it wrong: where each kind's \
            files are, the prefix most IDs use, older ID schemes (Task-Template-{n}), fewer digits, department \
            codes, own-ID and name keys, kinds it does not know. Each change is written with a comment saying \
            what it rests on, and taxo compares the findings under both. Never overwrites a taxonomy.yaml.
            """)

    @Option(name: .long, help: "The library root (default: the working directory).")
    var root: String?

    @Flag(name: .long, help: "Print the proposed taxonomy.yaml instead of writing it.")
    var print = false

    @Flag(name: .customLong("no-compare"), help: "Do not check the library under both configurations.")
    var noCompare = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let rootURL = root.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL } ?? cwd
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isDir), isDir.boolValue else {
            Console.err("taxo: error: the library root '\(rootURL.path)' is not a folder\n")
            throw TaxoExit(code: 2)
        }
        let target = rootURL.appendingPathComponent("taxonomy.yaml").path
        let exists = FileManager.default.fileExists(atPath: target)
        let own = exists ? try? String(contentsOfFile: target, encoding: .utf8) : nil
        if exists, own == nil {
            Console.err("taxo: error: \(target) cannot be read as UTF-8 text\n")
            throw TaxoExit(code: 2)
        }
        if exists, !print {
            Console.err(
                "taxo: error: \(target) exists and is never overwritten; `taxo init --print` shows what taxo infers from it\n"
            )
            throw TaxoExit(code: 1)
        }
        let baseText = own ?? DefaultConfig.yaml
        guard let proposal = ConfigInference.propose(root: rootURL.path, baseText: baseText) else {
            Console.err("taxo: error: \(target) does not load; `taxo config` lists its errors\n")
            throw TaxoExit(code: 2)
        }
        let baseName = own == nil ? "the built-in configuration" : "taxonomy.yaml"
        var report =
            "taxo init: read \(Plural.count(proposal.filesRead, "file")) (\(Plural.count(proposal.recordsRead, "record"))); "
            + (proposal.changes.isEmpty
                ? "\(baseName) fits them as it is\n"
                : "\(Plural.count(proposal.changes.count, "change")) to \(baseName):\n")
        for c in proposal.changes {
            report += "  \(c.applied ? "" : "(make by hand) ")\(c.setting)\n      \(c.reason)\n"
        }
        if !noCompare, !proposal.changes.isEmpty,
            let before = ConfigInference.findings(root: rootURL.path, configText: baseText),
            let after = ConfigInference.findings(root: rootURL.path, configText: proposal.text)
        {
            report += "findings: \(InitCommand.counts(before.summary)) with \(baseName), "
            report += "\(InitCommand.counts(after.summary)) with the proposed one\n"
            let codes = Set(before.byRule.keys).union(after.byRule.keys).sorted()
            let moved = codes.filter { before.byRule[$0] != after.byRule[$0] }
            for code in moved {
                report += "  \(code): \(before.byRule[code] ?? 0) -> \(after.byRule[code] ?? 0)\n"
            }
        }
        if print {
            Console.out(proposal.text)
            if !output.quiet { Console.err(report) }
            return
        }
        do {
            try Data(proposal.text.utf8).write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
        } catch {
            Console.err("taxo: error: cannot write \(target): \(error.localizedDescription)\n")
            throw TaxoExit(code: 2)
        }
        if !output.quiet { Console.out(report + "wrote \(target); review it, then run `taxo check`\n") }
    }

    static func counts(_ s: DiagnosticSummary) -> String {
        "\(Plural.count(s.errors, "error")), \(Plural.count(s.warnings, "warning"))"
    }
}
