/// Escaping for HTML text and attribute values: `&`, `<`, `>`, `"` and `'` become entities. Site pages
/// escape every value of every page and every line of every file listed, so the search for a byte to
/// escape reads eight bytes at a time.
enum HTMLText {
    /// Escaped on bytes, and only when a byte needs it (most text needs none: returned as it is).
    static func escape(_ s: String) -> String {
        var text = s
        let escaped = text.withUTF8 { b -> String? in
            let added = added(b, 0, b.count)
            guard added > 0 else { return nil }
            return String(unsafeUninitializedCapacity: b.count + added) { out in
                write(b, 0, b.count, to: out.baseAddress!) - out.baseAddress!
            }
        }
        return escaped ?? s
    }

    /// Appends a text escaped.
    static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { append($0, 0, $0.count, to: &out) }
    }

    /// Appends `b[lo..<hi]` escaped.
    static func append(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, to out: inout [UInt8]) {
        let start = out.count, size = hi - lo + added(b, lo, hi)
        out.append(contentsOf: repeatElement(0, count: size))
        out.withUnsafeMutableBufferPointer { _ = write(b, lo, hi, to: $0.baseAddress! + start) }
    }

    /// How many bytes escaping `b[lo..<hi]` adds.
    static func added(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        var n = 0
        var i = firstSpecial(b, from: lo, to: hi)
        while i < hi {
            n += entity(b[i]).utf8CodeUnitCount - 1
            i = firstSpecial(b, from: i + 1, to: hi)
        }
        return n
    }

    /// Writes `b[lo..<hi]` escaped at `out` (room for it: `hi - lo + added(b, lo, hi)` bytes), the runs of
    /// bytes that need no escaping copied whole; where the writing ended.
    static func write(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, to out: UnsafeMutablePointer<UInt8>)
        -> UnsafeMutablePointer<UInt8>
    {
        var out = out
        var run = lo
        while true {
            let i = firstSpecial(b, from: run, to: hi)
            if run < i, let base = b.baseAddress {
                out.update(from: base + run, count: i - run)
                out += i - run
            }
            if i >= hi { return out }
            let e = entity(b[i])
            out.update(from: e.utf8Start, count: e.utf8CodeUnitCount)
            out += e.utf8CodeUnitCount
            run = i + 1
        }
    }

    /// The offset of the first byte in `b[i..<hi]` that needs escaping, or `hi`. Eight bytes are tested at
    /// once: a byte equal to one of the five is a zero byte of the word xor'ed with that byte repeated, and
    /// the lowest zero byte a word holds is found exactly (`zeroBytes`).
    @inline(__always)
    static func firstSpecial(_ b: UnsafeBufferPointer<UInt8>, from i: Int, to hi: Int) -> Int {
        var i = i
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= hi {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let hits =
                    zeroBytes(w ^ 0x2626_2626_2626_2626) | zeroBytes(w ^ 0x3C3C_3C3C_3C3C_3C3C)
                    | zeroBytes(w ^ 0x3E3E_3E3E_3E3E_3E3E) | zeroBytes(w ^ 0x2222_2222_2222_2222)
                    | zeroBytes(w ^ 0x2727_2727_2727_2727)
                if hits != 0 { return i + hits.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < hi, !isSpecial(b[i]) { i += 1 }
        return i
    }

    /// The high bit of each byte of `v` that is zero, and maybe of bytes above one (a borrow): the lowest
    /// bit set is always a zero byte's.
    @inline(__always)
    static func zeroBytes(_ v: UInt64) -> UInt64 {
        (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
    }

    /// Whether a byte is one of `&`, `<`, `>`, `"` and `'` (all below 64: one bit each of a word).
    @inline(__always)
    static func isSpecial(_ c: UInt8) -> Bool {
        c < 64 && (specialBits >> UInt64(c)) & 1 == 1
    }

    @inline(__always)
    static var specialBits: UInt64 {
        1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27
    }

    /// The entity of one of the five bytes (static text: no array to retain, nor a global to check for its
    /// initialisation, at every quote of a JSON file's listing).
    @inline(__always)
    static func entity(_ c: UInt8) -> StaticString {
        switch c {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        default: return "&#39;"
        }
    }
}
