import Foundation

/// `taxo fix`: the repairs that need no judgement, as byte edits of the files (everything else, BOM, line
/// ends and formatting included, stays as it is). Each answers a finding:
/// - TAX0401: a link whose target exists with other letter case, or moved to the one live file of its name;
/// - TAX0206: an alternate spelling rewritten to the target's ID (`TOOL-QA-031` -> `TOL-QA-031`);
/// - TAX0207: an old ID rewritten to the canonical one, unless its label names another entity;
/// - TAX0102: a rare misspelt prefix with one did-you-mean when the corrected ID exists (`TKS-004` -> `TSK-004`).
/// Never: a label that names another entity, a duplicate ID, anything in a file that does not parse.
/// Fixes are idempotent: a fixed library has nothing more to fix.
public enum Fixes {
    public struct Edit: Sendable, Equatable {
        public var code: String
        /// Byte range in the file as it is on disk, and its replacement.
        public var start: Int
        public var end: Int
        public var replacement: String
    }

    public struct FileFix: Sendable {
        public var path: String
        public var original: [UInt8]
        public var edits: [Edit]
        /// A new name in the same folder (TAX0105), when every link to the file could be rewritten.
        public var renameTo: String?

        /// The file with every edit applied.
        public var fixed: [UInt8] {
            var out = original
            for e in edits.sorted(by: { $0.start > $1.start }) {
                out.replaceSubrange(e.start..<e.end, with: Array(e.replacement.utf8))
            }
            return out
        }
    }

    /// What `taxo explain` says each rule's fix does.
    public static let descriptions: [String: String] = [
        "TAX0401":
            "taxo fix rewrites the link when the target exists with other letter case, or when exactly one live file of that name exists elsewhere.",
        "TAX0206": "taxo fix rewrites the reference to the target's ID.",
        "TAX0207":
            "taxo fix rewrites the old ID to the canonical one, unless the label written after it names another entity.",
        "TAX0102":
            "taxo fix rewrites a rare misspelt prefix when there is one did-you-mean and the corrected ID exists.",
        "TAX0105":
            "taxo fix renames the file after the ID inside (kinds without id_from_filename) and rewrites every link and master-list path to it; it renames nothing when one of them cannot be rewritten.",
    ]

    public static func plan(_ result: CompileResult, root: String, only: [String]? = nil, rules: Set<String>? = nil)
        -> [FileFix]
    {
        let lib = result.library
        var byFile: [String: [Edit]] = [:]
        func want(_ code: String, _ file: String) -> Bool {
            if let rules, !rules.contains(code) { return false }
            if let only, !only.isEmpty,
                !only.contains(where: { file == $0 || file.hasPrefix($0.hasSuffix("/") || $0.isEmpty ? $0 : $0 + "/") })
            {
                return false
            }
            return true
        }
        let broken = Set(
            result.diagnostics.filter { $0.code == MalformedFile.info.code }.compactMap { $0.location?.file })
        var sources: [String: SourceFile] = [:]
        func source(_ path: String) -> SourceFile? {
            if let s = sources[path] { return s }
            // UTF-16/32 files are left alone: their edits would need re-encoding.
            guard let data = FileManager.default.contents(atPath: root + "/" + path),
                TextEncoding.decodeUnicodeBOM([UInt8](data.prefix(4))) == nil
            else { return nil }
            let s = SourceFile(path: path, rawBytes: [UInt8](data))
            sources[path] = s
            return s
        }
        /// The edit replacing `written` at a location, when the file holds exactly that there.
        func edit(_ code: String, at loc: SourceLocation, written: String, with new: String) -> Edit? {
            guard written != new, want(code, loc.file), !broken.contains(loc.file), let src = source(loc.file) else {
                return nil
            }
            let bom = src.hadBOM ? 3 : 0
            let offset = src.lines.offset(line: loc.line, column: loc.column)
            let w = Array(written.utf8)
            guard offset + w.count <= src.bytes.count, Array(src.bytes[offset..<(offset + w.count)]) == w else {
                return nil
            }
            return Edit(code: code, start: bom + offset, end: bom + offset + w.count, replacement: new)
        }
        func replace(_ code: String, at loc: SourceLocation, written: String, with new: String) {
            if let e = edit(code, at: loc, written: written, with: new) { byFile[loc.file, default: []].append(e) }
        }
        // Alternate spellings and old IDs in entity fields.
        let legacy = Set(lib.legacyTargets.map { $0.entity << 32 | $0.reference })
        for (ei, e) in lib.entities.enumerated() {
            for (ri, r) in e.references.enumerated() where r.range == nil && !r.id.isPath {
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
        // Alternate spellings in documents.
        for d in lib.documents {
            for m in d.mentions where m.range == nil && !m.isProposal && !m.declaresScope {
                guard let t = lib.table[m.id.key]?.first, let target = lib.entities[t].id,
                    target.written != m.id.written,
                    !AlternateSpelling.documentsSpelling(m.context, written: m.id, canonical: target, lib: lib)
                else { continue }
                replace(AlternateSpelling.info.code, at: m.location, written: m.id.written, with: target.written)
            }
        }
        // Misspelt prefixes with one unambiguous, existing correction.
        for f in lib.files {
            for u in f.unknownPrefixes where u.suggestions.count == 1 {
                let corrected = u.suggestions[0] + u.token.dropFirst(u.prefix.count)
                guard case .valid(let p) = lib.grammar.check(corrected), lib.table[p.key] != nil else { continue }
                // Only where the prefix is reported as a typo (not a convention of many IDs).
                guard
                    result.diagnostics.contains(where: {
                        $0.code == UnknownPrefix.info.code && $0.location == u.location
                            && $0.message.contains("'\(u.token)'")
                    })
                else { continue }
                replace(UnknownPrefix.info.code, at: u.location, written: u.token, with: corrected)
            }
        }
        // Links whose target exists with other case, or moved to the one live file of that name.
        for f in lib.files {
            guard let md = f.markdown else { continue }
            let dir = f.path.split(separator: "/").dropLast().joined(separator: "/")
            for link in md.links {
                guard
                    case .path(let target, _) = LinkTarget.resolve(
                        link.destination, from: dir, aliases: lib.config.linkRootAliases),
                    lib.inventory.kind(of: target) == nil
                else { continue }
                let actual =
                    lib.inventory.lowercased[target.lowercased()]
                    ?? lib.inventory.movedFile(named: target, config: lib.config)
                guard let actual, lib.inventory.kind(of: actual) == .file else { continue }
                var destination = link.destination
                if let h = destination.firstIndex(of: "#") { destination = String(destination[..<h]) }
                guard !destination.contains("%"), !destination.hasPrefix("/") else { continue }
                replace(
                    BrokenLink.info.code, at: link.location, written: destination,
                    with: LinkTarget.relative(actual, from: dir))
            }
        }
        // Stale file names: renamed after the ID inside, with every link to them rewritten (or left alone).
        var renames: [String: String] = [:]
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
            var linkEdits: [(SourceLocation, String, String)] = []
            var rewritable = true
            for f in lib.files {
                let dir = f.path.split(separator: "/").dropLast().joined(separator: "/")
                for link in f.markdown?.links ?? [] {
                    guard
                        case .path(let target, _) = LinkTarget.resolve(
                            link.destination, from: dir, aliases: lib.config.linkRootAliases),
                        target == e.file
                    else { continue }
                    let path =
                        link.destination.split(separator: "#", maxSplits: 1).first.map(String.init) ?? link.destination
                    guard path.hasSuffix(oldName) else { rewritable = false; continue }
                    linkEdits.append((link.location, path, String(path.dropLast(oldName.count)) + newName))
                }
            }
            for row in lib.masterRows where (row.file ?? row.movedTo) == e.file {
                guard let p = row.path, p.hasSuffix(oldName) else { rewritable = false; continue }
                linkEdits.append((row.pathLocation, p, String(p.dropLast(oldName.count)) + newName))
            }
            // Every link edit must be possible (the text at each place as expected), or nothing is renamed.
            let edits = linkEdits.map { edit(FileNameMismatch.info.code, at: $0.0, written: $0.1, with: $0.2) }
            guard rewritable, !edits.contains(where: { $0 == nil }) else { continue }
            for (e, l) in zip(edits, linkEdits) { byFile[l.0.file, default: []].append(e!) }
            renames[e.file] = newPath
            if byFile[e.file] == nil, source(e.file) != nil { byFile[e.file] = [] }
        }
        return byFile.keys.sorted().compactMap { path in
            guard let src = sources[path] else { return nil }
            var seen = Set<Int>()
            let edits = byFile[path]!.filter { seen.insert($0.start).inserted }.sorted { $0.start < $1.start }
            if edits.isEmpty && renames[path] == nil { return nil }
            let original = (src.hadBOM ? [0xEF, 0xBB, 0xBF] : []) + src.bytes
            return FileFix(path: path, original: original, edits: edits, renameTo: renames[path])
        }
    }

    /// A unified diff of the fixes (one hunk per changed line).
    public static func diff(_ fixes: [FileFix]) -> String {
        var out = ""
        for f in fixes {
            if let to = f.renameTo { out += "diff --git a/\(f.path) b/\(to)\nrename from \(f.path)\nrename to \(to)\n" }
            guard !f.edits.isEmpty else { continue }
            out += "--- a/\(f.path)\n+++ b/\(f.path)\n"
            let before = LineTable(f.original)
            var lines = Set<Int>()
            for e in f.edits { lines.insert(before.lineIndex(of: e.start)) }
            for li in lines.sorted() {
                let a = before.lineStarts[li]
                let z = li + 1 < before.lineCount ? before.lineStarts[li + 1] : f.original.count
                var new = Array(f.original[a..<z])
                for e in f.edits.filter({ before.lineIndex(of: $0.start) == li }).sorted(by: { $0.start > $1.start }) {
                    new.replaceSubrange((e.start - a)..<(e.end - a), with: Array(e.replacement.utf8))
                }
                let oldText = String(decoding: f.original[a..<z], as: UTF8.self),
                    newText = String(decoding: new, as: UTF8.self)
                out +=
                    "@@ -\(li + 1),1 +\(li + 1),1 @@\n-" + oldText
                    + (oldText.hasSuffix("\n") ? "" : "\n\\ No newline at end of file\n")
                out += "+" + newText + (newText.hasSuffix("\n") ? "" : "\n\\ No newline at end of file\n")
            }
        }
        return out
    }
}
