import Foundation

/// JSON-RPC 2.0 messages framed as the Language Server Protocol sends them over stdio:
/// `Content-Length: N\r\n\r\n` followed by N bytes of JSON.
public struct LSPFraming {
    private var buffer: [UInt8] = []

    /// A reader with nothing buffered.
    public init() {}

    /// Header blocks larger than this, or bodies larger than `maxBody`, are not messages: the buffer is dropped.
    static let maxHeader = 8192
    static let maxBody = 64 << 20

    /// What `next()` found.
    public enum Frame: Equatable {
        /// A whole message body.
        case message([UInt8])
        /// A header block without a usable Content-Length (skipped).
        case badHeader(String)
    }

    /// Adds bytes read from the client.
    public mutating func append(_ bytes: some Sequence<UInt8>) { buffer.append(contentsOf: bytes) }

    /// The next complete frame, or nil when more bytes are needed.
    public mutating func next() -> Frame? {
        let sep: [UInt8] = [13, 10, 13, 10]
        guard let end = LSPFraming.find(sep, in: buffer) else {
            if buffer.count > LSPFraming.maxHeader {
                buffer.removeAll()
                return .badHeader("header too long")
            }
            return nil
        }
        let header = String(decoding: buffer[..<end], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let n = length, n >= 0, n <= LSPFraming.maxBody else {
            buffer.removeSubrange(..<(end + 4))
            return .badHeader("no Content-Length in '\(header.prefix(80))'")
        }
        guard buffer.count >= end + 4 + n else { return nil }
        let body = Array(buffer[(end + 4)..<(end + 4 + n)])
        buffer.removeSubrange(..<(end + 4 + n))
        return .message(body)
    }

    /// A message body framed for sending.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
