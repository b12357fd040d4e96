import ArgumentParser
import Foundation
import TaxoKit

struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Gap analysis of transcripts and analyses against the library (Phase 5, computed).",
        discussion: "A target is a document path or a video ID (Video_024: its transcript and every analysis of it).")

    enum Format: String, ExpressibleByArgument { case md, json }

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "md (from templates/gap-analysis.md.mustache) or json.")
    var format: Format = .md

    @Option(name: .long, help: "Write the report to this file instead of standard output.")
    var out: String?

    @Option(name: .long, help: "Write a draft entry per missing entity into this folder (never overwrites).")
    var stubs: String?

    @Argument(help: "Document paths or video IDs.")
    var targets: [String]

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        let cache = library.cache(root: root, config: config)
        let result = Compiler.compile(root: root.path, config: config, cache: cache)
        let targets = self.targets.map { t in t.contains("/") || t.hasSuffix(".md") ? relativePath(t, root: root) : t }
        var report: GapReport
        let templates = Templates(directory: root.appendingPathComponent("templates").path)
        let command = "taxo gaps " + self.targets.joined(separator: " ")
        KeepUntilExit.keep(result)
        do {
            report =
                try GapsCommand.stored(targets, result.library, root: root, templates: templates, command: command)
                ?? Gaps.report(targets: targets, library: result.library, root: root.path, command: command)
            KeepUntilExit.keep(report)
        } catch let e as TaxoError {
            Console.err("taxo: error: \(e.message)\n")
            throw TaxoExit(code: 2)
        }
        if let out {
            // Links relative to where the report is written, so that they resolve there.
            report.linksFrom =
                URL(fileURLWithPath: out, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL.deletingLastPathComponent().path
        }
        let text: String
        do {
            text = format == .json ? report.json() : try report.markdown(templates: templates)
        } catch {
            Console.err("taxo: error: \(error)\n")
            throw TaxoExit(code: 2)
        }
        if let out {
            let url = URL(
                fileURLWithPath: out, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8)) else {
                Console.err("taxo: error: cannot write \(out)\n")
                throw TaxoExit(code: 2)
            }
        } else {
            Console.out(text)
        }
        if let stubs {
            let r = try Gaps.writeStubs(
                report, to: URL(fileURLWithPath: stubs).standardizedFileURL.path, templates: templates)
            Console.err(
                "taxo: wrote \(r.written.count) draft entr\(r.written.count == 1 ? "y" : "ies") to \(stubs)"
                    + (r.skipped.isEmpty ? "" : "; kept \(r.skipped.count) existing file(s)") + "\n")
        }
        let c = report.candidates
        if !output.quiet {
            for s in report.skipped { Console.err("taxo: note: skipped \(s.path): \(s.reason)\n") }
            Console.err(
                "taxo: \(Plural.count(c.count, "candidate")): "
                    + GapVerdict.allCases.map { v in "\(c.filter { $0.verdict == v }.count) \(v.rawValue)" }.joined(
                        separator: ", ") + "\n")
        }
    }

    /// One video's report from the last build's analysis (`output/taxo-gaps.bin`), when its documents and
    /// the library are what they were then: what analysing them again would give.
    static func stored(_ targets: [String], _ library: Library, root: URL, templates: Templates, command: String)
        throws -> GapReport?
    {
        guard targets.count == 1,
            let store = GapStore(path: root.appendingPathComponent("output/" + GapStore.fileName).path),
            let print = ReportWriter.gapPrints(library, base: ReportWriter.fingerprint(library, templates: templates))[
                targets[0]]
        else { return nil }
        return try Gaps.storedReport(
            video: targets[0], print: print, store: store, library: library, root: root.path, command: command,
            allocator: IDAllocator(library: library))
    }
}
