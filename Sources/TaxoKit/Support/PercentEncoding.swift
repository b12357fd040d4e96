/// RFC 3986 percent-encoding of a path, for links in Markdown reports, site pages and SARIF: ASCII
/// letters, digits, `-._~` and `/` stay; every other byte is `%XX` (a space, parentheses, `|`, `#`, and
/// non-ASCII bytes). Most paths need none and are returned as they are.
enum PercentEncoding {
    static func isPlain(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default: return false
        }
    }

    /// `isPlain` of every byte value, looked up (every link of every page is checked).
    private static let plain: [Bool] = (0...255).map { isPlain(UInt8($0)) }

    static func path(_ path: String) -> String {
        var path = path
        let allPlain = path.withUTF8 { b in
            plain.withUnsafeBufferPointer { t in
                for c in b where !t[Int(c)] { return false }
                return true
            }
        }
        if allPlain { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count * 3)
        for b in path.utf8 {
            if isPlain(b) {
                out.append(b)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
