/// `{"version": 2, "root": "kb", "diagnostics": [...], "summary": {...}}`, sorted by file, line, column,
/// code. Paths are relative to the working directory; `root` is the library root, relative to it too
/// (version 1 had no `root` and paths relative to the library root).
public enum JSONReporter {
    public static let version = 2

    /// The findings and their counts as JSON.
    public static func render(_ diags: [Diagnostic], summary: DiagnosticSummary, root: String = ".") -> String {
        var w = JSONWriter()
        w.beginObject()
        w.int("version", version)
        w.string("root", root)
        w.beginArray("diagnostics")
        for d in diags { write(d, into: &w) }
        w.endArray()
        w.beginObject("summary")
        w.int("errors", summary.errors)
        w.int("warnings", summary.warnings)
        w.int("notes", summary.notes)
        w.int("files", summary.files)
        w.int("entities", summary.entities)
        w.int("documents", summary.documents)
        w.int("references", summary.references)
        w.endObject()
        w.endObject()
        return w.out + "\n"
    }

    /// One diagnostic as an object of the array being written.
    static func write(_ d: Diagnostic, into w: inout JSONWriter, extra: ((inout JSONWriter) -> Void)? = nil) {
        w.beginObject()
        w.string("code", d.code)
        w.string("severity", d.severity.label)
        w.string("file", d.location?.file)
        w.int("line", d.location?.line)
        w.int("column", d.location?.column)
        w.string("message", d.message)
        w.notes("notes", d.notes)
        w.string("hint", d.hint)
        w.string("subject", d.subject)
        if let r = d.replacement {
            w.beginObject("replacement"); w.string("written", r.written); w.string("with", r.with); w.endObject()
        }
        if !d.suggestions.isEmpty {
            w.beginArray("suggestions")
            for r in d.suggestions {
                w.beginObject(); w.string("written", r.written); w.string("with", r.with); w.endObject()
            }
            w.endArray()
        }
        extra?(&w)
        w.endObject()
    }
}
