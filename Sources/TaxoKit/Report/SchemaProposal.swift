/// A `fields:` block per kind, proposed from what the records hold (`taxo schema --infer`): YAML to review
/// and paste into taxonomy.yaml, each field with a comment saying how many records back it.
public enum SchemaProposal {
    public static func yaml(_ schemas: [InferredSchema]) -> String {
        var out = """
            # Fields proposed by `taxo schema --infer` from the library's records (archived files left out).
            # A field every record fills is proposed as required; a type, or a short list of values, where the
            # records agree. Review, then paste each kind's fields: under that kind in taxonomy.yaml; add
            # `additional_fields: report` to have fields outside the list reported.

            """
        guard !schemas.isEmpty else { return out + "# No records found.\n" }
        out += "kinds:\n"
        for s in schemas {
            out += "  \(key(s.kind)):\n"
            out += "    # \(count(s.records, "record")) in \(count(s.files, "file"))\n"
            out += "    fields:\n"
            var lines: [(String, String)] = []
            for f in s.fields {
                if FieldPath(f.key)?.steps.count != 1 || f.key.contains(".") {
                    out +=
                        "      # '\(f.key)' (\(f.present) of \(s.records)) cannot be listed: dots and brackets write paths\n"
                    continue
                }
                lines.append(("      \(key(f.key)): \(rule(f, records: s.records))", comment(f, records: s.records)))
            }
            let width = min(72, lines.map(\.0.count).max() ?? 0)
            for (text, note) in lines {
                out += text + String(repeating: " ", count: max(1, width + 2 - text.count)) + "# " + note + "\n"
            }
        }
        return out
    }

    /// The counts behind the proposal, as JSON: per kind its records and files, per field its spellings, how
    /// many records hold and fill it, the types of its values and items, its values while they are few, and
    /// the rule proposed.
    public static func json(_ schemas: [InferredSchema]) -> String {
        var w = JSONWriter()
        w.beginArray()
        for s in schemas {
            w.beginObject()
            w.string("kind", s.kind)
            w.int("records", s.records)
            w.int("files", s.files)
            w.beginArray("fields")
            for f in s.fields {
                w.beginObject()
                w.string("field", f.key)
                w.beginObject("spellings"); for (k, n) in f.spellings { w.int(k, n) }; w.endObject()
                w.int("present", f.present)
                w.int("filled", f.filled)
                w.beginObject("types"); for (t, n) in f.types { w.int(t.rawValue, n) }; w.endObject()
                if !f.itemTypes.isEmpty {
                    w.beginObject("item_types"); for (t, n) in f.itemTypes { w.int(t.rawValue, n) }; w.endObject()
                }
                if SchemaInference.proposesValues(f), let values = f.values {
                    w.beginObject("values"); for (v, n) in values { w.int(v, n) }; w.endObject()
                }
                w.string("proposed", rule(f, records: s.records))
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        return w.out + "\n"
    }

    /// The rule for a field: `required`, a type, or a mapping of both and values.
    static func rule(_ f: InferredField, records: Int) -> String {
        var parts: [String] = []
        if f.filled == records, records >= 2 { parts.append("required: true") }
        if let t = f.type { parts.append("type: \(t.rawValue)") }
        if f.type == .list, let it = f.itemType { parts.append("items: \(it.rawValue)") }
        if SchemaInference.proposesValues(f), let values = f.values {
            var seen = Set<String>()
            let chosen = values.filter { seen.insert($0.0.lowercased()).inserted }.map { quoted($0.0) }
            parts.append("values: [" + chosen.joined(separator: ", ") + "]")
        }
        switch parts.count {
        case 0: return "{}"
        case 1 where parts[0] == "required: true": return "required"
        case 1 where parts[0].hasPrefix("type: "): return String(parts[0].dropFirst(6))
        default: return "{ " + parts.joined(separator: ", ") + " }"
        }
    }

    /// How many records back the field, and what disagrees (types, spellings of the key, letter case of values).
    static func comment(_ f: InferredField, records: Int) -> String {
        var notes: [String] = []
        if f.filled == records {
            notes.append("in every record")
        } else {
            let pct = records == 0 ? 0 : f.filled * 100 / records
            notes.append("filled in \(f.filled) of \(records) (\(pct)%)")
            if f.present > f.filled { notes.append("\(f.present - f.filled) empty") }
        }
        if f.type == nil, !f.types.isEmpty {
            notes.append("mixed: " + f.types.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
        }
        if f.spellings.count > 1 {
            notes.append(
                "also written "
                    + f.spellings.dropFirst().prefix(3).map { "'\($0.0)' (\($0.1))" }.joined(separator: ", "))
        }
        if SchemaInference.proposesValues(f), let values = f.values {
            var first: [String: String] = [:]
            var variants: [String] = []
            for (v, n) in values {
                if let kept = first[v.lowercased()] {
                    variants.append("'\(v)' (\(n)) for '\(kept)'")
                } else {
                    first[v.lowercased()] = v
                }
            }
            if !variants.isEmpty { notes.append("also " + variants.prefix(3).joined(separator: ", ")) }
        }
        return notes.joined(separator: "; ")
    }

    /// A YAML key: plain when it is a simple word or words, else double-quoted.
    static func key(_ s: String) -> String {
        let plain =
            !s.isEmpty && s.first!.isLetter && s.last != " "
            && s.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                    || $0 == "-" || $0 == " "
            }
        return plain && !["true", "false", "null", "yes", "no", "on", "off"].contains(s.lowercased()) ? s : quoted(s)
    }

    /// A double-quoted YAML scalar (JSON's escapes are YAML's).
    static func quoted(_ s: String) -> String { JSONWriter.escape(s) }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
