/// Windows-1252, as the WHATWG Encoding Standard defines it (every byte decodes: the five bytes the code
/// page leaves undefined map to the C1 controls of the same value). Files saved by old Windows editors
/// and by Excel's "CSV" in Western locales are in it; ISO-8859-1 (Latin-1) text decodes the same way.
enum Windows1252 {
    /// The code points of 0x80-0x9F; the other bytes are their own code point.
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
        0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        let v = byte >= 0x80 && byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
        return Unicode.Scalar(v) ?? "\u{FFFD}"
    }

    /// The byte of a character, or nil when Windows-1252 has none for it.
    static func byte(_ s: Unicode.Scalar) -> UInt8? {
        let v = s.value
        if v < 0x80 || (v >= 0xA0 && v <= 0xFF) { return UInt8(v) }
        return high.firstIndex(of: v).map { UInt8(0x80 + $0) }
    }

    /// Valid UTF-8 with every byte that is not part of a valid UTF-8 sequence read as Windows-1252 (a file
    /// in Windows-1252 throughout, or UTF-8 with some Windows-1252 pasted in). `first` is the offset in the
    /// result of the first byte so read, `count` how many were; nil when the bytes are valid UTF-8 already.
    static func repairing(_ b: [UInt8]) -> (bytes: [UInt8], first: Int, count: Int)? {
        guard var i = b.withUnsafeBufferPointer({ UTF8Validation.firstInvalidOffset($0) }) else { return nil }
        var out = Array(b[0..<i])
        out.reserveCapacity(b.count + b.count / 8)
        let first = i
        var count = 0
        while i < b.count {
            let n = b.withUnsafeBufferPointer { p in
                UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: p[i...]))
            }
            let valid = n ?? (b.count - i)
            out.append(contentsOf: b[i..<(i + valid)])
            i += valid
            guard i < b.count else { break }
            out.append(contentsOf: String(Character(scalar(b[i]))).utf8)
            count += 1
            i += 1
        }
        return (out, first, count)
    }
}
