/// What a kind's records hold, field by field, counted over the library: the facts a `fields:` schema is
/// proposed from (`taxo schema --infer`). Live records only (archived files are not checked).
public struct InferredSchema: Sendable {
    public var kind: String
    public var records: Int
    public var files: Int
    /// Top-level fields, most often present first, then by name.
    public var fields: [InferredField]
}

/// One top-level field of a kind's records, with how often and how it is written.
public struct InferredField: Sendable {
    /// The spelling most records use, and every spelling with its count (`Tool Name` beside `tool_name`).
    public var key: String
    public var spellings: [(String, Int)]
    /// Records holding the field, and those holding a value that is not empty.
    public var present: Int
    public var filled: Int
    /// The type of every non-empty value, with counts, most frequent first.
    public var types: [(FieldType, Int)]
    /// For lists: the type of every non-empty item.
    public var itemTypes: [(FieldType, Int)]
    /// Text values (of the field, or of a list's text items) with counts, most frequent first; only kept
    /// while there are few of them.
    public var values: [(String, Int)]?

    /// The one type every non-empty value has (whole numbers among numbers are numbers; dates and addresses
    /// among text are text), if one does.
    public var type: FieldType? { Self.common(types) }
    public var itemType: FieldType? { Self.common(itemTypes) }

    static func common(_ types: [(FieldType, Int)]) -> FieldType? {
        let set = Set(types.map(\.0))
        if set.isEmpty { return nil }
        if set.count == 1 { return set.first }
        if set.isSubset(of: [.integer, .number]) { return .number }
        if set.isSubset(of: [.string, .date, .url]) { return .string }
        return nil
    }
}

public enum SchemaInference {
    /// At most this many distinct values make a field's values a proposal (`values: [...]`).
    public static let maxValues = 12

    /// The inferred schema of every kind with records (or of the kinds named), in configuration order.
    /// `records` are the entities' compact JSON (a compile with `keepContent`).
    public static func infer(_ lib: Library, kinds only: [String] = []) -> [InferredSchema] {
        var out: [InferredSchema] = []
        for (ki, kind) in lib.config.kinds.enumerated() where only.isEmpty || only.contains(kind.name) {
            var acc = Accumulator()
            // IDs, names, links and departments are checked by other rules; a list of today's values would
            // only refuse tomorrow's.
            acc.noValues = Set(
                (kind.idFields + kind.nameFields + kind.legacyIdFields).map(FieldKey.normalize)
                    + kind.links.compactMap(\.path.firstKey) + RecordExtractor.departmentFields
                    + RecordExtractor.descriptionKeys)
            var files = Set<String>()
            for e in lib.entities where e.kind == ki && !lib.config.looksArchived(e.file) {
                guard let json = e.record, case .success(let node) = JSONParser.parse(Array(json.utf8)) else {
                    continue
                }
                acc.add(node, textual: e.file.hasSuffix(".md"))
                files.insert(e.file)
            }
            guard acc.records > 0 else { continue }
            out.append(InferredSchema(kind: kind.name, records: acc.records, files: files.count, fields: acc.fields()))
        }
        return out
    }

    struct Tally {
        var spellings: [String: Int] = [:]
        var present = 0
        var filled = 0
        var types: [FieldType: Int] = [:]
        var itemTypes: [FieldType: Int] = [:]
        var values: [String: Int]? = [:]
    }

    struct Accumulator {
        var records = 0
        var noValues: Set<String> = []
        var tallies: [String: Tally] = [:]

        mutating func add(_ record: Node, textual: Bool) {
            guard let members = record.members else { return }
            records += 1
            var seen = Set<String>()
            for m in members {
                let key = FieldKey.normalize(m.key)
                guard seen.insert(key).inserted else { continue }
                var t = tallies[key] ?? Tally(values: noValues.contains(key) ? nil : [:])
                t.spellings[m.key, default: 0] += 1
                t.present += 1
                if !RecordSchemaCheck.isEmpty(m.node) {
                    t.filled += 1
                    let type = SchemaInference.type(of: m.node, textual: textual)
                    t.types[type, default: 0] += 1
                    for item in m.node.array ?? [] where !RecordSchemaCheck.isEmpty(item) {
                        t.itemTypes[SchemaInference.type(of: item, textual: false), default: 0] += 1
                    }
                    if t.values != nil {
                        for s in (m.node.array ?? [m.node]).compactMap(\.string) {
                            let v = s.trimmingSpaces()
                            if v.isEmpty || v.count > 60 { continue }
                            if SchemaInference.looksLikeID(v) {
                                t.values = nil
                                break
                            }
                            t.values![v, default: 0] += 1
                        }
                        // Too many distinct values: free text, not a choice.
                        if (t.values?.count ?? 0) > SchemaInference.maxValues * 4 { t.values = nil }
                    }
                }
                tallies[key] = t
            }
        }

        func fields() -> [InferredField] {
            let sorted = tallies.values.map { t -> InferredField in
                let spellings = t.spellings.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                return InferredField(
                    key: spellings[0].key, spellings: spellings.map { ($0.key, $0.value) }, present: t.present,
                    filled: t.filled, types: SchemaInference.ranked(t.types),
                    itemTypes: SchemaInference.ranked(t.itemTypes),
                    values: t.values.flatMap { v in
                        let r = v.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
                            ($0.key, $0.value)
                        }
                        return r.isEmpty ? nil : r
                    })
            }
            return sorted.sorted { $0.present != $1.present ? $0.present > $1.present : $0.key < $1.key }
        }
    }

    static func ranked(_ counts: [FieldType: Int]) -> [(FieldType, Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }.map {
            ($0.key, $0.value)
        }
    }

    /// The narrowest type a value has: text that is a date or an address is a date or a url; a Markdown
    /// header's text that spells a number is a number.
    static func type(of n: Node, textual: Bool) -> FieldType {
        switch n.value {
        case .string(let raw):
            let s = raw.trimmingSpaces()
            if RecordSchemaCheck.isDate(s) { return .date }
            if RecordSchemaCheck.isURL(s) { return .url }
            if textual, Int(s) != nil { return .integer }
            if textual, Double(s) != nil { return .number }
            return .string
        case .number(let s): return s.allSatisfy { $0.isASCIIDigit || $0 == "-" } ? .integer : .number
        case .bool: return .boolean
        case .array: return .list
        case .object: return .object
        case .null: return .string
        }
    }

    /// Text that starts with an ID (`TOL-SEC-124`, `MLS-001 (Plan)`): a reference, not a value to choose.
    static func looksLikeID(_ s: String) -> Bool {
        let b = Array(s.utf8.prefix(40))
        var i = 0
        while i < b.count, b[i] >= 65 && b[i] <= 90 { i += 1 }
        guard i >= 2, i < b.count, b[i] == 45 else { return false }
        while i < b.count, b[i] == 45 || (b[i] >= 65 && b[i] <= 90) || (b[i] >= 48 && b[i] <= 57) { i += 1 }
        return b[..<i].last.map { $0 >= 48 && $0 <= 57 } ?? false
    }

    /// Whether a field's values are few enough, and each used often enough, to be proposed as `values:`.
    public static func proposesValues(_ f: InferredField) -> Bool {
        guard let v = f.values, f.type == .string || (f.type == .list && f.itemType == .string) else { return false }
        let distinct = Set(v.map { $0.0.lowercased() }).count
        let uses = v.reduce(0) { $0 + $1.1 }
        return distinct >= 2 && distinct <= maxValues && uses >= 3 * distinct
    }
}
