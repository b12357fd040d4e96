import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file found under the library's roots.
public struct DiscoveredFile: Sendable {
    public enum Format: String, Sendable { case json, yaml, markdown, csv }
    public var path: String
    public var absolutePath: String
    public var size: Int
    public var format: Format
    /// Modification time in nanoseconds (0 when unknown), to skip reading files the cache already knows.
    public var mtime: Int64 = 0
}

/// Walks the configured roots in sorted order, honours excludes, skips oversized files with a note,
/// and never follows a symbolic link to a folder (so it cannot loop).
public enum Discovery {
    public static func format(of name: String) -> DiscoveredFile.Format? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "json": return .json
        case "yaml", "yml": return .yaml
        case "md", "markdown": return .markdown
        case "csv": return .csv
        default: return nil
        }
    }

    public static func discover(root: String, config: Config) -> (files: [DiscoveredFile], diagnostics: [Diagnostic]) {
        let r = discoverAll(root: root, config: config)
        return (r.files, r.diagnostics)
    }

    public static func discoverAll(root: String, config: Config) -> (files: [DiscoveredFile], diagnostics: [Diagnostic], inventory: FileInventory) {
        var files: [DiscoveredFile] = []
        var diags: [Diagnostic] = []
        var seen = Set<String>()
        var inventory = FileInventory(rootPath: root)
        for r in config.roots.sorted() {
            let rel = r == "." ? "" : r.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let abs = rel.isEmpty ? root : root + "/" + rel
            var st = stat()
            guard lstat(abs, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
                diags.append(SkippedFile.diagnostic(path: rel, reason: "the root folder '\(rel)' does not exist"))
                continue
            }
            inventory.addDirectory(rel)
            // The root's own files here; its folders are walked in parallel below.
            var units: [(abs: String, rel: String)] = []
            walk(abs: abs, rel: rel, config: config, files: &files, diags: &diags, seen: &seen, inventory: &inventory, units: &units)
            let parts = Parallel.map(units, minimum: 2) { u -> ([DiscoveredFile], [Diagnostic], FileInventory) in
                var f: [DiscoveredFile] = [], d: [Diagnostic] = [], s = Set<String>(), inv = FileInventory(rootPath: root)
                walk(abs: u.abs, rel: u.rel, config: config, files: &f, diags: &d, seen: &s, inventory: &inv)
                return (f, d, inv)
            }
            for (f, d, inv) in parts {
                for x in f where seen.insert(x.path).inserted { files.append(x) }
                diags += d
                inventory.merge(inv)
            }
        }
        files.sort { $0.path < $1.path }
        return (files, diags, inventory)
    }

    /// Walks a folder. With `units`, its subfolders are not entered but listed there (to walk in parallel).
    static func walk(abs: String, rel: String, config: Config, files: inout [DiscoveredFile],
                     diags: inout [Diagnostic], seen: inout Set<String>, inventory: inout FileInventory,
                     units: UnsafeMutablePointer<[(abs: String, rel: String)]>? = nil) {
        let dfd = open(abs, O_RDONLY | O_DIRECTORY)
        guard dfd >= 0, let dir = fdopendir(dfd) else {
            if dfd >= 0 { close(dfd) }
            diags.append(SkippedFile.diagnostic(path: rel, reason: "the folder cannot be read"))
            return
        }
        defer { closedir(dir) }
        // The entry type from readdir saves a stat for folders and for files taxo does not read.
        var names: [(String, UInt8)] = []
        while let ent = readdir(dir) {
            let name = withUnsafePointer(to: ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            names.append((name, ent.pointee.d_type))
        }
        names.sort { $0.0 < $1.0 }
        for (name, dtype) in names {
            let childRel = rel.isEmpty ? name : rel + "/" + name
            let childAbs = abs + "/" + name
            var st = stat()
            var type: mode_t
            if dtype == UInt8(DT_DIR) {
                type = S_IFDIR
            } else if dtype == UInt8(DT_REG), format(of: name) == nil {
                inventory.addFile(childRel)
                continue
            } else {
                guard fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                type = st.st_mode & S_IFMT
            }
            if type == S_IFDIR {
                inventory.addDirectory(childRel)
                if config.isExcludedDirectory(childRel) { continue }
                if let units { units.pointee.append((childAbs, childRel)); continue }
                walk(abs: childAbs, rel: childRel, config: config, files: &files, diags: &diags, seen: &seen, inventory: &inventory)
                continue
            }
            inventory.addFile(childRel)
            guard let fmt = format(of: name) else { continue }
            if config.isExcluded(childRel) { continue }
            if type == S_IFLNK {
                var target = stat()
                guard stat(childAbs, &target) == 0 else {
                    diags.append(SkippedFile.diagnostic(path: childRel, reason: "it is a broken symbolic link"))
                    continue
                }
                if (target.st_mode & S_IFMT) != S_IFREG { continue }
                st = target
            } else if type != S_IFREG { continue }
            let size = Int(st.st_size)
            if size > config.maxFileBytes {
                diags.append(SkippedFile.diagnostic(path: childRel, reason: "it is larger than max_file_bytes (\(size) > \(config.maxFileBytes) bytes)"))
                continue
            }
            guard seen.insert(childRel).inserted else { continue }
            let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
            files.append(DiscoveredFile(path: childRel, absolutePath: childAbs, size: size, format: fmt, mtime: mtime))
        }
    }
}
