/// Inline code spans of a Markdown line, as CommonMark reads them: a run of backticks opens a span that the
/// next run of as many backticks closes (a run of another length is part of the span); one space is taken
/// off each end when both ends have one and the span is not all spaces.
enum CodeSpans {
    /// The byte ranges of the spans' contents within `range` (one line of `bytes`).
    static func spans(in bytes: [UInt8], line range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            guard bytes[i] == UInt8(ascii: "`") else {
                // A backslash escapes a backtick outside a span.
                i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                continue
            }
            let open = run(bytes, from: i, end: end)
            var j = i + open
            var close: Int?
            while j < end {
                if bytes[j] == UInt8(ascii: "`") {
                    let n = run(bytes, from: j, end: end)
                    if n == open { close = j; break }
                    j += n
                } else {
                    j += 1
                }
            }
            guard let close else {
                // No closing run: the backticks are text.
                i += open
                continue
            }
            var a = i + open, z = close
            if z - a >= 2, bytes[a] == 32, bytes[z - 1] == 32, bytes[a..<z].contains(where: { $0 != 32 }) {
                a += 1
                z -= 1
            }
            out.append(a..<z)
            i = close + open
        }
        return out
    }

    /// The length of the run of backticks at `i`.
    static func run(_ bytes: [UInt8], from i: Int, end: Int) -> Int {
        var j = i
        while j < end, bytes[j] == UInt8(ascii: "`") { j += 1 }
        return j - i
    }
}
