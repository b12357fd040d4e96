import Foundation

/// The steps of `Fixes.plan`: each kind of repair collects its edits per file; `fixes()` turns them into
/// `FileFix`es. An edit is made only where the file holds exactly the text the finding says (files that do
/// not parse, and UTF-16/32 files, are left alone).
struct FixPlanner {
    let result: CompileResult
    let lib: Library
    let root: String
    let only: [String]?
    let rules: Set<String>?
    /// Files that do not parse.
    let broken: Set<String>
    var byFile: [String: [Fixes.Edit]] = [:]
    var sources: [String: SourceFile] = [:]
    /// Each file's bytes as `fixes()` writes them back: as on disk, bytes read as Windows-1252 re-encoded as
    /// UTF-8, line ends as they were (a `SourceFile` reads a lone CR as a newline, at the same offset).
    var originals: [String: [UInt8]] = [:]
    var renames: [String: String] = [:]
    /// Files read in part as Windows-1252 that the run re-saves as UTF-8 (TAX0002).
    var reencode: Set<String> = []
    /// A file's bytes (an editor's buffer); nil reads the file under `root`.
    var read: ((String) -> [UInt8]?)? = nil

    init(result: CompileResult, root: String, only: [String]?, rules: Set<String>?) {
        self.result = result
        lib = result.library
        self.root = root
        self.only = only
        self.rules = rules
        broken = Set(result.diagnostics.filter { $0.code == MalformedFile.info.code }.compactMap { $0.location?.file })
    }

    /// Whether the run fixes this rule in this file (`--rule`, and the paths given).
    func want(_ code: String, _ file: String) -> Bool {
        if let rules, !rules.contains(code) { return false }
        if let only, !only.isEmpty,
            !only.contains(where: { file == $0 || file.hasPrefix($0.hasSuffix("/") || $0.isEmpty ? $0 : $0 + "/") })
        {
            return false
        }
        return true
    }

    mutating func source(_ path: String) -> SourceFile? {
        if let s = sources[path] { return s }
        // UTF-16/32 files are left alone: their edits would need re-encoding. So are files with bytes read
        // as Windows-1252, unless the run re-saves them as UTF-8: an edit writes the file as UTF-8.
        guard let data = bytes(path), TextEncoding.decodeUnicodeBOM(Array(data.prefix(4))) == nil
        else { return nil }
        let s = SourceFile(path: path, rawBytes: data)
        guard s.windows1252 == nil || want(InvalidUTF8.info.code, path) else { return nil }
        sources[path] = s
        originals[path] = Fixes.keepingLineEnds(s, raw: data)
        return s
    }

    /// A file's bytes as they are now: the editor's buffer, else the file under `root`.
    func bytes(_ path: String) -> [UInt8]? {
        read?(path) ?? FileManager.default.contents(atPath: root + "/" + path).map { [UInt8]($0) }
    }

    /// The edit replacing `written` at a location, when the file holds exactly that there.
    mutating func edit(_ code: String, at loc: SourceLocation, written: String, with new: String) -> Fixes.Edit? {
        guard written != new, want(code, loc.file), !broken.contains(loc.file), let src = source(loc.file) else {
            return nil
        }
        let bom = src.hadBOM ? 3 : 0
        let offset = src.lines.offset(line: loc.line, column: loc.column)
        let w = Array(written.utf8)
        guard offset + w.count <= src.bytes.count, Array(src.bytes[offset..<(offset + w.count)]) == w else {
            return nil
        }
        return Fixes.Edit(code: code, start: bom + offset, end: bom + offset + w.count, replacement: new)
    }

    mutating func replace(_ code: String, at loc: SourceLocation, written: String, with new: String) {
        if let e = edit(code, at: loc, written: written, with: new) { byFile[loc.file, default: []].append(e) }
    }

    /// Alternate spellings and old IDs in entity fields.
    mutating func referenceSpellings() {
        let legacy = Set(lib.legacyTargets.map { $0.entity << 32 | $0.reference })
        for (ei, e) in lib.entities.enumerated() {
            for (ri, r) in e.references.enumerated() where r.range == nil && !r.id.isNotAnID {
                guard let t = lib.targets[ei][ri], let target = lib.entities[t].id else { continue }
                if legacy.contains(ei << 32 | ri) {
                    if let label = r.label, let name = lib.entities[t].name, !Labels.agrees(label, name) { continue }
                    if r.inCode && !lib.config.checkCodeBlocks { continue }
                    if lib.table[r.id.key] != nil { continue }
                    replace(LegacyReference.info.code, at: r.location, written: r.id.written, with: target.written)
                } else if target.written != r.id.written,
                    !AlternateSpelling.documentsSpelling(r.raw, written: r.id, canonical: target, lib: lib)
                {
                    replace(AlternateSpelling.info.code, at: r.location, written: r.id.written, with: target.written)
                }
            }
        }
    }

    /// Alternate spellings in documents.
    mutating func documentSpellings() {
        for d in lib.documents {
            for m in d.mentions where m.range == nil && !m.isProposal {
                guard let t = lib.table[m.id.key]?.first, let target = lib.entities[t].id,
                    target.written != m.id.written, !lib.namesVideoEntity(m, in: d),
                    !AlternateSpelling.documentsSpelling(m.context, written: m.id, canonical: target, lib: lib)
                else { continue }
                replace(AlternateSpelling.info.code, at: m.location, written: m.id.written, with: target.written)
            }
        }
    }

    /// Misspelt prefixes with one unambiguous, existing correction, where the prefix is reported as a typo
    /// (not a convention of many IDs): the finding carries its repair.
    mutating func misspeltPrefixes() {
        let code = UnknownPrefix.info.code
        for d in result.diagnostics where d.code == code {
            guard let loc = d.location, let r = d.replacement else { continue }
            replace(code, at: loc, written: r.written, with: r.with)
        }
    }

    /// Values outside a field's allowed values only by letter case (`design` for `Design`): the one allowed
    /// spelling, where the file holds the value as it was read (quoted or plain, without escapes).
    mutating func allowedValueCase() {
        let code = DisallowedValue.info.code
        for d in result.diagnostics where d.code == code {
            guard let loc = d.location, let r = d.replacement else { continue }
            let value = r.written, allowed = r.with
            for (w, n) in [("\"\(value)\"", "\"\(allowed)\""), ("'\(value)'", "'\(allowed)'"), (value, allowed)] {
                if let e = edit(code, at: loc, written: w, with: n) {
                    byFile[loc.file, default: []].append(e)
                    break
                }
            }
        }
    }

    /// Links whose target exists with other case, or moved to the one live file of that name.
    mutating func movedLinks() {
        for f in lib.files {
            guard let md = f.markdown else { continue }
            let dir = f.path.split(separator: "/").dropLast().joined(separator: "/")
            for link in md.links {
                if let written = link.backslashed {
                    // Written with backslashes: the path it means, with `/`, when that file exists or moved.
                    var path = written
                    if let h = path.firstIndex(of: "#") { path = String(path[..<h]) }
                    if let meant = BrokenLink.meantPath(link, from: dir, lib: lib) {
                        replace(BrokenLink.info.code, at: link.location, written: path, with: meant)
                    }
                    continue
                }
                guard
                    case .path(let target, _) = LinkTarget.resolve(
                        link.destination, from: dir, aliases: lib.config.linkRootAliases),
                    lib.inventory.kind(of: target) == nil
                else { continue }
                guard let actual = BrokenLink.meantFile(target, lib: lib), lib.inventory.kind(of: actual) == .file
                else { continue }
                var destination = link.destination
                if let h = destination.firstIndex(of: "#") { destination = String(destination[..<h]) }
                guard !destination.contains("%"), !destination.hasPrefix("/") else { continue }
                replace(
                    BrokenLink.info.code, at: link.location, written: destination,
                    with: LinkTarget.relative(actual, from: dir))
            }
        }
    }

    /// Stale file names: renamed after the ID inside, with every link and master-list path to them
    /// rewritten, or left alone when one of those cannot be.
    mutating func staleFileNames() {
        for e in lib.entities where !lib.config.kinds[e.kind].idFromFilename {
            guard let id = e.id, let named = FileNameMismatch.staleName(e, grammar: lib.grammar),
                want(FileNameMismatch.info.code, e.file),
                !broken.contains(e.file)
            else { continue }
            let parts = e.file.split(separator: "/")
            let oldName = String(parts.last!), newName = oldName.replacingAll(named[0].written, with: id.written)
            let newPath = (parts.dropLast().map(String.init) + [newName]).joined(separator: "/")
            guard newName != oldName, lib.inventory.kind(of: newPath) == nil, !renames.values.contains(newPath) else {
                continue
            }
            // Every link and master-list path to the file must be rewritten, or it is not renamed.
            let rewrites = FileMove.Rewrites(
                FileMove.MovedPaths([FileMove.Move(from: e.file, to: newPath)]), code: FileNameMismatch.info.code,
                planner: &self)
            guard rewrites.unwritten.isEmpty else { continue }
            for r in rewrites.edits { byFile[r.file, default: []].append(r.edit) }
            renames[e.file] = newPath
            if byFile[e.file] == nil, source(e.file) != nil { byFile[e.file] = [] }
        }
    }

    /// Files with bytes read as Windows-1252, re-saved as UTF-8 (not a file that does not parse, as no fix is).
    mutating func reencodings() {
        for d in result.diagnostics where d.code == InvalidUTF8.info.code {
            guard let file = d.location?.file, want(d.code, file), !broken.contains(file),
                source(file)?.windows1252 != nil
            else { continue }
            reencode.insert(file)
        }
    }

    /// The edits per file, sorted, each place edited once.
    func fixes() -> [Fixes.FileFix] {
        reencode.union(byFile.keys).sorted().compactMap { path in
            guard let src = sources[path] else { return nil }
            var seen = Set<Int>()
            let edits = byFile[path, default: []].filter { seen.insert($0.start).inserted }.sorted {
                $0.start < $1.start
            }
            let reencoded = src.windows1252 != nil
            if edits.isEmpty && renames[path] == nil && !reencoded { return nil }
            let original = originals[path] ?? (src.hadBOM ? [0xEF, 0xBB, 0xBF] : []) + src.bytes
            return Fixes.FileFix(
                path: path, original: original, edits: edits, renameTo: renames[path], reencoded: reencoded)
        }
    }
}
