import Foundation

/// What one file contributes to the library.
public struct FileResult: Sendable {
    public var path: String
    public var format: DiscoveredFile.Format
    public var size: Int
    public var hash: String
    public var entities: [Entity] = []
    public var document: Document?
    /// Links and heading anchors of a Markdown file (entity or document).
    public var markdown: MarkdownInfo?
    /// A CSV master list, when the configuration declares this file as one.
    public var masterList: (index: Int, table: CSVTable)?
    public var diagnostics: [Diagnostic] = []
    /// Tokens with undeclared prefixes, judged over the whole library.
    public var unknownPrefixes: [PrefixUse] = []
    /// IDs the file appears to declare although it does not parse.
    public var brokenDeclarations: [BrokenDeclaration] = []
    /// Taken from the extraction cache (unchanged since the last build) rather than parsed now.
    public var fromCache = false
    /// The file's modification time when it was read (nanoseconds), kept in the cache.
    public var mtime: Int64 = 0
}

/// What link checking needs from a Markdown file.
public struct MarkdownInfo: Sendable {
    public var links: [MarkdownLink]
    /// The file's headings, from which GitHub-style anchors are made when a link needs them.
    public var headings: [String]

    public var anchors: Set<String> { Anchors.slugs(headings) }
}

/// Reads, parses and extracts one file. Safe to run on many files at once.
struct FileProcessor: @unchecked Sendable {
    let config: Config
    let grammar: IDGrammar
    let videoRegex: NSRegularExpression?
    /// Keep each record's JSON and each document's text (for the index).
    var keepContent = false
    let names: FieldNames

    init(config: Config, grammar: IDGrammar, videoRegex: NSRegularExpression?) {
        self.config = config
        self.grammar = grammar
        self.videoRegex = videoRegex
        names = FieldNames(config: config)
    }

    func process(_ f: DiscoveredFile, cache: ExtractionCache? = nil) -> FileResult {
        // Same size and modification time as when cached (and not modified around the cache's writing): trust it.
        if let cache, f.mtime > 0, var hit = cache.unchanged(path: f.path, size: f.size, mtime: f.mtime) {
            hit.mtime = f.mtime
            return hit
        }
        guard let raw = FileReader.read(f.absolutePath) else {
            var r = FileResult(path: f.path, format: f.format, size: f.size, hash: "")
            r.diagnostics.append(SkippedFile.diagnostic(path: f.path, reason: "it cannot be read"))
            return r
        }
        if let cache, var hit = cache.result(path: f.path, hash: Hashing.fnv1aHex(raw)) {
            hit.mtime = f.mtime
            return hit
        }
        var r = process(path: f.path, format: f.format, bytes: raw)
        r.mtime = f.mtime
        return r
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
            if let d = JSONInMarkdown.check(file) { r.diagnostics.append(d) }
            var m = MarkdownExtractor(grammar: grammar, config: config, names: names, file: file, videoRegex: videoRegex,
                                      keepContent: keepContent)
            let (out, info) = m.extractWithInfo()
            switch out {
            case .entity(let e): r.entities.append(e)
            case .document(let d): r.document = d
            }
            r.markdown = info
            r.diagnostics += m.diagnostics
            r.unknownPrefixes += m.unknownPrefixes
        case .csv:
            if let mi = config.masterLists.firstIndex(where: { $0.files.contains { $0.matches(path) } }) {
                r.masterList = (mi, CSVReader.parse(file))
            }
        }
        for e in r.entities {
            if let d = FileNameMismatch.check(e, grammar: grammar) { r.diagnostics.append(d) }
        }
        if let d = ConflictedCopy.check(path: path) { r.diagnostics.append(d) }
        var p = path
        p.withUTF8 { b in
            for (_, text) in DoubledSegment.find(b) { r.diagnostics.append(DoubledSegment.diagnostic(text, at: SourceLocation(file: path, line: 1, column: 1))) }
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
            if let kindIndex {
                r.brokenDeclarations = BrokenFileIDs.scan(file, kindIndex: kindIndex, grammar: grammar, names: names)
            }
        case .success(let root):
            guard let kindIndex else { return }
            var x = RecordExtractor(grammar: grammar, kindIndex: kindIndex, file: file, names: names)
            x.keepRecords = keepContent
            x.videoRegex = videoRegex
            r.entities = x.extract(root: root)
            r.diagnostics += x.diagnostics
            r.unknownPrefixes += x.unknownPrefixes
        }
    }
}

