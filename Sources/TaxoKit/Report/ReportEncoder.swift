import Foundation

/// Encodes an `Encodable` report context into a `ReportValue` tree: strings escaped for where they land
/// (Markdown reports: `MarkdownText`; site pages: HTML), `Markdown` and `HTML` values kept as they are, keys
/// in snake_case, nil as null.
struct ReportEncoder {
    static func encode(_ value: some Encodable, escaping: TextEscaping = .markdown) throws -> ReportValue {
        let slot = Slot(State(escaping))
        try slot.encode(value)
        return slot.materialize()
    }

    /// `sourceID` -> `source_id`, `nextFree` -> `next_free`, `has_skipped` stays.
    static func snakeCase(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return key }
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSnakeCase(Array(key.utf8)) }
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

    /// `snakeCase` of an ASCII key, on its bytes (property names are ASCII; a page's context asks for its
    /// keys on every page).
    static func asciiSnakeCase(_ b: [UInt8]) -> String {
        func upper(_ c: UInt8) -> Bool { c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") }
        func lower(_ c: UInt8) -> Bool { c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") }
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 4)
        for (i, c) in b.enumerated() {
            if upper(c) {
                let prevLower = i > 0 && !upper(b[i - 1]) && b[i - 1] != UInt8(ascii: "_")
                let endsRun = i > 0 && upper(b[i - 1]) && i + 1 < b.count && lower(b[i + 1])
                if prevLower || endsRun { out.append(UInt8(ascii: "_")) }
                out.append(c + 32)
            } else {
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What one encoding shares: the escaping, and the snake_case keys made so far (one encoding runs on
    /// one thread: no lock).
    final class State {
        let escaping: TextEscaping
        var keys: [String: String] = [:]
        init(_ escaping: TextEscaping) { self.escaping = escaping }

        func key(_ k: some CodingKey) -> String {
            let s = k.stringValue
            // Most keys are one lower-case word: nothing to look up.
            guard s.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return s }
            if let known = keys[s] { return known }
            let snake = ReportEncoder.snakeCase(s)
            keys[s] = snake
            return snake
        }

        /// A text or taxo's own markup, encoded at once (nil for any other value).
        func leaf(_ value: some Encodable) -> ReportValue? {
            switch EncodedLeaf(value) {
            case .verbatim(let t): return .text(t)
            case .string(let s): return .text(escaping(s))
            case nil: return nil
            }
        }
    }

    /// A member of an object or an item of a list: a value made at once, or a container filled later.
    enum Member {
        case value(ReportValue)
        case slot(Slot)

        func materialize() -> ReportValue {
            switch self {
            case .value(let v): return v
            case .slot(let s): return s.materialize()
            }
        }
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
        let state: State

        init(_ state: State) { self.state = state }

        func encode(_ value: some Encodable) throws {
            if let leaf = state.leaf(value) { content = .value(leaf); return }
            try value.encode(to: ValueEncoder(slot: self))
        }

        func object() -> ObjectBox {
            if case .object(let o) = content { return o }
            let o = ObjectBox(state)
            content = .object(o)
            return o
        }

        func array() -> ArrayBox {
            if case .array(let a) = content { return a }
            let a = ArrayBox(state)
            content = .array(a)
            return a
        }

        func materialize() -> ReportValue {
            switch content {
            case .value(let v): return v
            case .object(let o): return .object(o.materialize())
            case .array(let a): return .array(a.items.map { $0.materialize() })
            }
        }
    }

    /// An object's members in the order written: values made at once, nested containers apart until the
    /// end (a key written again replaces what it held, as in a dictionary).
    final class ObjectBox {
        enum Member {
            case value(ReportValue)
            case slot(Slot)
        }
        var members: [(key: String, member: Member)] = []
        let state: State
        init(_ state: State) { self.state = state }
        func set(_ key: some CodingKey, _ v: ReportValue) {
            members.append((state.key(key), .value(v)))
        }
        func slot(_ key: some CodingKey) -> Slot {
            let s = Slot(state)
            members.append((state.key(key), .slot(s)))
            return s
        }
        func encode(_ value: some Encodable, forKey key: some CodingKey) throws {
            if let leaf = state.leaf(value) { set(key, leaf) } else { try slot(key).encode(value) }
        }
        func materialize() -> ReportObject {
            var out: [ReportObject.Element] = []
            out.reserveCapacity(members.count)
            for (k, m) in members {
                switch m {
                case .value(let v): out.append((k, v))
                case .slot(let s): out.append((k, s.materialize()))
                }
            }
            return ReportObject(unique: ObjectBox.lastOfEachKey(out))
        }

        /// The members with each key once, holding the value written last (an encoder's keyed container
        /// writes each key once: then they are returned as they are).
        static func lastOfEachKey(_ members: [ReportObject.Element]) -> [ReportObject.Element] {
            guard members.count > 1 else { return members }
            var repeated = false
            if members.count <= 16 {
                // Few keys: compared pairwise (short keys compare as two words; no hashing).
                outer: for i in members.indices.dropFirst() {
                    for j in 0..<i where members[j].key == members[i].key { repeated = true; break outer }
                }
            } else {
                var seen = Set<String>(minimumCapacity: members.count)
                for m in members where !seen.insert(m.key).inserted { repeated = true; break }
            }
            guard repeated else { return members }
            var out = ReportObject()
            for (k, v) in members { out[k] = v }
            return out.members
        }
    }

    final class ArrayBox {
        var items: [Member] = []
        let state: State
        init(_ state: State) { self.state = state }
        func append(_ v: ReportValue) { items.append(.value(v)) }
        func slot() -> Slot {
            let s = Slot(state)
            items.append(.slot(s))
            return s
        }
        func encode(_ value: some Encodable) throws {
            if let leaf = state.leaf(value) { append(leaf) } else { try slot().encode(value) }
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

    struct Keyed<Key: CodingKey>: NullWritingContainer {
        let object: ObjectBox
        var codingPath: [any CodingKey] = []
        mutating func encodeNil(forKey key: Key) throws { object.set(key, .null) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(key, .bool(value)) }
        mutating func encode(_ value: String, forKey key: Key) throws {
            object.set(key, .text(object.state.escaping(value)))
        }
        mutating func encode(_ value: Double, forKey key: Key) throws { object.set(key, .double(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key, .int(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try object.encode(value, forKey: key) }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<
            N
        > {
            KeyedEncodingContainer(Keyed<N>(object: object.slot(key).object()))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Unkeyed(array: object.slot(key).array())
        }
        mutating func superEncoder() -> any Encoder { ValueEncoder(slot: Slot(object.state)) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(slot: object.slot(key)) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let array: ArrayBox
        var codingPath: [any CodingKey] = []
        var count: Int { array.items.count }
        mutating func encodeNil() throws { array.append(.null) }
        mutating func encode(_ value: Bool) throws { array.append(.bool(value)) }
        mutating func encode(_ value: String) throws { array.append(.text(array.state.escaping(value))) }
        mutating func encode(_ value: Double) throws { array.append(.double(value)) }
        mutating func encode(_ value: Int) throws { array.append(.int(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try array.encode(value) }
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
        mutating func encode(_ value: String) throws { slot.content = .value(.text(slot.state.escaping(value))) }
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
