import Foundation

/// What a compile produced: the library model and its diagnostics, with configured levels applied,
/// sorted by file, line, column and code.
public struct CompileResult: Sendable {
    public var library: Library
    public var diagnostics: [Diagnostic]
    public var summary: DiagnosticSummary
    /// Seconds spent in each stage, in order (`taxo check --timings` prints them).
    public var timings: [StageTiming] = []
}

/// How long one stage of a run took.
public struct StageTiming: Sendable, Equatable {
    public var stage: String
    public var seconds: Double

    /// A stage and its duration.
    public init(stage: String, seconds: Double) {
        self.stage = stage
        self.seconds = seconds
    }
}

/// Measures stages of a compile.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [StageTiming] = []

    mutating func append(_ more: [StageTiming]) { laps += more }

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append(StageTiming(stage: stage, seconds: Double(now - last) / 1e9))
        last = now
    }
}

/// How a compile treats the library beyond its configuration.
public struct CompileOptions: Sendable {
    /// Apply `taxo-ignore` comments and per-path overrides (`--no-suppressions` turns them off).
    public var suppressions = true
    /// Contents that stand for files (path relative to the root -> bytes): `taxo check - --stdin-filename`.
    public var overlay: [String: [UInt8]] = [:]
    /// Files to compile as if they were not there (`taxo diff`'s base: files added since it).
    public var absent: Set<String> = []
    /// With `keepContent`: every entity's record, also of files taken from the extraction cache (decoded from
    /// it only when asked for: a build's index needs them only for the files it rewrites; the site, `taxo
    /// show` and `taxo schema` need them all).
    public var allRecords = false
    /// Handed every file's result as soon as all are extracted, before resolution and validation (`taxo
    /// build` starts writing the extraction cache there, on a core those leave idle).
    public var extracted: (@Sendable ([FileResult]) -> Void)?

    /// Every entity's record kept (`allRecords`), nothing else changed.
    public static var allRecords: CompileOptions {
        var o = CompileOptions()
        o.allRecords = true
        return o
    }

    /// Options: suppressions on or off, buffers standing for files, and files taken as absent.
    public init(suppressions: Bool = true, overlay: [String: [UInt8]] = [:], absent: Set<String> = []) {
        self.suppressions = suppressions
        self.overlay = overlay
        self.absent = absent
    }
}

/// The one facade: discover, parse, extract, resolve, validate.
public enum Compiler {
    /// Compiles the library at `root`: every file read (or taken from the cache), resolved, validated; `only` keeps the findings of those paths; `keepContent` keeps record JSON and document text for the index.
    public static func compile(
        root: String, config: Config, only: [String]? = nil, keepContent: Bool = false,
        cache: ExtractionCache? = nil, options: CompileOptions = CompileOptions()
    ) -> CompileResult {
        var clock = StageClock()
        var (found, discoveryDiags, inventory) = Discovery.discoverAll(root: root, config: config)
        if !options.absent.isEmpty {
            found.removeAll { options.absent.contains($0.path) }
            for path in options.absent { inventory.removeFile(path) }
            discoveryDiags.removeAll { options.absent.contains($0.location?.file ?? "") }
        }
        // Buffers that stand for files (an editor's unsaved text): read from memory, added when new.
        for path in options.overlay.keys.sorted() where !found.contains(where: { $0.path == path }) {
            guard let fmt = Discovery.format(of: path), !config.isExcluded(path) else { continue }
            found.append(
                DiscoveredFile(
                    path: path, absolutePath: root + "/" + path, size: options.overlay[path]!.count, format: fmt))
            inventory.addFile(path)
        }
        if !options.overlay.isEmpty { found.sort { $0.path < $1.path } }
        clock.lap("discover")
        let grammar = IDGrammar(config: config)
        var processor = FileProcessor(config: config, grammar: grammar, keepContent: keepContent)
        processor.recordsFromCache = keepContent && options.allRecords
        let overlay = options.overlay
        let results = Parallel.map(found) { f -> FileResult in
            if let bytes = overlay[f.path] { return processor.process(path: f.path, format: f.format, bytes: bytes) }
            return processor.process(f, cache: cache)
        }
        clock.lap("read, parse, extract")
        options.extracted?(results)
        return finish(
            config: config, grammar: grammar, results: results, inventory: inventory, extra: discoveryDiags, only: only,
            options: options, clock: clock)
    }

    /// An entity's record as compact JSON, read from its file again (for a compile that took the file from the
    /// extraction cache, which holds no records); nil when the file no longer declares it there.
    public static func record(of e: Entity, root: String, config: Config) -> String? {
        guard let format = Discovery.format(of: e.file), let bytes = FileReader.read(root + "/" + e.file) else {
            return nil
        }
        let processor = FileProcessor(config: config, grammar: IDGrammar(config: config), keepContent: true)
        let r = processor.process(path: e.file, format: format, bytes: bytes)
        return r.entities.first { $0.location == e.location && $0.rawID == e.rawID }?.record
    }

    /// Compiles again after some files changed in memory (an editor's buffers): every other file's extraction
    /// is taken from `previous` and nothing is discovered or read again; a changed file that is new is added.
    /// Resolution and the whole-library rules run again. `previous` must come from a compile of the same
    /// configuration; the files it skipped at discovery keep their notes. `removed` files are dropped.
    /// `present` holds files and folders that appeared (a picture a link may point at, a created folder's),
    /// `goneFolders` deleted folders: what links are checked against follows them.
    public static func update(
        _ previous: CompileResult, config: Config, changed: [String: [UInt8]], removed: Set<String> = [],
        keepContent: Bool = false, options: CompileOptions = CompileOptions(),
        present: FileInventory = FileInventory(), goneFolders: Set<String> = []
    ) -> CompileResult {
        var clock = StageClock()
        let grammar = previous.library.grammar
        let processor = FileProcessor(config: config, grammar: grammar, keepContent: keepContent)
        var inventory = previous.library.inventory
        for f in goneFolders { inventory.removeFolder(f) }
        inventory.add(present)
        var results = previous.library.files
        if !removed.isEmpty {
            results.removeAll { removed.contains($0.path) }
            for path in removed { inventory.removeFile(path) }
        }
        var index: [String: Int] = [:]
        for (i, f) in results.enumerated() { index[f.path] = i }
        for path in changed.keys.sorted() {
            guard let fmt = Discovery.format(of: path), !config.isExcluded(path) else { continue }
            let r = processor.process(path: path, format: fmt, bytes: changed[path]!)
            if let i = index[path] {
                results[i] = r
            } else {
                results.append(r)
                inventory.addFile(path)
            }
        }
        results.sort { $0.path < $1.path }
        clock.lap("read, parse, extract")
        // Notes on files the walk skipped stand, unless the file is gone or was read this time.
        let skipped = previous.diagnostics.filter {
            $0.code == SkippedFile.info.code && !removed.contains($0.location?.file ?? "")
                && changed[$0.location?.file ?? ""] == nil
        }
        return finish(
            config: config, grammar: grammar, results: results, inventory: inventory, extra: skipped, only: nil,
            options: options, clock: clock, nearestMemo: previous.library.nearestMemo ?? NearestIDs.Memo())
    }

    /// Compiles an in-memory library (path -> content), as tests and rule examples do; `keepContent` keeps
    /// record JSON and document text, as for the index.
    public static func compile(
        files: [(path: String, bytes: [UInt8])], config: Config, only: [String]? = nil, keepContent: Bool = false
    ) -> CompileResult {
        let grammar = IDGrammar(config: config)
        let processor = FileProcessor(config: config, grammar: grammar, keepContent: keepContent)
        var inventory = FileInventory()
        for f in files { inventory.addFile(f.path) }
        let results = files.sorted { $0.path < $1.path }.compactMap { f -> FileResult? in
            guard let fmt = Discovery.format(of: f.path), !config.isExcluded(f.path) else { return nil }
            return processor.process(path: f.path, format: fmt, bytes: f.bytes)
        }
        return finish(config: config, grammar: grammar, results: results, inventory: inventory, extra: [], only: only)
    }

    static func finish(
        config: Config, grammar: IDGrammar, results: [FileResult], inventory: FileInventory, extra: [Diagnostic],
        only: [String]?, options: CompileOptions = CompileOptions(), clock: StageClock = StageClock(),
        nearestMemo: NearestIDs.Memo? = nil
    ) -> CompileResult {
        var clock = clock
        var library = Resolver.resolve(config: config, grammar: grammar, files: results, inventory: inventory)
        library.nearestMemo = nearestMemo
        clock.lap("resolve")
        var diags = extra
        for r in results { diags += r.diagnostics }
        diags += UnknownDepartment.valueFindings(library)
        UnknownDepartment.pointAtDepartmentRecords(&diags, library)
        let validated = Validator.runTimed(library)
        // Files no kind's globs take resolve references with their records but are not checked (TAX0109).
        let unclaimed = library.unclaimedFiles
        if unclaimed.isEmpty {
            diags += validated.diagnostics
        } else {
            diags += validated.diagnostics.filter { d in
                d.code == UnclaimedRecords.info.code || d.location.map { !unclaimed.contains($0.file) } ?? true
            }
        }
        clock.lap("validate")
        clock.append(validated.timings)
        if options.suppressions {
            diags = UnusedSuppression.apply(results.flatMap(\.suppressions), to: diags)
        }
        diags = RuleLevels.apply(config, to: diags, overrides: options.suppressions)
        if !config.archive.isEmpty {
            // Archived files resolve references but are not themselves checked.
            diags = diags.filter { d in d.location.map { !config.isArchived($0.file) } ?? true }
        }
        if let only, !only.isEmpty {
            diags = diags.filter { d in
                guard let f = d.location?.file else { return false }
                return only.contains { f == $0 || f.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
            }
        }
        diags = Diagnostic.sortedUnique(diags)
        var summary = DiagnosticSummary()
        summary.count(diags)
        summary.files = results.count
        summary.entities = library.entities.count
        summary.documents = library.documents.count
        summary.references = library.entities.reduce(0) { $0 + $1.references.count }
        clock.lap("sort diagnostics")
        return CompileResult(library: library, diagnostics: diags, summary: summary, timings: clock.laps)
    }
}
