/// How a kind's IDs carry a department segment (`TOL-SEC-124`).
public enum DepartmentSegment: String, Sendable {
    case none, optional, required
    /// A segment of capital letters that is a category, not a department code (`OBJ-RAG-011`).
    case free
}

/// A typed link field: where it is in a record, which kind it points at, and how many targets.
public struct LinkField: Sendable {
    public var path: FieldPath
    public var target: String
    public var many: Bool
    /// Links through this field must never form a cycle (parents, dependencies).
    public var acyclic: Bool
    /// The IDs in this field are the record's own children, declared by it (`tasks[].task_id` inside a
    /// workflow): not looked up in the library.
    public var local: Bool = false
    /// The field holds a file path (`../Workflows/X.json`), relative to the record's file: the link goes to
    /// the entity that file declares.
    public var byPath: Bool = false
    /// A value, or a part of one, that holds no ID may name the target (`"tool": "Zapier"`, `"Photoshop,
    /// Figma"`): the default; `by: id` turns it off. A name no entity of the target kind has is no error.
    public var byName: Bool = true
}

/// Records of a kind kept inside other files (a project template's inline `milestones[]`).
public struct EmbeddedRecords: Sendable {
    public var files: [Glob]
    public var records: FieldPath
}

/// One kind of entity, as the configuration declares it.
public struct Kind: Sendable {
    public var name: String
    public var prefix: String
    public var alternatePrefixes: [String]
    public var department: DepartmentSegment
    public var minDigits: Int
    public var maxDigits: Int
    public var files: [Glob]
    /// Where records live inside a file (`objects[]`); nil: the file is one record, or a top-level array of records.
    public var records: FieldPath?
    public var idFields: [String]
    public var nameFields: [String]
    public var legacyIdFields: [String]
    /// Older ID spellings of this kind (`Task-Template-{n}`): recognised as IDs, resolved through legacy aliases.
    public var legacyPatterns: [LegacyPattern]
    /// The ID in the file name (`TST-072_....json`) is the entity's ID; an inner ID that differs is kept as a legacy ID.
    public var idFromFilename: Bool
    public var links: [LinkField]
    /// IDs of this kind restart in every video (`MLS-001`): mentions in a video's documents resolve in its scope first.
    public var scoped: Bool
    /// How many department or category segments an ID may carry (`RESP-OPS-ACC-001`: 2).
    public var segments: Int = 1
    /// Legacy patterns compare letter case (`TASK-TEMPLATE-006` is not `Task-Template-006`).
    public var legacyCaseSensitive = false
    /// The kind of the file itself, when the file is a list of this kind's records (`CHT-001_Checklist.json`
    /// holding `items[]`): the file is an entity of that kind, its ID from the file name.
    public var fileKind: String?
    /// Whether IDs in free text count as references; false: only typed link fields (and Markdown header lines).
    public var freeTextReferences = true
    /// Children written inline without IDs (`steps[]` of objects): they count for incomplete-hierarchy.
    public var children: FieldPath?
    /// Records of this kind inside other kinds' files.
    public var embedded: [EmbeddedRecords] = []
    /// What the kind's records must hold (`fields:`); nil when the configuration lists no fields.
    public var schema: RecordSchema?

    public var allPrefixes: [String] { [prefix] + alternatePrefixes }

    public var grammarDescription: String {
        let digits = minDigits == maxDigits ? "\(minDigits) digits" : "\(minDigits) or more digits"
        switch department {
        case .none: return "\(prefix)-NNN (\(digits))"
        case .optional: return "\(prefix)-NNN or \(prefix)-DEPT-NNN (\(digits))"
        case .required: return "\(prefix)-DEPT-NNN (\(digits))"
        case .free: return "\(prefix)-NNN or \(prefix)-CATEGORY-NNN (\(digits))"
        }
    }
}

/// A department code with its name and accepted aliases (`AI` = `AIA` = `AID`).
public struct Department: Sendable {
    public var code: String
    public var name: String
    public var aliases: [String]
    /// Other names a department link may use (`names: [Developers]`), compared without case.
    public var names: [String] = []

    /// Whether a text can be a department code: 2 to 6 capital letters (`FIN`, not `Finance`).
    public static func isCode(_ s: String) -> Bool {
        (2...6).contains(s.utf8.count) && s.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
    }
}

/// A type of Markdown document (transcript, analysis, index) recognised by path.
public struct DocumentType: Sendable {
    public var name: String
    public var files: [Glob]
    /// In documents of this type, IDs of scoped kinds after a heading containing this text are
    /// declarations of the document's video scope (a transcript's taxonomy sections).
    public var scopeHeading: String?
    /// Whether dangling ID mentions in these documents are reported.
    public var checkMentions: Bool
    /// Whether IDs in the text count as mentions; false: only header lines (front matter, bold keys).
    public var freeTextReferences = true
    /// Prefixes that are video-scoped in these documents (`STP-012` in a transcript is the video's step).
    public var scopedPrefixes: [String] = []
}

/// An older ID spelling: literal text (compared without case), `{n}` digits, `{a}` capital letters.
public struct LegacyPattern: Sendable {
    enum Part: Sendable { case literal([UInt8]), digits, letters }
    let parts: [Part]
    public let text: String
    /// Literal text must match with its letter case.
    public let caseSensitive: Bool

    /// A legacy pattern (`Task-Template-{n}`); nil when it has no `{n}`.
    public init?(_ text: String, caseSensitive: Bool = false) {
        self.text = text
        self.caseSensitive = caseSensitive
        var parts: [Part] = []
        var lit: [UInt8] = []
        var rest = Substring(text)
        while let c = rest.first {
            if rest.hasPrefix("{n}") || rest.hasPrefix("{a}") {
                if !lit.isEmpty { parts.append(.literal(lit)); lit = [] }
                parts.append(rest.hasPrefix("{n}") ? .digits : .letters)
                rest = rest.dropFirst(3)
            } else {
                lit.append(contentsOf: Array((caseSensitive ? String(c) : String(c).lowercased()).utf8))
                rest = rest.dropFirst()
            }
        }
        if !lit.isEmpty { parts.append(.literal(lit)) }
        guard parts.contains(where: { if case .digits = $0 { return true } else { return false } }),
            case .literal = parts.first
        else { return nil }
        self.parts = parts
    }

    /// The end of a match starting at `i`, or nil.
    func match(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        var k = i
        for p in parts {
            switch p {
            case .literal(let l):
                for c in l {
                    guard k < b.count else { return nil }
                    var x = b[k]
                    if !caseSensitive, x >= 65 && x <= 90 { x += 32 }
                    guard x == c else { return nil }
                    k += 1
                }
            case .digits:
                let s = k
                while k < b.count, b[k] >= 48 && b[k] <= 57 { k += 1 }
                guard k > s else { return nil }
            case .letters:
                let s = k
                while k < b.count, (b[k] >= 65 && b[k] <= 90) || (b[k] >= 97 && b[k] <= 122) { k += 1 }
                guard k > s else { return nil }
            }
        }
        // Must end at a word boundary.
        if k < b.count,
            (b[k] >= 48 && b[k] <= 57) || (b[k] >= 65 && b[k] <= 90) || (b[k] >= 97 && b[k] <= 122) || b[k] == 95
        {
            return nil
        }
        return k
    }

    /// The first byte, lower-cased (the grammar files patterns by it).
    var firstByte: UInt8? {
        if case .literal(let l) = parts.first, let f = l.first { return f >= 65 && f <= 90 ? f + 32 : f }
        return nil
    }
}
