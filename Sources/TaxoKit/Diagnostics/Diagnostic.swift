/// The one finding type of taxo: a stable rule code, a severity, a message, where it is,
/// notes pointing at related places, and a fix hint.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// A secondary place or remark attached to a diagnostic (the other copy of a duplicate ID).
    public struct Note: Sendable, Hashable, Codable {
        public var message: String
        public var location: SourceLocation?
        /// A note, maybe at a place.
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }

        /// At most this many other places of a finding folded from several are listed.
        public static let foldedPlaces = 10

        /// The notes of a finding folded from several: the first `foldedPlaces` of the other places, then
        /// how many more there are (`and 7 more entities`).
        public static func others(_ notes: [Note], more what: String) -> [Note] {
            guard notes.count > foldedPlaces else { return notes }
            return Array(notes.prefix(foldedPlaces))
                + [Note("and \(notes.count - foldedPlaces) more" + (what.isEmpty ? "" : " " + what))]
        }
    }

    /// The repair that needs no judgement, when there is one: the text written at the location, and what
    /// replaces it (`taxo fix`, the editor's quick fix and `--format json` read it; no message is parsed back).
    public struct Replacement: Sendable, Hashable, Codable {
        public var written: String
        public var with: String
        public init(_ written: String, with: String) {
            self.written = written
            self.with = with
        }
    }

    public var code: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var notes: [Note]
    public var hint: String?
    public var replacement: Replacement?
    /// Repairs that need a person's choice ("did you mean ...?"), closest first: each replaces `written` at
    /// the location (the editor offers them as quick fixes; `taxo fix` applies none).
    public var suggestions: [Replacement] = []
    /// What the finding is about, for tools: the ID or value as written (a dangling reference's ID, a duplicate
    /// ID, an unknown department's value, an entity the hierarchy rules judge), or a link's target as a path
    /// from the library root. The editor's create actions, `--changed` and the department hint read it; no
    /// message is parsed back.
    public var subject: String?

    /// A finding of rule `code` at a place, with notes, a hint for the fix and the fix itself when it needs
    /// no judgement.
    public init(
        code: String, severity: Severity, message: String, at location: SourceLocation?,
        notes: [Note] = [], hint: String? = nil, replacement: Replacement? = nil, subject: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.hint = hint
        self.replacement = replacement
        self.subject = subject
    }

    /// Deterministic order: file, line, column, code, message.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let fa = a.location?.file ?? "", fb = b.location?.file ?? ""
        if fa != fb { return fa < fb }
        let la = a.location?.line ?? 0, lb = b.location?.line ?? 0
        if la != lb { return la < lb }
        let ca = a.location?.column ?? 0, cb = b.location?.column ?? 0
        if ca != cb { return ca < cb }
        if a.code != b.code { return a.code < b.code }
        return a.message < b.message
    }

    /// Diagnostics in `ordered` order, each once; those equal in that order (same place, code and message,
    /// another hint or note) keep the order they came in, so that a run's output is the same every time.
    /// Indices are sorted, not the diagnostics: moving a diagnostic copies its strings' references, and at
    /// 200,000 findings the sort took most of a check.
    public static func sortedUnique(_ diags: [Diagnostic]) -> [Diagnostic] {
        // Sort keys made once: the rank of the file and of the code in string order, the line and the column;
        // messages are compared only between findings alike in all four. (Comparing the diagnostics
        // themselves copied two of them, a dozen references each, per comparison: the editor sorted 35,000
        // findings on every keystroke.)
        // (Fields are read through the array, by index: a diagnostic taken out of it is a copy.)
        var fileRank: [String: Int] = [:], codeRank: [String: Int] = [:]
        for i in diags.indices {
            fileRank[diags[i].location?.file ?? "", default: 0] = 0
            codeRank[diags[i].code, default: 0] = 0
        }
        for (i, f) in fileRank.keys.sorted().enumerated() { fileRank[f] = i }
        for (i, c) in codeRank.keys.sorted().enumerated() { codeRank[c] = i }
        let keys = diags.indices.map { i in
            SortKey(
                file: fileRank[diags[i].location?.file ?? ""]!, line: diags[i].location?.line ?? 0,
                column: diags[i].location?.column ?? 0, code: codeRank[diags[i].code]!)
        }
        /// Whether the diagnostics at `a` and `b` differ in place, code or message.
        func differ(_ a: Int, _ b: Int) -> Bool { keys[a] != keys[b] || diags[a].message != diags[b].message }
        let order = diags.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            let ma = diags[a].message, mb = diags[b].message
            if ma != mb { return ma < mb }
            return a < b
        }
        var out: [Diagnostic] = []
        out.reserveCapacity(diags.count)
        // The diagnostics kept since the last change of place, code or message; a long run (thousands of
        // findings alike but for their hints) is looked up in a set rather than scanned.
        var run = 0
        var last = -1
        var runSet: Set<Diagnostic> = []
        for i in order {
            if last >= 0, differ(last, i) {
                run = out.count
                runSet.removeAll(keepingCapacity: true)
            }
            let length = out.count - run
            if length >= 16 {
                if runSet.isEmpty { runSet = Set(out[run...]) }
                if !runSet.insert(diags[i]).inserted { continue }
            } else if out[run...].contains(diags[i]) {
                continue
            }
            out.append(diags[i])
            last = i
        }
        return out
    }

    /// Where a diagnostic sorts, but for its message: ranks of its file and code, its line and column.
    struct SortKey: Equatable {
        var file, line, column, code: Int

        static func < (a: SortKey, b: SortKey) -> Bool {
            (a.file, a.line, a.column, a.code) < (b.file, b.line, b.column, b.code)
        }
    }
}

/// Counts of a set of diagnostics by severity.
public struct DiagnosticSummary: Sendable, Codable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var notes = 0
    public var files = 0
    public var entities = 0
    public var documents = 0
    public var references = 0

    /// All counts zero.
    public init() {}

    /// Counts diagnostics by severity.
    public mutating func count(_ diagnostics: [Diagnostic]) {
        for d in diagnostics {
            switch d.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            case .off: break
            }
        }
    }
}
