import Foundation

/// What a tool call gave: JSON text, or a message saying what was wrong and what to do instead.
public struct ToolOutcome: Sendable, Equatable {
    public var text: String
    public var isError: Bool

    static func failure(_ message: String) -> ToolOutcome { ToolOutcome(text: message, isError: true) }
}

/// The library held for an assistant (`taxo mcp`): compiled once with its content, and before every call
/// brought up to date with the files (re-stat'ed; changed ones extracted again, as `taxo check` does with
/// its cache). IDs `next_id` hands out stay reserved for the session, and it skips those other git branches
/// take. Nothing outside the library (and its git repository) is read or written, and only `create_entry`,
/// `rename_id`, `move_file` and `fix` write, when the session allows it.
public final class AssistantSession {
    public let root: String
    public let allowWrite: Bool
    public private(set) var config: Config
    public private(set) var result: CompileResult
    let templates: Templates
    /// Path -> (size, modification time) of every file the last compile read.
    var stamps: [String: FileStamp] = [:]
    var configStamp: FileStamp?
    /// IDs handed out by `next_id`, in order (canonical keys -> as written).
    var reserved: [(key: String, written: String)] = []
    /// Made on first use after a change.
    var searchIndex: AssistantSearch?
    var pendingSearch: (changed: Set<String>, removed: Set<String>) = ([], [])
    var analyzerCache: GapAnalyzer?
    var backlinkCache: [Int: [(entity: Int, reference: Int)]]?
    /// Whether the baseline holds each of the library's findings, for the baseline's version it was made with.
    var heldCache: (baseline: Int, held: [Bool])?
    /// The baseline `taxonomy.yaml` names: which findings of a draft are known ones.
    var baselineWatch = BaselineWatch()
    /// How many times files were found changed (tests read it).
    public private(set) var refreshes = 0

    struct FileStamp: Equatable {
        var size: Int
        var mtime: Int64
    }

    /// Compiles the library at `root` with its content; `allowWrite` lets the tools that write do so.
    public init(root: String, config: Config, allowWrite: Bool = false) {
        self.root = root
        self.config = config
        self.allowWrite = allowWrite
        templates = Templates(directory: root + "/templates")
        configStamp = AssistantSession.stamp(root + "/taxonomy.yaml")
        (result, stamps) = AssistantSession.compileAll(root: root, config: config)
    }

    /// Runs a tool by name; bad arguments and unknown names are error outcomes, never thrown.
    public func call(_ name: String, arguments: [String: ToolArgument]) -> ToolOutcome {
        guard let tool = AssistantTool.named(name) else {
            return .failure(
                "there is no tool '\(name)'; the tools are "
                    + AssistantTool.all.map(\.name).joined(separator: ", ")
                    + (NearMiss.hint(for: name, in: AssistantTool.all.map(\.name)).map { " (\($0))" } ?? ""))
        }
        do {
            let args = try ToolArguments(tool: tool, values: arguments)
            refresh()
            switch tool.name {
            case "search": return try search(args)
            case "get_entity": return try entity(args)
            case "resolve": return try resolve(args)
            case "next_id": return try nextID(args)
            case "check_entry": return try checkEntry(args)
            case "gaps": return try gaps(args)
            case "get_video": return try video(args)
            case "get_document": return try document(args)
            case "get_schema": return try schema(args)
            case "rename_id": return try renameID(args)
            case "move_file": return try moveFile(args)
            case "diff": return try diff(args)
            case "findings": return try findings(args)
            case "fix": return try fix(args)
            default: return try createEntry(args)
            }
        } catch let e as TaxoError {
            return .failure(e.message)
        } catch {
            return .failure("\(error)")
        }
    }

    // MARK: Keeping up with the files

    /// Compares every file's size and modification time with the last compile's; extracts the changed ones
    /// again (a new configuration or a file added or removed: the whole library).
    public func refresh() {
        let stamp = AssistantSession.stamp(root + "/taxonomy.yaml")
        if stamp != configStamp {
            configStamp = stamp
            if let c = ConfigLoader.load(root: URL(fileURLWithPath: root)).0 { config = c }
            return recompile()
        }
        let found = Discovery.discoverAll(root: root, config: config).files
        var changed: [String: [UInt8]] = [:]
        var seen = Set<String>()
        for f in found {
            seen.insert(f.path)
            guard stamps[f.path] != FileStamp(size: f.size, mtime: f.mtime) else { continue }
            changed[f.path] = FileReader.read(f.absolutePath) ?? []
            stamps[f.path] = FileStamp(size: f.size, mtime: f.mtime)
        }
        let removed = Set(stamps.keys).subtracting(seen)
        guard !changed.isEmpty || !removed.isEmpty else { return }
        for p in removed { stamps[p] = nil }
        // With no taxonomy.yaml, the department records are part of the configuration (`DepartmentRecords`).
        let records = config.kindIndex(role: .department).map { config.kinds[$0].files } ?? []
        let isRecords = { (p: String) in records.contains { $0.matches(p) } }
        if configStamp == nil, changed.keys.contains(where: isRecords) || removed.contains(where: isRecords),
            let c = ConfigLoader.load(root: URL(fileURLWithPath: root)).0, c.hash != config.hash
        {
            config = c
            return recompile()
        }
        refreshes += 1
        result = Compiler.update(result, config: config, changed: changed, removed: removed, keepContent: true)
        pendingSearch.changed.formUnion(changed.keys)
        pendingSearch.removed.formUnion(removed)
        analyzerCache = nil
        backlinkCache = nil
        heldCache = nil
    }

    func recompile() {
        (result, stamps) = AssistantSession.compileAll(root: root, config: config)
        searchIndex = nil
        pendingSearch = ([], [])
        analyzerCache = nil
        backlinkCache = nil
        heldCache = nil
    }

    /// The whole library with its content, and the stamps of the files read (stat'ed first: a file that
    /// changes while it is read is read again at the next call).
    static func compileAll(root: String, config: Config) -> (CompileResult, [String: FileStamp]) {
        var stamps: [String: FileStamp] = [:]
        for f in Discovery.discoverAll(root: root, config: config).files {
            stamps[f.path] = FileStamp(size: f.size, mtime: f.mtime)
        }
        return (Compiler.compile(root: root, config: config, keepContent: true), stamps)
    }

    static func stamp(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(
            size: Int(st.st_size), mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }

    var library: Library { result.library }

    /// The search index, brought up to date.
    func searcher() throws -> AssistantSearch {
        if let s = searchIndex {
            if !pendingSearch.changed.isEmpty || !pendingSearch.removed.isEmpty {
                try s.apply(result, changed: pendingSearch.changed, removed: pendingSearch.removed)
                pendingSearch = ([], [])
            }
            return s
        }
        let s = try AssistantSearch(result)
        searchIndex = s
        pendingSearch = ([], [])
        return s
    }

    /// The gap analyzer, its suggestions skipping the IDs this session handed out.
    func analyzer() -> GapAnalyzer {
        if analyzerCache == nil { analyzerCache = GapAnalyzer(library: library) }
        var a = analyzerCache!
        a.baseAllocator = allocator()
        return a
    }

    /// Next free IDs as the library stands, with this session's reservations taken.
    func allocator(except: String? = nil) -> IDAllocator {
        var a = IDAllocator(library: library)
        for r in reserved where r.key != except {
            if case .valid(let p) = library.grammar.check(r.written) { a.reserve(p) }
        }
        return a
    }

    /// The IDs other git branches take (read at each call: branches move while a session lasts).
    func branchIDs() -> BranchIDs? { BranchIDs.read(root: URL(fileURLWithPath: root), config: config) }

    /// A path an assistant gives: relative to the root, inside it, `./` and `/` trimmed at the ends.
    func libraryPath(_ raw: String, argument: String) throws -> String {
        var p = raw
        while p.hasPrefix("./") { p.removeFirst(2) }
        while p.hasSuffix("/") { p.removeLast() }
        guard !p.isEmpty, !p.hasPrefix("/"), !p.hasPrefix("~"), !ConfigLoader.leavesLibrary(p),
            !p.split(separator: "/").contains("..")
        else {
            throw TaxoError.badArgument(
                "'\(argument)' must be a path inside the library, relative to its root (\(root)), not '\(raw)'")
        }
        return p
    }
}
