/// Header fields of a Markdown file: YAML front matter, bold `**Key**: value` lines and two-column
/// metadata table rows (`| Step ID | `STT-0012` |`).
struct HeaderField {
    var key: String
    var normalizedKey: String
    var value: String
    var offset: Int
    var line: Int
}

enum HeaderFields {
    static func extract(_ file: SourceFile, syntax: MarkdownSyntax, frontMatter: Node?) -> [HeaderField] {
        var out: [HeaderField] = []
        if let fm = frontMatter, let members = fm.members {
            for m in members {
                let value: String
                if let s = m.node.string {
                    value = s
                } else if let a = m.node.array {
                    value = a.compactMap(\.string).joined(separator: ", ")
                } else {
                    continue
                }
                out.append(
                    HeaderField(
                        key: m.key, normalizedKey: FieldKey.normalize(m.key), value: value,
                        offset: m.node.offset, line: file.lines.lineIndex(of: m.node.offset) + 1))
            }
        }
        let skip = syntax.nonProseLines(count: file.lines.lineCount)
        let starts = file.lines.lineStarts
        for l in 1...max(1, file.lines.lineCount) where l < skip.count && !skip[l] {
            var b = starts[l - 1]
            while b < file.bytes.count, file.bytes[b] == 32 { b += 1 }
            guard b < file.bytes.count, file.bytes[b] == 42 || file.bytes[b] == 45 || file.bytes[b] == 124 else {
                continue
            }
            if file.bytes[b] == 124 {
                // Only two-cell rows are fields: count the bars before making a string.
                let end = l < file.lines.lineCount ? starts[l] : file.bytes.count
                var bars = 0
                for i in b..<end where file.bytes[i] == 124 { bars += 1; if bars > 3 { break } }
                if bars > 3 || bars < 2 { continue }
            } else if file.bytes[b] != 42 {
                // "- **Key**: value" list items only.
                guard b + 3 < file.bytes.count, file.bytes[b + 1] == 32, file.bytes[b + 2] == 42 else { continue }
            }
            let text = file.lines.lineText(l)
            guard let first = text.first(where: { $0 != " " }) else { continue }
            if first == "*" || first == "-" {
                if let f = bold(text) {
                    out.append(field(file, line: l, text: text, key: f.key, value: f.value, valueStart: f.start))
                }
            } else if first == "|" {
                if let f = tableRow(text) {
                    out.append(field(file, line: l, text: text, key: f.key, value: f.value, valueStart: f.start))
                }
            }
        }
        return out
    }

    static func field(
        _ file: SourceFile, line: Int, text: Substring, key: String, value: String, valueStart: String.Index
    ) -> HeaderField {
        var byteCol = text.utf8.distance(from: text.startIndex, to: valueStart)
        // A value in a code span (`| Step ID | `STT-0012` |`) starts after its backtick.
        if valueStart < text.endIndex, text[valueStart] == "`", !value.hasPrefix("`") { byteCol += 1 }
        return HeaderField(
            key: key, normalizedKey: FieldKey.normalize(key), value: value,
            offset: file.lines.lineStarts[line - 1] + byteCol, line: line)
    }

    /// `**Key**: value`, `**Key:** value`, optionally as a list item.
    static func bold(_ line: Substring) -> (key: String, value: String, start: String.Index)? {
        guard mayBeBold(line) else { return nil }
        var s = line.drop { $0 == " " }
        if s.hasPrefix("- ") || s.hasPrefix("* ") { s = s.dropFirst(2).drop { $0 == " " } }
        guard s.hasPrefix("**") else { return nil }
        let afterOpen = s.dropFirst(2)
        var closeAt: Substring.Index?
        var prevStar = false
        for i in afterOpen.indices {
            if afterOpen[i] == "*" {
                if prevStar { closeAt = afterOpen.index(before: i); break }; prevStar = true
            } else {
                prevStar = false
            }
        }
        guard let close = closeAt else { return nil }
        var key = afterOpen[..<close]
        var rest = afterOpen[afterOpen.index(close, offsetBy: 2)...]
        if key.hasSuffix(":") {
            key = key.dropLast()
        } else if rest.hasPrefix(":") {
            rest = rest.dropFirst()
        } else {
            return nil
        }
        guard !key.isEmpty, key.count <= 60, !key.contains("*") else { return nil }
        let valueStart = rest.firstIndex { $0 != " " } ?? rest.endIndex
        let value = clean(rest[valueStart...])
        return (String(key).trimmingSpaces(), value, valueStart)
    }

    /// Whether a line's bytes can open a bold field: after spaces, an optional `- ` or `* ` and spaces, `**`.
    /// What `bold` asks of the line's characters, asked of its bytes first (most lines are no bold field).
    static func mayBeBold(_ line: Substring) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            var i = 0
            while i < n, b[i] == 32 { i += 1 }
            if i + 1 < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "*"), b[i + 1] == 32 {
                i += 2
                while i < n, b[i] == 32 { i += 1 }
            }
            return i + 1 < n && b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "*")
        } ?? true
    }

    /// `| Key | value |` with exactly two cells, not a separator row.
    static func tableRow(_ line: Substring) -> (key: String, value: String, start: String.Index)? {
        mayBeTableRow(line) ? twoCells(line) : nil
    }

    /// `tableRow` without the byte check first.
    static func twoCells(_ line: Substring) -> (key: String, value: String, start: String.Index)? {
        var s = line.trimmingSpacesSubstring()
        guard s.hasPrefix("|") else { return nil }
        s = s.dropFirst()
        if s.hasSuffix("|") { s = s.dropLast() }
        let key: String, rawValue: Substring
        let u = s.utf8
        if !u.contains(where: { $0 >= 0x80 }) {
            // In ASCII each byte is a character: the one pipe between the cells is found by its byte.
            guard let pipe = u.firstIndex(of: UInt8(ascii: "|")),
                !u[u.index(after: pipe)...].contains(UInt8(ascii: "|"))
            else { return nil }
            key = s[..<pipe].trimmingSpaces()
            rawValue = s[u.index(after: pipe)...]
        } else {
            let cells = s.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count == 2 else { return nil }
            key = cells[0].trimmingSpaces()
            rawValue = cells[1]
        }
        guard !key.isEmpty, !key.allSatisfy({ $0 == "-" || $0 == ":" }) else { return nil }
        let valueStart = rawValue.firstIndex { $0 != " " } ?? rawValue.endIndex
        return (clean(Substring(key)), clean(rawValue[valueStart...]), valueStart)
    }

    /// Whether a line's bytes can be a two-cell row: an ASCII line is one only with two pipes (three with a
    /// closing one), after spaces a pipe first. What `tableRow` asks of the line's characters, asked of its
    /// bytes first: a transcript's tables have rows of many cells, split by characters only to be turned away.
    /// (Beyond ASCII a pipe byte may be part of a larger character: those lines are left to `twoCells`.)
    static func mayBeTableRow(_ line: Substring) -> Bool {
        line.utf8.withContiguousStorageIfAvailable { b in
            var pipes = 0, first: UInt8 = 0, last: UInt8 = 0
            for c in b {
                if c >= 0x80 { return true }
                if c == UInt8(ascii: "|") { pipes += 1 }
                if !Substring.isASCIISpace(c) {
                    if first == 0 { first = c }
                    last = c
                }
            }
            guard first == UInt8(ascii: "|") else { return false }
            return pipes == (last == UInt8(ascii: "|") && pipes > 1 ? 3 : 2)
        } ?? true
    }

    static func clean(_ s: Substring) -> String {
        var t = s.trimmingSpaces()
        if t.hasPrefix("`"), t.hasSuffix("`"), t.count >= 2 { t = String(t.dropFirst().dropLast()) }
        return t
    }
}

extension Substring {
    /// The text without leading and trailing whitespace (`Character.isWhitespace`). ASCII ends are trimmed
    /// by their bytes; where a multi-byte character meets an end (it may be a space itself, or hold a space
    /// in its grapheme), by characters.
    func trimmingSpacesSubstring() -> Substring {
        let fast: Substring?? = utf8.withContiguousStorageIfAvailable { b -> Substring? in
            var lo = 0, hi = b.count
            while lo < hi, Substring.isASCIISpace(b[lo]) { lo += 1 }
            if lo < hi, b[lo] >= 0x80 { return nil }
            while hi > lo, Substring.isASCIISpace(b[hi - 1]) { hi -= 1 }
            if hi > lo, b[hi - 1] >= 0x80 { return nil }
            let u = utf8
            return self[u.index(u.startIndex, offsetBy: lo)..<u.index(u.startIndex, offsetBy: hi)]
        }
        if let f = fast, let trimmed = f { return trimmed }
        var s = self
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }

    /// The ASCII bytes `Character.isWhitespace` calls space: tab, line feed, vertical tab, form feed,
    /// carriage return and space.
    @inline(__always) static func isASCIISpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
}
