/// Renaming an ID everywhere (`taxo rename`, the language server's rename): every spelling of it in every
/// file of the library (declaration, links, mentions, master lists, prose) becomes the new ID, as byte edits
/// like `taxo fix`'s. Not in file paths and names (`../Tools/TOL-SEC-124.json`, `TOL-SEC-124/notes.md`): the
/// file keeps its name, so a link to it must too (`taxo check` then reports a file named by the old ID,
/// TAX0105, and `taxo fix` renames it with every link to it).
public enum IDRename {
    /// The rule code rename edits carry in a `Fixes.Edit`.
    public static let code = "rename"

    /// Why a rename cannot be done.
    public struct Refusal: Error, Sendable {
        public var message: String
    }

    /// The entity `old` names and the parsed new ID, or why the rename is refused: `old` names no entity,
    /// its kind is scoped to videos, `new` is not an ID, is of another kind, or is taken. `old` may also be
    /// a record's own ID written in no scheme (`DESIGN-001-01`, TAX0102), to give it one.
    public static func check(old: String, new: String, library lib: Library) -> Result<
        (entity: Int, new: ParsedID), Refusal
    > {
        guard let e = lib.grammar.typedID(old).flatMap(lib.lookup) ?? lib.entity(writtenAs: old) else {
            return .failure(Refusal(message: "\(old) names no entity of the library"))
        }
        let kind = lib.config.kinds[lib.entities[e].kind]
        // (An own ID in no scheme is no video's: giving it one is the way out of its TAX0102.)
        if kind.scoped, lib.entities[e].id != nil {
            return .failure(
                Refusal(message: "\(kind.name) IDs are scoped to their video: rename them in its documents"))
        }
        let wanted = new.trimmingSpaces()
        guard case .valid(let n) = lib.grammar.check(wanted) else {
            return .failure(Refusal(message: "'\(wanted)' is not a valid ID"))
        }
        guard n.kind == lib.entities[e].kind else {
            return .failure(
                Refusal(message: "'\(wanted)' is a \(lib.config.kinds[n.kind].name) ID, not a \(kind.name) ID"))
        }
        if n.key != lib.entities[e].id?.key, lib.resolves(n.key) {
            return .failure(Refusal(message: "\(wanted) is already taken"))
        }
        return .success((e, n))
    }

    /// The edits that write `new` over every spelling of the entity's ID in every file of the library, as
    /// the files are on disk under `root`.
    public static func plan(entity: Int, new: ParsedID, library lib: Library, root: String) -> [Fixes.FileFix] {
        plan(entity: entity, new: new, library: lib, paths: lib.files.map(\.path)) { FileReader.read(root + "/" + $0) }
    }

    /// The edits that write `new` over every spelling of the entity's ID, per file, in path order. `text`
    /// gives a file's bytes (an editor's buffer or the file on disk), nil when it cannot be read.
    public static func plan(
        entity: Int, new: ParsedID, library lib: Library, paths: [String], text: (String) -> [UInt8]?
    ) -> [Fixes.FileFix] {
        guard let key = lib.entities[entity].id?.key else {
            return unschemed(lib.entities[entity].rawID, new: new, paths: paths, text: text)
        }
        // In the documents of a video whose transcript declares the same ID as its own, the ID names the
        // video's entity, not this one: those documents are left as they are.
        let ofVideos = Set(
            lib.documents.filter { lib.videoOwnKeys(of: $0).contains(key) }.map(\.path))
        var out: [Fixes.FileFix] = []
        for path in Set(paths).sorted() where !ofVideos.contains(path) {
            guard let bytes = text(path), bytes.contains(UInt8(ascii: "-")) else { continue }
            // (A spelling that is the new ID already needs no edit: renaming to itself only respells.)
            let edits = spans(in: bytes, key: key, grammar: lib.grammar).filter {
                !bytes[$0].elementsEqual(new.written.utf8)
            }.map { Fixes.Edit(code: code, start: $0.lowerBound, end: $0.upperBound, replacement: new.written) }
            if !edits.isEmpty { out.append(Fixes.FileFix(path: path, original: bytes, edits: edits, renameTo: nil)) }
        }
        return out
    }

    /// The edits for an own ID written in no scheme: every whole-word occurrence of it as written (case
    /// ignored), but those in a path or file name. Such an ID has no other spellings to follow.
    static func unschemed(
        _ raw: String, new: ParsedID, paths: [String], text: (String) -> [UInt8]?
    ) -> [Fixes.FileFix] {
        let needle = Array(raw.uppercased().utf8)
        guard !needle.isEmpty else { return [] }
        // (`-` and `_` continue an ID: `DESIGN-001-011` and `X_DESIGN-001-01` are other tokens.)
        func word(_ c: UInt8) -> Bool { NameMatcher.isWordByte(c) || c == 45 || c == 95 }
        var out: [Fixes.FileFix] = []
        for path in Set(paths).sorted() {
            guard let bytes = text(path), bytes.count >= needle.count else { continue }
            var edits: [Fixes.Edit] = []
            var i = 0
            while i + needle.count <= bytes.count {
                let z = i + needle.count
                if (i == 0 || !word(bytes[i - 1])) && (z == bytes.count || !word(bytes[z])),
                    zip(bytes[i..<z], needle).allSatisfy({ ($0 >= 97 && $0 <= 122 ? $0 - 32 : $0) == $1 }),
                    !inPath(bytes, i, z)
                {
                    edits.append(Fixes.Edit(code: code, start: i, end: z, replacement: new.written))
                    i = z
                } else {
                    i += 1
                }
            }
            if !edits.isEmpty { out.append(Fixes.FileFix(path: path, original: bytes, edits: edits, renameTo: nil)) }
        }
        return out
    }

    /// The byte ranges of the ID tokens of a text whose key is `key`, but those in a path or file name.
    static func spans(in bytes: [UInt8], key: String, grammar: IDGrammar) -> [Range<Int>] {
        var out: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { b in
            grammar.scan(b) { tok, a, z in
                guard case .id(let p) = tok, p.key == key, !inPath(bytes, a, z) else { return }
                out.append(a..<z)
            }
        }
        return out
    }

    /// Whether the token at `a..<z` is part of a path or file name: the run of characters around it (up to a
    /// space, line end, quote, bracket, pipe or comma) holds a `/` or is the name of a file taxo reads.
    static func inPath(_ bytes: [UInt8], _ a: Int, _ z: Int) -> Bool {
        let stops = Set(" \t\r\n\"'`()[]<>|,".utf8)
        var s = a, e = z
        while s > 0, !stops.contains(bytes[s - 1]) { s -= 1 }
        while e < bytes.count, !stops.contains(bytes[e]) { e += 1 }
        // (A sentence's full stop or colon after a plain ID is not an extension.)
        while e > z, ".:;!?".utf8.contains(bytes[e - 1]) { e -= 1 }
        let word = String(decoding: bytes[s..<e], as: UTF8.self)
        return word.contains("/") || Discovery.format(of: word) != nil
    }
}
