/// A print of an `Encodable` context made as it is encoded, without making its `ReportValue` tree: the site
/// decides from it whether a page must be made again, and makes the tree only for those that must.
///
/// Every key, value and container start goes into one `StreamHash`, tagged by what it is, in the order
/// the context encodes them (synthesized conformances encode members in declaration order): equal contexts
/// give equal prints, and a context that differs in any text, number, member or list gives another.
struct PrintEncoder {
    static func print(_ value: some Encodable) throws -> String {
        let sink = Sink()
        try sink.value(value)
        return sink.hash.hex
    }

    /// Set in `userInfo` while printing: a value that is costly to make from cheap inputs (a hierarchy
    /// drawing) may encode those inputs instead, as its print need change only when they do.
    static let printing = CodingUserInfoKey(rawValue: "taxo.print")!

    /// Tags of what goes into the print.
    enum Tag: Int {
        case key = 1, text, int, double, bool, null, object, array, element, end
    }

    final class Sink {
        var hash = StreamHash()

        func tag(_ t: Tag) { hash.add(byte: UInt8(t.rawValue)) }
        func key(_ k: some CodingKey) {
            tag(.key)
            hash.add(k.stringValue)
        }
        func text(_ s: String) {
            tag(.text)
            hash.add(s)
        }
        func int(_ n: Int) {
            tag(.int)
            hash.add(n)
        }
        func double(_ d: Double) {
            tag(.double)
            hash.add(Int(truncatingIfNeeded: d.bitPattern))
        }
        func bool(_ b: Bool) {
            tag(.bool)
            hash.add(b ? 1 : 0)
        }

        func value(_ v: some Encodable) throws {
            switch EncodedLeaf(v) {
            case .verbatim(let t), .string(let t):
                text(t)
            case nil:
                try v.encode(to: ValueEncoder(sink: self))
                // Where the value's members end: `{a: {x}, y}` and `{a: {x, y}}` differ.
                tag(.end)
            }
        }
    }

    struct ValueEncoder: Encoder {
        let sink: Sink
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [PrintEncoder.printing: true] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            sink.tag(.object)
            return KeyedEncodingContainer(Keyed<Key>(sink: sink))
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            sink.tag(.array)
            return Unkeyed(sink: sink)
        }
        func singleValueContainer() -> any SingleValueEncodingContainer { Single(sink: sink) }
    }

    struct Keyed<Key: CodingKey>: NullWritingContainer {
        let sink: Sink
        var codingPath: [any CodingKey] = []
        mutating func encodeNil(forKey key: Key) throws {
            sink.key(key)
            sink.tag(.null)
        }
        mutating func encode(_ value: Bool, forKey key: Key) throws {
            sink.key(key)
            sink.bool(value)
        }
        mutating func encode(_ value: String, forKey key: Key) throws {
            sink.key(key)
            sink.text(value)
        }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            sink.key(key)
            sink.double(value)
        }
        mutating func encode(_ value: Int, forKey key: Key) throws {
            sink.key(key)
            sink.int(value)
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            sink.key(key)
            try sink.value(value)
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<
            N
        > {
            sink.key(key)
            sink.tag(.object)
            return KeyedEncodingContainer(Keyed<N>(sink: sink))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            sink.key(key)
            sink.tag(.array)
            return Unkeyed(sink: sink)
        }
        mutating func superEncoder() -> any Encoder { ValueEncoder(sink: sink) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            sink.key(key)
            return ValueEncoder(sink: sink)
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let sink: Sink
        var codingPath: [any CodingKey] = []
        var count = 0
        mutating func element() {
            sink.tag(.element)
            count += 1
        }
        mutating func encodeNil() throws {
            element()
            sink.tag(.null)
        }
        mutating func encode(_ value: Bool) throws {
            element()
            sink.bool(value)
        }
        mutating func encode(_ value: String) throws {
            element()
            sink.text(value)
        }
        mutating func encode(_ value: Double) throws {
            element()
            sink.double(value)
        }
        mutating func encode(_ value: Int) throws {
            element()
            sink.int(value)
        }
        mutating func encode<T: Encodable>(_ value: T) throws {
            element()
            try sink.value(value)
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            element()
            sink.tag(.object)
            return KeyedEncodingContainer(Keyed<N>(sink: sink))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            element()
            sink.tag(.array)
            return Unkeyed(sink: sink)
        }
        mutating func superEncoder() -> any Encoder {
            element()
            return ValueEncoder(sink: sink)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let sink: Sink
        var codingPath: [any CodingKey] = []
        mutating func encodeNil() throws { sink.tag(.null) }
        mutating func encode(_ value: Bool) throws { sink.bool(value) }
        mutating func encode(_ value: String) throws { sink.text(value) }
        mutating func encode(_ value: Double) throws { sink.double(value) }
        mutating func encode(_ value: Int) throws { sink.int(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try sink.value(value) }
    }
}
