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
    /// Department link values the configuration does not know (judged against the library's records later).
    public var departmentValues: [DepartmentValue] = []
    /// `taxo-ignore` comments of a Markdown file.
    public var suppressions: [Suppression] = []
    /// IDs the file appears to declare although it does not parse.
    public var brokenDeclarations: [BrokenDeclaration] = []
    /// No kind's `files:` globs take the file, yet its records declare IDs of a kind (TAX0109): its entities
    /// resolve references to those IDs, and are not themselves checked.
    public var unclaimed = false
    /// Taken from the extraction cache (unchanged since the last build) rather than parsed now.
    public var fromCache = false
    /// The file's modification time when it was read (nanoseconds), kept in the cache.
    public var mtime: Int64 = 0
}

/// What link checking needs from a Markdown file.
public struct MarkdownInfo: Sendable, Equatable {
    public var links: [MarkdownLink]
    /// The file's headings, from which GitHub-style anchors are made when a link needs them.
    public var headings: [String]

    public var anchors: Set<String> { Anchors.slugs(headings) }
}

/// Reads, parses and extracts one file. Safe to run on many files at once.
struct FileProcessor: Sendable {
    let config: Config
    let grammar: IDGrammar
    let videoRegex: NSRegularExpression?
    /// Keep each record's JSON and each document's text (for the index).
    var keepContent = false
    /// Decode each record's JSON from the cache too (the site, `taxo show` and `taxo schema` show records).
    var recordsFromCache = false
    let names: FieldNames
    /// The kinds' `files:` globs, to find each file's kinds.
    let kindGlobs: GlobSet

    init(config: Config, grammar: IDGrammar, videoRegex: NSRegularExpression?) {
        self.config = config
        self.grammar = grammar
        self.videoRegex = videoRegex
        names = FieldNames(config: config)
        kindGlobs = GlobSet(config.kinds.map(\.files))
    }

    /// A processor for a configuration, its video pattern compiled (how every compile makes one).
    init(config: Config, grammar: IDGrammar, keepContent: Bool) {
        self.init(config: config, grammar: grammar, videoRegex: try? NSRegularExpression(pattern: config.videoPattern))
        self.keepContent = keepContent
    }

    func process(_ f: DiscoveredFile, cache: ExtractionCache? = nil) -> FileResult {
        // Same size and modification time as when cached (and not modified around the cache's writing): trust it.
        if let cache, f.mtime > 0,
            var hit = cache.unchanged(path: f.path, size: f.size, mtime: f.mtime, records: recordsFromCache)
        {
            hit.mtime = f.mtime
            return hit
        }
        guard let raw = FileReader.read(f.absolutePath) else {
            var r = FileResult(path: f.path, format: f.format, size: f.size, hash: "")
            r.diagnostics.append(SkippedFile.diagnostic(path: f.path, reason: "it cannot be read"))
            return r
        }
        if let cache, var hit = cache.result(path: f.path, hash: Hashing.fnv1aHex(raw), records: recordsFromCache) {
            hit.mtime = f.mtime
            return hit
        }
        var r = process(path: f.path, format: f.format, bytes: raw)
        r.mtime = f.mtime
        return r
    }

    func process(path: String, format: DiscoveredFile.Format, bytes original: [UInt8]) -> FileResult {
        var r = FileResult(path: path, format: format, size: original.count, hash: Hashing.fnv1aHex(original))
        // UTF-16 and UTF-32 with a byte-order mark are text (their NUL bytes are not binary).
        let raw = TextEncoding.decodeUnicodeBOM(original) ?? original
        if raw.prefix(8000).contains(0) {
            r.diagnostics.append(SkippedFile.diagnostic(path: path, reason: "it looks binary (it holds NUL bytes)"))
            return r
        }
        var file = SourceFile(path: path, rawBytes: raw)
        if let legacy = file.windows1252 { r.diagnostics.append(InvalidUTF8.diagnostic(file, legacy)) }
        // Merge-conflict markers left in: each conflict reported, the file read as its first side has it (a
        // CSV list with the rows of both; a JSON or YAML file whose first side does not parse, as its last).
        let conflicts = MergeConflict.blocks(in: file, markdown: format == .markdown)
        if !conflicts.isEmpty {
            var side = format == .csv ? MergeConflict.Side.both : .first
            var readable = SourceFile(path: path, rawBytes: MergeConflict.readable(file, blocks: conflicts, side: side))
            if format == .json || format == .yaml, !parses(readable, format) {
                let last = SourceFile(
                    path: path, rawBytes: MergeConflict.readable(file, blocks: conflicts, side: .last))
                if parses(last, format) { (side, readable) = (.last, last) }
            }
            for b in conflicts { r.diagnostics.append(MergeConflict.diagnostic(b, in: file, side: side)) }
            file = readable
        }
        // The kinds whose globs take the path, in the configuration's order: the first is its kind, more than
        // one a finding (TAX0108).
        let kinds = format == .csv ? [] : kindGlobs.matching(GlobPath(path))
        switch format {
        case .json: processJSON(file, kind: kinds.first, &r)
        case .yaml: processYAML(file, kind: kinds.first, &r)
        case .markdown: processMarkdown(file, kind: kinds.first, &r)
        case .csv: processCSV(file, &r)
        }
        for e in r.entities {
            if let d = FileNameMismatch.check(e, grammar: grammar) { r.diagnostics.append(d) }
        }
        if let d = ConflictedCopy.check(path: path) { r.diagnostics.append(d) }
        if kinds.count > 1 {
            r.diagnostics.append(
                AmbiguousKind.diagnostic(
                    kinds: kinds.map { config.kinds[$0].name }, at: SourceLocation(file: path, line: 1, column: 1)))
        }
        var p = path
        p.withUTF8 { b in
            for (_, text) in DoubledSegment.find(b) {
                r.diagnostics.append(
                    DoubledSegment.diagnostic(text, at: SourceLocation(file: path, line: 1, column: 1)))
            }
        }
        r.diagnostics = DoubledSegment.folded(r.diagnostics)
        return r
    }

    /// Whether a JSON or YAML file parses (a conflicted file's sides are tried before one is read).
    func parses(_ file: SourceFile, _ format: DiscoveredFile.Format) -> Bool {
        var duplicates: [(key: String, first: Int, second: Int)] = []
        switch format {
        case .json: if case .success = JSONParser.parse(file.bytes, duplicates: &duplicates) { return true }
        case .yaml: if case .success = YAMLReader.parse(file.text, lines: file.lines) { return true }
        default: return true
        }
        return false
    }

    struct ParseFailure: Error { var message: String; var hint: String?; var location: SourceLocation }

    /// A JSON or YAML file of kind `kindIndex` (nil: no kind's globs take it; embedded records may still).
    func processStructured(
        _ file: SourceFile, kind kindIndex: Int?, _ r: inout FileResult,
        parse: () -> Result<Node, ParseFailure>
    ) {
        switch parse() {
        case .failure(let f):
            r.diagnostics.append(
                MalformedFile.diagnostic(
                    format: file.path.hasSuffix(".json") ? "JSON" : "YAML",
                    message: f.message, hint: f.hint, at: f.location))
            if let kindIndex {
                r.brokenDeclarations = BrokenFileIDs.scan(file, kindIndex: kindIndex, grammar: grammar, names: names)
            }
        case .success(let root):
            if let kindIndex {
                var x = extractor(kindIndex, file)
                r.entities = x.extract(root: root)
                r.diagnostics += x.diagnostics
                r.unknownPrefixes += x.unknownPrefixes
                r.departmentValues += x.departmentValues
                if let fk = config.kinds[kindIndex].fileKind,
                    let fki = config.kinds.firstIndex(where: { $0.name == fk }),
                    let e = fileEntity(kind: fki, file: file, root: root, children: r.entities)
                {
                    r.entities.insert(e, at: 0)
                }
            }
            // Records of other kinds kept inside this file (a project template's inline milestones).
            for ki in config.kinds.indices where ki != kindIndex && !config.kinds[ki].embedded.isEmpty {
                for source in config.kinds[ki].embedded where source.files.contains(where: { $0.matches(file.path) }) {
                    let records = source.records.resolve(in: root).filter { $0.members != nil }
                    guard !records.isEmpty else { continue }
                    var x = extractor(ki, file)
                    for rec in records { if let e = x.entity(rec, sole: false) { r.entities.append(e) } }
                    r.diagnostics += x.diagnostics
                    r.unknownPrefixes += x.unknownPrefixes
                    r.departmentValues += x.departmentValues
                }
            }
            if kindIndex == nil, r.entities.isEmpty, !config.looksArchived(file.path) {
                r.entities = unclaimedEntities(root, file)
                r.unclaimed = !r.entities.isEmpty
            }
        }
    }

    func extractor(_ kindIndex: Int, _ file: SourceFile) -> RecordExtractor {
        var x = RecordExtractor(grammar: grammar, kindIndex: kindIndex, file: file, names: names)
        x.keepRecords = keepContent
        x.departmentKind = config.kindIndex(role: .department) == kindIndex
        x.videoRegex = videoRegex
        x.linkRootAliases = config.linkRootAliases
        x.roots = config.roots
        return x
    }

    /// The entity a list file is itself (`file_kind`): its ID from the file name, its name from the
    /// top-level name field or the file name, its records as children.
    func fileEntity(kind: Int, file: SourceFile, root: Node, children: [Entity]) -> Entity? {
        guard let id = OwnID.filenameID(file.path, kindIndex: kind, grammar: grammar) else { return nil }
        let stem = PathDisplay.stem(file.path)
        let name =
            FieldNames.first(in: root, keys: names.nameFields[kind], paths: names.namePaths[kind])?.node.string
            ?? stem.replacingAll(id.written, with: "").replacingAll("_", with: " ").trimmingSpaces()
        let loc = SourceLocation(file: file.path, line: 1, column: 1)
        let refs = children.compactMap { c in
            c.id.map {
                Reference(field: "records", raw: $0.written, id: $0, label: nil, location: c.location, linkIndex: nil)
            }
        }
        var e = Entity(
            kind: kind, id: id, rawID: id.written, name: name.isEmpty ? nil : name, file: file.path, location: loc,
            department: nil, idField: "file name", soleRecordInFile: false, references: refs)
        e.inlineChildren = children.count
        return e
    }

    /// A JSON file: parsed (duplicate keys reported), its records extracted.
    func processJSON(_ file: SourceFile, kind: Int?, _ r: inout FileResult) {
        var duplicates: [(key: String, first: Int, second: Int)] = []
        processStructured(file, kind: kind, &r) {
            switch JSONParser.parse(file.bytes, duplicates: &duplicates) {
            case .success(let n): return .success(n)
            case .failure(let e):
                return .failure(ParseFailure(message: e.message, hint: e.hint, location: file.location(e.offset)))
            }
        }
        for d in duplicates {
            r.diagnostics.append(
                DuplicateKey.diagnostic(key: d.key, first: file.location(d.first), second: file.location(d.second)))
        }
    }

    /// A YAML file: parsed, its records extracted.
    func processYAML(_ file: SourceFile, kind: Int?, _ r: inout FileResult) {
        processStructured(file, kind: kind, &r) {
            switch YAMLReader.parse(file.text, lines: file.lines) {
            case .success(let n): return .success(n ?? Node(.null, at: 0))
            case .failure(let f):
                return .failure(
                    ParseFailure(
                        message: f.message, hint: nil, location: file.location(line: f.line, column: f.column)))
            }
        }
    }

    /// A Markdown file: an entity (a header with an ID field) or a document (headings, mentions, links).
    func processMarkdown(_ file: SourceFile, kind: Int?, _ r: inout FileResult) {
        if let d = JSONInMarkdown.check(file) { r.diagnostics.append(d) }
        var m = MarkdownExtractor(
            grammar: grammar, config: config, names: names, file: file, kindIndex: kind, videoRegex: videoRegex,
            keepContent: keepContent)
        let (out, info) = m.extractWithInfo()
        switch out {
        case .entity(let e): r.entities.append(e)
        case .document(let d): r.document = d
        }
        r.markdown = info
        r.diagnostics += m.diagnostics
        r.unknownPrefixes += m.unknownPrefixes
        r.suppressions = m.suppressions
        r.unclaimed = m.unclaimed
    }

    /// A CSV file that a master list names: its table, and a finding per missing column.
    func processCSV(_ file: SourceFile, _ r: inout FileResult) {
        let path = file.path
        if let mi = config.masterLists.firstIndex(where: { $0.files.contains { $0.matches(path) } }) {
            var problems: [CSVReader.Problem] = []
            let table = CSVReader.parse(file, problems: &problems)
            for p in problems {
                r.diagnostics.append(
                    MalformedFile.diagnostic(
                        format: "CSV", message: p.message, hint: p.hint, at: file.location(p.offset)))
            }
            let list = config.masterLists[mi]
            for column in [list.idColumn]
                + [list.nameColumn, list.pathColumn, list.currentIDColumn].compactMap({ $0 })
            where table.column(column) == nil {
                let header = table.header.joined(separator: ",")
                r.diagnostics.append(
                    MalformedFile.diagnostic(
                        format: "CSV",
                        message:
                            "the master list has no column '\(column)' (its header: \(header.isEmpty ? "empty" : header))",
                        hint: "correct the header or the master list's configuration",
                        at: file.location(line: 1)))
            }
            r.masterList = (mi, table)
        }
    }
}
