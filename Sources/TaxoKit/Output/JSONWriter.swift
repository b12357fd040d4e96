/// A tiny deterministic JSON writer: keys in the order given, strings escaped per RFC 8259.
public struct JSONWriter {
    public private(set) var out = ""
    private var needComma: [Bool] = [false]
    private let indentUnit: String
    private var pretty: Bool { !indentUnit.isEmpty }

    /// A writer; `pretty` indents with two spaces.
    public init(pretty: Bool = true) { indentUnit = pretty ? "  " : "" }

    /// A JSON string literal (quotes included).
    public static func escape(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 34 || $0 == 92 }) { return "\"" + s + "\"" }
        var r = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case "\n": r += "\\n"
            case "\r": r += "\\r"
            case "\t": r += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    r += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    r.unicodeScalars.append(u)
                }
            }
        }
        return r + "\""
    }

    private mutating func prefix(key: String?) {
        if needComma[needComma.count - 1] { out += "," }
        needComma[needComma.count - 1] = true
        if pretty, needComma.count > 1 { out += "\n" + String(repeating: indentUnit, count: needComma.count - 1) }
        if let key { out += JSONWriter.escape(key) + (pretty ? ": " : ":") }
    }

    /// Opens an object (as the value of `key` inside an object).
    public mutating func beginObject(_ key: String? = nil) { prefix(key: key); out += "{"; needComma.append(false) }
    /// Opens an array (as the value of `key` inside an object).
    public mutating func beginArray(_ key: String? = nil) { prefix(key: key); out += "["; needComma.append(false) }

    /// Closes the object opened last.
    public mutating func endObject() { close("}") }
    /// Closes the array opened last.
    public mutating func endArray() { close("]") }

    private mutating func close(_ c: String) {
        let had = needComma.removeLast()
        if pretty, had { out += "\n" + String(repeating: indentUnit, count: needComma.count - 1) }
        out += c
    }

    /// A string (null when nil).
    public mutating func string(_ key: String?, _ v: String?) {
        prefix(key: key)
        out += v.map(JSONWriter.escape) ?? "null"
    }

    /// A number (null when nil).
    public mutating func int(_ key: String?, _ v: Int?) {
        prefix(key: key)
        out += v.map(String.init) ?? "null"
    }

    /// A boolean.
    public mutating func bool(_ key: String?, _ v: Bool) {
        prefix(key: key)
        out += v ? "true" : "false"
    }

    /// JSON text written as it is.
    public mutating func raw(_ key: String?, _ json: String) {
        prefix(key: key)
        out += json
    }

    /// A diagnostic's notes as an array of {message, file, line, column}.
    public mutating func notes(_ key: String?, _ notes: [Diagnostic.Note]) {
        beginArray(key)
        for n in notes {
            beginObject()
            string("message", n.message)
            string("file", n.location?.file)
            int("line", n.location?.line)
            int("column", n.location?.column)
            endObject()
        }
        endArray()
    }
}
