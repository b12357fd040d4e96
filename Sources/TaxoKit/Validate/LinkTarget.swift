/// Where a Markdown link destination points.
enum LinkTarget {
    case external
    case absolute
    /// Above the library root: not checked.
    case outside
    case sameFile(anchor: String)
    case path(String, anchor: String)

    static func resolve(_ raw: String, from dir: String, aliases: [String]) -> LinkTarget {
        var d = raw.trimmingSpaces()
        if d.hasPrefix("<"), d.hasSuffix(">") { d = String(d.dropFirst().dropLast()) }
        // A scheme (letters then ':') means a web or mail link, a file: URL or a drive letter.
        let u = Array(d.utf8.prefix(12))
        if let colon = u.firstIndex(of: 58), colon > 0,
            u[..<colon].allSatisfy({ ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 || $0 == 43 || $0 == 45 || $0 == 46 })
        {
            if colon == 1 { return .absolute }
            return String(decoding: u[..<colon], as: UTF8.self).lowercased() == "file" ? .absolute : .external
        }
        if d.hasPrefix("\\\\") || d.hasPrefix("/Users/") || d.hasPrefix("/home/") || d.hasPrefix("~/") {
            return .absolute
        }
        var anchor = ""
        if let h = d.firstIndex(of: "#") { anchor = String(d[d.index(after: h)...]); d = String(d[..<h]) }
        if let q = d.firstIndex(of: "?") { d = String(d[..<q]) }
        d = d.removingPercentEncodingSafe()
        if d.isEmpty { return .sameFile(anchor: anchor.lowercased()) }
        var base = dir
        if d.hasPrefix("/") { base = ""; d.removeFirst() }
        for a in aliases where d.hasPrefix(a) { base = ""; d = String(d.dropFirst(a.count)) }
        var parts = base.split(separator: "/").map(String.init)
        for seg in d.split(separator: "/", omittingEmptySubsequences: true) {
            if seg == "." { continue }
            if seg == ".." {
                if parts.isEmpty { return .outside }
                parts.removeLast()
            } else {
                parts.append(String(seg))
            }
        }
        return .path(parts.joined(separator: "/"), anchor: anchor.lowercased())
    }

    /// `target` relative to the folder `dir` (both root-relative).
    static func relative(_ target: String, from dir: String) -> String {
        let t = target.split(separator: "/").map(String.init), f = dir.split(separator: "/").map(String.init)
        var i = 0
        while i < t.count - 1, i < f.count, t[i] == f[i] { i += 1 }
        return (Array(repeating: "..", count: f.count - i) + t[i...]).joined(separator: "/")
    }
}

extension String {
    func removingPercentEncodingSafe() -> String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var it = Array(utf8)[...]
        while let c = it.first {
            if c == 37, it.count >= 3,
                let v = UInt8(String(decoding: it.dropFirst().prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(v)
                it = it.dropFirst(3)
            } else {
                bytes.append(c)
                it = it.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
