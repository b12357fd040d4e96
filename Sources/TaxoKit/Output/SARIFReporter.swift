import Foundation

/// SARIF 2.1.0 with one run, the rules that fired, and one result per diagnostic. Artifact URIs are
/// percent-encoded relative references against the base `SRCROOT`, which `originalUriBaseIds` gives as
/// the working directory's file URI.
public enum SARIFReporter {
    public static let baseID = "SRCROOT"

    /// The findings as a SARIF 2.1.0 log (for code-scanning tools); `fingerprints`, one per finding, are
    /// written as each result's `partialFingerprints` (`taxo/v1`).
    public static func render(_ diags: [Diagnostic], workingDirectory: String? = nil, fingerprints: [String]? = nil)
        -> String
    {
        let codes = Set(diags.map(\.code))
        var w = JSONWriter()
        w.beginObject()
        w.string("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        w.string("version", "2.1.0")
        w.beginArray("runs")
        w.beginObject()
        driver(&w, rules: RuleRegistry.all.filter { codes.contains($0.code) })
        // taxo counts columns in Unicode scalars (an emoji with its variation selector is two), not UTF-16 units.
        w.string("columnKind", "unicodeCodePoints")
        if let wd = workingDirectory {
            w.beginObject("originalUriBaseIds")
            w.beginObject(baseID)
            w.string("uri", "file://" + PercentEncoding.path(URL(fileURLWithPath: wd).standardizedFileURL.path) + "/")
            w.endObject()
            w.endObject()
        }
        w.beginArray("results")
        for (i, d) in diags.enumerated() { result(&w, d, fingerprint: fingerprints?[i]) }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.out + "\n"
    }

    /// The tool: taxo, its version, and the rules that fired.
    static func driver(_ w: inout JSONWriter, rules: [RuleInfo]) {
        w.beginObject("tool")
        w.beginObject("driver")
        w.string("name", "taxo")
        w.string("version", TaxoVersion.string)
        w.string("informationUri", "https://example.invalid/taxo")
        w.beginArray("rules")
        for r in rules {
            w.beginObject()
            w.string("id", r.code)
            w.string("name", r.name)
            w.beginObject("shortDescription"); w.string("text", r.summary); w.endObject()
            w.beginObject("fullDescription"); w.string("text", r.explanation); w.endObject()
            w.beginObject("defaultConfiguration"); w.string("level", level(r.defaultSeverity)); w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
    }

    /// One result: rule, level, message (with the hint), location, related locations (the notes) and, in its
    /// properties, what the finding is about.
    static func result(_ w: inout JSONWriter, _ d: Diagnostic, fingerprint: String? = nil) {
        w.beginObject()
        w.string("ruleId", d.code)
        w.string("level", level(d.severity))
        w.beginObject("message")
        w.string("text", d.message + (d.hint.map { " (\($0))" } ?? ""))
        w.endObject()
        if let l = d.location { location(&w, l, key: "locations") }
        if !d.notes.isEmpty {
            w.beginArray("relatedLocations")
            for (i, n) in d.notes.enumerated() {
                w.beginObject()
                w.int("id", i + 1)
                if let l = n.location { physical(&w, l) }
                w.beginObject("message"); w.string("text", n.message); w.endObject()
                w.endObject()
            }
            w.endArray()
        }
        if let fingerprint {
            w.beginObject("partialFingerprints"); w.string("taxo/v1", fingerprint); w.endObject()
        }
        if let subject = d.subject {
            w.beginObject("properties"); w.string("subject", subject); w.endObject()
        }
        w.endObject()
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        default: return "note"
        }
    }

    static func location(_ w: inout JSONWriter, _ l: SourceLocation, key: String) {
        w.beginArray(key)
        w.beginObject()
        physical(&w, l)
        w.endObject()
        w.endArray()
    }

    static func physical(_ w: inout JSONWriter, _ l: SourceLocation) {
        w.beginObject("physicalLocation")
        w.beginObject("artifactLocation"); w.string("uri", PercentEncoding.path(l.file)); w.string("uriBaseId", baseID);
        w.endObject()
        w.beginObject("region"); w.int("startLine", l.line); w.int("startColumn", l.column); w.endObject()
        w.endObject()
    }
}
