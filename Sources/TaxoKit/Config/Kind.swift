/// How a kind's IDs carry a department segment (`TOL-SEC-124`).
public enum DepartmentSegment: String, Sendable {
    case none, optional, required
}

/// A typed link field: where it is in a record, which kind it points at, and how many targets.
public struct LinkField: Sendable {
    public var path: FieldPath
    public var target: String
    public var many: Bool
    /// Links through this field must never form a cycle (parents, dependencies).
    public var acyclic: Bool
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
    public var links: [LinkField]
    /// IDs of this kind restart in every video (`MLS-001`): mentions in a video's documents resolve in its scope first.
    public var scoped: Bool

    public var allPrefixes: [String] { [prefix] + alternatePrefixes }

    public var grammarDescription: String {
        let digits = minDigits == maxDigits ? "\(minDigits) digits" : "\(minDigits) or more digits"
        switch department {
        case .none: return "\(prefix)-NNN (\(digits))"
        case .optional: return "\(prefix)-NNN or \(prefix)-DEPT-NNN (\(digits))"
        case .required: return "\(prefix)-DEPT-NNN (\(digits))"
        }
    }
}

/// A department code with its name and accepted aliases (`AI` = `AIA` = `AID`).
public struct Department: Sendable {
    public var code: String
    public var name: String
    public var aliases: [String]
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
}
