import Foundation

/// Encodes an `Encodable` report context into a `ReportValue` tree: strings escaped for where they land
/// (Markdown reports: `MarkdownText`; site pages: HTML), `Markdown` and `HTML` values kept as they are, keys
/// in snake_case, nil as null.
struct ReportEncoder {
    static func encode(_ value: some Encodable, escaping: TextEscaping = .markdown) throws -> ReportValue {
        let slot = Slot(escaping)
        try slot.encode(value)
        return slot.materialize()
    }

    /// `sourceID` -> `source_id`, `nextFree` -> `next_free`, `has_skipped` stays (a key without a capital
    /// letter is returned at once; the others are converted once per run).
    static func snakeCase(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return key }
        return snakeCache.withLock { cache in
            if let known = cache[key] { return known }
            let s = convert(key)
            cache[key] = s
            return s
        }
    }

    static let snakeCache = Locked<[String: String]>([:])

    static func convert(_ key: String) -> String {
        var out = ""
        let chars = Array(key)
        for (i, c) in chars.enumerated() {
            if c.isUppercase {
                // A run of capitals is one word (`sourceID` -> `source_id`, `IDRange` -> `id_range`).
                let prevLower = i > 0 && !chars[i - 1].isUppercase && chars[i - 1] != "_"
                let endsRun = i > 0 && chars[i - 1].isUppercase && i + 1 < chars.count && chars[i + 1].isLowercase
                if prevLower || endsRun { out.append("_") }
                out += c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Where one encoded value lands; containers fill their slots in place, and the tree is made at the end
    /// (no array or dictionary copied per member).
    final class Slot {
        enum Content {
            case value(ReportValue)
            case object(ObjectBox)
            case array(ArrayBox)
        }
        var content: Content = .value(.null)
        let escaping: TextEscaping

        init(_ escaping: TextEscaping) { self.escaping = escaping }

        func encode(_ value: some Encodable) throws {
            if let v = value as? any VerbatimText { content = .value(.text(v.verbatim)); return }
            if let s = value as? String { content = .value(.text(escaping(s))); return }
            try value.encode(to: ValueEncoder(slot: self))
        }

        func object() -> ObjectBox {
            if case .object(let o) = content { return o }
            let o = ObjectBox(escaping)
            content = .object(o)
            return o
        }

        func array() -> ArrayBox {
            if case .array(let a) = content { return a }
            let a = ArrayBox(escaping)
            content = .array(a)
            return a
        }

        func materialize() -> ReportValue {
            switch content {
            case .value(let v): return v
            case .object(let o): return .object(o.members.mapValues { $0.materialize() })
            case .array(let a): return .array(a.items.map { $0.materialize() })
            }
        }
    }

    final class ObjectBox {
        var members: [String: Slot] = [:]
        let escaping: TextEscaping
        init(_ escaping: TextEscaping) { self.escaping = escaping }
        func slot(_ key: some CodingKey) -> Slot {
            let s = Slot(escaping)
            members[ReportEncoder.snakeCase(key.stringValue)] = s
            return s
        }
    }

    final class ArrayBox {
        var items: [Slot] = []
        let escaping: TextEscaping
        init(_ escaping: TextEscaping) { self.escaping = escaping }
        func slot() -> Slot {
            let s = Slot(escaping)
            items.append(s)
            return s
        }
    }

    struct ValueEncoder: Encoder {
        let slot: Slot
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(object: slot.object()))
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(array: slot.array()) }
        func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: ObjectBox
        var codingPath: [any CodingKey] = []
        mutating func encodeNil(forKey key: Key) throws { object.slot(key).content = .value(.null) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { object.slot(key).content = .value(.bool(value)) }
        mutating func encode(_ value: String, forKey key: Key) throws {
            object.slot(key).content = .value(.text(object.escaping(value)))
        }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            object.slot(key).content = .value(.double(value))
        }
        mutating func encode(_ value: Int, forKey key: Key) throws { object.slot(key).content = .value(.int(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try object.slot(key).encode(value) }
        // Optionals left out by synthesized conformances are written as null (templates test them).
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<
            N
        > {
            KeyedEncodingContainer(Keyed<N>(object: object.slot(key).object()))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Unkeyed(array: object.slot(key).array())
        }
        mutating func superEncoder() -> any Encoder { ValueEncoder(slot: Slot(object.escaping)) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(slot: object.slot(key)) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let array: ArrayBox
        var codingPath: [any CodingKey] = []
        var count: Int { array.items.count }
        mutating func encodeNil() throws { array.slot().content = .value(.null) }
        mutating func encode(_ value: Bool) throws { array.slot().content = .value(.bool(value)) }
        mutating func encode(_ value: String) throws {
            array.slot().content = .value(.text(array.escaping(value)))
        }
        mutating func encode(_ value: Double) throws { array.slot().content = .value(.double(value)) }
        mutating func encode(_ value: Int) throws { array.slot().content = .value(.int(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try array.slot().encode(value) }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            KeyedEncodingContainer(Keyed<N>(object: array.slot().object()))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(array: array.slot().array()) }
        mutating func superEncoder() -> any Encoder { ValueEncoder(slot: array.slot()) }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] = []
        mutating func encodeNil() throws { slot.content = .value(.null) }
        mutating func encode(_ value: Bool) throws { slot.content = .value(.bool(value)) }
        mutating func encode(_ value: String) throws { slot.content = .value(.text(slot.escaping(value))) }
        mutating func encode(_ value: Double) throws { slot.content = .value(.double(value)) }
        mutating func encode(_ value: Int) throws { slot.content = .value(.int(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try slot.encode(value) }
    }
}

/// How the text of a context is escaped as it is encoded: once, for the kind of page it lands in.
enum TextEscaping: Sendable {
    case markdown
    case html

    func callAsFunction(_ s: String) -> String {
        switch self {
        case .markdown: return MarkdownText.escape(s)
        case .html: return HTMLText.escape(s)
        }
    }
}

/// Escaping for HTML text and attribute values.
enum HTMLText {
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
