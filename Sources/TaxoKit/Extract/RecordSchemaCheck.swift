import Foundation

/// Checks one record against its kind's schema (`fields:`): required fields present and not empty, values of
/// the declared type, among the allowed values and matching the pattern, no deprecated fields, and (with
/// `additional_fields: report`) no field the schema does not know.
struct RecordSchemaCheck {
    let schema: RecordSchema
    let kind: Kind
    let file: SourceFile
    let id: String
    /// How the entity is named in messages (`tool 'TOL-001'`), made only for a finding.
    var subject: String { "\(kind.name) '\(id)'" }
    /// The record's values are text (a Markdown file's header lines): types are judged by what the text
    /// spells (`3` is a number), lists are comma-separated text.
    var textual = false

    init(schema: RecordSchema, kind: Kind, file: SourceFile, id: String) {
        self.schema = schema
        self.kind = kind
        self.file = file
        self.id = id
    }

    /// The findings for a record; a missing field is reported at `missingAt` (the record's start).
    func check(_ record: Node, missingAt: SourceLocation) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Top-level fields (most rules) are found by the record's keys, normalised once.
        let top = record.members ?? []
        let topKeys = top.map { FieldKey.normalize($0.key) }
        for rule in schema.fields {
            guard case .key(let last) = rule.path.steps.last else { continue }
            if rule.path.steps.count == 1 {
                if let i = topKeys.firstIndex(of: last) {
                    out += check(top[i], rule: rule)
                } else if rule.required {
                    out.append(MissingField.diagnostic(subject: subject, field: rule.name, empty: false, at: missingAt))
                }
                continue
            }
            // A nested field (`steps[].name`): looked for in every object its parent path reaches.
            let parents = rule.path.parent?.resolve(in: record) ?? []
            let lastHash = FieldKey.hash(last)
            for parent in parents.flatMap({ $0.array ?? [$0] }) {
                guard let members = parent.members else { continue }
                guard let m = members.first(where: { $0.matches(last, hash: lastHash) }) else {
                    if rule.required {
                        out.append(
                            MissingField.diagnostic(
                                subject: subject, field: rule.name, empty: false, at: file.location(parent.offset)))
                    }
                    continue
                }
                out += check(m, rule: rule)
            }
        }
        if schema.closed { out += unknownFields(record) }
        return out
    }

    /// The findings for one present field.
    func check(_ m: Member, rule: FieldRule) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let d = rule.deprecated {
            out.append(
                DeprecatedField.diagnostic(
                    subject: subject, field: m.key, instead: d, at: file.location(m.keyOffset)))
        }
        let v = m.node
        if Self.isEmpty(v) {
            if rule.required {
                out.append(
                    MissingField.diagnostic(
                        subject: subject, field: rule.name, empty: true, at: file.location(v.offset)))
            }
            return out
        }
        if let t = rule.type, let found = mismatch(v, t) {
            out.append(
                WrongFieldType.diagnostic(
                    subject: subject, field: m.key, found: found, expected: t, node: v,
                    at: file.location(v.offset)))
            return out
        }
        if let list = v.array, let it = rule.items {
            for i in list where !Self.isEmpty(i) {
                if let found = mismatch(i, it) {
                    out.append(
                        WrongFieldType.diagnostic(
                            subject: subject, field: m.key + "[]", found: found, expected: it, node: i,
                            at: file.location(i.offset)))
                }
            }
        }
        guard !rule.values.isEmpty || rule.pattern != nil else { return out }
        for i in v.array ?? [v] {
            guard let s = i.string?.trimmingSpaces(), !s.isEmpty else { continue }
            if !rule.values.isEmpty, !rule.values.contains(s) {
                out.append(
                    DisallowedValue.notListed(
                        subject: subject, field: m.key, value: s, allowed: rule.values, at: file.location(i.offset)))
            } else if let p = rule.pattern, !p.matches(s) {
                out.append(
                    DisallowedValue.noMatch(
                        subject: subject, field: m.key, value: s, pattern: p.text, at: file.location(i.offset)))
            }
        }
        return out
    }

    /// Top-level fields the schema does not list (the kind's ID, name, legacy ID, children and link fields count as listed).
    func unknownFields(_ record: Node) -> [Diagnostic] {
        guard let members = record.members else { return [] }
        return members.filter { !schema.knownKeys.contains(FieldKey.normalize($0.key)) }.map { m in
            UnknownField.diagnostic(
                subject: subject, field: m.key, known: schema.listed, at: file.location(m.keyOffset))
        }
    }

    /// What a value is when it is not of the type `t` (`a number`), or nil when it is.
    func mismatch(_ v: Node, _ t: FieldType) -> String? {
        if textual, let s = v.string {
            return Self.textMatches(s, t) ? nil : "'\(Self.excerpt(s))'"
        }
        switch (t, v.value) {
        case (.string, .string), (.number, .number), (.boolean, .bool), (.list, .array), (.object, .object):
            return nil
        case (.integer, .number(let n)):
            return n.allSatisfy { $0.isASCIIDigit || $0 == "-" } ? nil : "'\(n)'"
        case (.date, .string(let s)):
            return Self.isDate(s.trimmingSpaces()) ? nil : "'\(Self.excerpt(s))'"
        case (.url, .string(let s)):
            return Self.isURL(s.trimmingSpaces()) ? nil : "'\(Self.excerpt(s))'"
        default:
            return Self.describe(v)
        }
    }

    /// Whether text spells a value of the type (header lines of Markdown files hold only text).
    static func textMatches(_ raw: String, _ t: FieldType) -> Bool {
        let s = raw.trimmingSpaces()
        switch t {
        case .string, .list: return true
        case .number: return Double(s) != nil
        case .integer: return Int(s) != nil
        case .boolean: return ["true", "false", "yes", "no"].contains(s.lowercased())
        case .object: return false
        case .date: return isDate(s)
        case .url: return isURL(s)
        }
    }

    static func describe(_ v: Node) -> String {
        switch v.value {
        case .null: return "null"
        case .bool: return "true or false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    static func excerpt(_ s: String) -> String {
        s.count > 40 ? String(s.prefix(37)) + "..." : s
    }

    /// null, blank text, an empty list or object: as good as absent.
    static func isEmpty(_ v: Node) -> Bool {
        switch v.value {
        case .null: return true
        case .string(let s): return s.trimmingSpaces().isEmpty
        case .array(let a): return a.isEmpty
        case .object(let m): return m.isEmpty
        default: return false
        }
    }

    /// `2025-12-06`, optionally followed by `T` or a space and a time (`14:30`, `14:30:00.5`) and a zone.
    static func isDate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        func digits(_ from: Int, _ n: Int) -> Int? {
            guard from + n <= b.count else { return nil }
            var v = 0
            for i in from..<from + n {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count >= 10, let y = digits(0, 4), b[4] == 45, let mo = digits(5, 2), b[7] == 45,
            let d = digits(8, 2), (1...12).contains(mo), d >= 1
        else { return false }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
        guard d <= days else { return false }
        if b.count == 10 { return true }
        guard b[10] == 84 || b[10] == 32, let h = digits(11, 2), b.count > 13, b[13] == 58, let mi = digits(14, 2),
            h < 24, mi < 60
        else { return false }
        var i = 16
        if i < b.count, b[i] == 58 {
            guard let sec = digits(i + 1, 2), sec < 61 else { return false }
            i += 3
            if i < b.count, b[i] == 46 {
                i += 1
                let start = i
                while i < b.count, b[i] >= 48 && b[i] <= 57 { i += 1 }
                guard i > start else { return false }
            }
        }
        if i == b.count { return true }
        if b[i] == 90 { return i + 1 == b.count }
        guard b[i] == 43 || b[i] == 45, let zh = digits(i + 1, 2), zh < 24 else { return false }
        i += 3
        if i < b.count, b[i] == 58 { i += 1 }
        guard let zm = digits(i, 2), zm < 60 else { return false }
        return i + 2 == b.count
    }

    /// `http://` or `https://`, a host with a dot or `localhost`, no spaces.
    static func isURL(_ s: String) -> Bool {
        let lower = s.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = s.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = s.dropFirst(7)
        } else {
            return false
        }
        guard !s.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else { return false }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let name = host.split(separator: "@").last.map { $0.split(separator: ":").first ?? "" } ?? ""
        return (name.contains(".") && !name.hasPrefix(".") && !name.hasSuffix(".")) || name == "localhost"
    }
}
