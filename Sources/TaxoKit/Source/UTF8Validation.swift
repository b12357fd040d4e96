/// A fast UTF-8 validator that reports where the first invalid sequence starts.
enum UTF8Validation {
    static func firstInvalidOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        let raw = UnsafeRawBufferPointer(b)
        while i < n {
            // ASCII runs eight bytes at a time.
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var minCode: UInt32 = 0
            var code: UInt32 = 0
            if c & 0xE0 == 0xC0 {
                need = 1; code = UInt32(c & 0x1F); minCode = 0x80
            } else if c & 0xF0 == 0xE0 {
                need = 2; code = UInt32(c & 0x0F); minCode = 0x800
            } else if c & 0xF8 == 0xF0 {
                need = 3; code = UInt32(c & 0x07); minCode = 0x10000
            } else {
                return i
            }
            for k in 1...need {
                if i + k >= n { return i }
                let cc = b[i + k]
                if cc & 0xC0 != 0x80 { return i }
                code = (code << 6) | UInt32(cc & 0x3F)
            }
            if code < minCode || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }
}
