/// A compact, versioned binary encoding for cached extraction results: varints, length-prefixed
/// UTF-8 strings, and a per-file string table so repeated strings (paths, fields) are stored once.
///
/// The bytes are written into memory the writer owns (not an array: an append to an array asked the runtime
/// whether it was shared, once a byte), so a writer cannot be copied; `bytes` hands out a copy.
struct BinaryWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are written.
    private(set) var count = 0
    private var strings = StringInterner()

    init(capacity: Int = 4096) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written, copied.
    var bytes: [UInt8] { withBytes { Array($0) } }

    /// The bytes written, read in place.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Room for `n` more bytes.
    @inline(__always)
    private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        b.update(from: base, count: count)
        base.deallocate()
        base = b
        capacity = c
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
        guard let from = b.baseAddress, b.count > 0 else { return }
        reserve(b.count)
        (base + count).update(from: from, count: b.count)
        count += b.count
    }

    mutating func append(_ b: [UInt8]) { b.withUnsafeBufferPointer { append($0) } }

    /// Forgets the bytes written (the memory is kept).
    mutating func removeAll() { count = 0 }

    @inline(__always)
    mutating func uint(_ v: UInt64) {
        reserve(10)
        var v = v
        while v >= 0x80 {
            base[count] = UInt8(v & 0x7F) | 0x80
            count += 1
            v >>= 7
        }
        base[count] = UInt8(v)
        count += 1
    }

    mutating func int(_ v: Int) { uint(UInt64(bitPattern: Int64(v)) << 1 ^ UInt64(bitPattern: Int64(v) >> 63)) }
    mutating func bool(_ b: Bool) { byte(b ? 1 : 0) }

    /// Strings are interned: the first time written in full, later as a back-reference.
    mutating func string(_ s: String) {
        var t = s
        t.withUTF8 { u in
            if let i = strings.index(of: s, bytes: u) {
                uint(UInt64(i) << 1 | 1)
            } else {
                uint(UInt64(u.count) << 1)
                append(u)
            }
        }
    }

    /// A string written in full, never interned (for tables of unique strings).
    mutating func literal(_ s: String) {
        var s = s
        s.withUTF8 { u in
            uint(UInt64(u.count) << 1)
            append(u)
        }
    }

    mutating func optString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    mutating func optInt(_ v: Int?) {
        bool(v != nil)
        if let v { int(v) }
    }

    mutating func fixed64(_ v: UInt64) {
        reserve(8)
        for k in 0..<8 { base[count + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(k))) }
        count += 8
    }

    /// Starts a new record whose strings do not refer back to earlier records.
    mutating func resetStrings() { strings.removeAll() }
}

/// Reads what `BinaryWriter` wrote from memory the caller keeps alive (a mapped cache file).
struct BinaryReader {
    struct Corrupt: Error {}
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    private var strings: [String] = []
    /// Decode the records' JSON (`literal` strings); false: step over them.
    var records = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int = 0) {
        self.bytes = bytes
        i = offset
    }

    mutating func uint() throws -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard i < bytes.count, shift < 64 else { throw Corrupt() }
            let b = bytes[i]
            i += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let u = try uint()
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    mutating func bool() throws -> Bool {
        guard i < bytes.count else { throw Corrupt() }
        i += 1
        return bytes[i - 1] != 0
    }

    mutating func string() throws -> String {
        let h = try uint()
        if h & 1 == 1 {
            let idx = Int(h >> 1)
            guard idx < strings.count else { throw Corrupt() }
            return strings[idx]
        }
        let n = Int(h >> 1)
        guard i + n <= bytes.count else { throw Corrupt() }
        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + n)]), as: UTF8.self)
        i += n
        strings.append(s)
        return s
    }

    mutating func optString() throws -> String? { try bool() ? try string() : nil }

    /// A string written with `literal` (not in the table), or nil when `records` is off (its bytes skipped).
    mutating func optLiteral() throws -> String? {
        guard try bool() else { return nil }
        let h = try uint()
        let n = Int(h >> 1)
        guard h & 1 == 0, i + n <= bytes.count else { throw Corrupt() }
        defer { i += n }
        return records ? String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + n)]), as: UTF8.self) : nil
    }
    mutating func optInt() throws -> Int? { try bool() ? try int() : nil }

    /// A fixed-width little-endian number (the cache's trailer).
    mutating func fixed64() throws -> UInt64 {
        guard i + 8 <= bytes.count else { throw Corrupt() }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
        i += 8
        return v
    }

    mutating func resetStrings() { strings.removeAll(keepingCapacity: true) }
}
