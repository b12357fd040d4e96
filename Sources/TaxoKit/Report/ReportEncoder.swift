import Foundation

/// Encodes an `Encodable` report context into a `ReportValue` tree: strings escaped for Markdown
/// (`MarkdownText`), `Markdown` values kept as they are, keys in snake_case, nil as null.
struct ReportEncoder {
    static func encode(_ value: some Encodable) throws -> ReportValue {
        let slot = Slot()
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

        func encode(_ value: some Encodable) throws {
            if let v = value as? any VerbatimText { content = .value(.text(v.verbatim)); return }
            if let s = value as? String { content = .value(.text(MarkdownText.escape(s))); return }
            try value.encode(to: ValueEncoder(slot: self))
        }

        func object() -> ObjectBox {
            if case .object(let o) = content { return o }
            let o = ObjectBox()
            content = .object(o)
            return o
        }

        func array() -> ArrayBox {
            if case .array(let a) = content { return a }
            let a = ArrayBox()
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
        func slot(_ key: some CodingKey) -> Slot {
            let s = Slot()
            members[ReportEncoder.snakeCase(key.stringValue)] = s
            return s
        }
    }

    final class ArrayBox {
        var items: [Slot] = []
        func slot() -> Slot {
            let s = Slot()
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
            object.slot(key).content = .value(.text(MarkdownText.escape(value)))
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
        mutating func superEncoder() -> any Encoder { ValueEncoder(slot: Slot()) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(slot: object.slot(key)) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let array: ArrayBox
        var codingPath: [any CodingKey] = []
        var count: Int { array.items.count }
        mutating func encodeNil() throws { array.slot().content = .value(.null) }
        mutating func encode(_ value: Bool) throws { array.slot().content = .value(.bool(value)) }
        mutating func encode(_ value: String) throws {
            array.slot().content = .value(.text(MarkdownText.escape(value)))
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
        mutating func encode(_ value: String) throws { slot.content = .value(.text(MarkdownText.escape(value))) }
        mutating func encode(_ value: Double) throws { slot.content = .value(.double(value)) }
        mutating func encode(_ value: Int) throws { slot.content = .value(.int(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try slot.encode(value) }
    }
}
