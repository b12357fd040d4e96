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
    public var key: String
    public var keyOffset: Int
    public var node: Node
}

/// What a node holds.
public indirect enum Value: Sendable {
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
            for m in members where FieldKey.matches(m.key, normalized: nk) { return (m.key, m.node) }
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

    /// Whether `raw` normalises to `normalized`, without allocating for ASCII keys.
    public static func matches(_ raw: String, normalized: String) -> Bool {
        var n = normalized.utf8.makeIterator()
        for c in raw.utf8 {
            if c >= 0x80 { return normalize(raw) == normalized }
            if isSeparator(c) { continue }
            let l = c >= 65 && c <= 90 ? c + 32 : c
            guard let x = n.next(), x == l else { return false }
        }
        return n.next() == nil
    }
}

extension Node {
    /// The value as compact JSON (YAML values too), keys in their written order.
    public func compactJSON() -> String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += Double(n) != nil ? n : JSONWriter.escape(n)
        case .string(let s): out += JSONWriter.escape(s)
        case .array(let a):
            out += "["
            for (i, n) in a.enumerated() { if i > 0 { out += "," }; n.write(into: &out) }
            out += "]"
        case .object(let m):
            out += "{"
            for (i, x) in m.enumerated() {
                if i > 0 { out += "," }
                out += JSONWriter.escape(x.key) + ":"
                x.node.write(into: &out)
            }
            out += "}"
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
