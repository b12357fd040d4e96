import Foundation

/// What a compile produced: the library model and its diagnostics, with configured levels applied,
/// sorted by file, line, column and code.
public struct CompileResult: Sendable {
    public var library: Library
    public var diagnostics: [Diagnostic]
    public var summary: DiagnosticSummary
}

/// The one facade: discover, parse, extract, resolve, validate.
public enum Compiler {
    public static func compile(root: String, config: Config, only: [String]? = nil) -> CompileResult {
        let (found, discoveryDiags) = Discovery.discover(root: root, config: config)
        let grammar = IDGrammar(config: config)
        let processor = FileProcessor(config: config, grammar: grammar,
                                      videoRegex: try? NSRegularExpression(pattern: config.videoPattern))
        let results = Parallel.map(found) { processor.process($0) }
        return finish(config: config, grammar: grammar, results: results, extra: discoveryDiags, only: only)
    }

    /// Compiles an in-memory library (path -> content), as tests and rule examples do.
    public static func compile(files: [(path: String, bytes: [UInt8])], config: Config, only: [String]? = nil) -> CompileResult {
        let grammar = IDGrammar(config: config)
        let processor = FileProcessor(config: config, grammar: grammar,
                                      videoRegex: try? NSRegularExpression(pattern: config.videoPattern))
        let results = files.sorted { $0.path < $1.path }.compactMap { f -> FileResult? in
            guard let fmt = Discovery.format(of: f.path), !config.isExcluded(f.path) else { return nil }
            return processor.process(path: f.path, format: fmt, bytes: f.bytes)
        }
        return finish(config: config, grammar: grammar, results: results, extra: [], only: only)
    }

    static func finish(config: Config, grammar: IDGrammar, results: [FileResult], extra: [Diagnostic], only: [String]?) -> CompileResult {
        let library = Resolver.resolve(config: config, grammar: grammar, files: results)
        var diags = extra
        for r in results { diags += r.diagnostics }
        diags += Validator.run(library)
        diags = RuleLevels.apply(config, to: diags)
        if let only, !only.isEmpty {
            diags = diags.filter { d in
                guard let f = d.location?.file else { return false }
                return only.contains { f == $0 || f.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
            }
        }
        diags = Array(Set(diags)).sorted(by: Diagnostic.ordered)
        var summary = DiagnosticSummary()
        summary.count(diags)
        summary.files = results.count
        summary.entities = library.entities.count
        summary.documents = library.documents.count
        summary.references = library.entities.reduce(0) { $0 + $1.references.count }
        return CompileResult(library: library, diagnostics: diags, summary: summary)
    }
}
