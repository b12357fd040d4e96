import Foundation

/// The tools for writing entries: `next_id`, `check_entry`, `create_entry`, `rename_id`, `move_file`.
extension AssistantSession {
    func nextID(_ args: ToolArguments) throws -> ToolOutcome {
        let k = try NewEntry.kindIndex(try args.required("kind"), config: library.config)
        let given = try NewEntry.department(try args.string("department"), kind: k, library: library)
        var a = allocator()
        let dept = a.department(kind: k, given: given)
        for t in branchIDs()?.ofKind(k) ?? [] { a.reserve(t.id) }
        let id = a.next(kind: k, department: dept)
        if case .valid(let p) = library.grammar.check(id) { reserved.append((p.key, p.written)) }
        var w = JSONWriter()
        w.beginObject()
        w.string("id", id)
        w.string("kind", library.config.kinds[k].name)
        w.string("department", dept)
        w.beginArray("reserved_in_session"); for r in reserved { w.string(nil, r.written) }; w.endArray()
        w.endObject()
        return ToolOutcome(text: w.out + "\n", isError: false)
    }

    func checkEntry(_ args: ToolArguments) throws -> ToolOutcome {
        guard let text = try args.text("text") else { throw TaxoError.badArgument("'text' must not be empty") }
        guard text.utf8.count <= 4_000_000 else { throw TaxoError.badArgument("'text' is longer than 4 MB") }
        let path = try draftPath(try args.required("path"))
        let findings = check([path: text])
        var w = JSONWriter()
        w.beginObject()
        w.string("path", path)
        w.string("kind", library.config.kindIndex(forPath: path).map { library.config.kinds[$0].name })
        w.bool("replaces_existing_file", stamps[path] != nil)
        findingsJSON(findings, &w)
        w.endObject()
        return ToolOutcome(text: w.out + "\n", isError: false)
    }

    func createEntry(_ args: ToolArguments) throws -> ToolOutcome {
        guard allowWrite else {
            return .failure(
                "create_entry writes into the library, and this server is read-only: start it with "
                    + "`taxo mcp --allow-write` to allow it. Nothing was written; check_entry checks a draft without writing."
            )
        }
        let id = try args.string("id")
        let key = id.flatMap { i -> String? in
            if case .valid(let p) = library.grammar.check(i) { return p.key }
            return nil
        }
        let dir = try args.string("path").map { try libraryPath($0, argument: "path") }
        let plan = try NewEntry.plan(
            kind: try args.required("kind"), name: try args.required("name"), department: try args.string("department"),
            parent: try args.string("target"), dir: dir, library: library, root: root, templates: templates,
            allocator: allocator(except: key), id: id, elsewhere: branchIDs(), fields: try args.fields("fields"))
        var texts = [plan.file.path: plan.file.text]
        for u in plan.updates { texts[u.path] = u.text }
        let findings = check(texts)
        if findings.newErrors > 0 {
            var w = JSONWriter()
            w.beginObject()
            w.string("error", "the entry would bring errors; nothing was written")
            findingsJSON(findings, &w)
            w.endObject()
            return .failure(w.out + "\n")
        }
        let written = try NewEntry.write(plan, root: root)
        reserved.removeAll { r in
            if case .valid(let p) = library.grammar.check(plan.id) { return p.key == r.key }
            return false
        }
        refresh()
        var w = JSONWriter()
        w.beginObject()
        w.string("id", plan.id)
        w.string("path", plan.file.path)
        w.beginArray("updated"); for p in written.dropFirst() { w.string(nil, p) }; w.endArray()
        w.string("text", plan.file.text)
        findingsJSON(findings, &w)
        w.endObject()
        return ToolOutcome(text: w.out + "\n", isError: false)
    }

    /// A draft's path: inside the library and its roots, of a format taxo reads, not excluded.
    func draftPath(_ raw: String) throws -> String {
        let path = try libraryPath(raw, argument: "path")
        guard Discovery.format(of: path) != nil else {
            throw TaxoError.badArgument("'\(path)' is not a file taxo reads (.json, .yaml, .yml, .md or .csv)")
        }
        guard library.config.isUnderRoots(path), !library.config.isExcluded(path) else {
            throw TaxoError.badArgument("'\(path)' is outside the library's roots or excluded by taxonomy.yaml")
        }
        return path
    }

    /// A draft's findings: each with whether it is new and whether the library's baseline holds it.
    struct DraftFindings {
        var all: [Diagnostic] = []
        var isNew: [Bool] = []
        var inBaseline: [Bool] = []
        var newErrors: Int { zip(all, isNew).filter { $0.severity == .error && $1 }.count }
    }

    /// The findings the drafts would bring, as if saved: every one in their files, and the new ones
    /// elsewhere (a duplicate ID, a link that now resolves to the wrong kind). A finding is new when the
    /// library did not have it, compared as a baseline compares (rule, file, IDs and message, counted; not
    /// the line, which a row added above it moves).
    func check(_ drafts: [String: String]) -> DraftFindings {
        let after = Compiler.update(result, config: config, changed: drafts.mapValues { Array($0.utf8) })
        let grammar = after.library.grammar
        let old = Baseline.carried(from: result.diagnostics, to: after.diagnostics, grammar: grammar)
        var out = DraftFindings()
        for (d, had) in zip(after.diagnostics, old) {
            let inDraft = d.location.map { drafts[$0.file] != nil } ?? false
            guard inDraft || !had else { continue }
            out.all.append(d)
            out.isNew.append(!had)
        }
        baselineWatch.refresh(config: config, root: root)
        out.inBaseline = baselineWatch.held(out.all, grammar: grammar)
        return out
    }

    func findingsJSON(_ findings: DraftFindings, _ w: inout JSONWriter) {
        w.int("errors", findings.all.filter { $0.severity == .error }.count)
        w.int("warnings", findings.all.filter { $0.severity == .warning }.count)
        w.int("new_errors", findings.newErrors)
        w.beginArray("diagnostics")
        for (i, d) in findings.all.enumerated() {
            JSONReporter.write(d, into: &w) { w in
                w.bool("new", findings.isNew[i])
                w.bool("in_baseline", findings.inBaseline[i])
            }
        }
        w.endArray()
    }
}

extension AssistantSession {
    /// `rename_id`: every place the ID is written, and (with `--allow-write`) the files rewritten, as `taxo
    /// rename --write` does. Read-only, it returns the places and writes nothing.
    func renameID(_ args: ToolArguments) throws -> ToolOutcome {
        let old = try args.required("id"), new = try args.required("new_id")
        let target: (entity: Int, new: ParsedID)
        switch IDRename.check(old: old, new: new, library: library) {
        case .success(let t): target = t
        case .failure(let refusal): throw TaxoError.badArgument(refusal.message)
        }
        let fixes = IDRename.plan(entity: target.entity, new: target.new, library: library, root: root)
        if allowWrite {
            for f in fixes { try Data(f.fixed).write(to: URL(fileURLWithPath: root + "/" + f.path), options: .atomic) }
            refresh()
        }
        var w = JSONWriter()
        w.beginObject()
        w.string("id", library.displayID(library.entities[target.entity]))
        w.string("new_id", target.new.written)
        w.bool("written", allowWrite)
        if !allowWrite { w.string("note", "read-only server: nothing was written (taxo mcp --allow-write writes)") }
        w.beginArray("files")
        for f in fixes {
            w.beginObject()
            w.string("path", f.path)
            w.beginArray("lines")
            let lines = LineTable(f.original)
            for e in f.edits { w.int(nil, lines.lineIndex(of: e.start) + 1) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.int("places", fixes.reduce(0) { $0 + $1.edits.count })
        w.endObject()
        return ToolOutcome(text: w.out + "\n", isError: false)
    }

    /// `move_file`: a file or folder moved inside the library with the links and master-list paths to it (as
    /// `taxo move`): the edits it makes and what else changes; with `--allow-write` done.
    func moveFile(_ args: ToolArguments) throws -> ToolOutcome {
        let from = try args.required("from"), to = try args.required("to")
        let exists = result.library.inventory.kind(of:)
        let planned = FileMove.moves(sources: [from], destination: to, exists: exists).flatMap {
            FileMove.plan($0, result: result, root: root)
        }
        let plan: FileMove.Plan
        switch planned {
        case .success(let p): plan = p
        case .failure(let refusal): throw TaxoError.badArgument(refusal.message)
        }
        if allowWrite {
            try FileMove.apply(plan, root: root)
            refresh()
        }
        var w = JSONWriter()
        w.beginObject()
        w.beginArray("moves")
        for m in plan.moves {
            w.beginObject()
            w.string("from", m.from)
            w.string("to", m.to)
            w.endObject()
        }
        w.endArray()
        w.bool("written", allowWrite)
        if !allowWrite { w.string("note", "read-only server: nothing was written (taxo mcp --allow-write writes)") }
        w.beginArray("files")
        for f in plan.fixes {
            w.beginObject()
            w.string("path", f.path)
            f.writeEdits(into: &w, rules: false)
            w.endObject()
        }
        w.endArray()
        w.beginArray("warnings")
        for n in plan.notes {
            w.string(nil, n.location.map { "\($0.file):\($0.line):\($0.column): " + n.message } ?? n.message)
        }
        w.endArray()
        w.endObject()
        return ToolOutcome(text: w.out + "\n", isError: false)
    }
}
