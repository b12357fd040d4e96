/// A value an assistant passes to a tool (a JSON value, as MCP carries it).
public enum ToolArgument: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([ToolArgument])
    case object([String: ToolArgument])
    case null

    /// What the value is, for error messages.
    var typeName: String {
        switch self {
        case .string: return "a string"
        case .int, .double: return "a number"
        case .bool: return "a boolean"
        case .array: return "an array"
        case .object: return "an object"
        case .null: return "null"
        }
    }
}

/// A tool call's arguments, checked against what the tool takes: unknown names, missing required ones and
/// values of the wrong type are errors that name the argument and what was expected.
struct ToolArguments {
    let tool: AssistantTool
    let values: [String: ToolArgument]

    init(tool: AssistantTool, values: [String: ToolArgument]) throws {
        self.tool = tool
        self.values = values.filter { $0.value != .null }
        let known = Set(tool.parameters.map(\.name))
        for name in values.keys.sorted() where !known.contains(name) {
            throw TaxoError.badArgument(
                "\(tool.name) takes no argument '\(name)'; it takes "
                    + tool.parameters.map(\.name).joined(separator: ", ")
                    + (NearMiss.hint(for: name, in: Array(known)).map { " (\($0))" } ?? ""))
        }
        for p in tool.parameters where p.required && self.values[p.name] == nil {
            throw TaxoError.badArgument("\(tool.name) needs the argument '\(p.name)': \(p.description)")
        }
    }

    /// A string argument (trimmed; an empty one counts as missing when it is required).
    func string(_ name: String) throws -> String? {
        guard let v = values[name] else { return nil }
        guard case .string(let s) = v else {
            throw TaxoError.badArgument("'\(name)' must be a string, not \(v.typeName)")
        }
        let t = s.trimmingSpaces()
        if t.isEmpty, tool.parameters.contains(where: { $0.name == name && $0.required }) {
            throw TaxoError.badArgument("'\(name)' must not be empty")
        }
        return t.isEmpty ? nil : t
    }

    /// A required string argument (`init` checked that it is there).
    func required(_ name: String) throws -> String {
        guard let s = try string(name) else { throw TaxoError.badArgument("'\(name)' must not be empty") }
        return s
    }

    /// Text passed as it is (not trimmed): a draft entry, a piece of a document.
    func text(_ name: String) throws -> String? {
        guard let v = values[name] else { return nil }
        guard case .string(let s) = v else {
            throw TaxoError.badArgument("'\(name)' must be a string, not \(v.typeName)")
        }
        return s
    }

    /// `limit` and `cursor` as a page of results: `limit` from 1 to `maximum`, `cursor` a `next_cursor` a
    /// previous result gave.
    func page(default fallback: Int, maximum: Int) throws -> Range<Int> {
        var limit = fallback
        if let v = values["limit"] {
            switch v {
            case .int(let n): limit = n
            case .double(let d) where d == d.rounded(): limit = Int(d)
            default: throw TaxoError.badArgument("'limit' must be a whole number, not \(v.typeName)")
            }
            guard (1...maximum).contains(limit) else {
                throw TaxoError.badArgument("'limit' must be between 1 and \(maximum), not \(limit)")
            }
        }
        var start = 0
        if let c = try string("cursor") {
            guard let n = Int(c), n >= 0 else {
                throw TaxoError.badArgument("'cursor' must be a next_cursor of a previous result, not '\(c)'")
            }
            start = n
        }
        return start..<(start + limit)
    }

    /// An object argument as (field, JSON text) pairs in key order: string values as they are, others as JSON.
    func fields(_ name: String) throws -> [(String, String)] {
        guard let v = values[name] else { return [] }
        guard case .object(let o) = v else {
            throw TaxoError.badArgument("'\(name)' must be an object of field names and values, not \(v.typeName)")
        }
        return o.keys.sorted().map { k in
            if case .string(let s) = o[k]! { return (k, JSONWriter.escape(s)) }
            return (k, o[k]!.json)
        }
    }
}

extension ToolArgument {
    /// The value as JSON text.
    var json: String {
        switch self {
        case .string(let s): return JSONWriter.escape(s)
        case .int(let n): return String(n)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let a): return "[" + a.map(\.json).joined(separator: ",") + "]"
        case .object(let o):
            return "{" + o.keys.sorted().map { JSONWriter.escape($0) + ":" + o[$0]!.json }.joined(separator: ",") + "}"
        }
    }
}
