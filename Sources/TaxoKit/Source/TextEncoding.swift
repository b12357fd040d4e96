#if canImport(Glibc)
    import Glibc
#endif

/// Text that is not plain UTF-8 but is still text: UTF-16 and UTF-32 with a byte-order mark (as some
/// Windows editors save), decoded to UTF-8; and old Mac line ends (CR alone), read as newlines.
enum TextEncoding {
    /// The UTF-8 of a UTF-16 or UTF-32 file with a byte-order mark, or nil for any other bytes.
    static func decodeUnicodeBOM(_ b: [UInt8]) -> [UInt8]? {
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { return utf32(b, littleEndian: true) }
        if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return utf32(b, littleEndian: false) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return utf16(b, littleEndian: true) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return utf16(b, littleEndian: false) }
        return nil
    }

    static func utf16(_ b: [UInt8], littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(b.count / 2)
        var i = 2
        while i + 1 < b.count {
            units.append(littleEndian ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : UInt16(b[i]) << 8 | UInt16(b[i + 1]))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    static func utf32(_ b: [UInt8], littleEndian: Bool) -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        var i = 4
        while i + 3 < b.count {
            let v =
                littleEndian
                ? UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
                : UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
            scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            i += 4
        }
        return Array(String(scalars).utf8)
    }

    /// Line ends as newlines: a carriage return alone (old Mac line ends, or some lines of a file that mixes
    /// them with others) becomes a newline, same offsets; CRLF stays. CommonMark and editors end a line
    /// there, and every reader of the bytes (cmark, the line table, YAML, CSV) then counts the same lines:
    /// cmark's line numbers past the line table's last line trapped the Markdown extraction.
    static func normalizingLoneCR(_ b: [UInt8]) -> [UInt8] {
        let hasCR = b.withUnsafeBufferPointer { buf in buf.baseAddress.map { memchr($0, 13, buf.count) != nil } ?? false
        }
        guard hasCR else { return b }
        var out: [UInt8]?
        for i in b.indices where b[i] == 13 && (i + 1 == b.count || b[i + 1] != 10) {
            if out == nil { out = b }
            out![i] = 10
        }
        return out ?? b
    }
}
