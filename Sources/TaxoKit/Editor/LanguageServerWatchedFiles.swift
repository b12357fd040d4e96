import Foundation

/// Files changed outside the editor: a `git pull` or checkout, `taxo new` or `taxo fix --write` in a terminal,
/// another program. A client that can (`workspace.didChangeWatchedFiles.dynamicRegistration`) is asked to
/// watch the library's files when it says it is `initialized`; on each `workspace/didChangeWatchedFiles` only
/// the files that changed are extracted again (an open buffer stands for its file, as always), a created
/// folder is walked for its files, a deleted folder takes its files with it, a picture or any other file a
/// link may point at is added to or dropped from what links are checked against, a change to
/// `taxonomy.yaml` compiles everything with it, and a rewritten baseline is read again and shown. Without
/// the notifications, a file changed on disk is read at the next save or close.
extension LanguageServer {
    /// The files the client is asked to watch: every file (those taxo reads, the configuration and the
    /// baseline among them, and pictures and any other file a link may point at).
    static let watchedGlobs = ["**/*"]

    /// More changes than this in one notification (a checkout of another branch) compile everything again,
    /// from the extraction cache, rather than file by file.
    static let watchedChangesLimit = 500

    /// The request asking the client to watch the library's files, for a client that registers watchers.
    func watchRegistration() -> [[UInt8]] {
        guard watchesFiles, !watchRegistered else { return [] }
        watchRegistered = true
        return [
            LanguageServer.encode([
                "jsonrpc": "2.0", "id": "taxo-watch-1", "method": "client/registerCapability",
                "params": [
                    "registrations": [
                        [
                            "id": "taxo-watched-files", "method": "workspace/didChangeWatchedFiles",
                            "registerOptions": [
                                "watchers": LanguageServer.watchedGlobs.map { ["globPattern": $0] }
                            ],
                        ]
                    ]
                ],
            ])
        ]
    }

    /// What a `workspace/didChangeWatchedFiles` changes: the files extracted again, the configuration or
    /// the baseline read again. Returns the diagnostics to push (nothing for a client that pulls them).
    func didChangeWatchedFiles(_ params: [String: Any]) -> [[UInt8]] {
        // A commit or a fetch may have moved other branches' IDs.
        branches = nil
        let changes = (params["changes"] as? [[String: Any]] ?? []).compactMap { c -> WatchedChange? in
            guard let uri = c["uri"] as? String, let path = relativePath(uri) else { return nil }
            return WatchedChange(path: path, deleted: c["type"] as? Int == 3)
        }
        guard !changes.isEmpty else { return [] }
        let baselineBefore = baseline.version
        refreshBaseline()
        let baselineChanged = baseline.version != baselineBefore
        switch plan(changes) {
        case .nothing:
            // A pull client learns of a rewritten baseline from `afterCompile`; a push client is sent it here.
            return baselineChanged ? publishAll() : []
        case .everything:
            recompile()
        case .files(let u):
            if let previous = result, let config {
                result = Compiler.update(
                    previous, config: config, changed: u.changed, removed: u.removed, present: u.present,
                    goneFolders: u.goneFolders)
            } else {
                recompile()
            }
        }
        return publishAll()
    }

    /// One change the client reports: a file (or folder) created or changed, or deleted.
    struct WatchedChange {
        var path: String
        var deleted: Bool
    }

    /// What a set of changes asks for.
    enum WatchedPlan {
        case nothing
        case everything
        case files(WatchedUpdate)
    }

    /// The files to extract again and to drop, and the other files and folders that came and went.
    struct WatchedUpdate {
        var changed: [String: [UInt8]] = [:]
        var removed = Set<String>()
        /// Files taxo does not read (pictures ...) and folders that appeared.
        var present = FileInventory()
        var goneFolders = Set<String>()

        var isEmpty: Bool {
            changed.isEmpty && removed.isEmpty && present.files.isEmpty && present.dirs.count <= 1
                && goneFolders.isEmpty
        }
    }

    /// The files to extract again and to drop, and the files and folders links are checked against;
    /// everything when the configuration changed, a link was created (whether it may be followed is the
    /// walk's to say), a file cannot be read or is too large (a full compile says why), or the changes are
    /// many.
    func plan(_ changes: [WatchedChange]) -> WatchedPlan {
        guard let root, let config, let result, changes.count <= LanguageServer.watchedChangesLimit else {
            return .everything
        }
        var u = WatchedUpdate()
        // The files read, and those the walk skipped with a note (a link out of the library, a large file):
        // made only when a deletion needs them, not for every file changed.
        var knownPaths: Set<String>?
        func known() -> Set<String> {
            if let k = knownPaths { return k }
            let k = Set(
                result.library.files.map(\.path)
                    + result.diagnostics.compactMap { $0.code == SkippedFile.info.code ? $0.location?.file : nil })
            knownPaths = k
            return k
        }
        for c in changes {
            if c.path == ConfigLoader.fileName { return .everything }
            // An open buffer stands for its file (a file deleted under an open buffer too: the editor shows it).
            guard buffers[c.path] == nil else { continue }
            guard LanguageServer.readable(c.path, config: config) else { continue }
            if c.deleted {
                // A deleted folder's files, or the file (one taxo reads, or a picture links may point at).
                let prefix = c.path + "/"
                u.removed.formUnion(known().filter { ($0 == c.path || $0.hasPrefix(prefix)) && buffers[$0] == nil })
                if result.library.inventory.dirs.contains(c.path) {
                    u.goneFolders.insert(c.path)
                } else if result.library.inventory.files.contains(c.path) {
                    u.removed.insert(c.path)
                }
                continue
            }
            let abs = root.appendingPathComponent(c.path).path
            var st = stat()
            guard lstat(abs, &st) == 0 else {
                // Gone again before it was read: as deleted.
                if known().contains(c.path) || result.library.inventory.files.contains(c.path) {
                    u.removed.insert(c.path)
                }
                continue
            }
            // A link: the walk decides where it may lead.
            if (st.st_mode & S_IFMT) == S_IFLNK { return .everything }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                // A created folder (its files are not listed one by one): walked as the roots are.
                let found = Discovery.discover(folder: c.path, root: root.path, config: config)
                // A file it skips (too large, a link out of the library) is a note a full compile makes.
                guard found.diagnostics.isEmpty else { return .everything }
                u.present.add(found.inventory)
                for f in found.files where buffers[f.path] == nil {
                    guard let bytes = FileReader.read(f.absolutePath) else { return .everything }
                    u.changed[f.path] = bytes
                    u.removed.remove(f.path)
                }
                u.goneFolders.remove(c.path)
                continue
            }
            guard Discovery.format(of: c.path) != nil, !config.isExcluded(c.path) else {
                // A picture, or any file a link may point at.
                u.present.addFile(c.path)
                u.removed.remove(c.path)
                continue
            }
            guard Int(st.st_size) <= config.maxFileBytes, let bytes = FileReader.read(abs) else { return .everything }
            u.changed[c.path] = bytes
            u.removed.remove(c.path)
        }
        return u.isEmpty ? .nothing : .files(u)
    }

    /// Whether a path (relative to the root) is where taxo reads files: under a root, not excluded, in no
    /// hidden folder.
    static func readable(_ path: String, config: Config) -> Bool {
        config.isUnderRoots(path) && !config.isExcluded(path)
            && !path.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}
