import Foundation

/// `contains` for a string in a string, compared byte for byte (UTF-8). Without these, `text.contains("…")`
/// resolves to Foundation's, which bridges both strings to NSString and compares UTF-16 units on every call
/// (3 % of a cold build's CPU at 10k went there: paths, labels, cells and keys searched per entity and line).
/// Like Foundation's, an empty `other` is never contained.
extension String {
    func contains(_ other: String) -> Bool { StringContains.search(utf8, other) }
}

extension Substring {
    func contains(_ other: String) -> Bool { StringContains.search(utf8, other) }
}

enum StringContains {
    static func search<H: Collection<UInt8>>(_ hay: H, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            guard !n.isEmpty else { return false }
            if let found = hay.withContiguousStorageIfAvailable({ find(n, in: $0) }) { return found }
            return Array(hay).withUnsafeBufferPointer { find(n, in: $0) }
        }
    }

    /// Whether `needle` (not empty) occurs in `hay`: its first byte found by `memchr`, the rest compared.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard hay.count >= n, let base = hay.baseAddress, let nb = needle.baseAddress else { return false }
        let last = hay.count - n
        var i = 0
        while i <= last {
            guard let hit = ByteSearch.firstIndex(of: nb[0], in: hay, from: i), hit <= last else { return false }
            if n == 1 || memcmp(base + hit + 1, nb + 1, n - 1) == 0 { return true }
            i = hit + 1
        }
        return false
    }
}
