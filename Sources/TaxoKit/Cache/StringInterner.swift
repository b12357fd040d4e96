/// The string table of a `BinaryWriter`: each distinct string's index, found by the hash of its bytes
/// (`Hashing.fnv1a`) in an open-addressing table. (A `[String: Int]` hashed every string written with SipHash and
/// grew by rehashing them: 70 % of writing the extraction cache.)
struct StringInterner {
    /// Per slot, the index of its string plus one (0: empty); twice as many slots as strings at least.
    private var slots = [Int32](repeating: 0, count: 64)
    private var keys: [String] = []
    private var hashes: [UInt64] = []

    /// The index `s` (whose bytes are `u`) was given when it was met before; otherwise it is given the next
    /// index and nil is returned.
    mutating func index(of s: String, bytes u: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = StringInterner.hash(UnsafeRawBufferPointer(u))
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

    /// The bytes' content hash, its high half folded into the low bits the table indexes by.
    static func hash(_ u: UnsafeRawBufferPointer) -> UInt64 {
        let h = Hashing.fnv1a(u)
        return h ^ (h >> 32)
    }
}
