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

    /// Values that stand for no entity (`N/A`, `TBD`, `manual`, `various`): the gap analysis's empty values
    /// and the words written in a tool field instead of one.
    static let fillers = GapNames.emptyValues.union([
        "todo", "manual", "manually", "others", "any", "all", "custom", "internal", "varies", "same",
    ])

    /// Depth in `( )` and `[ ]`, byte by byte: what parentheses hold is no part of a name's lookup and
    /// holds no separator. A closing bracket with none open is an ordinary byte.
    struct Brackets {
        var depth = 0
        /// Whether the byte is outside every bracket (and is none that opens or closes one).
        mutating func outside(_ c: UInt8) -> Bool {
            if c == 40 || c == 91 {
                depth += 1
                return false
            }
            if (c == 41 || c == 93) && depth > 0 {
                depth -= 1
                return false
            }
            return depth == 0
        }
    }

    /// A name is at most this many words and bytes; a longer part is prose.
    static let maxWords = 6
    static let maxBytes = 80

    /// The value's parts that may be names, in order.
    static func split(_ value: String, tight: Bool = false) -> [Part] {
        let b = Array(value.utf8)
        guard !b.isEmpty, b.count <= 4 * maxBytes, !isAddressOrPath(b, value) else { return [] }
        var parts: [Part] = []
        var start = 0, i = 0
        var brackets = Brackets()
        func cut(_ end: Int) {
            if let p = part(b, start, end) { parts.append(p) }
        }
        while i < b.count {
            let c = b[i]
            if brackets.outside(c) {
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
        guard b.count <= maxBytes, !isAddressOrPath(b, value), let p = part(b, 0, b.count) else { return nil }
        return p.normalized
    }

    /// A web address (`://`) or a file path (`GapNames.isPath`, asked only of text with `/`, `.` or `~`).
    static func isAddressOrPath(_ b: [UInt8], _ value: String) -> Bool {
        guard b.contains(where: { $0 == 47 || $0 == 46 || $0 == 126 }) else { return false }
        if b.count >= 3, (0..<(b.count - 2)).contains(where: { b[$0] == 58 && b[$0 + 1] == 47 && b[$0 + 2] == 47 }) {
            return true
        }
        return GapNames.isPath(value)
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
        var brackets = Brackets()
        let bare = b[s..<e].filter { brackets.outside($0) }
        var words = 0, inWord = false
        for c in bare {
            let space = c == 32 || c == 9
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        guard words >= 1, words <= maxWords else { return nil }
        let normalized = Labels.normalized(String(decoding: bare, as: UTF8.self))
        guard !normalized.isEmpty, normalized.contains(where: { !$0.isNumber }), !fillers.contains(normalized) else {
            return nil
        }
        return Part(written: String(decoding: b[s..<e], as: UTF8.self), normalized: normalized, offset: s)
    }

    /// The parts of a value that name an entity of a kind rather than hold an ID: links by name, which the
    /// resolver keeps only when an entity of the kind has the name (`NameLinks`).
    /// `idSpans`: where the value holds IDs (byte ranges), when the ID scan has read it; parts that hold one
    /// are left to it, and a value that is IDs and punctuation has no names.
    static func references(
        in value: String, at offset: Int, path: [RecordExtractor.PathStep], kind: Int, link: Int?,
        idSpans: [(Int, Int)]?, grammar: IDGrammar, file: SourceFile
    ) -> [Reference] {
        if let spans = idSpans, !spans.isEmpty, !lettersOutside(spans, in: value) { return [] }
        var out: [Reference] = []
        var field: String?
        for p in split(value) {
            if let spans = idSpans {
                let end = p.offset + p.written.utf8.count
                if spans.contains(where: { $0.0 < end && $0.1 > p.offset }) { continue }
            } else if p.written.utf8.contains(where: { $0 == 45 || $0 == 95 }) {
                var t = p.written, holdsID = false
                t.withUTF8 { b in grammar.scan(b, typos: false) { _, _, _ in holdsID = true } }
                if holdsID { continue }
            }
            if field == nil { field = RecordExtractor.render(path) }
            out.append(
                Reference(
                    field: field ?? "", raw: value,
                    id: ParsedID.name(kind: kind, written: p.written, normalized: p.normalized),
                    label: nil, location: file.location(offset + p.offset), linkIndex: link))
        }
        return out
    }

    /// Whether the value has a letter outside its ID spans and outside parentheses (`TOL-001 (Zoom)` has none).
    static func lettersOutside(_ spans: [(Int, Int)], in value: String) -> Bool {
        var i = 0, next = 0
        var brackets = Brackets()
        // The ID scan gives its spans in order.
        for c in value.utf8 {
            while next < spans.count, spans[next].1 <= i { next += 1 }
            let inSpan = next < spans.count && spans[next].0 <= i
            if !inSpan, brackets.outside(c), c >= 65 && c <= 90 || c >= 97 && c <= 122 || c >= 0x80 { return true }
            i += 1
        }
        return false
    }
}
