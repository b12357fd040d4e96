/// Allocation-light searches over UTF-8 text (Foundation's `range(of:)` is slow on Linux).
enum ByteSearch {
    /// The first offset of `needle` in `hay` at or after `from`.
    static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        let n = needle.count, h = hay.count
        guard n > 0, h >= n else { return nil }
        let first = needle[0]
        var i = from
        while i <= h - n {
            if hay[i] == first {
                var k = 1
                while k < n, hay[i + k] == needle[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
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
                // Candidates start with the needle's first byte in either case; only those are compared.
                let first = nd[0]
                let firstUpper = first >= 97 && first <= 122 ? first - 32 : first
                var i = 0
                let last = hay.count - n
                while i <= last {
                    let b = hay[i]
                    if b == first || b == firstUpper {
                        var k = 1
                        while k < n {
                            var c = hay[i + k]
                            if c >= 65 && c <= 90 { c += 32 }
                            if c != nd[k] { break }
                            k += 1
                        }
                        if k == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
