import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file found under the library's roots.
public struct DiscoveredFile: Sendable {
    /// The formats taxo reads.
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
    /// The format a file name's extension says, or nil for a file taxo does not read.
    public static func format(of name: String) -> DiscoveredFile.Format? {
        // The extension's bytes, lower-cased, without making a String (called for every file of the tree).
        var ext: UInt64 = 0
        var n = 0
        for b in name.utf8.reversed() {
            if b == UInt8(ascii: ".") { break }
            n += 1
            if n > 8 || b == UInt8(ascii: "/") { return nil }
            let lower = b >= 65 && b <= 90 ? b + 32 : b
            ext |= UInt64(lower) << (8 * UInt64(n - 1))
        }
        guard n < name.utf8.count else { return nil }
        switch ext {
        case 0x6A_73_6F_6E: return .json  // json
        case 0x79_61_6D_6C, 0x79_6D_6C: return .yaml  // yaml, yml
        case 0x6D_64, 0x6D_61_72_6B_64_6F_77_6E: return .markdown  // md, markdown
        case 0x63_73_76: return .csv  // csv
        default: return nil
        }
    }

    /// The files taxo reads under the roots, with notes on those it skips.
    public static func discover(root: String, config: Config) -> (files: [DiscoveredFile], diagnostics: [Diagnostic]) {
        let r = discoverAll(root: root, config: config)
        return (r.files, r.diagnostics)
    }

    /// The files taxo reads, notes on those it skips, and every file and folder (for link checks).
    public static func discoverAll(root: String, config: Config) -> (
        files: [DiscoveredFile], diagnostics: [Diagnostic], inventory: FileInventory
    ) {
        // Two passes: folders are listed one after the other (cheap: one getdents per folder), then the
        // files taxo reads are checked against the excludes and stat'ed on every core.
        var listing = Listing(config: config)
        for r in config.roots.sorted() {
            let rel = r == "." ? "" : r.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let abs = rel.isEmpty ? root : root + "/" + rel
            if let problem = rootProblem(abs, root: root) {
                listing.diags.append(
                    SkippedFile.diagnostic(path: rel, reason: problem.replacingAll("{root}", with: rel)))
                continue
            }
            listing.dirs.append(rel)
            listing.list(abs: abs, rel: rel)
        }
        return checked(listing, root: root)
    }

    /// What lies under one folder of the library (one created since the last walk: the editor is told of
    /// the folder, not of its files), walked as the roots are: the files taxo reads, notes on those it
    /// skips, and every file and folder under it.
    public static func discover(folder rel: String, root: String, config: Config) -> (
        files: [DiscoveredFile], diagnostics: [Diagnostic], inventory: FileInventory
    ) {
        var listing = Listing(config: config)
        listing.dirs.append(rel)
        if !config.isExcludedDirectory(rel) { listing.list(abs: root + "/" + rel, rel: rel) }
        return checked(listing, root: root)
    }

    /// The second pass over a listing: its candidates checked against the excludes and stat'ed on every core.
    static func checked(_ listing: Listing, root: String) -> (
        files: [DiscoveredFile], diagnostics: [Diagnostic], inventory: FileInventory
    ) {
        let config = listing.config
        defer { for fd in listing.fds where fd >= 0 { close(fd) } }
        let fds = listing.fds
        let realRoot: String = {
            guard let r = realpath(root, nil) else { return root }
            defer { free(r) }
            return String(cString: r)
        }()
        let checked = Parallel.map(listing.candidates) { c -> Candidate.Outcome in
            c.check(config: config, dirFD: fds[c.dir], realRoot: realRoot)
        }
        var files: [DiscoveredFile] = []
        files.reserveCapacity(checked.count)
        var diags = listing.diags
        for outcome in checked {
            switch outcome {
            case .file(let f): files.append(f)
            case .skipped(let d): diags.append(d)
            case .none: break
            }
        }
        // Roots may overlap ("." and "LIBRARIES"): one entry a path.
        files.sort { $0.path < $1.path }
        var unique: [DiscoveredFile] = []
        unique.reserveCapacity(files.count)
        for f in files where unique.last?.path != f.path { unique.append(f) }
        let inventory = FileInventory(rootPath: root, files: listing.inventoryFiles, dirs: listing.dirs)
        return (unique, diags, inventory)
    }

    /// Why a root cannot be walked (`{root}` stands for its name): it does not exist, is not a folder, or is a
    /// link out of the library (a link that stays inside is followed). Nil when it can be.
    static func rootProblem(_ abs: String, root: String) -> String? {
        var st = stat()
        guard lstat(abs, &st) == 0 else { return "the root folder '{root}' does not exist" }
        if (st.st_mode & S_IFMT) == S_IFLNK {
            let inside: Bool = {
                guard let t = realpath(abs, nil), let r = realpath(root, nil) else { return false }
                defer { free(t); free(r) }
                return String(cString: t).hasPrefix(String(cString: r) + "/")
            }()
            guard inside, stat(abs, &st) == 0 else { return "the root '{root}' is a link out of the library" }
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { return "the root folder '{root}' does not exist" }
        return nil
    }

    /// The first pass: every folder under the roots (minus hidden and excluded ones) listed with readdir,
    /// whose entry types save a stat for folders and for files taxo does not read.
    struct Listing {
        let config: Config
        var dirs: [String] = []
        var inventoryFiles: [String] = []
        var candidates: [Candidate] = []
        var diags: [Diagnostic] = []
        /// An open descriptor per listed folder (for fstatat), -1 once too many are open.
        var fds: [Int32] = []
        static let maxOpen = 256

        init(config: Config) { self.config = config }

        mutating func list(abs: String, rel: String) {
            let dfd = open(abs, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard dfd >= 0 else {
                diags.append(SkippedFile.diagnostic(path: rel, reason: "the folder cannot be read"))
                return
            }
            // fdopendir takes the descriptor; a duplicate stays open for the second pass's fstatat.
            let keep = fds.count < Listing.maxOpen ? dup(dfd) : -1
            guard let dir = fdopendir(dfd) else {
                close(dfd)
                if keep >= 0 { close(keep) }
                diags.append(SkippedFile.diagnostic(path: rel, reason: "the folder cannot be read"))
                return
            }
            let index = fds.count
            fds.append(keep)
            var names: [(String, UInt8)] = []
            while let ent = readdir(dir) {
                let (name, valid) = withUnsafePointer(to: ent.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { p -> (String, Bool) in
                        if let s = String(validatingCString: p) { return (s, true) }
                        return (String(cString: p), false)
                    }
                }
                if name.utf8.first == UInt8(ascii: ".") { continue }
                // A name that is not UTF-8 cannot be a library path (reports, the index and links all write
                // paths as text): a folder, or a file taxo would read, is reported instead of lost.
                guard valid else {
                    if ent.pointee.d_type == UInt8(DT_DIR) || Discovery.format(of: name) != nil {
                        diags.append(
                            SkippedFile.diagnostic(
                                path: rel.isEmpty ? name : rel + "/" + name,
                                reason: "its name is not valid UTF-8 (shown with U+FFFD for the bytes that are not); "
                                    + "rename it"))
                    }
                    continue
                }
                names.append((name, ent.pointee.d_type))
            }
            names.sort { $0.0 < $1.0 }
            var subdirs: [(String, String)] = []
            for (name, dtype) in names {
                let childRel = rel.isEmpty ? name : rel + "/" + name
                var isDir = dtype == UInt8(DT_DIR)
                if dtype != UInt8(DT_DIR) && dtype != UInt8(DT_REG) {
                    // A link or an unknown type: one lstat says what it is (links to folders are not followed).
                    var st = stat()
                    guard fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                    isDir = (st.st_mode & S_IFMT) == S_IFDIR
                }
                if isDir {
                    dirs.append(childRel)
                    if !config.isExcludedDirectory(childRel) { subdirs.append((abs + "/" + name, childRel)) }
                    continue
                }
                inventoryFiles.append(childRel)
                guard let fmt = Discovery.format(of: name) else { continue }
                candidates.append(Candidate(dir: index, name: name, rel: childRel, abs: abs + "/" + name, format: fmt))
            }
            closedir(dir)
            for (a, r) in subdirs { list(abs: a, rel: r) }
        }
    }

    /// A file with a format taxo reads, to check against the excludes and stat in the second pass.
    struct Candidate {
        enum Outcome { case file(DiscoveredFile), skipped(Diagnostic), none }
        let dir: Int
        let name: String
        let rel: String
        let abs: String
        let format: DiscoveredFile.Format

        func check(config: Config, dirFD: Int32, realRoot: String) -> Outcome {
            if config.isExcluded(rel) { return .none }
            var st = stat()
            // Not following links first: a plain file costs one call; a link is resolved and must stay inside.
            guard (dirFD >= 0 ? fstatat(dirFD, name, &st, AT_SYMLINK_NOFOLLOW) : lstat(abs, &st)) == 0 else {
                return .none
            }
            if (st.st_mode & S_IFMT) == S_IFLNK {
                guard stat(abs, &st) == 0, let target = realpath(abs, nil) else {
                    return .skipped(SkippedFile.diagnostic(path: rel, reason: "it is a broken symbolic link"))
                }
                let resolved = String(cString: target)
                free(target)
                guard resolved.hasPrefix(realRoot + "/") else {
                    return .skipped(
                        SkippedFile.diagnostic(path: rel, reason: "it is a link to '\(resolved)', outside the library"))
                }
            }
            // A regular file, or a link to one; links to anything else are left alone.
            guard (st.st_mode & S_IFMT) == S_IFREG else { return .none }
            let size = Int(st.st_size)
            if size > config.maxFileBytes {
                return .skipped(
                    SkippedFile.diagnostic(
                        path: rel, reason: "it is larger than max_file_bytes (\(size) > \(config.maxFileBytes) bytes)"))
            }
            let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
            return .file(DiscoveredFile(path: rel, absolutePath: abs, size: size, format: format, mtime: mtime))
        }
    }
}
