/// Small, dependency-free content hashing (FNV-1a, 64 bit) for caches and change detection.
public enum Hashing {
    /// FNV-1a over 8-byte words (then the tail bytes): fast, stable across runs and machines.
    public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            let n = raw.count / 8
            for i in 0..<n {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
                h = (h ^ w) &* 0x100000001b3
                h ^= h >> 29
            }
            for i in (n * 8)..<raw.count { h = (h ^ UInt64(raw[i])) &* 0x100000001b3 }
        }
        return h
    }

    public static func fnv1aHex(_ bytes: [UInt8]) -> String {
        let s = String(fnv1a(bytes), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
