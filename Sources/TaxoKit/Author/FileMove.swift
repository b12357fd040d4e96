import Foundation

/// Moving files and folders inside the library (`taxo move`, the editor's file renames): every Markdown link
/// to a moved file or folder, from anywhere, and every relative link inside a moved file, is rewritten to
/// the new place, and so is every master-list path to a moved file, as byte edits like `taxo fix`'s (made in
/// the files as they are before the move). Each link keeps its style: relative links stay relative (with
/// their `./`), links from the library root (`/LIBRARIES/...`, a `link_root_aliases` prefix) stay so,
/// anchors (`#L12`, `#section`) and percent-encoding are kept, backslashes become `/`. A broken relative link
/// in a moved file still names the same missing path after the move. What the move changes beyond links is said in notes: a file whose kind
/// or document type changes at its new place (a tool file moved out of the tools' `files:` globs is no
/// longer read as a tool), and a link or path that could not be rewritten (written in a way taxo cannot
/// edit in place).
public enum FileMove {
    /// The rule code move edits carry in a `Fixes.Edit`.
    public static let code = "move"

    /// One file or folder to move: library paths from the root.
    public struct Move: Sendable, Equatable {
        public var from: String
        public var to: String
        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// Why a move cannot be done.
    public struct Refusal: Error, Sendable, Equatable {
        public var message: String
    }

    /// The moves, the edits that keep links working (at the files' current paths) and what else to know.
    public struct Plan: Sendable {
        public var moves: [Move]
        public var fixes: [Fixes.FileFix]
        /// Files whose kind changes, links and paths left as they were.
        public var notes: [Diagnostic.Note]
        /// How many links and master-list paths are rewritten.
        public var edits: Int { fixes.reduce(0) { $0 + $1.edits.count } }
    }

    /// The moves `taxo move SOURCE... DESTINATION` means, as `mv` reads it: into DESTINATION when it is an
    /// existing folder or ends with `/` (each source keeps its name), else SOURCE renamed to DESTINATION
    /// (one source only). Paths are from the library root; `exists` says whether one is a folder, a file
    /// or nothing.
    public static func moves(sources: [String], destination: String, exists: (String) -> FileInventory.Kind?)
        -> Result<[Move], Refusal>
    {
        let dest = trimmed(destination)
        if destination.hasSuffix("/") || dest.isEmpty || exists(dest) == .directory {
            return .success(
                sources.map { s in
                    let name = trimmed(s).split(separator: "/").last.map(String.init) ?? s
                    return Move(from: trimmed(s), to: dest.isEmpty ? name : dest + "/" + name)
                })
        }
        guard sources.count == 1 else {
            return .failure(Refusal(message: "moving several files needs an existing folder as the destination"))
        }
        return .success([Move(from: trimmed(sources[0]), to: dest)])
    }

    static func trimmed(_ p: String) -> String {
        p.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    /// Why these moves cannot be made, or nil: a path not from the library root (`..`, `/`), a source that
    /// does not exist or is the library itself, a destination that exists, lies inside its source or is
    /// also another move's.
    public static func check(_ moves: [Move], exists: (String) -> FileInventory.Kind?) -> Refusal? {
        var targets = Set<String>()
        for m in moves {
            for p in [m.from, m.to]
            where p.hasPrefix("/") || p.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) {
                return Refusal(message: "'\(p)' is not a path from the library root")
            }
            if m.from.isEmpty { return Refusal(message: "the library root cannot be moved") }
            guard exists(m.from) != nil else { return Refusal(message: "\(m.from) does not exist") }
            if m.to == m.from { return Refusal(message: "\(m.from) is already there") }
            if m.to.isEmpty || exists(m.to) != nil { return Refusal(message: "\(m.to.isEmpty ? "." : m.to) exists") }
            if m.to.hasPrefix(m.from + "/") { return Refusal(message: "\(m.from) cannot move into itself") }
            guard targets.insert(m.to).inserted else { return Refusal(message: "two files would move to \(m.to)") }
            // A parent of the destination that is a file, not a folder.
            var parent = m.to.split(separator: "/").dropLast()
            while !parent.isEmpty {
                if exists(parent.joined(separator: "/")) == .file {
                    return Refusal(message: "\(parent.joined(separator: "/")) is a file, not a folder")
                }
                parent = parent.dropLast()
            }
        }
        for a in moves {
            for b in moves where a != b && (b.from.hasPrefix(a.from + "/") || a.to.hasPrefix(b.from + "/")) {
                return Refusal(message: "\(b.from) and \(a.from) overlap: move one of them")
            }
        }
        return nil
    }

    /// The plan of the moves in a compiled library: checked, with every link and master-list path to
    /// rewrite. `text` gives a file's bytes (an editor's buffer); nil reads the files under `root`.
    public static func plan(
        _ moves: [Move], result: CompileResult, root: String, text: ((String) -> [UInt8]?)? = nil
    ) -> Result<Plan, Refusal> {
        let lib = result.library
        if let refusal = check(moves, exists: lib.inventory.kind(of:)) { return .failure(refusal) }
        var planner = FixPlanner(result: result, root: root, only: nil, rules: nil)
        planner.read = text
        let rewrites = Rewrites(MovedPaths(moves), code: code, planner: &planner)
        for r in rewrites.edits { planner.byFile[r.file, default: []].append(r.edit) }
        return .success(
            Plan(moves: moves, fixes: planner.fixes(), notes: rewrites.unwritten + kindChanges(moves, lib: lib)))
    }

    /// Carries a plan out: the edits written into the files where they are, then each file or folder moved
    /// (its new folder made when missing; never over an existing path).
    public static func apply(_ plan: Plan, root: String) throws(TaxoError) {
        let rootURL = URL(fileURLWithPath: root)
        for f in plan.fixes where !f.edits.isEmpty {
            do {
                try Data(f.fixed).write(to: rootURL.appendingPathComponent(f.path), options: .atomic)
            } catch { throw .io("cannot write \(f.path)") }
        }
        for m in plan.moves {
            let dst = rootURL.appendingPathComponent(m.to)
            do {
                try FileManager.default.createDirectory(
                    at: dst.deletingLastPathComponent(), withIntermediateDirectories: true)
                // moveItem refuses an existing destination.
                try FileManager.default.moveItem(at: rootURL.appendingPathComponent(m.from), to: dst)
            } catch { throw .io("cannot move \(m.from) to \(m.to)") }
        }
    }

    /// Where each path goes: itself, or under a moved folder.
    struct MovedPaths {
        let moves: [Move]
        init(_ moves: [Move]) { self.moves = moves }
        func new(_ p: String) -> String? {
            for m in moves {
                if p == m.from { return m.to }
                if p.hasPrefix(m.from + "/") { return m.to + p.dropFirst(m.from.count) }
            }
            return nil
        }
        func moved(_ p: String) -> String { new(p) ?? p }
    }

    static func folder(_ path: String) -> String {
        path.split(separator: "/").dropLast().joined(separator: "/")
    }

    /// The edits that keep every link and master-list path working after the moves (`taxo move`, and
    /// `taxo fix` renaming a file after its ID), each carrying `code`, and the places that cannot be edited
    /// (the file does not hold the text there, or the run does not fix that file or rule).
    struct Rewrites {
        var edits: [(file: String, edit: Fixes.Edit)] = []
        var unwritten: [Diagnostic.Note] = []
        let paths: MovedPaths
        let code: String
        /// The moved paths' bytes, searched for in every Markdown file (`codeSpanPaths`).
        let needles: [[UInt8]]

        init(_ paths: MovedPaths, code: String, planner: inout FixPlanner) {
            self.paths = paths
            self.code = code
            needles = paths.moves.map { Array($0.from.utf8) }
            for f in planner.lib.files {
                links(in: f, planner: &planner)
                codeSpanPaths(in: f, planner: &planner)
            }
            masterPaths(planner: &planner)
            recordPaths(planner: &planner)
        }

        /// `new` over `written` at the location, or one byte after it (a quoted CSV cell, located at its
        /// quote); noted as unwritten when the file holds neither.
        mutating func rewrite(
            _ what: String, at loc: SourceLocation, written: String, with new: String, planner: inout FixPlanner
        ) {
            if written == new { return }
            for shift in [0, 1] {
                let at = SourceLocation(file: loc.file, line: loc.line, column: loc.column + shift)
                if let e = planner.edit(code, at: at, written: written, with: new) {
                    edits.append((loc.file, e))
                    return
                }
            }
            unwritten.append(
                Diagnostic.Note(
                    "\(what) not rewritten: '\(written)' should become '\(new)' (write it by hand)", at: loc))
        }

        /// The file's links that point at a moved file or folder, or leave a moved file, rewritten.
        mutating func links(in f: FileResult, planner: inout FixPlanner) {
            guard let md = f.markdown, !md.links.isEmpty else { return }
            let lib = planner.lib
            let dir = FileMove.folder(f.path), newDir = FileMove.folder(paths.moved(f.path))
            for link in md.links {
                guard
                    case .path(let target, _) = LinkTarget.resolve(
                        link.destination, from: dir, aliases: lib.config.linkRootAliases)
                else { continue }
                // The target may be missing (a broken link): it is still rewritten to name the same path.
                let kind = lib.inventory.kind(of: target)
                // The path as the file writes it, without its anchor or query.
                let spelled = link.backslashed ?? link.destination
                let written = String(spelled.prefix { $0 != "#" && $0 != "?" })
                let newTarget = paths.moved(target)
                let fromRoot = Self.rootPrefix(written, aliases: lib.config.linkRootAliases)
                // Still pointing at the same place from where its file will be (both moved together, a link from
                // the root to a file that stays): left as written.
                if case .path(newTarget, _) = LinkTarget.resolve(
                    link.destination, from: newDir, aliases: lib.config.linkRootAliases)
                {
                    continue
                }
                var path: String
                if let fromRoot {
                    path = fromRoot + newTarget
                } else {
                    path = LinkTarget.relative(newTarget, from: newDir)
                    if written.hasPrefix("./"), !path.hasPrefix("../") { path = "./" + path }
                }
                if kind == .directory, written.hasSuffix("/") || written.hasSuffix("\\"), !path.hasSuffix("/") {
                    path += "/"
                }
                if written.contains("%") || path.utf8.contains(where: { $0 == 32 || $0 == 40 || $0 == 41 }) {
                    path = PercentEncoding.path(path)
                }
                rewrite("link", at: link.location, written: written, with: path, planner: &planner)
            }
        }

        /// Links by file path in records (`by: path` link fields) to a moved file, or written from the folder
        /// of a record that moves: rewritten as they are written (from the record's folder, or from the root
        /// with `/`, an alias or a root's name).
        mutating func recordPaths(planner: inout FixPlanner) {
            let config = planner.lib.config
            for e in planner.lib.entities {
                for ref in e.references {
                    guard let target = ref.id.pathTarget else { continue }
                    let written = ref.id.written
                    let newDir = FileMove.folder(paths.moved(ref.location.file))
                    guard let path = Self.path(written, naming: paths.moved(target), from: newDir, config: config)
                    else { continue }
                    rewrite("path", at: ref.location, written: written, with: path, planner: &planner)
                }
            }
        }

        /// `written`, a path to a file or folder, made to name `target` from a file in `dir`, as it is
        /// written: from the root (`/`, an alias, a root's name first) or from the file's folder (keeping its
        /// `./`); nil when it names `target` already.
        static func path(_ written: String, naming target: String, from dir: String, config: Config) -> String? {
            let base = config.startsAtRoot(written) ? "" : dir
            if case .path(target, _) = LinkTarget.resolve(written, from: base, aliases: config.linkRootAliases) {
                return nil
            }
            var path: String
            if let prefix = rootPrefix(written, aliases: config.linkRootAliases) {
                path = prefix + target
            } else if config.startsAtRoot(written) {
                // Still read from the root only when it still starts with a root.
                path = config.startsAtRoot(target) ? target : "/" + target
            } else {
                path = LinkTarget.relative(target, from: dir)
                if written.hasPrefix("./"), !path.hasPrefix("../") { path = "./" + path }
            }
            if written.hasSuffix("/"), !path.hasSuffix("/") { path += "/" }
            return path
        }

        /// Code spans of a Markdown file that hold a library path from the root (`LIBRARIES/LBS_003_Tools/
        /// Auth/ScaleKit.json`, `/TASK_MANAGERS/...`, an alias's) naming a moved file or folder, or a path
        /// under a moved folder (a file an analysis plans to create there, a glob): rewritten. A span holding
        /// anything but the path (`cat LIBRARIES/x.json`), a relative path, and code blocks are left alone.
        mutating func codeSpanPaths(in f: FileResult, planner: inout FixPlanner) {
            // Most files hold no moved path at all: they are read, but not kept or parsed again.
            guard f.markdown != nil, let raw = planner.bytes(f.path),
                raw.withUnsafeBufferPointer({ b in
                    needles.contains { ByteSearch.find($0, in: b) != nil }
                }),
                let src = planner.source(f.path)
            else { return }
            let config = planner.lib.config
            let inCode = MarkdownParser.parse(src).nonProseLines(count: src.lines.lineCount)
            for l in 1...max(1, src.lines.lineCount) where !inCode[l] {
                for span in CodeSpans.spans(in: src.bytes, line: src.lines.range(ofLine: l)) {
                    let written = String(decoding: src.bytes[span], as: UTF8.self)
                    guard written.contains("/"), !written.contains(where: { $0 == " " || $0 == "\t" }),
                        Self.rootPrefix(written, aliases: config.linkRootAliases) != nil
                            || config.startsAtRoot(written),
                        case .path(let target, _) = LinkTarget.resolve(
                            written, from: "", aliases: config.linkRootAliases),
                        let moved = paths.new(target),
                        let path = Self.path(written, naming: moved, from: "", config: config)
                    else { continue }
                    rewrite("path", at: src.location(span.lowerBound), written: written, with: path, planner: &planner)
                }
            }
        }

        /// The prefix of a link written from the library root (`/`, or a `link_root_aliases` entry), or nil.
        static func rootPrefix(_ written: String, aliases: [String]) -> String? {
            if written.hasPrefix("/") { return "/" }
            return aliases.first { written.hasPrefix($0) }
        }

        /// Master-list rows whose file moves, or whose bare file name the list would no longer find after a
        /// move: their path cells rewritten (with the list's path prefix and separators as written).
        mutating func masterPaths(planner: inout FixPlanner) {
            let lib = planner.lib
            for row in lib.masterRows {
                // Rows whose file (or the one file of its name, for a stale row) or list moves.
                guard let file = row.file ?? row.movedTo, let written = row.path,
                    paths.new(file) != nil || paths.new(row.csv) != nil
                else { continue }
                let newFile = paths.moved(file)
                let slash = written.contains("\\") ? "\\" : "/"
                var path: String
                if !written.contains("/") && !written.contains("\\") {
                    // A bare name is looked for beside the list and below its folder: still a name there, else
                    // the whole path.
                    let listDir = FileMove.folder(paths.moved(row.csv))
                    let name = String(PathDisplay.fileName(newFile))
                    path = listDir.isEmpty || newFile.hasPrefix(listDir + "/") ? name : newFile
                } else {
                    guard newFile != file else { continue }
                    path = written.hasPrefix("/") || written.hasPrefix("\\") ? "/" + newFile : newFile
                }
                if let prefix = lib.config.masterLists[row.list].pathPrefix, written.hasPrefix(prefix) {
                    path = prefix + path
                }
                if slash == "\\" { path = path.replacingAll("/", with: "\\") }
                rewrite("master-list path", at: row.pathLocation, written: written, with: path, planner: &planner)
            }
        }
    }

    /// One note per move and change of what its files are: the files whose kind or document type (or
    /// archived state) differs at the new place, counted, with the first of them.
    static func kindChanges(_ moves: [Move], lib: Library) -> [Diagnostic.Note] {
        let config = lib.config
        func what(_ p: String) -> String {
            let name =
                config.kindIndex(forPath: p).map { config.kinds[$0].name }
                ?? config.documentType(forPath: p).map { $0.name + " document" }
            guard let name else {
                return p.lowercased().hasSuffix(".md") ? "a document of no type" : "a file of no kind"
            }
            let article = name.first.map { "aeiou".contains($0.lowercased()) } == true ? "an" : "a"
            return "\(article) \(name)" + (config.isArchived(p) ? " (archived)" : "")
        }
        var notes: [Diagnostic.Note] = []
        for m in moves {
            var changes: [String: (count: Int, first: String)] = [:]
            let files =
                lib.inventory.files.contains(m.from)
                ? [m.from] : lib.inventory.files.filter { $0.hasPrefix(m.from + "/") }.sorted()
            for f in files {
                let new = MovedPaths([m]).moved(f)
                let before = what(f), after = what(new)
                guard before != after else { continue }
                let key = "\(before) now, \(after) at the new place"
                if let c = changes[key] { changes[key] = (c.count + 1, c.first) } else { changes[key] = (1, f) }
            }
            for (key, c) in changes.sorted(by: { $0.key < $1.key }) {
                let subject = c.count == 1 ? c.first : "\(c.first) and \(c.count - 1) more files"
                notes.append(
                    Diagnostic.Note(
                        "\(subject): \(key); check the `files:` globs in taxonomy.yaml"))
            }
        }
        return notes
    }
}
