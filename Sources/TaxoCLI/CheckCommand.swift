import ArgumentParser
import Foundation
import TaxoKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the whole library; report every problem with file:line:col, a code and a hint.",
        discussion: """
            With PATHS or --changed, the whole library is still loaded and checked, and every finding that touches \
            the given files is reported: findings in them, and findings elsewhere that name an ID they declare now \
            or declared before (a renamed ID's dangling references), or that link to them.
            Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage or configuration failure. \
            The only file check ever writes is the one --write-baseline names.
            """)

    @OptionGroup var library: LibraryOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Output format: text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, help: "Exit 1 on warnings too.")
    var strict = false

    @Flag(name: .long, help: "Parse every file; do not reuse the extraction cache of the last build.")
    var noCache = false

    @Flag(name: .long, help: "Print counts per rule and per folder instead of every finding.")
    var summary = false

    @Flag(name: .long, help: "Print the time each stage took to stderr.")
    var timings = false

    @Flag(
        name: .long, help: "Check the files git sees as changed since --base (and staged, unstaged and untracked ones)."
    )
    var changed = false

    @Option(
        name: .long,
        help: "With --changed: the commit to compare with (default: the merge base with the default branch).")
    var base: String?

    @Flag(name: .long, help: "With --changed: only what the git index holds (for pre-commit).")
    var staged = false

    @Option(name: .long, help: "With '-' as the path: the library path the text on standard input stands for.")
    var stdinFilename: String?

    @OptionGroup var baselineOptions: BaselineOptions

    @Option(name: .long, help: "Write today's findings to this baseline file and exit 0.")
    var writeBaseline: String?

    @Flag(name: .long, help: "Ignore taxo-ignore comments and per-path overrides: show everything.")
    var noSuppressions = false

    @Argument(help: "Report on these files or folders only ('-' for standard input with --stdin-filename).")
    var paths: [String] = []

    func run() throws {
        let start = Date()
        let cwd = FileManager.default.currentDirectoryPath
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root, format: format)
        let display = PathDisplay(root: root.path, workingDirectory: cwd)
        var selection = try Selection(
            paths: paths, stdinFilename: stdinFilename, root: root, config: config, display: display)
        // git answers while the library compiles (the compile does not depend on them).
        let gitAnswer = Background<Selection> { [selection, changed, base, staged] in
            var s = selection
            if changed { try s.addChanged(root: root, base: base, staged: staged, config: config, display: display) }
            return s
        }

        let cache = noCache ? nil : library.cache(root: root, config: config)
        let options = CompileOptions(suppressions: !noSuppressions, overlay: selection.overlay)
        let result = Compiler.compile(root: root.path, config: config, cache: cache, options: options)
        selection = try gitAnswer.value()
        if result.summary.files == 0, let problem = Self.emptyLibrary(root: root, config: config) {
            Console.err("taxo: error: \(problem)\n" + LibraryOptions.below(root))
            throw TaxoExit(code: 2)
        }
        var diags = result.diagnostics
        if selection.filtering {
            if !changed { selection.addPreviousFromGit(root: root) }
            let previousResults = selection.files.compactMap { cache?.previous(path: $0) }
            let change = ChangeSet(
                paths: selection.files, folders: selection.folders, previous: selection.previous,
                previousResults: previousResults, result: result)
            diags = change.filter(diags, grammar: result.library.grammar)
        }
        if let wb = writeBaseline {
            try Self.writeBaseline(diags, to: wb, grammar: result.library.grammar, cwd: cwd)
            return
        }
        let baselineLine: String?
        (diags, baselineLine) = BaselineOptions.apply(
            try baselineOptions.load(root: root, config: config)?.value, to: diags, grammar: result.library.grammar)
        diags += selection.notes
        var counts = result.summary
        counts.errors = 0; counts.warnings = 0; counts.notes = 0
        counts.count(diags)

        report(diags, counts: counts, result: result, display: display, baselineLine: baselineLine, start: start)
        // The process ends right after: skip freeing the whole model.
        KeepUntilExit.keep(result)
        if counts.errors > 0 || (strict && counts.warnings > 0) { throw TaxoExit(code: 1) }
    }

    /// Prints the timings, the findings (or their summary) and the summary line.
    func report(
        _ diags: [Diagnostic], counts: DiagnosticSummary, result: CompileResult, display: PathDisplay,
        baselineLine: String?, start: Date
    ) {
        if timings {
            for t in result.timings {
                Console.err(t.stage.padding(28) + String(format: "%8.1f ms\n", t.seconds * 1000))
            }
        }
        if summary {
            Console.out(SummaryReporter.render(display.apply(diags)))
        } else if !output.quiet {
            Console.out(
                format.render(
                    diags, summary: counts, color: output.color, paths: display,
                    workingDirectory: FileManager.default.currentDirectoryPath, grammar: result.library.grammar,
                    among: result.diagnostics))
        }
        if format == .text || Console.stderrIsTerminal {
            if let baselineLine { Console.err(baselineLine + "\n") }
            let secs = String(format: "%.2f", Date().timeIntervalSince(start))
            Console.err(TextReporter.summaryLine(counts) + " [\(secs) s]\n")
        }
    }

    /// `--write-baseline`: today's findings into a baseline file.
    static func writeBaseline(_ diags: [Diagnostic], to path: String, grammar: IDGrammar, cwd: String) throws {
        let b = Baseline(diags, grammar: grammar)
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: cwd))
        do { try b.json().write(to: url, atomically: true, encoding: .utf8) } catch {
            Console.err("taxo: error: cannot write the baseline \(path)\n")
            throw TaxoExit(code: 2)
        }
        Console.err("taxo: wrote \(Plural.count(diags.count, "finding")) to the baseline \(path)\n")
    }

    /// Why a library without files is a failure, or nil when its roots exist and are empty (a note).
    static func emptyLibrary(root: URL, config: Config) -> String? {
        let missing = config.roots.filter {
            !FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path)
        }
        guard missing.count == config.roots.count else { return nil }
        return "none of the library's roots (\(config.roots.joined(separator: ", "))) exists under \(root.path)"
    }
}

/// The files a check reports on, from the command line or git, with what they held before.
struct Selection {
    var files: [String] = []
    var folders: [String] = []
    var overlay: [String: [UInt8]] = [:]
    var previous: [String: [UInt8]] = [:]
    var notes: [Diagnostic] = []
    var filtering = false

    init(paths: [String], stdinFilename: String?, root: URL, config: Config, display: PathDisplay) throws {
        let cwd = FileManager.default.currentDirectoryPath
        for p in paths {
            if p == "-" {
                guard let name = stdinFilename else {
                    Console.err(
                        "taxo: error: 'taxo check -' needs --stdin-filename PATH (the file the text stands for)\n")
                    throw TaxoExit(code: 2)
                }
                guard let rel = display.libraryPath(name, workingDirectory: cwd, root: root.path), !rel.isEmpty else {
                    Console.err("taxo: error: --stdin-filename '\(name)' is not inside the library at \(root.path)\n")
                    throw TaxoExit(code: 2)
                }
                overlay[rel] = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
                files.append(rel)
                filtering = true
                continue
            }
            let abs = URL(fileURLWithPath: p, relativeTo: URL(fileURLWithPath: cwd)).standardizedFileURL.path
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: abs, isDirectory: &isDir) else {
                Console.err("taxo: error: '\(p)' does not exist\n")
                throw TaxoExit(code: 2)
            }
            filtering = true
            guard let rel = display.libraryPath(p, workingDirectory: cwd, root: root.path),
                config.isUnderRoots(rel, folder: isDir.boolValue)
            else {
                notes.append(Diagnostic.skippedOutsideRoots(p))
                continue
            }
            if isDir.boolValue { folders.append(rel) } else { files.append(rel) }
        }
    }

    /// The files git sees as changed, with their content at the base.
    mutating func addChanged(root: URL, base: String?, staged: Bool, config: Config, display: PathDisplay) throws {
        do {
            let side = try GitBase(root: root, config: config, base: base, staged: staged, needsGit: "--changed")
            filtering = true
            for (rel, then) in side.changed.sorted(by: { $0.key < $1.key }) where config.isUnderRoots(rel) {
                files.append(rel)
                if let then { previous[rel] = then }
            }
        } catch let e as TaxoError {
            Console.err("taxo: error: \(e.message)\n")
            throw TaxoExit(code: 2)
        }
    }

    /// For files named on the command line: what they held at HEAD, when the library is in git.
    mutating func addPreviousFromGit(root: URL) {
        let git = Git(directory: root)
        guard !files.isEmpty, let top = git.topLevel() else { return }
        let rootPath = root.standardizedFileURL.path, topPath = top.path
        let prefix = rootPath == topPath ? "" : String(rootPath.dropFirst(topPath.count + 1)) + "/"
        let wanted = files.filter { previous[$0] == nil }
        for (f, old) in git.contents(of: wanted.map { prefix + $0 }, at: "HEAD") {
            previous[String(f.dropFirst(prefix.count))] = old
        }
    }
}

/// Work started on another thread, whose value (or error) is waited for when needed: the worker stores
/// the result behind a lock before it signals `done`, and `value()` reads it after waiting for that signal
/// (which is passed on, so every later reader also waits for the write).
final class Background<T>: Sendable {
    private let result = Locked<Result<T, Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global().async { [result, done] in
            let r = Result { try work() }
            result.withLock { $0 = r }
            done.signal()
        }
    }

    func value() throws -> T {
        done.wait()
        done.signal()
        return try result.withLock { $0! }.get()
    }
}

/// Counted nouns: "1 file", "2 files".
enum Plural {
    static func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : many ?? one + "s")"
    }
}

/// Holds large values (the compiled model, gap analyses) until the process exits, so they are never
/// freed piece by piece just before the operating system takes the memory back anyway.
enum KeepUntilExit {
    /// The value, boxed and retained once more than anyone releases it: no global list to guard.
    final class Box {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    static func keep(_ v: Any) { _ = Unmanaged.passRetained(Box(v)) }
}
