import Foundation

/// One file of the library, read once: its relative path, its bytes with a UTF-8 byte-order mark
/// removed, and a line table for positions.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    public let hadBOM: Bool
    public let lines: LineTable
    /// Where the bytes that are not UTF-8 were, read as Windows-1252: the offset (in `bytes`) of the first,
    /// and how many; nil when the file is UTF-8.
    public let windows1252: (first: Int, count: Int)?

    /// A file as read: a byte-order mark dropped, bytes that are not valid UTF-8 read as Windows-1252 (and
    /// noted in `windows1252`), lone carriage returns read as newlines. UTF-16/32 are decoded before.
    public init(path: String, rawBytes: [UInt8]) {
        self.init(path: path, rawBytes: rawBytes, validUTF8: false)
    }

    /// A file from text (a Swift string is valid UTF-8: no pass looks for other bytes).
    public init(path: String, text: String) {
        self.init(path: path, rawBytes: Array(text.utf8), validUTF8: true)
    }

    private init(path: String, rawBytes: [UInt8], validUTF8: Bool) {
        self.path = path
        hadBOM = rawBytes.count >= 3 && rawBytes[0] == 0xEF && rawBytes[1] == 0xBB && rawBytes[2] == 0xBF
        var b = hadBOM ? Array(rawBytes[3...]) : rawBytes
        if !validUTF8, let r = Windows1252.repairing(b) {
            b = r.bytes
            windows1252 = (r.first, r.count)
        } else {
            windows1252 = nil
        }
        bytes = TextEncoding.normalizingLoneCR(b)
        lines = LineTable(bytes)
    }

    /// The place of a byte offset.
    public func location(_ offset: Int) -> SourceLocation {
        let p = lines.position(of: offset)
        return SourceLocation(file: path, line: p.line, column: p.column)
    }

    /// The place of a line and column.
    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// The whole text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
