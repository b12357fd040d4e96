import Foundation

/// Quick fixes that create what a dangling reference or mention names (TAX0201, TAX0205): a new entry
/// with that ID, made as `taxo new --id` would (the kind's usual folder and file name, its template, a row in
/// its master list), named by the label written with the ID (`TOL-SEC-999 (Okta)`), else by the ID. An ID
/// another git branch takes (not merged here) is not created a second time: the client that can show it gets
/// the action disabled, with the branch as the reason.
extension LanguageServer {
    static let creatable: Set<String> = [DanglingReference.info.code, DanglingMention.info.code]

    /// The create actions for the dangling IDs on the lines of `range` in the file at `path`.
    func createActions(path: String, lines: ClosedRange<Int>, result: CompileResult, root: URL) -> [[String: Any]] {
        let lib = result.library
        var out: [[String: Any]] = [], seen = Set<String>()
        // Made when a finding in range asks for it (code actions are requested at every cursor move).
        var made: Templates?
        for d in result.diagnostics where LanguageServer.creatable.contains(d.code) {
            guard let at = d.location, at.file == path, lines.contains(at.line - 1),
                let subject = d.subject, case .valid(let id) = lib.grammar.check(subject),
                seen.insert(id.key).inserted
            else { continue }
            let label = LanguageServer.label(of: id, at: at, in: lib)
            let kind = lib.config.kinds[id.kind].name
            if let taken = takenElsewhere(id) {
                if disabledActions {
                    out.append([
                        "title": "Create \(kind) \(id.written)" + (label.map { " '\($0)'" } ?? ""), "kind": "quickfix",
                        "disabled": [
                            "reason":
                                "\(id.written) is taken on \(NewEntry.branchList(taken.branches)), not merged here: "
                                + "merge that branch, or reference another ID"
                        ],
                    ])
                }
                continue
            }
            let templates = made ?? Templates(directory: root.appendingPathComponent("templates").path)
            made = templates
            guard
                let plan = try? NewEntry.plan(
                    kind: kind, name: label ?? id.written, department: id.canonicalDepartment ?? id.department,
                    parent: nil, dir: nil, library: lib, root: root.path, templates: templates, id: id.written)
            else { continue }
            let file = root.appendingPathComponent(plan.file.path).absoluteString
            var changes: [[String: Any]] = [
                ["kind": "create", "uri": file, "options": ["ignoreIfExists": true]],
                LanguageServer.textEdit(uri: file, original: [], text: plan.file.text),
            ]
            for u in plan.updates {
                let original =
                    FileReader.read(root.appendingPathComponent(u.path).path).map { FileEncoding.decode($0).text } ?? []
                changes.append(
                    LanguageServer.textEdit(
                        uri: root.appendingPathComponent(u.path).absoluteString, original: original, text: u.text))
            }
            out.append([
                "title": "Create \(kind) \(id.written)" + (label.map { " '\($0)'" } ?? "") + " in \(plan.file.path)",
                "kind": "quickfix", "edit": ["documentChanges": changes],
            ])
        }
        return out
    }

    /// The branches that take an ID, from git read at most once a minute, and again after a save or a change
    /// of watched files (a commit or a fetch moves branches); read only when an action would create an entry,
    /// since each branch costs two git processes.
    func takenElsewhere(_ id: ParsedID) -> BranchIDs.Taken? {
        guard let root, let config else { return nil }
        if let known = branches, Date().timeIntervalSince(known.read) < 60 { return known.ids?.taken[id.key] }
        let ids = BranchIDs.read(root: root, config: config)
        branches = (ids, Date())
        return ids?.taken[id.key]
    }

    /// The label written with a dangling ID at a place: a reference's or a mention's.
    static func label(of id: ParsedID, at: SourceLocation, in lib: Library) -> String? {
        for e in lib.entities where e.file == at.file {
            for r in e.references where r.id.key == id.key && r.location.line == at.line {
                if let l = r.label, !l.isEmpty { return l }
            }
        }
        for doc in lib.documents where doc.path == at.file {
            for m in doc.mentions where m.id.key == id.key && m.location.line == at.line {
                if let l = m.label, !l.isEmpty { return l }
            }
        }
        return nil
    }

    /// An edit replacing a file's whole text (`original`, empty for a new file).
    static func textEdit(uri: String, original: [UInt8], text: String) -> [String: Any] {
        [
            "textDocument": ["uri": uri, "version": NSNull()],
            "edits": [["range": lspRange(bytes: original, start: 0, end: original.count), "newText": text]],
        ]
    }
}
