/// The string table of a `BinaryWriter`: each distinct string's index, found by the hash of its bytes
/// (`StringInterner.hash`) in an open-addressing table. (A `[String: Int]` hashed every string written with SipHash and
/// grew by rehashing them: 70 % of writing the extraction cache.)
struct StringInterner {
    /// Per slot, the index of its string plus one (0: empty); twice as many slots as strings at least.
    private var slots = [Int32](repeating: 0, count: 64)
    private var keys: [String] = []
    private var hashes: [UInt64] = []

    /// The index `s` (whose bytes are `u`) was given when it was met before; otherwise it is given the next
    /// index and nil is returned.
    mutating func index(of s: String, bytes u: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = StringInterner.hash(u)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        let hit: Int? = slots.withUnsafeBufferPointer { t in
            while t[i] != 0 {
                let k = Int(t[i]) - 1
                if hashes[k] == h, keys[k] == s { return k }
                i = (i + 1) & mask
            }
            return nil
        }
        if let hit { return hit }
        slots[i] = Int32(keys.count + 1)
        keys.append(s)
        hashes.append(h)
        if keys.count * 2 > slots.count { grow() }
        return nil
    }

    /// Forgets every string (a new record starts); a table grown for a large record is let go.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        if slots.count > 1024 {
            slots = [Int32](repeating: 0, count: 64)
        } else {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (k, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(k + 1)
        }
    }

    /// The bytes' hash for the table (never stored): eight bytes at a time, the last ones as one word read
    /// over the ones before it (or, for fewer than eight bytes, as two overlapping halves), then mixed by
    /// murmur's finaliser. `Hashing.fnv1a` folded the tail a byte and a multiply at a time, and most strings
    /// written are short.
    static func hash(_ u: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = u.count
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        guard let base = u.baseAddress, n > 0 else { return h }
        let raw = UnsafeRawPointer(base)
        @inline(__always) func word(_ at: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }
        @inline(__always) func half(_ at: Int) -> UInt64 {
            UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
        }
        if n >= 8 {
            var i = 0
            while i + 8 <= n {
                h = (h ^ word(i)) &* 0x100_0000_01b3
                h ^= h >> 29
                i += 8
            }
            if i < n { h = (h ^ word(n - 8)) &* 0x100_0000_01b3 }
        } else if n >= 4 {
            h ^= half(0) | half(n - 4) << 32
        } else {
            h ^= UInt64(u[0]) | UInt64(u[n / 2]) << 8 | UInt64(u[n - 1]) << 16
        }
        return Hashing.mix(h)
    }
}
