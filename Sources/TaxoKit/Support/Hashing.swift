/// Small, dependency-free content hashing (FNV-1a, 64 bit) for caches and change detection.
public enum Hashing {
    public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        bytes.withUnsafeBufferPointer { b in
            for c in b { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        }
        return h
    }

    public static func fnv1aHex(_ bytes: [UInt8]) -> String {
        let s = String(fnv1a(bytes), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
