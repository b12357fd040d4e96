import Foundation

/// `fix`: the repairs `taxo fix` makes (those that need no judgement), for a file, a folder or the library,
/// of one rule or all: each edit with its line, rule, old and new text, and the files it would rename; on a
/// read-only server nothing is written, with `--allow-write` the files are rewritten as `taxo fix --write`.
extension AssistantSession {
    static let fixTool = AssistantTool(
        name: "fix", title: "Make the repairs that need no judgement",
        description: """
            The repairs `taxo fix` makes: links to files that moved or differ in letter case (TAX0401), files \
            whose name carries a stale ID renamed with every link to them (TAX0105), alternate spellings of IDs \
            (TAX0206), old IDs whose label agrees (TAX0207), a misspelt prefix with one correction (TAX0102), a \
            field value that differs from an allowed one in letter case (TAX0703), bytes that are not UTF-8 \
            (TAX0002). Never a label naming another entity, a duplicate ID or a file that does not parse. \
            Returns each edit (file, line, rule, old and new text) and each rename; on a read-only server \
            nothing is written, with --allow-write the files are rewritten. Findings that need judgement stay: \
            `findings` lists them.
            """,
        parameters: [
            AssistantTool.string(
                "path", "A file or folder, relative to the library root (default: the whole library)."),
            AssistantTool.string("rule", "Only this rule's repairs: a code or name (TAX0401, broken-link)."),
        ], readOnly: false, destructive: true)

    func fix(_ args: ToolArguments) throws -> ToolOutcome {
        let path = try existingPath(args)
        let rules = try rule(args).map { Set([$0.code]) }
        let fixes = Fixes.plan(result, root: root, only: path.map { [$0] }, rules: rules)
        if allowWrite, !fixes.isEmpty {
            try Fixes.apply(fixes, root: root)
            refresh()
        }
        var w = JSONWriter()
        w.beginObject()
        w.bool("written", allowWrite && !fixes.isEmpty)
        if !allowWrite { w.string("note", "read-only server: nothing was written (taxo mcp --allow-write writes)") }
        w.int("changes", fixes.reduce(0) { $0 + $1.changes })
        w.beginArray("files")
        for f in fixes {
            w.beginObject()
            w.string("path", f.path)
            w.string("rename_to", f.renameTo)
            w.bool("reencoded", f.reencoded)
            f.writeEdits(into: &w, rules: true)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return ToolOutcome(text: w.out + "\n", isError: false)
    }
}

extension Fixes.FileFix {
    /// The file's edits as an `edits` array: each one's line, old and new text (and with `rules`, its rule).
    func writeEdits(into w: inout JSONWriter, rules: Bool) {
        w.beginArray("edits")
        let lines = LineTable(original)
        for e in edits {
            w.beginObject()
            w.int("line", lines.lineIndex(of: e.start) + 1)
            if rules { w.string("rule", e.code) }
            w.string("old", String(decoding: original[e.start..<e.end], as: UTF8.self))
            w.string("new", e.replacement)
            w.endObject()
        }
        w.endArray()
    }
}
