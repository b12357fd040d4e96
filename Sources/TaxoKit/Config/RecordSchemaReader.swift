/// Reads a kind's `fields:` and `additional_fields:` into a record schema, every problem a configuration error.
///
/// ```yaml
/// fields:
///   name: required                       # a word: required, or a type
///   status: { values: [active, beta, deprecated] }
///   website: url
///   steps[].name: { required: true, type: string }
///   old_category: { deprecated: "use category" }
/// additional_fields: report              # fields not listed are findings (default: allow)
/// ```
extension ConfigLoader.Reader {
    static let fieldRuleKeys = ["required", "type", "items", "values", "pattern", "deprecated"]

    mutating func readSchema(_ n: Node, of kind: String) -> RecordSchema? {
        let closed = choice(
            n["additional_fields"], what: "additional_fields", options: ["allow": false, "report": true],
            default: false)
        guard let fs = n["fields"] else {
            if closed {
                error(
                    "additional_fields: report needs the kind's fields", at: n["additional_fields"]!.offset,
                    hint: "list them under fields: (taxo schema --infer proposes them)")
            }
            return nil
        }
        guard let members = fs.members else {
            error("fields of \(kind) must be a mapping of field paths to rules", at: fs.offset)
            return nil
        }
        var rules: [FieldRule] = []
        var seen: [String: Int] = [:]
        for m in members {
            guard let path = FieldPath(m.key) else {
                error(
                    "invalid field path '\(m.key)'", at: m.keyOffset,
                    hint: "write a key, or a path such as 'steps[].name'")
                continue
            }
            let key = path.steps.map { if case .key(let k) = $0 { return k } else { return "[]" } }.joined(
                separator: ".")
            if seen[key] != nil {
                error(
                    "field '\(m.key)' is listed twice in fields of \(kind)", at: m.keyOffset,
                    hint: "field keys are compared without case, spaces, dashes and underscores")
                continue
            }
            seen[key] = rules.count
            if let r = readFieldRule(m.node, path: path, kind: kind) { rules.append(r) }
        }
        return RecordSchema(fields: rules, closed: closed)
    }

    mutating func readFieldRule(_ n: Node, path: FieldPath, kind: String) -> FieldRule? {
        var rule = FieldRule(path: path)
        if let word = n.string {
            // The short form: `required`, or a type.
            if word == "required" {
                rule.required = true
            } else if let t = FieldType(rawValue: word) {
                rule.type = t
            } else {
                error(
                    "field '\(path.text)' of \(kind) must be 'required', a type or a mapping", at: n.offset,
                    hint: NearMiss.hint(for: word, in: ["required"] + FieldType.allCases.map(\.rawValue))
                        ?? "types: " + FieldType.allCases.map(\.rawValue).joined(separator: ", "))
                return nil
            }
            return rule
        }
        guard n.members != nil else {
            error("field '\(path.text)' of \(kind) must be 'required', a type or a mapping", at: n.offset)
            return nil
        }
        checkKeys(n, allowed: Self.fieldRuleKeys, context: "field '\(path.text)' of \(kind)")
        rule.required = bool(n["required"], what: "required", default: false)
        rule.type = fieldType(n["type"])
        rule.items = fieldType(n["items"])
        if rule.items != nil, rule.type == nil { rule.type = .list }
        if let items = n["items"], rule.type != .list {
            error("items is for fields of type list", at: items.offset, hint: "remove it, or write type: list")
        }
        rule.values = strings(n["values"], what: "values")
        if let v = n["values"], rule.values.isEmpty, v.array != nil {
            error("values must list at least one value", at: v.offset)
        }
        if let p = n["pattern"] {
            if let s = p.string, let fp = FieldPattern(s) {
                rule.pattern = fp
            } else {
                error(
                    "pattern must be a valid regular expression", at: p.offset,
                    hint: "quote it in single quotes so YAML keeps backslashes: '^[A-Z]{3}$'")
            }
        }
        if let d = n["deprecated"] {
            if case .bool(let b) = d.value {
                rule.deprecated = b ? "" : nil
            } else if let s = d.string {
                rule.deprecated = s
            } else {
                error("deprecated must be true or a text saying what to use instead", at: d.offset)
            }
        }
        if let t = rule.type, !rule.values.isEmpty || rule.pattern != nil,
            ![.string, .list, .date, .url].contains(t)
        {
            error(
                "values and pattern apply to text; field '\(path.text)' is \(t.phrase)", at: n.offset,
                hint: "remove them, or change the type")
        }
        return rule
    }

    mutating func fieldType(_ n: Node?) -> FieldType? {
        guard let n else { return nil }
        if let s = n.string, let t = FieldType(rawValue: s) { return t }
        let names = FieldType.allCases.map(\.rawValue)
        error(
            "type must be one of " + names.joined(separator: ", "), at: n.offset,
            hint: NearMiss.hint(for: n.string ?? "", in: names))
        return nil
    }
}
