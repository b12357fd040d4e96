extension String {
    /// The first `n` characters of the text: its first `n` bytes when they and the byte after them are
    /// ASCII with no CR LF among them (each such byte one character; counting the characters of a long line
    /// took more than the rest of a gap occurrence or a mention).
    func firstCharacters(_ n: Int) -> String {
        var bytes = self
        let fast = bytes.withUTF8 { b -> String? in
            guard b.count > n else { return self }
            var prev: UInt8 = 0
            for c in b[0...n] {
                if c >= 0x80 || (prev == 13 && c == 10) { return nil }
                prev = c
            }
            return String(decoding: UnsafeBufferPointer(rebasing: b[0..<n]), as: UTF8.self)
        }
        return fast ?? String(prefix(n))
    }
}
