/// An ID-shaped token whose prefix no kind declares (`TKS-004`, `CAT-001`), as extraction found it.
/// `UnknownPrefix` judges them over the whole library: a prefix written in many IDs is a convention to
/// declare, a rare one a typo.
public struct PrefixUse: Sendable, Hashable {
    public var token: String
    public var prefix: String
    /// Declared prefixes it may be a typo of.
    public var suggestions: [String]
    public var location: SourceLocation
}

/// IDs that a file which does not parse appears to declare (its file name, and a tolerant scan of its
/// ID fields): references to them are not reported as dangling, the broken file is.
public struct BrokenDeclaration: Sendable, Hashable {
    public var key: String
    public var written: String
}
