/// A `<!-- taxo-ignore ... -->` comment in a Markdown file: which codes it silences on which lines.
public struct Suppression: Sendable, Hashable {
    /// Rule codes (names are turned into codes); empty: every rule.
    public var codes: [String]
    public var firstLine: Int
    public var lastLine: Int
    /// Where the comment is.
    public var location: SourceLocation

    /// Whether the suppression silences a diagnostic (its codes, its lines, its file).
    public func covers(_ d: Diagnostic) -> Bool {
        guard let l = d.location, l.file == location.file, l.line >= firstLine, l.line <= lastLine else { return false }
        return codes.isEmpty || codes.contains(d.code)
    }
}
