/// A parsed JSON or YAML value with the byte offset where it starts in its file.
public struct Node: Sendable {
    public var value: Value
    public var offset: Int

    /// A value at a byte offset.
    public init(_ value: Value, at offset: Int) {
        self.value = value
        self.offset = offset
    }
}

/// A key of an object with its value.
public struct Member: Sendable {
    public private(set) var key: String
    public var keyOffset: Int
    public var node: Node
    /// `FieldKey.hash` of the key: records' keys are compared with the configuration's fields a few dozen
    /// times each, and most comparisons end at this number.
    public private(set) var keyHash: UInt64

    public init(key: String, keyOffset: Int, node: Node) {
        self.key = key
        self.keyOffset = keyOffset
        self.node = node
        self.keyHash = FieldKey.hash(key)
    }

    /// Whether the key normalises to `normalized`, whose `FieldKey.hash` is `hash`.
    @inline(__always) func matches(_ normalized: String, hash: UInt64) -> Bool {
        keyHash == hash && FieldKey.matches(key, normalized: normalized)
    }
}

/// What a node holds.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([Node])
    case object([Member])
}

extension Node {
    public var string: String? {
        if case .string(let s) = value { return s }
        if case .number(let n) = value { return n }
        return nil
    }

    public var array: [Node]? {
        if case .array(let a) = value { return a }
        return nil
    }

    public var members: [Member]? {
        if case .object(let m) = value { return m }
        return nil
    }

    /// The member with this exact key.
    public subscript(key: String) -> Node? {
        guard case .object(let members) = value else { return nil }
        for m in members where m.key == key { return m.node }
        return nil
    }

    /// The first member whose key matches one of `keys` after normalisation
    /// (case, spaces, dashes and underscores ignored), in the order of `keys`.
    public func member(matchingAny keys: [String]) -> (key: String, node: Node)? {
        member(matchingNormalized: keys.map(FieldKey.normalize))
    }

    /// The same with keys already normalised (hot paths normalise them once).
    public func member(matchingNormalized keys: [String]) -> (key: String, node: Node)? {
        guard case .object(let members) = value else { return nil }
        for nk in keys {
            let h = FieldKey.hash(nk)
            for m in members where m.matches(nk, hash: h) { return (m.key, m.node) }
        }
        return nil
    }
}

/// Field names are compared without case, spaces, dashes or underscores: `Step ID` = `step_id`.
public enum FieldKey {
    @inline(__always) static func isSeparator(_ c: UInt8) -> Bool { c == 32 || c == 95 || c == 45 || c == 9 }

    /// A field key without case, spaces, dashes and underscores (`Tool ID` and `tool_id` agree).
    public static func normalize(_ s: String) -> String {
        var ascii = true
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        for c in s.utf8 {
            if c >= 0x80 { ascii = false; break }
            if isSeparator(c) { continue }
            bytes.append(c >= 65 && c <= 90 ? c + 32 : c)
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case " ", "_", "-", "\t": continue
            default: out.unicodeScalars.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// The hash of a key's normalised form (FNV-1a of what `normalize` gives), made without allocating for
    /// ASCII keys: keys that normalise alike hash alike.
    public static func hash(_ s: String) -> UInt64 {
        let ascii =
            s.utf8.withContiguousStorageIfAvailable { b -> UInt64? in
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for c in b {
                    if c >= 0x80 { return nil }
                    if isSeparator(c) { continue }
                    h = (h ^ UInt64(c >= 65 && c <= 90 ? c + 32 : c)) &* 0x100_0000_01b3
                }
                return h
            } ?? nil
        if let ascii { return ascii }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in normalize(s).utf8 { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return h
    }

    /// Whether `raw` normalises to `normalized`, without allocating for ASCII keys (both read as bytes in
    /// place: records' keys are compared with the configuration's fields a few hundred times each).
    public static func matches(_ raw: String, normalized: String) -> Bool {
        // (`withContiguousStorageIfAvailable`, not `withUTF8` on copies of both: measured, that cost more.)
        let fast =
            raw.utf8.withContiguousStorageIfAvailable { r in
                normalized.utf8.withContiguousStorageIfAvailable { n -> Bool? in
                    var j = 0
                    for c in r {
                        if c >= 0x80 { return nil }
                        if isSeparator(c) { continue }
                        guard j < n.count, n[j] == (c >= 65 && c <= 90 ? c + 32 : c) else { return false }
                        j += 1
                    }
                    return j == n.count
                } ?? nil
            } ?? nil
        return fast ?? (normalize(raw) == normalized)
    }
}

extension Node {
    /// The value as compact JSON (YAML values too), keys in their written order.
    public func compactJSON() -> String {
        var out: [UInt8] = []
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value as compact JSON, in bytes: a record's text for the index is made for every entity
    /// of a build, and appending strings piece by piece cost a third of describing a record.
    func write(into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n):
            if Double(n) != nil { out.append(contentsOf: n.utf8) } else { Node.appendQuoted(n, to: &out) }
        case .string(let s): Node.appendQuoted(s, to: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, n) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                n.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let m):
            out.append(UInt8(ascii: "{"))
            for (i, x) in m.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Node.appendQuoted(x.key, to: &out)
                out.append(UInt8(ascii: ":"))
                x.node.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A string as a JSON string literal (what `JSONWriter.escape` makes), appended to `out`.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(34)
        // Runs of bytes that need no escape are appended whole (most strings are one run). Read in place; a
        // string without contiguous UTF-8 (bridged) is made contiguous first.
        func escape(_ b: UnsafeBufferPointer<UInt8>) {
            var run = 0
            var i = ByteSearch.firstJSONEscape(in: b, from: 0)
            while i < b.count {
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i])) }
                run = i + 1
                appendEscaped(b[i], to: &out)
                i = ByteSearch.firstJSONEscape(in: b, from: i + 1)
            }
            if run < b.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run...])) }
        }
        if s.utf8.withContiguousStorageIfAvailable(escape) == nil {
            var copy = s
            copy.withUTF8(escape)
        }
        out.append(34)
    }

    /// A byte JSON escapes in a string: a quote, a backslash or a control character.
    private static func appendEscaped(_ c: UInt8, to out: inout [UInt8]) {
        switch c {
        case 34: out.append(92); out.append(34)
        case 92: out.append(92); out.append(92)
        case 10: out.append(92); out.append(UInt8(ascii: "n"))
        case 13: out.append(92); out.append(UInt8(ascii: "r"))
        case 9: out.append(92); out.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            out.append(contentsOf: "\\u00".utf8)
            hex.withUTF8Buffer { h in
                out.append(h[Int(c >> 4)])
                out.append(h[Int(c & 15)])
            }
        }
    }
}

extension Node {
    /// The value as JSON indented by two spaces per level (`"key": value`), members in their order: how taxo
    /// writes a record it made.
    public func prettyJSON(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch value {
        case .array(let a) where !a.isEmpty:
            return "[\n" + a.map { pad + $0.prettyJSON(indent: indent + 1) }.joined(separator: ",\n") + "\n" + end + "]"
        case .object(let m) where !m.isEmpty:
            return "{\n"
                + m.map { pad + JSONWriter.escape($0.key) + ": " + $0.node.prettyJSON(indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + end + "}"
        default:
            return compactJSON()
        }
    }
}
