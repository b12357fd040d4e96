/// How a file's bytes hold its text, so that a file taxo edits (`taxo new`'s master-list row and parent
/// list) is written back as it was: a Windows-1252 CSV from Excel stays Windows-1252, a UTF-16 one UTF-16.
public enum FileEncoding: Sendable, Equatable {
    case utf8, utf8BOM, utf16LE, utf16BE, utf32LE, utf32BE, windows1252

    /// The text of a file's bytes (UTF-8, without a byte-order mark) and how they are to be written back.
    /// Bytes that are not valid UTF-8 are read as Windows-1252 (see `Windows1252.repairing`).
    public static func decode(_ raw: [UInt8]) -> (text: [UInt8], encoding: FileEncoding) {
        if let t = TextEncoding.decodeUnicodeBOM(raw) {
            // The order of `decodeUnicodeBOM`'s checks: FF FE 00 00 is UTF-32 before it is UTF-16.
            let utf32LE = raw.count >= 4 && raw[0] == 0xFF && raw[2] == 0 && raw[3] == 0
            return (t, raw[0] == 0 ? .utf32BE : raw[0] == 0xFE ? .utf16BE : utf32LE ? .utf32LE : .utf16LE)
        }
        // With a byte-order mark, or with valid UTF-8 beside the bytes that are not (Windows-1252 pasted
        // into UTF-8), the file is UTF-8 and stays so, repaired; only a file whose every byte above ASCII
        // was read as Windows-1252 is written back in it.
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
            let body = Array(raw[3...])
            return (Windows1252.repairing(body)?.bytes ?? body, .utf8BOM)
        }
        if let r = Windows1252.repairing(raw) {
            let high = raw.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
            return (r.bytes, high == r.count ? .windows1252 : .utf8)
        }
        return (raw, .utf8)
    }

    /// The bytes of a text in this encoding (with its byte-order mark); nil when a character has no byte in
    /// Windows-1252.
    public func encode(_ text: String) -> [UInt8]? {
        switch self {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LE, .utf16BE:
            var out: [UInt8] = self == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for u in text.utf16 {
                let (lo, hi) = (UInt8(u & 0xFF), UInt8(u >> 8))
                out += self == .utf16LE ? [lo, hi] : [hi, lo]
            }
            return out
        case .utf32LE, .utf32BE:
            var out: [UInt8] = self == .utf32LE ? [0xFF, 0xFE, 0, 0] : [0, 0, 0xFE, 0xFF]
            for s in text.unicodeScalars {
                let v = s.value
                let be = [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
                out += self == .utf32LE ? be.reversed() : be
            }
            return out
        case .windows1252:
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            for s in text.unicodeScalars {
                guard let b = Windows1252.byte(s) else { return nil }
                out.append(b)
            }
            return out
        }
    }
}
