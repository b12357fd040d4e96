import Mustache

/// A value a template gets as it is, escaped already for where it lands. The encoders find these by type
/// (`EncodedLeaf`): a new conforming type is added there too.
protocol VerbatimText {
    var verbatim: String { get }
}

/// What an encoded value is when it is a leaf: taxo's own markup (its text as it is) or a string (to be
/// escaped), told by comparing types (a cast to `any VerbatimText` searched the runtime's conformance
/// tables for every value a context encoded: report contexts are 13 % faster without it).
enum EncodedLeaf {
    case verbatim(String)
    case string(String)

    @inline(__always)
    init?<T>(_ v: T) {
        if T.self == String.self {
            self = .string(v as! String)
        } else if T.self == Markdown.self {
            self = .verbatim((v as! Markdown).verbatim)
        } else if T.self == HTML.self {
            self = .verbatim((v as! HTML).verbatim)
        } else if T.self == JSONString.self {
            self = .verbatim((v as! JSONString).verbatim)
        } else {
            return nil
        }
    }
}

/// Markdown that taxo writes itself (a link, a diagram): handed to a template as it is, never escaped.
public struct Markdown: Encodable, Hashable, Sendable, VerbatimText {
    public var text: String
    /// Markdown to pass as it is.
    public init(_ text: String) { self.text = text }
    var verbatim: String { text }
    /// Encoded as its text.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// HTML that taxo writes itself (an SVG diagram, a file listing): handed to a site template as it is.
public struct HTML: Encodable, Hashable, Sendable, VerbatimText {
    public var text: String
    /// HTML to pass as it is.
    public init(_ text: String) { self.text = text }
    var verbatim: String { text }
    /// Encoded as its text.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// Text for inside a JSON string of a template (`"name": "{{{name}}}"`): escaped for JSON, not Markdown.
public struct JSONString: Encodable, Hashable, Sendable, VerbatimText {
    public var text: String
    /// Text to escape for a JSON string.
    public init(_ text: String) { self.text = text }
    var verbatim: String { String(JSONWriter.escape(text).dropFirst().dropLast()) }
    /// Encoded as its text.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

/// A report context as the templates see it: the tree an `Encodable` context encodes to. Text is escaped
/// for Markdown here, once, as the tree is made (`MarkdownText.escape`); `Markdown` values are not.
public enum ReportValue: Sendable, Equatable {
    case text(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([ReportValue])
    case object(ReportObject)

    /// Encodes a context; property names become snake_case keys (`sourceID` -> `source_id`).
    public static func make(_ value: some Encodable) throws -> ReportValue {
        try ReportEncoder.encode(value)
    }

    /// Encodes a site page's context: text escaped for HTML.
    static func html(_ value: some Encodable) throws -> ReportValue {
        try ReportEncoder.encode(value, escaping: .html)
    }

    /// The value as swift-mustache renders it: objects as `MustacheParent`s, arrays as arrays, nil for null.
    var mustache: Any? {
        switch self {
        case .text(let s): return RenderedText(renderText: s)
        case .int(let n): return RenderedText(renderText: String(n))
        case .double(let d): return RenderedText(renderText: String(d))
        case .bool(let b): return b
        case .null: return nil
        case .array(let a): return a.map { $0.mustache ?? "" }
        case .object(let o): return ReportNode(o)
        }
    }

    /// Everything the tree holds, into a hash, members in their order: a tree made twice by the same code
    /// hashes the same (a page's print; two trees with the same members set in another order are equal
    /// but may hash apart, which only makes a page again).
    func add(to h: inout StreamHash) {
        switch self {
        case .text(let s): h.add(1); h.add(s)
        case .int(let n): h.add(2); h.add(n)
        case .double(let d): h.add(3); h.add(Int(d.bitPattern))
        case .bool(let b): h.add(b ? 4 : 5)
        case .null: h.add(6)
        case .array(let a):
            h.add(7); h.add(a.count)
            // Read in place: iterating copied (retained) every element.
            a.withUnsafeBufferPointer { b in for i in b.indices { b[i].add(to: &h) } }
        case .object(let o):
            h.add(8); h.add(o.count)
            o.members.withUnsafeBufferPointer { b in
                for i in b.indices {
                    h.add(b[i].key)
                    b[i].value.add(to: &h)
                }
            }
        }
    }

    /// A member of an object (nil for anything else).
    public subscript(key: String) -> ReportValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The text of a text value, as the template gets it (escaped).
    public var text: String? {
        if case .text(let s) = self { return s }
        return nil
    }

    public var int: Int? {
        if case .int(let n) = self { return n }
        return nil
    }

    public var array: [ReportValue]? {
        if case .array(let a) = self { return a }
        return nil
    }
}

/// Text as swift-mustache renders it, without asking the run time how to describe a value.
struct RenderedText: MustacheCustomRenderable {
    let renderText: String
    var isNull: Bool { false }
}

/// An object of a report context, for swift-mustache.
final class ReportNode: MustacheParent {
    let members: ReportObject
    init(_ members: ReportObject) { self.members = members }
    func child(named name: String) -> Any? { members[name]?.mustache }
}

/// Escaping for text in generated Markdown, wherever it lands: a table cell (a `|` escaped), one line
/// (breaks folded), HTML (`<` and `>` as entities, so `<script>` stays text), and a fenced block (no run
/// of three backticks that would close it).
public enum MarkdownText {
    /// `|`, line breaks, `<`, `>` and backticks.
    static let special = ByteSearch.ByteSet([
        UInt8(ascii: "|"), 10, 13, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`"),
    ])

    /// For a line inside a fenced code block, where Markdown escapes show as they are: one line (breaks
    /// folded), and no run of three backticks that would close the fence.
    public static func fenced(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "`") || $0 == 10 || $0 == 13 }) else { return s }
        var t = s.replacingAll("\r\n", with: " ").replacingAll("\n", with: " ").replacingAll("\r", with: " ")
        while t.contains("```") { t = t.replacingAll("```", with: "`\u{200B}`\u{200B}`") }
        return t
    }

    /// The text of a link (`[text](…)`): escaped, and its brackets too, so that a name with `]` stays one link.
    static func linkText(_ s: String) -> String {
        let t = escape(s)
        guard t.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }) else { return t }
        return t.replacingAll("[", with: "\\[").replacingAll("]", with: "\\]")
    }

    /// The text escaped for Markdown.
    public static func escape(_ s: String) -> String {
        guard ByteSearch.containsAny(s, of: MarkdownText.special) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        var ticks = 0
        for ch in s {
            if ch == "`" {
                ticks += 1
                // A third backtick in a row gets a zero-width space before it.
                if ticks == 3 { out += "\u{200B}"; ticks = 1 }
                out.append(ch)
                continue
            }
            ticks = 0
            switch ch {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }
}
