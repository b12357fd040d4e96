/// What a kind's records must hold and what they do hold: the declared `fields:` beside the counts of the
/// library's records (`taxo schema KIND`, the MCP `get_schema` tool). An assistant writing a new entry reads
/// it to know which fields to fill and with what.
public struct SchemaCard {
    public let kind: Kind
    public let inferred: InferredSchema?

    public init(kind: Kind, inferred: InferredSchema?) {
        self.kind = kind
        self.inferred = inferred
    }

    /// One line per declared rule, then the fields the records hold that the schema does not list.
    public func text() -> String {
        var out = "\(kind.name) (\(kind.grammarDescription))"
        if let i = inferred {
            out += ": \(i.records) record\(i.records == 1 ? "" : "s") in \(i.files) file\(i.files == 1 ? "" : "s")"
        }
        out += "\n"
        out +=
            "  ID field: \(kind.idFields.joined(separator: " or ")); name field: \(kind.nameFields.joined(separator: " or "))\n"
        for l in kind.links {
            out += "  link \(l.path.text) -> \(l.target)\(l.many ? " (many)" : "")\n"
        }
        guard let schema = kind.schema else {
            out += "  no fields: declared (taxo schema --infer \(kind.name) proposes them)\n"
            return out + undeclaredLine
        }
        for r in schema.fields {
            out += "  \(r.name): \(Self.describe(r))"
            if let f = field(r) { out += "  [filled in \(f.filled) of \(inferred!.records)]" }
            out += "\n"
        }
        if schema.closed { out += "  other fields are reported (additional_fields: report)\n" }
        return out + undeclaredLine
    }

    /// The same as JSON: the declared rules (with counts) and the undeclared fields with theirs.
    public func json() -> String {
        var w = JSONWriter()
        w.beginObject()
        w.string("kind", kind.name)
        w.string("id_grammar", kind.grammarDescription)
        w.beginArray("id_fields"); for f in kind.idFields { w.string(nil, f) }; w.endArray()
        w.beginArray("name_fields"); for f in kind.nameFields { w.string(nil, f) }; w.endArray()
        w.beginArray("links")
        for l in kind.links {
            w.beginObject(); w.string("field", l.path.text); w.string("target", l.target); w.bool("many", l.many);
            w.endObject()
        }
        w.endArray()
        w.int("records", inferred?.records ?? 0)
        w.bool("declared", kind.schema != nil)
        w.bool("additional_fields_reported", kind.schema?.closed ?? false)
        w.beginArray("fields")
        for r in kind.schema?.fields ?? [] {
            w.beginObject()
            w.string("field", r.name)
            w.bool("required", r.required)
            w.string("type", r.type?.rawValue)
            if let it = r.items { w.string("items", it.rawValue) }
            if !r.values.isEmpty { w.beginArray("values"); for v in r.values { w.string(nil, v) }; w.endArray() }
            if let p = r.pattern { w.string("pattern", p.text) }
            if let d = r.deprecated { w.string("deprecated", d) }
            if let f = field(r) { w.int("filled", f.filled) }
            w.endObject()
        }
        w.endArray()
        w.beginArray("undeclared")
        for f in undeclared {
            w.beginObject()
            w.string("field", f.key)
            w.int("filled", f.filled)
            w.string("type", f.type?.rawValue)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.out + "\n"
    }

    func field(_ r: FieldRule) -> InferredField? {
        guard r.path.steps.count == 1, let k = r.path.firstKey else { return nil }
        return inferred?.fields.first { FieldKey.normalize($0.key) == k }
    }

    /// The fields the records hold that the schema does not list, most often present first.
    var undeclared: [InferredField] {
        let known = kind.schema?.topLevelKeys ?? []
        return (inferred?.fields ?? []).filter { !known.contains(FieldKey.normalize($0.key)) }
    }

    var undeclaredLine: String {
        let rest = undeclared
        guard !rest.isEmpty else { return "" }
        let shown = rest.prefix(20).map { "\($0.key) (\($0.filled))" }.joined(separator: ", ")
        return "  records also hold: \(shown)\(rest.count > 20 ? ", and \(rest.count - 20) more" : "")\n"
    }

    /// A rule in words: `required, a list of strings, one of: a, b`.
    static func describe(_ r: FieldRule) -> String {
        var parts: [String] = []
        if r.required { parts.append("required") }
        if let t = r.type {
            parts.append(t == .list && r.items != nil ? "a list of \(r.items!.rawValue) items" : t.phrase)
        }
        if !r.values.isEmpty { parts.append("one of: " + r.values.joined(separator: ", ")) }
        if let p = r.pattern { parts.append("matching \(p.text)") }
        if let d = r.deprecated { parts.append("deprecated" + (d.isEmpty ? "" : " (\(d))")) }
        return parts.isEmpty ? "any value" : parts.joined(separator: ", ")
    }
}
