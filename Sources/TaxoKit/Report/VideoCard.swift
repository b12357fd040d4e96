/// One video as an analyst follows it (`taxo show Video_024`): its metadata, where it stands in each phase
/// with the artifacts found, the next step, and its gap analysis in brief (candidates by verdict, the HIGH
/// gaps with what to do about each).
public struct VideoCard {
    let video: PhaseTracker.Video
    let report: GapReport?
    /// At most this many HIGH gaps are listed (the rest are counted; `taxo gaps` lists them all).
    static let highShown = 20

    /// The card of a tracked video, with its gap analysis when it has documents.
    public init(video: PhaseTracker.Video, report: GapReport?) {
        self.video = video
        self.report = report
    }

    /// The tracker's video of this ID: as written, in another case, or with its number padded otherwise
    /// (`Video_0512` for `Video_512`, `video_24` for `Video_024`); nil when none is.
    public static func video(_ text: String, in tracker: PhaseTracker) -> PhaseTracker.Video? {
        if let v = tracker.videos.first(where: { $0.id == text }) { return v }
        let wanted = Set(VideoIDs.spellings(text.lowercased()))
        return tracker.videos.first { v in VideoIDs.spellings(v.id.lowercased()).contains { wanted.contains($0) } }
    }

    /// The card of the video a text names, with its gap analysis (`command` is what the report says made
    /// it); nil when the library tracks no such video.
    public init?(
        _ text: String, result: CompileResult, root: String, command: String, analyzer: GapAnalyzer? = nil
    ) {
        guard let v = VideoCard.video(text, in: PhaseTracker(result: result)) else { return nil }
        let report = try? Gaps.report(
            targets: [v.id], library: result.library, root: root, command: command, analyzer: analyzer)
        self.init(video: v, report: report)
    }

    var high: [GapCandidate] { report?.candidates.filter { $0.priority == "HIGH" } ?? [] }

    /// The card as text for a terminal; `path` shows a library path as the caller wants. Text from the
    /// library is made visible (`Visible`).
    public func text(path: (String) -> String = { $0 }) -> String {
        var lines = [video.id + (video.title.map { " " + $0 } ?? "")]
        let facts = [video.creator, video.duration, video.url].compactMap { $0 }
        if !facts.isEmpty { lines.append("  " + facts.joined(separator: " · ")) }
        lines += ["  next: \(video.nextAction)", "", "Phases"]
        for p in video.phases {
            var shown = p.artifacts.map(path).joined(separator: ", ")
            if shown.isEmpty, p.entities > 0 {
                shown = "\(p.entities) entit\(p.entities == 1 ? "y names" : "ies name") the video"
            }
            lines.append("  \(p.state.symbol) \(p.phase.number) \(p.phase.name)\(shown.isEmpty ? "" : "  " + shown)")
        }
        if let report {
            let verdicts = GapReport.verdicts(of: report.candidates, at: report.candidates.indices)
            let counts = GapVerdict.allCases.compactMap { v in verdicts[v].map { "\($0) \(v.rawValue)" } }
            let n = report.candidates.count, d = report.targets.count
            lines += [
                "",
                "Gap analysis: \(n) candidate\(n == 1 ? "" : "s") in \(d) document\(d == 1 ? "" : "s"): "
                    + counts.joined(separator: ", "),
            ]
            let high = self.high
            lines.append("  \(high.count) HIGH")
            for c in high.prefix(VideoCard.highShown) {
                let id = c.name == nil ? "" : c.id.map { " (\($0))" } ?? ""
                lines.append("  \(c.text)\(id)  \(c.verdict.rawValue): \(report.action(c))")
            }
            if high.count > VideoCard.highShown {
                lines.append("  and \(high.count - VideoCard.highShown) more: taxo gaps \(video.id)")
            }
        } else {
            lines += ["", "No documents of this video to analyse."]
        }
        return lines.map(Visible.escaped).joined(separator: "\n") + "\n"
    }

    /// The card as JSON: the video, its phases, and the gap analysis's counts and HIGH gaps.
    public func json() -> String {
        var w = JSONWriter()
        w.beginObject()
        w.string("video", video.id)
        w.string("title", video.title)
        w.string("creator", video.creator)
        w.string("url", video.url)
        w.string("duration", video.duration)
        w.string("next_action", video.nextAction)
        DataJSON.phases(video.phases, into: &w)
        if let report {
            w.beginObject("gaps")
            w.int("candidates", report.candidates.count)
            w.beginArray("documents"); for t in report.targets { w.string(nil, t) }; w.endArray()
            let verdicts = GapReport.verdicts(of: report.candidates, at: report.candidates.indices)
            for v in GapVerdict.allCases { w.int(v.rawValue, verdicts[v] ?? 0) }
            w.beginArray("high")
            for c in high {
                w.beginObject()
                w.string("text", c.text); w.string("id", c.id); w.string("verdict", c.verdict.rawValue)
                w.string("suggested_id", c.suggestedID); w.string("action", report.action(c))
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endObject()
        return w.out + "\n"
    }
}
