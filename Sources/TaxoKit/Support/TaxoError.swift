/// A failure that stops a command and is not a finding about the library: a bad argument or target, a
/// template that does not parse, the index, a search query, a baseline file, a file that cannot be copied
/// or written, git. Findings are `Diagnostic`s; parse failures inside files become findings too.
public enum TaxoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An argument, option or target the command cannot use (`taxo new --kind`, `taxo gaps TARGET`).
    case badArgument(String)
    /// A report template that is missing or does not parse.
    case template(String)
    /// The SQLite index: the message and the statement that failed.
    case index(String, sql: String)
    /// A search query taxo refuses (too many terms, too long).
    case query(String)
    /// A baseline file that cannot be read.
    case baseline(String)
    /// A file that cannot be read, copied or written.
    case io(String)
    /// git failed (`--changed`, `--staged`).
    case git(String)

    public var description: String {
        switch self {
        case .badArgument(let m), .template(let m), .query(let m), .baseline(let m), .io(let m), .git(let m): return m
        case .index(let m, let sql): return "\(m) (\(sql))"
        }
    }

    /// The message alone (for the index: without the statement).
    public var message: String {
        if case .index(let m, _) = self { return m }
        return description
    }
}
