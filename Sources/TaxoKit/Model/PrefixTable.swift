/// The ID prefixes (and alternate prefixes) by their bytes: the scan looks up each token's prefix as it
/// reads it, without making a string of it or hashing one (a `[String: Int]` did both for every
/// capitalised word followed by a dash).
struct PrefixTable: Sendable {
    /// Open addressing, at most a quarter full: per slot the packed bytes (`pack`), the kind (-1: empty)
    /// and the prefix as a string.
    private var keys: [(UInt64, UInt64)]
    private var kinds: [Int]
    private var prefixes: [String]

    /// The table of prefixes (of at most 15 bytes: the scan reads no longer ones) and their kinds.
    init(_ prefixToKind: [String: Int]) {
        var size = 16
        while size < prefixToKind.count * 4 { size *= 2 }
        keys = .init(repeating: (0, 0), count: size)
        kinds = .init(repeating: -1, count: size)
        prefixes = .init(repeating: "", count: size)
        for (prefix, kind) in prefixToKind.sorted(by: { $0.key < $1.key }) {
            var p = prefix
            guard let key = p.withUTF8({ PrefixTable.pack($0, 0, $0.count) }) else { continue }
            var i = PrefixTable.slot(key, size - 1)
            while kinds[i] >= 0 { i = (i + 1) & (size - 1) }
            (keys[i], kinds[i], prefixes[i]) = (key, kind, prefix)
        }
    }

    /// Bytes `start..<end` (at most 15) as two words and their count; nil when longer.
    @inline(__always)
    static func pack(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (UInt64, UInt64)? {
        guard end - start <= 15 else { return nil }
        var lo: UInt64 = 0, hi = UInt64(end - start) << 56
        for k in start..<end {
            let shift = UInt64(8 * ((k - start) & 7))
            if k - start < 8 { lo |= UInt64(b[k]) << shift } else { hi |= UInt64(b[k]) << shift }
        }
        return (lo, hi)
    }

    @inline(__always)
    static func slot(_ key: (UInt64, UInt64), _ mask: Int) -> Int {
        Int(truncatingIfNeeded: Hashing.mix(key.0 ^ key.1 &* 0x9E37_79B9_7F4A_7C15)) & mask
    }

    /// The kind and the prefix spelt by bytes `start..<end`, if it is one.
    @inline(__always)
    func lookup(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (kind: Int, prefix: String)? {
        guard let key = PrefixTable.pack(b, start, end) else { return nil }
        let mask = kinds.count - 1
        var i = PrefixTable.slot(key, mask)
        while kinds[i] >= 0 {
            if keys[i] == key { return (kinds[i], prefixes[i]) }
            i = (i + 1) & mask
        }
        return nil
    }
}
