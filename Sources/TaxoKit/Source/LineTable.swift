#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Converts byte offsets of one file's text into 1-based line and column numbers.
/// Columns count Unicode scalars, as editors do; a carriage return before a newline is ignored.
public struct LineTable: Sendable {
    public let lineStarts: [Int]
    private let bytes: [UInt8]
    /// For lines longer than `stride` bytes (minified JSON, a Markdown line of 40,000 IDs): the column at
    /// every `stride`-th byte, so that a position costs at most `stride` bytes of counting, never the
    /// whole line (which made one-line files quadratic).
    private let checkpoints: IntTable<[Int]>
    static let stride = 512

    /// The line starts of a text.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buf in
            // memchr skips to each newline with vector instructions.
            guard let base = buf.baseAddress else { return }
            var i = 0
            while i < buf.count, let p = memchr(base + i, 10, buf.count - i) {
                i = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self) - base + 1
                starts.append(i)
            }
        }
        lineStarts = starts
        var marks: [(key: Int, value: [Int])] = []
        for li in starts.indices {
            let a = starts[li], z = li + 1 < starts.count ? starts[li + 1] : bytes.count
            guard z - a > LineTable.stride else { continue }
            var cols: [Int] = [1]
            var col = 1
            var i = a
            while i + LineTable.stride <= z {
                for k in i..<(i + LineTable.stride) where bytes[k] & 0xC0 != 0x80 { col += 1 }
                i += LineTable.stride
                cols.append(col)
            }
            marks.append((li, cols))
        }
        checkpoints = IntTable(marks)
    }

    public var lineCount: Int { lineStarts.count }

    /// The 0-based line index holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The 1-based line and column of a byte offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        let li = lineIndex(of: clamped)
        var col = 1
        var i = lineStarts[li]
        if let marks = checkpoints[li] {
            let k = min((clamped - i) / LineTable.stride, marks.count - 1)
            col = marks[k]
            i += k * LineTable.stride
        }
        bytes.withUnsafeBufferPointer { b in
            while i < clamped {
                if b[i] & 0xC0 != 0x80 { col += 1 }
                i += 1
            }
        }
        return (li + 1, col)
    }

    /// Byte offset of a 1-based line and 1-based column counted in Unicode scalars.
    public func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        var i = lineStarts[line - 1]
        var col = 1
        while col < column, i < bytes.count, bytes[i] != 10 {
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            col += 1
        }
        return i
    }

    /// The bytes of a 1-based line, without its line ending (LF, or CR LF).
    public func range(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 13 { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of a 1-based line without its line ending.
    public func lineText(_ line: Int) -> Substring {
        guard line >= 1, line <= lineStarts.count else { return "" }
        return Substring(String(decoding: bytes[range(ofLine: line)], as: UTF8.self))
    }
}
