/// `--format json` of the commands that print data (`phases`, `search`, `explain`): versioned objects,
/// in the order the text output has.
public enum DataJSON {
    public static let version = 1

    /// `taxo phases --format json`.
    public static func phases(_ t: PhaseTracker) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.int("version", version)
        w.beginArray("videos")
        for v in t.videos {
            w.beginObject()
            w.string("id", v.id)
            w.string("title", v.title)
            w.string("next_action", v.nextAction)
            phases(v.phases, into: &w)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.out + "\n"
    }

    /// A video's phases as a `phases` array (the tracker's JSON, `taxo show VIDEO`, MCP `get_video`).
    static func phases(_ phases: [PhaseTracker.PhaseStatus], into w: inout JSONWriter) {
        w.beginArray("phases")
        for p in phases {
            w.beginObject()
            w.int("number", p.phase.number)
            w.string("name", p.phase.name)
            w.string("state", p.state.rawValue)
            w.beginArray("artifacts")
            for a in p.artifacts { w.string(nil, a) }
            w.endArray()
            w.int("entities", p.entities)
            w.endObject()
        }
        w.endArray()
    }

    /// `taxo search --format json` (`did_you_mean`: the query with its misspelt words corrected, when it
    /// found nothing and a correction exists).
    public static func search(_ hits: [IndexSearch.Hit], query: String, didYouMean: String? = nil) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.int("version", version)
        w.string("query", query)
        if let didYouMean { w.string("did_you_mean", didYouMean) }
        w.beginArray("hits")
        for h in hits {
            w.beginObject()
            w.string("file", h.file)
            w.int("line", h.line)
            w.string("title", h.title)
            w.string("snippet", h.snippet)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.out + "\n"
    }

    /// `taxo explain --format json`.
    public static func rules(_ rules: [RuleInfo]) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.int("version", version)
        w.beginArray("rules")
        for r in rules {
            w.beginObject()
            w.string("code", r.code)
            w.string("name", r.name)
            w.string("family", r.family)
            w.string("severity", r.defaultSeverity.label)
            w.string("summary", r.summary)
            w.string("explanation", r.explanation)
            for (key, examples) in [("triggering", r.triggering), ("non_triggering", r.nonTriggering)] {
                w.beginArray(key)
                for ex in examples {
                    w.beginObject()
                    for f in ex.files { w.string(f.path, String(decoding: f.bytes, as: UTF8.self)) }
                    w.endObject()
                }
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.out + "\n"
    }
}
