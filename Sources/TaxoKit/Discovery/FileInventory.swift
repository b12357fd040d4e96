#if canImport(Glibc)
import Glibc
#endif

/// Every file and folder under the library's roots (of any type, not only the parsed ones), for
/// checking link targets and suggesting where a moved file went.
public struct FileInventory: Sendable {
    public private(set) var files: Set<String> = []
    public private(set) var dirs: Set<String> = [""]
    /// Lower-cased path -> actual path, for case-only mismatches.
    public private(set) var lowercased: [String: String] = [:]
    /// File name -> paths that have it, for moved files.
    public private(set) var byName: [String: [String]] = [:]
    /// The library root on disk, to check targets outside the roots; nil for in-memory libraries.
    public var rootPath: String?

    public init(rootPath: String? = nil) { self.rootPath = rootPath }

    public mutating func addFile(_ path: String) {
        guard files.insert(path).inserted else { return }
        lowercased[path.lowercased()] = path
        let name = path.split(separator: "/").last.map(String.init) ?? path
        byName[name.lowercased(), default: []].append(path)
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty {
            let d = parts.joined(separator: "/")
            if !dirs.insert(d).inserted { break }
            lowercased[d.lowercased()] = d
            parts = parts.dropLast()
        }
    }

    public mutating func addDirectory(_ path: String) {
        if dirs.insert(path).inserted { lowercased[path.lowercased()] = path }
    }

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
