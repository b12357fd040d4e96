import Foundation

/// What one file contributes to the library.
public struct FileResult: Sendable {
    public var path: String
    public var format: DiscoveredFile.Format
    public var size: Int
    public var hash: String
    public var entities: [Entity] = []
    public var document: Document?
    public var diagnostics: [Diagnostic] = []
}

/// Reads, parses and extracts one file. Safe to run on many files at once.
struct FileProcessor: @unchecked Sendable {
    let config: Config
    let grammar: IDGrammar
    let videoRegex: NSRegularExpression?

    func process(_ f: DiscoveredFile) -> FileResult {
        guard let raw = FileReader.read(f.absolutePath) else {
            var r = FileResult(path: f.path, format: f.format, size: f.size, hash: "")
            r.diagnostics.append(SkippedFile.diagnostic(path: f.path, reason: "it cannot be read"))
            return r
        }
        return process(path: f.path, format: f.format, bytes: raw)
    }

    func process(path: String, format: DiscoveredFile.Format, bytes raw: [UInt8]) -> FileResult {
        var r = FileResult(path: path, format: format, size: raw.count, hash: Hashing.fnv1aHex(raw))
        if raw.prefix(8000).contains(0) {
            r.diagnostics.append(SkippedFile.diagnostic(path: path, reason: "it looks binary (it holds NUL bytes)"))
            return r
        }
        let file = SourceFile(path: path, rawBytes: raw)
        if let bad = file.firstInvalidUTF8Offset() {
            r.diagnostics.append(InvalidUTF8.diagnostic(at: file.location(bad)))
        }
        switch format {
        case .json:
            processStructured(file, &r) {
                switch JSONParser.parse(file.bytes) {
                case .success(let n): return .success(n)
                case .failure(let e): return .failure(ParseFailure(message: e.message, hint: e.hint, location: file.location(e.offset)))
                }
            }
        case .yaml:
            processStructured(file, &r) {
                switch YAMLReader.parse(file.text, lines: file.lines) {
                case .success(let n): return .success(n ?? Node(.null, at: 0))
                case .failure(let f): return .failure(ParseFailure(message: f.message, hint: nil, location: file.location(line: f.line, column: f.column)))
                }
            }
        case .markdown:
            var m = MarkdownExtractor(grammar: grammar, config: config, file: file, videoRegex: videoRegex)
            switch m.extract() {
            case .entity(let e): r.entities.append(e)
            case .document(let d): r.document = d
            }
            r.diagnostics += m.diagnostics
        case .csv:
            break
        }
        for e in r.entities {
            if let d = FileNameMismatch.check(e, grammar: grammar) { r.diagnostics.append(d) }
        }
        return r
    }

    struct ParseFailure: Error { var message: String; var hint: String?; var location: SourceLocation }

    func processStructured(_ file: SourceFile, _ r: inout FileResult,
                           parse: () -> Result<Node, ParseFailure>) {
        let kindIndex = config.kindIndex(forPath: file.path)
        switch parse() {
        case .failure(let f):
            r.diagnostics.append(MalformedFile.diagnostic(format: file.path.hasSuffix(".json") ? "JSON" : "YAML",
                                                          message: f.message, hint: f.hint, at: f.location))
        case .success(let root):
            guard let kindIndex else { return }
            var x = RecordExtractor(grammar: grammar, kindIndex: kindIndex, file: file)
            r.entities = x.extract(root: root)
            r.diagnostics += x.diagnostics
        }
    }
}

