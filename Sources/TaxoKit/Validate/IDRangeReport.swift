/// The one diagnostic a range of IDs (`ACT-001 to ACT-429`) gets when some of its IDs are undeclared.
enum IDRangeReport {
    /// How many undeclared IDs the message lists.
    static let listed = 5

    /// `undeclared` are the range's IDs that resolve to nothing (in text order). IDs that a file which does
    /// not parse appears to declare are left out; nil when none is left.
    static func diagnostic(
        _ rule: RuleInfo, lib: Library, range: String, undeclared: [ParsedID], at location: SourceLocation
    ) -> Diagnostic? {
        var seen = Set<String>()
        let missing = undeclared.filter { lib.broken[$0.key] == nil && seen.insert($0.key).inserted }
        guard let first = missing.first else { return nil }
        let total = size(range) ?? missing.count
        let kind = lib.config.kinds[first.kind].name
        var list = missing.prefix(listed).map(\.written).joined(separator: ", ")
        if missing.count > listed { list += ", ..." }
        let message =
            missing.count == total
            ? "none of the \(total) IDs in \(range) is declared"
            : "\(missing.count) of \(total) IDs in \(range) \(missing.count == 1 ? "is" : "are") not declared: \(list)"
        return rule.diagnostic(
            message, at: location,
            hint:
                "create the missing \(kind)s, narrow the range, or announce it under a heading such as 'Reserved IDs'",
            subject: first.written)
    }

    /// The number of IDs in a range's text (`ACT-001 to ACT-429` -> 429).
    static func size(_ range: String) -> Int? {
        let ends = range.components(separatedBy: " to ")
        guard ends.count == 2, let a = OwnID.number(ends[0]), let z = OwnID.number(ends[1]), z >= a else { return nil }
        return z - a + 1
    }
}
