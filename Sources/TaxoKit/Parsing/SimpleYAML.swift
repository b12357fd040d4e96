/// A fast reader for the plain YAML that front matter almost always is: `key: scalar` lines and
/// `key:` followed by `  - item` lines. Anything else (nesting, flow collections, block scalars,
/// anchors, quotes with escapes) returns nil and the caller uses the full YAML parser.
enum SimpleYAML {
    static func parse(_ file: SourceFile, firstLine: Int, lastLine: Int) -> Node? {
        guard lastLine >= firstLine else { return Node(.object([]), at: file.lines.lineStarts[max(0, firstLine - 1)]) }
        let b = file.bytes
        var members: [Member] = []
        var listKey: (String, Int)? = nil
        var listItems: [Node] = []
        var listOffset = 0

        func flush() {
            if let (k, ko) = listKey {
                members.append(
                    Member(
                        key: k, keyOffset: ko,
                        node: Node(
                            listItems.isEmpty ? .null : .array(listItems), at: listItems.first?.offset ?? listOffset)))
            }
            listKey = nil
            listItems = []
        }

        for line in firstLine...lastLine {
            let r = file.lines.range(ofLine: line)
            let start = r.lowerBound, end = r.upperBound
            var i = start
            while i < end, b[i] == 32 { i += 1 }
            if i == end || b[i] == 35 { continue }  // blank or comment
            let indent = i - start
            if b[i] == 45, i + 1 < end, b[i + 1] == 32 {
                // A list item of the current key.
                guard listKey != nil, indent <= 4 else { return nil }
                guard let v = scalar(b, i + 2, end) else { return nil }
                listItems.append(v)
                continue
            }
            guard indent == 0 else { return nil }
            flush()
            var c = i
            while c < end, b[c] != 58 { c += 1 }
            guard c < end, c > i else { return nil }
            let key = String(decoding: b[i..<c], as: UTF8.self)
            if key.utf8.contains(where: { $0 == 34 || $0 == 39 || $0 == 123 || $0 == 91 || $0 == 38 || $0 == 42 }) {
                return nil
            }
            var v = c + 1
            while v < end, b[v] == 32 { v += 1 }
            if v == end {
                listKey = (key, i)
                listOffset = end
                continue
            }
            guard c + 1 < end, b[c + 1] == 32 else { return nil }
            guard let node = scalar(b, v, end) else { return nil }
            members.append(Member(key: key, keyOffset: i, node: node))
        }
        flush()
        return Node(.object(members), at: file.lines.lineStarts[firstLine - 1])
    }

    /// A plain or simply quoted scalar; nil for anything that needs the real parser.
    static func scalar(_ b: [UInt8], _ start: Int, _ endIn: Int) -> Node? {
        var end = endIn
        while end > start, b[end - 1] == 32 { end -= 1 }
        guard start < end else { return Node(.null, at: start) }
        let first = b[start]
        if first == 34 || first == 39 {
            guard end - start >= 2, b[end - 1] == first else { return nil }
            let inner = b[(start + 1)..<(end - 1)]
            if inner.contains(92) || inner.contains(first) { return nil }
            return Node(.string(String(decoding: inner, as: UTF8.self)), at: start)
        }
        if first == 91, b[end - 1] == 93 {
            // A flow list of plain scalars: [a, b, c].
            let inner = b[(start + 1)..<(end - 1)]
            if inner.contains(where: { [91, 93, 123, 125, 34, 39, 35, 38, 42].contains($0) }) { return nil }
            var items: [Node] = []
            var s = start + 1
            for k in (start + 1)...(end - 1) where k == end - 1 || b[k] == 44 {
                var a = s, z = k
                while a < z, b[a] == 32 { a += 1 }
                while z > a, b[z - 1] == 32 { z -= 1 }
                if a < z {
                    guard let n = scalar(b, a, z) else { return nil }
                    items.append(n)
                } else if b[k] == 44 {
                    return nil
                }
                s = k + 1
            }
            return Node(.array(items), at: start)
        }
        if first == 123, end - start == 2, b[start + 1] == 125 { return Node(.object([]), at: start) }
        // Indicators that change meaning in YAML.
        if [123, 91, 93, 125, 38, 42, 33, 124, 62, 37, 64, 96, 44, 63].contains(first) { return nil }
        var i = start
        while i < end {
            if b[i] == 35, i > start, b[i - 1] == 32 { return nil }  // trailing comment
            if b[i] == 58, i + 1 < end, b[i + 1] == 32 { return nil }  // nested mapping
            i += 1
        }
        let s = String(decoding: b[start..<end], as: UTF8.self)
        switch s {
        case "~", "null", "Null", "NULL": return Node(.null, at: start)
        case "true", "True", "TRUE", "yes", "Yes", "on", "On": return Node(.bool(true), at: start)
        case "false", "False", "FALSE", "no", "No", "off", "Off": return Node(.bool(false), at: start)
        default:
            return Node(YAMLReader.isNumber(s) ? .number(s) : .string(s), at: start)
        }
    }
}
