/// What a change touches: the changed files (library-relative; deleted ones included) and every ID those
/// files declare now or declared before the change. `taxo check PATHS` and `taxo check --changed` report
/// exactly the findings of a full check that touch it, so renaming `TOL-QA-031` in its file also reports
/// the references elsewhere that now dangle.
public struct ChangeSet: Sendable {
    public var paths: Set<String>
    /// Folders given on the command line: every file below them is changed.
    public var folders: [String]
    /// Keys of the IDs the changed files declare now or declared before.
    public var keys: Set<String>

    /// `previous` holds the earlier content of changed files (from git), `previousResults` what the
    /// extraction cache of the last build knew of them.
    public init(
        paths: [String], folders: [String] = [], previous: [String: [UInt8]], previousResults: [FileResult] = [],
        result: CompileResult
    ) {
        self.paths = Set(paths)
        self.folders = folders.map { $0.hasSuffix("/") || $0.isEmpty ? $0 : $0 + "/" }
        let lib = result.library
        keys = []
        var keys = Set<String>()
        for e in lib.entities where self.contains(e.file) {
            if let id = e.id { keys.insert(id.key) }
            keys.formUnion(e.legacyKeys)
        }
        for r in previousResults {
            for e in r.entities {
                if let id = e.id { keys.insert(id.key) }
                keys.formUnion(e.legacyKeys)
            }
        }
        let processor = FileProcessor(config: lib.config, grammar: lib.grammar, videoRegex: nil)
        for (path, bytes) in previous {
            guard let fmt = Discovery.format(of: path) else { continue }
            for e in processor.process(path: path, format: fmt, bytes: bytes).entities {
                if let id = e.id { keys.insert(id.key) }
                keys.formUnion(e.legacyKeys)
            }
        }
        self.keys = keys
    }

    /// Whether a file is one of the changed ones.
    public func contains(_ file: String) -> Bool {
        paths.contains(file) || folders.contains { $0.isEmpty || file.hasPrefix($0) }
    }

    /// Whether a finding touches the change: it stands in a changed file, one of its notes does, it names
    /// an ID a changed file declares or declared, or its link points at a changed file.
    public func touches(_ d: Diagnostic, grammar: IDGrammar) -> Bool {
        if let f = d.location?.file, contains(f) { return true }
        if d.notes.contains(where: { $0.location.map { contains($0.file) } ?? false }) { return true }
        if !keys.isEmpty {
            for text in [d.message] + d.notes.map(\.message) {
                for tok in grammar.tokens(in: text, typos: false) {
                    if case .id(let p) = tok.0, keys.contains(p.key) { return true }
                }
            }
        }
        if let target = d.subject,
            d.code == BrokenLink.info.code || d.code == BrokenAnchor.info.code
                || d.code == MasterRowWithoutFile.info.code || d.code == DanglingReference.info.code
        {
            // The target itself, or a file of its name (one moved or renamed there, or a master list's bare
            // name). A dangling reference's subject is a path only for a link by file path; an ID matches none.
            if contains(target) { return true }
            let name = PathDisplay.fileName(target)
            if paths.contains(where: { PathDisplay.fileName($0) == name }) { return true }
        }
        return false
    }

    /// The findings that touch the changed files: in them, naming IDs they declare or declared, or linking to them.
    public func filter(_ diags: [Diagnostic], grammar: IDGrammar) -> [Diagnostic] {
        diags.filter { touches($0, grammar: grammar) }
    }
}
