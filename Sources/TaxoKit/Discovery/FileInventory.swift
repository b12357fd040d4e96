import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Every file and folder under the library's roots (of any type, not only the parsed ones), for
/// checking link targets and suggesting where a moved file went.
public struct FileInventory: Sendable {
    public private(set) var files: Set<String> = []
    public private(set) var dirs: Set<String> = [""]
    /// Made again after a change (copies share it until then).
    private var hints = Lazy<(lowercased: [String: String], byName: [String: [String]])>()

    /// Lower-cased path -> actual path, for case-only mismatches (built on first use).
    public var lowercased: [String: String] { hintTables.lowercased }
    /// Lower-cased file name -> paths that have it, for moved files (built on first use).
    public var byName: [String: [String]] { hintTables.byName }

    private var hintTables: (lowercased: [String: String], byName: [String: [String]]) {
        hints.get {
            var lower: [String: String] = [:]
            var names: [String: [String]] = [:]
            for d in dirs.sorted() { lower[d.lowercased()] = d }
            for f in files.sorted() {
                lower[f.lowercased()] = f
                let name = f.split(separator: "/").last.map(String.init) ?? f
                names[name.lowercased(), default: []].append(f)
            }
            return (lower, names)
        }
    }
    /// The library root on disk, to check targets outside the roots; nil for in-memory libraries.
    public var rootPath: String?

    /// An empty inventory; `rootPath` is the library on disk (nil for in-memory libraries).
    public init(rootPath: String? = nil) { self.rootPath = rootPath }

    /// An inventory of these files and folders; `dirs` holds the folder of every file.
    init(rootPath: String?, files: [String], dirs: [String]) {
        self.rootPath = rootPath
        self.files = Set(files)
        self.dirs.reserveCapacity(dirs.count + 1)
        for d in dirs { addDirectory(d) }
    }

    /// Adds a file and the folders above it.
    public mutating func addFile(_ path: String) {
        guard files.insert(path).inserted else { return }
        hints = Lazy()
        guard let e = path.utf8.lastIndex(of: 47) else { return }
        let parent = path[path.startIndex..<e]
        if !dirs.contains(String(parent)) { addDirectory(String(parent)) }
    }

    /// Forgets a file that was deleted (its folders stay: they may hold others).
    public mutating func removeFile(_ path: String) {
        guard files.remove(path) != nil else { return }
        hints = Lazy()
    }

    /// Forgets a deleted folder, with every file and folder under it.
    public mutating func removeFolder(_ path: String) {
        let prefix = path + "/"
        let gone = files.filter { $0.hasPrefix(prefix) }
        guard dirs.contains(path) || !gone.isEmpty else { return }
        files.subtract(gone)
        dirs = dirs.filter { $0 != path && !$0.hasPrefix(prefix) }
        hints = Lazy()
    }

    /// Adds every file and folder of another inventory (a folder created since the walk).
    public mutating func add(_ other: FileInventory) {
        for d in other.dirs where !d.isEmpty { addDirectory(d) }
        for f in other.files { addFile(f) }
    }

    /// Adds a folder and the folders above it.
    public mutating func addDirectory(_ path: String) {
        guard dirs.insert(path).inserted else { return }
        hints = Lazy()
        if let e = path.utf8.lastIndex(of: 47) { addDirectory(String(path[path.startIndex..<e])) }
    }

    /// What a path names.
    public enum Kind { case file, directory }

    /// Whether a root-relative path exists (as a file or folder), looking on disk outside the roots.
    public func kind(of path: String) -> Kind? {
        if files.contains(path) { return .file }
        if dirs.contains(path) { return .directory }
        guard let root = rootPath else { return nil }
        var st = stat()
        guard stat(root + "/" + path, &st) == 0 else { return nil }
        return (st.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }
}

extension FileInventory {
    /// Where a missing file has moved: the one live file of that name (case ignored), if there is exactly
    /// one. Archived files (matched by `archive:`, or inside a folder whose name says archive or backup)
    /// are never a file's new place.
    public func movedFile(named path: String, config: Config) -> String? {
        let name = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
        return onlyFile(named: name, config: config) { _ in true }
    }

    /// The one live file named exactly `name` in the folder `dir` or below it ("" for the whole library),
    /// if there is exactly one.
    public func file(named name: String, under dir: String, config: Config) -> String? {
        onlyFile(named: name, config: config) {
            ($0 == name || $0.hasSuffix("/" + name)) && (dir.isEmpty || $0.hasPrefix(dir + "/"))
        }
    }

    /// The one live file of a name (case ignored) that `keep` accepts, if there is exactly one.
    private func onlyFile(named name: String, config: Config, keep: (String) -> Bool) -> String? {
        let live = (byName[name.lowercased()] ?? []).filter { keep($0) && !config.looksArchived($0) }
        return live.count == 1 ? live[0] : nil
    }
}
