import Foundation

/// What a kind's records must hold (`fields:` of a kind in taxonomy.yaml): required fields, value types,
/// allowed values, patterns, deprecated fields, and whether fields not listed are reported.
public struct RecordSchema: Sendable {
    public let fields: [FieldRule]
    /// Report fields the schema does not list (`additional_fields: report`).
    public let closed: Bool
    /// The top-level keys the rules name, normalised (`steps` for `steps[].name`).
    public let topLevelKeys: Set<String>
    /// The top-level fields the rules name, as written (what an unknown field's hint lists).
    public let listed: [String]
    /// What `additional_fields: report` compares a record's keys with: the rules' keys and the kind's own
    /// fields (its ID, name, legacy ID, children and link fields), normalised; made once, with the kind.
    public private(set) var knownKeys: Set<String>

    public init(fields: [FieldRule], closed: Bool = false) {
        self.fields = fields
        self.closed = closed
        topLevelKeys = Set(fields.compactMap { $0.path.firstKey })
        listed = fields.filter { $0.path.steps.count == 1 }.map(\.name)
        knownKeys = topLevelKeys
    }

    /// The schema of this kind: its own fields count as known.
    func admitting(_ kind: Kind) -> RecordSchema {
        var s = self
        for f in kind.idFields + kind.nameFields + kind.legacyIdFields { s.knownKeys.insert(FieldKey.normalize(f)) }
        for l in kind.links { if let k = l.path.firstKey { s.knownKeys.insert(k) } }
        if let k = kind.children?.firstKey { s.knownKeys.insert(k) }
        return s
    }
}

/// One field of a record schema: where it is (`steps[].name`), whether it must be there, and what it may hold.
public struct FieldRule: Sendable {
    public var path: FieldPath
    public var required = false
    public var type: FieldType?
    /// The type of each item, when the field is a list.
    public var items: FieldType?
    /// The only values a string field (or each string item of a list) may hold, compared exactly.
    public var values: [String] = []
    /// A regular expression every string value must match (searched, so anchor it with ^ and $).
    public var pattern: FieldPattern?
    /// The field should no longer be used; the text says what to use instead.
    public var deprecated: String?

    public init(path: FieldPath) { self.path = path }

    /// The field's last key as written in the configuration (`name` of `steps[].name`).
    public var name: String { path.text }
}

/// What a field's value is.
public enum FieldType: String, Sendable, CaseIterable {
    case string, number, integer, boolean, list, object
    /// A calendar date, `2025-12-06`, or a date and time, `2025-12-06T14:30:00Z`.
    case date
    /// An `http://` or `https://` address with a host.
    case url

    /// The type with its article, for messages.
    public var phrase: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .integer: return "a whole number"
        case .boolean: return "true or false"
        case .list: return "a list"
        case .object: return "an object"
        case .date: return "a date (YYYY-MM-DD)"
        case .url: return "a web address (https://...)"
        }
    }
}

/// A compiled `pattern:` (NSRegularExpression matches from many threads; it is immutable once made).
public final class FieldPattern: @unchecked Sendable {
    public let text: String
    let regex: NSRegularExpression

    /// nil when the text is not a valid regular expression.
    public init?(_ text: String) {
        guard let r = try? NSRegularExpression(pattern: text) else { return nil }
        self.text = text
        regex = r
    }

    public func matches(_ s: String) -> Bool {
        regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}
