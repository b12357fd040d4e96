/// A field value read as names of entities: `"Zapier"`, `"Photoshop, Figma (1400×788px)"`, `"YouTube Studio
/// / Descript"`, `"TOOL-020 (Apify) or manual"`. Its parts lie between separators outside parentheses: `,`
/// `;` `|`, a line break, ` and `, ` or `, and `/` `&` `+` beside a space; each part is looked up without
/// what its parentheses hold (`Behance (project planning)` is Behance). `/` `&` `+` between two letters
/// (`AT&T`, `CI/CD`, `Docs/Sheets`) split only when the part as a whole names nothing (`tight`).
/// Sentences, paths and web addresses are no names.
enum NameParts {
    struct Part: Equatable {
        /// The part as written, spaces trimmed.
        var written: String
        /// What the lookup compares: the part without its parenthesised text, normalised (`Labels.normalized`).
        var normalized: String
        /// Byte offset of the part in the value.
        var offset: Int
    }

    /// A name is at most this many words and bytes; a longer part is prose.
    static let maxWords = 6
    static let maxBytes = 80

    /// The value's parts that may be names, in order.
    static func split(_ value: String, tight: Bool = false) -> [Part] {
        let b = Array(value.utf8)
        guard !b.isEmpty, b.count <= 4 * maxBytes, !value.contains("://"), !GapNames.isPath(value) else { return [] }
        var parts: [Part] = []
        var start = 0, depth = 0, i = 0
        func cut(_ end: Int) {
            if let p = part(b, start, end) { parts.append(p) }
        }
        while i < b.count {
            let c = b[i]
            if c == 40 || c == 91 {
                depth += 1
            } else if (c == 41 || c == 93) && depth > 0 {
                depth -= 1
            } else if depth == 0 {
                if separators.contains(c)
                    || (joiners.contains(c) && (tight || b[max(i - 1, 0)] == 32 || (i + 1 < b.count && b[i + 1] == 32)))
                {
                    cut(i)
                    start = i + 1
                } else if c == 32, let w = wordSeparator(b, at: i) {
                    cut(i)
                    start = i + w
                    i += w
                    continue
                }
            }
            i += 1
        }
        cut(b.count)
        return parts
    }

    /// The whole value as one name, which the resolver tries before the parts when separators split it
    /// (`AT&T`, `Google Docs/Sheets`): normalised, without its parenthesised text; nil when it is no name.
    static func whole(_ value: String) -> String? {
        let b = Array(value.utf8)
        guard b.count <= maxBytes, !value.contains("://"), let p = part(b, 0, b.count) else { return nil }
        return p.normalized
    }

    /// `,` `;` `|` and line breaks.
    static let separators: Set<UInt8> = [44, 59, 124, 10, 13]
    /// `/` `&` `+`: separators beside a space, parts of a name between letters.
    static let joiners: Set<UInt8> = [47, 38, 43]

    /// ` and ` or ` or ` at a space: the length to skip (the space before the next word).
    static func wordSeparator(_ b: [UInt8], at i: Int) -> Int? {
        for w in [" and ", " or "] {
            let u = Array(w.utf8)
            guard i + u.count <= b.count else { continue }
            if (0..<u.count).allSatisfy({ b[i + $0] | 0x20 == u[$0] | 0x20 }) { return u.count - 1 }
        }
        return nil
    }

    static func part(_ b: [UInt8], _ start: Int, _ end: Int) -> Part? {
        var s = start, e = end
        while s < e, b[s] == 32 || b[s] == 9 { s += 1 }
        while e > s, b[e - 1] == 32 || b[e - 1] == 9 || b[e - 1] == 46 || b[e - 1] == 58 { e -= 1 }
        guard e > s, e - s <= maxBytes else { return nil }
        var bare: [UInt8] = []
        var depth = 0
        for c in b[s..<e] {
            if c == 40 || c == 91 {
                depth += 1
            } else if (c == 41 || c == 93) && depth > 0 {
                depth -= 1
            } else if depth == 0 {
                bare.append(c)
            }
        }
        let words = bare.split(whereSeparator: { $0 == 32 || $0 == 9 }).count
        guard words >= 1, words <= maxWords else { return nil }
        let normalized = Labels.normalized(String(decoding: bare, as: UTF8.self))
        guard !normalized.isEmpty, normalized.contains(where: { !$0.isNumber }) else { return nil }
        return Part(written: String(decoding: b[s..<e], as: UTF8.self), normalized: normalized, offset: s)
    }

    /// The parts of a value that name an entity of a kind rather than hold an ID: links by name, which the
    /// resolver keeps only when an entity of the kind has the name (`NameLinks`).
    static func references(
        in value: String, at offset: Int, field: String, kind: Int, link: Int?, grammar: IDGrammar, file: SourceFile
    ) -> [Reference] {
        var out: [Reference] = []
        for p in split(value) {
            if p.written.utf8.contains(where: { $0 == 45 || $0 == 95 }) {
                var t = p.written, holdsID = false
                t.withUTF8 { b in grammar.scan(b, typos: false) { _, _, _ in holdsID = true } }
                if holdsID { continue }
            }
            out.append(
                Reference(
                    field: field, raw: value,
                    id: ParsedID.name(kind: kind, written: p.written, normalized: p.normalized),
                    label: nil, location: file.location(offset + p.offset), linkIndex: link))
        }
        return out
    }
}
