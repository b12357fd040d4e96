/// Small, dependency-free content hashing (FNV-1a, 64 bit) for caches and change detection.
public enum Hashing {
    /// FNV-1a over 8-byte words (then the tail bytes): fast, stable across runs and machines.
    public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { fnv1a($0) }
    }

    /// FNV-1a of bytes.
    public static func fnv1a(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        fold(raw, into: 0xcbf29ce484222325 ^ UInt64(raw.count))
    }

    /// Bytes folded into a hash: 8-byte words, then the tail bytes.
    static func fold(_ raw: UnsafeRawBufferPointer, into hash: UInt64) -> UInt64 {
        var h = hash
        let n = raw.count / 8
        for i in 0..<n {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            h = (h ^ w) &* 0x100000001b3
            h ^= h >> 29
        }
        for i in (n * 8)..<raw.count { h = (h ^ UInt64(raw[i])) &* 0x100000001b3 }
        return h
    }

    /// Murmur's 64-bit finaliser: a word's bits spread over all of it, a few multiplies (for hashes that
    /// index tables: a word hash of a name matcher, the cache's string table, the ID prefix table).
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// FNV-1a of bytes as 16 hex digits.
    public static func fnv1aHex(_ bytes: [UInt8]) -> String { hex(fnv1a(bytes)) }

    /// 16 lower-case hex digits.
    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// FNV-1a fed piece by piece (strings, numbers), without joining the pieces into one string first.
/// Each piece ends with a separator byte, so ("ab", "c") and ("a", "bc") differ.
struct StreamHash {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    /// A string, a word (8 bytes) at a time as `Hashing.fnv1a` reads, then a separator.
    mutating func add(_ s: String) {
        // Read in place (a native or small string; `withUTF8` wanted a copy of the string to make).
        let h = value
        if let folded = s.utf8.withContiguousStorageIfAvailable({ Hashing.fold(UnsafeRawBufferPointer($0), into: h) }) {
            value = folded
        } else {
            var s = s
            s.withUTF8 { value = Hashing.fold(UnsafeRawBufferPointer($0), into: h) }
        }
        value = (value ^ 0x1F) &* 0x100000001b3
    }

    mutating func add(byte b: UInt8) { value = (value ^ UInt64(b)) &* 0x100000001b3 }

    mutating func add(_ s: String?) { if let s { add(s) } else { value = (value ^ 0x1E) &* 0x100000001b3 } }

    /// A number as one word, folded as `Hashing.fold` folds a word (a page's print adds one for every value
    /// of its tree: a byte at a time took eight multiplications in a row).
    mutating func add(_ n: Int) {
        value = (value ^ UInt64(bitPattern: Int64(n))) &* 0x100000001b3
        value ^= value >> 29
    }

    var hex: String { Hashing.hex(value) }
}

/// A hash of a set of records that does not depend on their order (no sorting): each record is hashed
/// alone and the results are combined by addition and, mixed, by exclusive or.
struct UnorderedHash {
    private var sum: UInt64 = 0, mixed: UInt64 = 0, count = 0

    mutating func add(_ record: StreamHash) {
        var z = record.value &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        sum &+= record.value
        mixed ^= z ^ (z >> 31)
        count += 1
    }

    var hex: String { Hashing.hex(sum) + Hashing.hex(mixed) + String(count, radix: 16) }

    /// Adds the combined hash to a stream.
    func fold(into h: inout StreamHash) {
        h.add(Int(truncatingIfNeeded: sum))
        h.add(Int(truncatingIfNeeded: mixed))
    }
}
