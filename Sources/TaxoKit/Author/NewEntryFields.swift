/// Fields a new entry is given (`taxo new --set category=AI`, the MCP `create_entry` tool's `fields`), and the
/// fields its kind's schema requires, written into the new file: given values replace the template's, and a
/// required field no one gave is left empty in place, so the check points at each one to fill in.
extension NewEntry {
    /// A value given for a field: JSON text (`4.5`, `["a", "b"]`, `"x"`) is that value; other text is a string.
    static func value(_ text: String) -> Node {
        let t = text.trimmingSpaces()
        if let f = t.utf8.first,
            f == 91 || f == 123 || f == 34 || f == 45 || (f >= 48 && f <= 57) || t == "true"
                || t == "false" || t == "null",
            case .success(let n) = JSONParser.parse(Array(t.utf8))
        {
            return n
        }
        return Node(.string(text), at: 0)
    }

    /// The required top-level fields of the kind's schema that the record does not fill, with the empty value
    /// of their type.
    static func unfilled(_ kind: Kind, keys: [String]) -> [(String, Node)] {
        let have = Set(keys.map(FieldKey.normalize))
        return (kind.schema?.fields ?? []).compactMap { r in
            guard r.required, r.path.steps.count == 1, let k = r.path.firstKey, !have.contains(k) else { return nil }
            switch r.type {
            case .list?: return (r.name, Node(.array([]), at: 0))
            case .object?: return (r.name, Node(.object([]), at: 0))
            default: return (r.name, Node(.string(""), at: 0))
            }
        }
    }

    /// The rendered entry with the given fields set and the required ones added; the names of the required
    /// fields left to fill in.
    static func filling(_ text: String, ext: String, kind: Kind, set given: [(String, String)]) throws -> (
        text: String, unfilled: [String]
    ) {
        switch ext {
        case "md":
            // Bold header lines: `**Key:** value`, values as text.
            return lineFields(text, kind: kind, set: given) { l in
                guard l.hasPrefix("**"), let end = l.range(of: ":**") else { return nil }
                return String(l[l.index(l.startIndex, offsetBy: 2)..<end.lowerBound])
            } line: { k, n in
                "**\(k):** " + (RecordSchemaCheck.isEmpty(n) ? "" : n.string ?? n.compactJSON())
            }
        case "yaml", "yml":
            // Top-level `key: value` lines, values as JSON (which YAML reads).
            return lineFields(text, kind: kind, set: given) { l in
                guard let f = l.first, f != " ", f != "#", f != "-", let c = l.firstIndex(of: ":") else { return nil }
                return String(l[..<c])
            } line: { k, n in
                "\(k): \(n.compactJSON())"
            }
        default:
            guard !given.isEmpty || kind.schema?.fields.contains(where: \.required) == true else { return (text, []) }
            guard case .success(let root) = JSONParser.parse(Array(text.utf8)), var members = root.members else {
                throw TaxoError.badArgument("the entry template does not make a JSON object; fields cannot be set")
            }
            for (k, v) in given {
                if let i = members.firstIndex(where: { FieldKey.matches($0.key, normalized: FieldKey.normalize(k)) }) {
                    members[i].node = value(v)
                } else {
                    members.append(Member(key: k, keyOffset: 0, node: value(v)))
                }
            }
            let missing = unfilled(kind, keys: members.map(\.key))
            for (k, n) in missing { members.append(Member(key: k, keyOffset: 0, node: n)) }
            return (Node(.object(members), at: 0).prettyJSON() + "\n", missing.map(\.0))
        }
    }

    /// A text of one field per line: a given field's line replaced (or added), each required one missing added.
    static func lineFields(
        _ text: String, kind: Kind, set given: [(String, String)], key: (String) -> String?,
        line: (String, Node) -> String
    ) -> (text: String, unfilled: [String]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        for (k, v) in given {
            let nk = FieldKey.normalize(k)
            if let i = lines.firstIndex(where: { key($0).map { FieldKey.matches($0, normalized: nk) } ?? false }) {
                lines[i] = line(k, value(v))
            } else {
                lines.append(line(k, value(v)))
            }
        }
        let missing = unfilled(kind, keys: lines.compactMap(key))
        for (k, n) in missing { lines.append(line(k, n)) }
        return (lines.joined(separator: "\n") + "\n", missing.map(\.0))
    }
}
