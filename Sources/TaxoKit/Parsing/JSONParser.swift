/// A strict RFC 8259 JSON parser over UTF-8 bytes that keeps the offset of every value.
/// Trailing commas, comments, single quotes, invalid escapes and missing commas are errors
/// that carry the offset where parsing failed.
public struct JSONSyntaxError: Error, Sendable {
    public var message: String
    public var offset: Int
    public var hint: String?
}

/// A strict JSON parser (RFC 8259) that keeps the byte offset of every value and key.
public enum JSONParser {
    /// The document's tree, or the first syntax error with its offset.
    public static func parse(_ bytes: [UInt8]) -> Result<Node, JSONSyntaxError> {
        parse(bytes, duplicates: nil)
    }

    /// The same, reporting member names given twice in one object (first and second offsets).
    public static func parse(
        _ bytes: [UInt8], duplicates: UnsafeMutablePointer<[(key: String, first: Int, second: Int)]>?
    ) -> Result<Node, JSONSyntaxError> {
        bytes.withUnsafeBufferPointer { buf in
            var p = Impl(b: buf)
            defer { duplicates?.pointee = p.duplicates }
            do {
                p.skipWS()
                let v = try p.value(depth: 0)
                p.skipWS()
                if p.i < buf.count {
                    throw p.err(
                        "unexpected content after the JSON value",
                        hint: "a file holds one JSON value; wrap several records in an array")
                }
                return .success(v)
            } catch let e as JSONSyntaxError {
                return .failure(e)
            } catch {
                return .failure(JSONSyntaxError(message: "\(error)", offset: p.i))
            }
        }
    }

    private struct Impl {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0
        var duplicates: [(key: String, first: Int, second: Int)] = []
        init(b: UnsafeBufferPointer<UInt8>) { self.b = b }

        func err(_ m: String, at o: Int? = nil, hint: String? = nil) -> JSONSyntaxError {
            JSONSyntaxError(message: m, offset: o ?? i, hint: hint)
        }

        @inline(__always) mutating func skipWS() {
            while i < b.count {
                let c = b[i]
                if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { break }
            }
        }

        func describe(_ c: UInt8) -> String {
            if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
            return "byte 0x" + String(c, radix: 16, uppercase: true)
        }

        mutating func value(depth: Int) throws -> Node {
            guard i < b.count else { throw err("unexpected end of file: expected a value") }
            if depth > 400 { throw err("nesting is deeper than 400 levels") }
            let start = i
            switch b[i] {
            case UInt8(ascii: "{"): return Node(try object(depth: depth), at: start)
            case UInt8(ascii: "["): return Node(try array(depth: depth), at: start)
            case UInt8(ascii: "\""): return Node(.string(try string()), at: start)
            case UInt8(ascii: "t"): try literal("true"); return Node(.bool(true), at: start)
            case UInt8(ascii: "f"): try literal("false"); return Node(.bool(false), at: start)
            case UInt8(ascii: "n"): try literal("null"); return Node(.null, at: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return Node(.number(try number()), at: start)
            case UInt8(ascii: "/"): throw err("comments are not allowed in JSON", hint: "remove the comment")
            case UInt8(ascii: "'"):
                throw err("strings must use double quotes", hint: "replace the single quotes with double quotes")
            case UInt8(ascii: "]"), UInt8(ascii: "}"): throw err("expected a value before \(describe(b[i]))")
            default: throw err("unexpected \(describe(b[i])): expected a value")
            }
        }

        mutating func literal(_ word: StaticString) throws {
            let n = word.utf8CodeUnitCount
            let p = word.utf8Start
            guard i + n <= b.count else { throw err("invalid literal: expected '\(word)'") }
            for k in 0..<n where b[i + k] != p[k] { throw err("invalid literal: expected '\(word)'") }
            i += n
        }

        mutating func number() throws -> String {
            let start = i
            if b[i] == UInt8(ascii: "-") { i += 1 }
            guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { throw err("invalid number: expected a digit") }
            if b[i] == 0x30 {
                i += 1
                if i < b.count, b[i] >= 0x30, b[i] <= 0x39 { throw err("numbers must not have leading zeros") }
            } else {
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else {
                    throw err("invalid number: expected a digit after '.'")
                }
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            }
            if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
                i += 1
                if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
                guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else {
                    throw err("invalid number: expected a digit in the exponent")
                }
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= b.count else { throw err("invalid \\u escape: expected 4 hex digits") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = b[i]
                var d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw err("invalid \\u escape: expected 4 hex digits")
                }
                v = v << 4 | d
                i += 1
            }
            return v
        }

        mutating func string() throws -> String {
            let open = i
            i += 1
            let start = i
            // Fast path: no escapes.
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                    i += 1
                    return s
                }
                if c == UInt8(ascii: "\\") { break }
                if c < 0x20 {
                    if c == 0x0A {
                        throw err("unterminated string (a newline inside a string must be written \\n)", at: i)
                    }
                    throw err("control character \(describe(c)) inside a string must be escaped")
                }
                i += 1
            }
            guard i < b.count else { throw err("unterminated string", at: open) }
            var out = Array(UnsafeBufferPointer(rebasing: b[start..<i]))
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if c == UInt8(ascii: "\\") {
                    let escStart = i
                    i += 1
                    guard i < b.count else { break }
                    let e = b[i]
                    i += 1
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if code >= 0xD800 && code < 0xDC00 {
                            if i + 6 <= b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                                i += 2
                                let low = try hex4()
                                if low >= 0xDC00 && low < 0xE000 {
                                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                                } else {
                                    code = 0xFFFD
                                }
                            } else {
                                code = 0xFFFD
                            }
                        } else if code >= 0xDC00 && code < 0xE000 {
                            code = 0xFFFD
                        }
                        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    default:
                        throw err(
                            "invalid escape '\\\(Character(Unicode.Scalar(e)))' in string", at: escStart,
                            hint: "write a backslash as '\\\\' (for example in Windows paths)")
                    }
                    continue
                }
                if c < 0x20 {
                    if c == 0x0A {
                        throw err("unterminated string (a newline inside a string must be written \\n)", at: i)
                    }
                    throw err("control character \(describe(c)) inside a string must be escaped")
                }
                out.append(c)
                i += 1
            }
            throw err("unterminated string", at: open)
        }

        mutating func array(depth: Int) throws -> Value {
            i += 1
            var items: [Node] = []
            skipWS()
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                skipWS()
                items.append(try value(depth: depth + 1))
                skipWS()
                guard i < b.count else {
                    throw err("unexpected end of file: expected ',' or ']' to continue the array")
                }
                let c = b[i]
                if c == UInt8(ascii: ",") {
                    let comma = i
                    i += 1
                    skipWS()
                    if i < b.count, b[i] == UInt8(ascii: "]") {
                        throw err(
                            "trailing comma before ']'", at: comma, hint: "remove the comma after the last element")
                    }
                    continue
                }
                if c == UInt8(ascii: "]") { i += 1; return .array(items) }
                if c == UInt8(ascii: "/") { throw err("comments are not allowed in JSON", hint: "remove the comment") }
                throw err("missing ',' between array elements", hint: "insert a comma before \(describe(c))")
            }
        }

        mutating func object(depth: Int) throws -> Value {
            i += 1
            var members: [Member] = []
            var seen: Set<String>?
            skipWS()
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            while true {
                skipWS()
                guard i < b.count else { throw err("unexpected end of file: expected a member name") }
                let c = b[i]
                if c != UInt8(ascii: "\"") {
                    if c == UInt8(ascii: "/") {
                        throw err("comments are not allowed in JSON", hint: "remove the comment")
                    }
                    if c == UInt8(ascii: "'") { throw err("member names must use double quotes") }
                    if c == UInt8(ascii: "}") { throw err("expected a member name before '}'") }
                    throw err("expected a member name in double quotes, found \(describe(c))")
                }
                let keyOffset = i
                let key = try string()
                skipWS()
                guard i < b.count else { throw err("unexpected end of file: expected ':' after member name") }
                guard b[i] == UInt8(ascii: ":") else {
                    throw err(
                        "expected ':' after member name \"\(key)\", found \(describe(b[i]))",
                        hint: b[i] == UInt8(ascii: "\"") ? "a comma or colon is missing between two strings" : nil)
                }
                i += 1
                skipWS()
                let v = try value(depth: depth + 1)
                // A name given twice: the second silently wins in most readers. Small objects compare directly.
                if members.count < 16 {
                    if let first = members.first(where: { $0.key == key }) {
                        duplicates.append((key, first.keyOffset, keyOffset))
                    }
                } else {
                    if seen == nil { seen = Set(members.map(\.key)) }
                    if !seen!.insert(key).inserted, let first = members.first(where: { $0.key == key }) {
                        duplicates.append((key, first.keyOffset, keyOffset))
                    }
                }
                members.append(Member(key: key, keyOffset: keyOffset, node: v))
                skipWS()
                guard i < b.count else {
                    throw err("unexpected end of file: expected ',' or '}' to continue the object")
                }
                let d = b[i]
                if d == UInt8(ascii: ",") {
                    let comma = i
                    i += 1
                    skipWS()
                    if i < b.count, b[i] == UInt8(ascii: "}") {
                        throw err(
                            "trailing comma before '}'", at: comma, hint: "remove the comma after the last member")
                    }
                    continue
                }
                if d == UInt8(ascii: "}") { i += 1; return .object(members) }
                if d == UInt8(ascii: "/") { throw err("comments are not allowed in JSON", hint: "remove the comment") }
                throw err("missing ',' between object members", hint: "insert a comma before \(describe(d))")
            }
        }
    }
}
