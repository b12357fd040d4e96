/// Decides an entity's ID from its ID field (and, for kinds with `id_from_filename`, its file name),
/// with the legacy IDs it also answers to and the diagnostics the ID field deserves.
struct OwnID {
    var id: ParsedID?
    var legacyKeys: [String] = []
    var diagnostics: [Diagnostic] = []
    /// An ID field whose prefix no kind declares.
    var unknownPrefix: PrefixUse?
    /// The ID came from the file name (the file-name check is then done here).
    var fromFilename = false

    /// An entity named by its file alone (a Markdown file with no ID header line).
    init(filename named: ParsedID) {
        id = named
        fromFilename = true
    }

    init(raw: String, kindIndex: Int, grammar: IDGrammar, file: String, at loc: SourceLocation) {
        let kind = grammar.kinds[kindIndex]
        var named = kind.idFromFilename ? OwnID.filenameID(file, kindIndex: kindIndex, grammar: grammar) : nil
        var inner: ParsedID?
        switch grammar.check(raw) {
        case .valid(let p):
            if p.kind != kindIndex {
                diagnostics.append(
                    MalformedID.diagnostic(
                        value: raw, kind: kind,
                        reason: "its prefix '\(p.prefix)' belongs to kind \(grammar.kinds[p.kind].name)",
                        suggestion: nil, at: loc))
            } else {
                inner = p
                if let d = p.department, p.canonicalDepartment == nil {
                    diagnostics.append(
                        UnknownDepartment.diagnostic(code: d, in: raw, known: grammar.departmentCodes, at: loc))
                }
            }
        case .legacy(let p):
            inner = p.kind == kindIndex ? p : nil
        case .placeholder:
            diagnostics.append(PlaceholderID.diagnostic(value: raw, at: loc, asOwnID: true))
        case .malformed(let reason, let suggestion):
            diagnostics.append(
                MalformedID.diagnostic(value: raw, kind: kind, reason: reason, suggestion: suggestion, at: loc))
        case .unknownPrefix(let prefix, let suggestions):
            // Judged over the whole library with every other use of the prefix (a convention, or a typo).
            unknownPrefix = PrefixUse(
                token: raw.trimmingSpaces(), prefix: prefix, suggestions: suggestions, location: loc)
        }
        // A record that keeps only an older spelling (Task-Template-072) is named by its file (TST-072_...) when
        // the file name holds a current ID of the kind, with or without `id_from_filename`.
        if named == nil, let inner, inner.legacy {
            named = OwnID.filenameID(file, kindIndex: kindIndex, grammar: grammar)
        }
        if let named {
            id = named
            fromFilename = true
            if let inner, inner.key != named.key {
                legacyKeys.append(inner.key)
                if OwnID.number(inner.written) != OwnID.number(named.written) {
                    diagnostics.append(
                        FileNameMismatch.diagnostic(fileName: named.written, recordID: raw, at: loc))
                }
            }
        } else if let inner, !inner.legacy {
            id = inner
        } else if let inner {
            legacyKeys.append(inner.key)
        }
    }

    /// The trailing number of an ID, without leading zeros.
    static func number(_ s: String) -> Int? {
        let digits = s.reversed().prefix { $0.isASCIIDigit }
        return Int(String(digits.reversed()))
    }

    /// The first part of the file name that is a valid ID of this kind.
    static func filenameID(_ path: String, kindIndex: Int, grammar: IDGrammar) -> ParsedID? {
        for part in PathDisplay.stem(path).split(whereSeparator: { $0 == "_" || $0 == " " }) where mayBeID(part) {
            if case .valid(let p) = grammar.check(String(part)), p.kind == kindIndex { return p }
        }
        return nil
    }

    /// A cheap test before parsing a file-name part as an ID: a capital letter first, a dash, a digit last.
    static func mayBeID(_ part: Substring) -> Bool { mayBeID(bytes: part.utf8) }

    /// The same for bytes: an upper-case first letter, a last digit, and a dash.
    static func mayBeID<C: BidirectionalCollection<UInt8>>(bytes u: C) -> Bool {
        guard let f = u.first, f >= 65 && f <= 90, let l = u.last, l >= 48 && l <= 57 else { return false }
        return u.contains(45)
    }

    /// Keys of the values of a kind's `legacy_id_fields`.
    static func legacyKeys(from values: [String], grammar: IDGrammar) -> [String] {
        values.compactMap { v in
            switch grammar.check(v) {
            case .valid(let p), .legacy(let p): return p.key
            default: return v.isEmpty ? nil : ParsedID.legacyKey(v)
            }
        }
    }
}
