import Foundation

/// One finding as an LSP diagnostic, made once and then written either as the dictionary a pushed message
/// holds or straight into the bytes of a workspace report: encoding every file's findings through
/// `JSONSerialization` was most of a workspace report's time on a library with thousands of findings.
struct DiagnosticItem {
    /// Another place the finding points at (`relatedInformation`).
    struct Related {
        var uri: String
        var span: (line: Int, start: Int, end: Int)
        var message: String
    }

    var span: (line: Int, start: Int, end: Int)
    var severity: Int
    var code: String
    var message: String
    var related: [Related]

    /// The diagnostic as the protocol's object.
    var dictionary: [String: Any] {
        var item: [String: Any] = [
            "range": LanguageServer.lineRange(span.line, span.start, span.end), "severity": severity, "code": code,
            "source": "taxo", "message": message,
        ]
        if !related.isEmpty {
            item["relatedInformation"] = related.map { r -> [String: Any] in
                [
                    "location": [
                        "uri": r.uri, "range": LanguageServer.lineRange(r.span.line, r.span.start, r.span.end),
                    ],
                    "message": r.message,
                ]
            }
        }
        return item
    }

    /// The same object written into `w` (keys sorted as `LanguageServer.encode` sorts them).
    func write(into w: inout JSONWriter) {
        w.beginObject()
        w.string("code", code)
        w.string("message", message)
        DiagnosticItem.write(span, "range", into: &w)
        if !related.isEmpty {
            w.beginArray("relatedInformation")
            for r in related {
                w.beginObject()
                w.beginObject("location")
                DiagnosticItem.write(r.span, "range", into: &w)
                w.string("uri", r.uri)
                w.endObject()
                w.string("message", r.message)
                w.endObject()
            }
            w.endArray()
        }
        w.int("severity", severity)
        w.string("source", "taxo")
        w.endObject()
    }

    static func write(_ span: (line: Int, start: Int, end: Int), _ key: String, into w: inout JSONWriter) {
        w.beginObject(key)
        w.beginObject("end"); w.int("character", span.end); w.int("line", span.line); w.endObject()
        w.beginObject("start"); w.int("character", span.start); w.int("line", span.line); w.endObject()
        w.endObject()
    }
}
