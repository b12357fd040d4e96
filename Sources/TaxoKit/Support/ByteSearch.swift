import Foundation

/// Allocation-light searches over UTF-8 text (Foundation's `range(of:)` is slow on Linux).
enum ByteSearch {
    /// The first offset of `needle` in `hay` at or after `from` (nil for an empty needle).
    static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        needle.withUnsafeBufferPointer { find($0, in: hay, from: from) }
    }

    /// The same for a needle in a buffer: its first byte found by `memchr`, the rest compared by `memcmp`.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0, hay.count >= n, let base = hay.baseAddress, let nb = needle.baseAddress else { return nil }
        let last = hay.count - n
        var i = max(0, from)
        while i <= last {
            guard let hit = firstIndex(of: nb[0], in: hay, from: i), hit <= last else { return nil }
            if n == 1 || memcmp(base + hit + 1, nb + 1, n - 1) == 0 { return hit }
            i = hit + 1
        }
        return nil
    }

    /// The first offset of `byte` in `hay` at or after `from` (`memchr`).
    static func firstIndex(of byte: UInt8, in hay: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let base = hay.baseAddress, from < hay.count,
            let hit = memchr(base + from, Int32(byte), hay.count - from)
        else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// Whether `text` contains the lowercase ASCII `needle`, ignoring ASCII case.
    static func containsIgnoringCase<S: StringProtocol>(_ text: S, _ needle: String) -> Bool {
        let nd = Array(needle.utf8)
        guard !nd.isEmpty else { return true }
        var t = Array(text.utf8)
        for i in t.indices where t[i] >= 65 && t[i] <= 90 { t[i] += 32 }
        return t.withUnsafeBufferPointer { find(nd, in: $0) != nil }
    }

    /// Whether `bytes` contain the lowercase ASCII `needle`, ignoring ASCII case, without allocating.
    static func containsIgnoringCase(bytes: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard n > 0, bytes.count >= n else { return n == 0 }
        return bytes.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { nd in
                // A needle with a byte that has no case and is rare in text (`-` of `taxo-ignore`, `_` of
                // `new_id`): candidates are found where that byte is (by `memchr`), not at every byte that
                // could start the needle (`t` is one byte in fifteen of English).
                if let a = nd.firstIndex(where: { !isASCIILetter($0) && $0 != 32 }) {
                    var from = a
                    let last = hay.count - n + a
                    while let hit = firstIndex(of: nd[a], in: hay, from: from), hit <= last {
                        if matchesIgnoringCase(hay, at: hit - a, nd) { return true }
                        from = hit + 1
                    }
                    return false
                }
                // Otherwise candidates start with the needle's first letter in either case: found eight bytes
                // at a time (a byte ORed with 0x20 equals the lower-case letter only when it is that letter, in
                // either case), and only those compared.
                let last = hay.count - n
                var i = 0
                while i <= last {
                    guard let hit = firstLetter(nd[0], in: hay, from: i, through: last) else { return false }
                    if matchesIgnoringCase(hay, at: hit, nd) { return true }
                    i = hit + 1
                }
                return false
            }
        }
    }

    /// The first offset in `from...through` of a byte `byte` takes, reading eight bytes at a time: `word`
    /// gives, for eight bytes read little-endian, a mask whose lowest set high bit (0x80 of a byte) marks the
    /// first byte taken (bits above it may be wrong: the borrows of the usual tricks). Nil when none.
    @inline(__always) static func firstByte(
        in hay: UnsafeBufferPointer<UInt8>, from: Int, through last: Int, word: (UInt64) -> UInt64,
        byte: (UInt8) -> Bool
    ) -> Int? {
        guard let base = hay.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = from
        while i + 8 <= last + 1 {
            let found = word(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            if found != 0 { return i + found.trailingZeroBitCount / 8 }
            i += 8
        }
        while i <= last {
            if byte(hay[i]) { return i }
            i += 1
        }
        return nil
    }

    static let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080

    /// The bytes of a word that are zero: the lowest flag is exact.
    @inline(__always) static func zeros(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }

    /// The bytes of a word equal to `byte` (the lowest flag exact).
    @inline(__always) static func equal(_ x: UInt64, _ byte: UInt8) -> UInt64 { zeros(x ^ (ones &* UInt64(byte))) }

    /// The first offset in `from...through` where `hay` holds the lower-case ASCII letter `letter` in either
    /// case: a byte ORed with 0x20 equals the letter only when it is the letter, in either case.
    @inline(__always) static func firstLetter(
        _ letter: UInt8, in hay: UnsafeBufferPointer<UInt8>, from: Int, through last: Int
    ) -> Int? {
        return firstByte(
            in: hay, from: from, through: last, word: { equal($0 | 0x2020_2020_2020_2020, letter) },
            byte: { $0 | 0x20 == letter })
    }

    /// The first offset at or after `from` where `hay` holds an upper-case ASCII letter (`hay.count` when none).
    @inline(__always) static func firstUppercase(in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        // Per byte, without carries between bytes: its low seven bits above 64 and below 91, and its high bit
        // clear (bytes of other characters are never letters).
        firstByte(
            in: hay, from: from, through: hay.count - 1,
            word: { x in
                let v = x & 0x7F7F_7F7F_7F7F_7F7F
                return ((ones &* (127 + 91)) &- v) & ~x & (v &+ ones &* (127 - 64)) & highs
            }, byte: { $0 >= 65 && $0 <= 90 }) ?? hay.count
    }

    /// The first offset at or after `from` of a byte a JSON string escapes (a control character, `"` or `\`),
    /// `hay.count` when none.
    @inline(__always) static func firstJSONEscape(in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        // Per kind of byte, the lowest flag is exact, so the lowest of the three is the first such byte.
        firstByte(
            in: hay, from: from, through: hay.count - 1,
            word: { x in ((x &- ones &* 0x20) & ~x & highs) | equal(x, 34) | equal(x, 92) },
            byte: { $0 < 0x20 || $0 == 34 || $0 == 92 }) ?? hay.count
    }

    /// An ASCII letter, either case.
    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }

    /// Whether the lowercase ASCII `needle` is at `start` of `hay`, ignoring ASCII case (`start` in bounds).
    @inline(__always) static func matchesIgnoringCase(
        _ hay: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        for k in 0..<needle.count {
            var c = hay[start + k]
            if c >= 65 && c <= 90 { c += 32 }
            if c != needle[k] { return false }
        }
        return true
    }

    /// A set of bytes as 256 bits, asked in one step per byte.
    struct ByteSet: Sendable {
        var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        init(_ bytes: [UInt8]) {
            for b in bytes {
                let bit = UInt64(1) << UInt64(b & 63)
                switch b >> 6 {
                case 0: bits.0 |= bit
                case 1: bits.1 |= bit
                case 2: bits.2 |= bit
                default: bits.3 |= bit
                }
            }
        }

        @inline(__always)
        func contains(_ b: UInt8) -> Bool {
            let bit = UInt64(1) << UInt64(b & 63)
            switch b >> 6 {
            case 0: return bits.0 & bit != 0
            case 1: return bits.1 & bit != 0
            case 2: return bits.2 & bit != 0
            default: return bits.3 & bit != 0
            }
        }
    }

    /// Whether a string holds any byte of the set (over its UTF-8 storage when it has one).
    static func containsAny(_ s: String, of set: ByteSet) -> Bool {
        if let found = s.utf8.withContiguousStorageIfAvailable({ buf -> Bool in
            for b in buf where set.contains(b) { return true }
            return false
        }) {
            return found
        }
        return s.utf8.contains { set.contains($0) }
    }

    /// Whether `hay` holds `needle` (bytes compared exactly; an empty needle is never held).
    static func contains<C: Collection<UInt8>>(_ hay: C, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { contains(hay, $0) }
    }

    /// The same for a string's UTF-8 bytes.
    static func contains<C: Collection<UInt8>>(_ hay: C, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { contains(hay, $0) }
    }

    static func contains<C: Collection<UInt8>>(_ hay: C, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        if let found = hay.withContiguousStorageIfAvailable({ find(needle, in: $0) != nil }) { return found }
        return Array(hay).withUnsafeBufferPointer { find(needle, in: $0) != nil }
    }
}
