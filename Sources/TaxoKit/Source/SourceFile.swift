import Foundation

/// One file of the library, read once: its relative path, its bytes with a UTF-8 byte-order mark
/// removed, and a line table for positions.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    public let hadBOM: Bool
    public let lines: LineTable

    /// A file as read: a byte-order mark dropped, UTF-16/32 decoded, invalid UTF-8 repaired (and noted).
    public init(path: String, rawBytes: [UInt8]) {
        self.path = path
        if rawBytes.count >= 3, rawBytes[0] == 0xEF, rawBytes[1] == 0xBB, rawBytes[2] == 0xBF {
            bytes = TextEncoding.normalizingLoneCR(Array(rawBytes[3...]))
            hadBOM = true
        } else {
            bytes = TextEncoding.normalizingLoneCR(rawBytes)
            hadBOM = false
        }
        lines = LineTable(bytes)
    }

    /// A file from text.
    public init(path: String, text: String) {
        self.init(path: path, rawBytes: Array(text.utf8))
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

    /// The whole text; invalid UTF-8 sequences become U+FFFD (they are reported separately).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The offset of the first byte that is not valid UTF-8, or nil when the file is valid.
    public func firstInvalidUTF8Offset() -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) }
    }
}
