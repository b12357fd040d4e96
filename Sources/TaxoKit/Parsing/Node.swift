/// A parsed JSON or YAML value with the byte offset where it starts in its file.
public struct Node: Sendable {
    public var value: Value
    public var offset: Int

    public init(_ value: Value, at offset: Int) {
        self.value = value
        self.offset = offset
    }
}

public struct Member: Sendable {
    public var key: String
    public var keyOffset: Int
    public var node: Node
}

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
        guard case .object(let members) = value else { return nil }
        for k in keys {
            let nk = FieldKey.normalize(k)
            for m in members where FieldKey.normalize(m.key) == nk { return (m.key, m.node) }
        }
        return nil
    }
}

/// Field names are compared without case, spaces, dashes or underscores: `Step ID` = `step_id`.
public enum FieldKey {
    public static func normalize(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case " ", "_", "-", "\t": continue
            default: out.unicodeScalars.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }
}
