/// The phase progress of every video as inline SVG: one row per video, one cell per phase, coloured by
/// its state (done, with errors, missing, optional and absent), the row linking to the video's page.
enum PhaseChart {
    static let cell = 22, labelWidth = 120, rowHeight = 26

    static func svg(_ tracker: PhaseTracker, page: String) -> String? {
        guard !tracker.videos.isEmpty else { return nil }
        let phases = tracker.phases.count
        let width = labelWidth + phases * (cell + 4) + 8
        let height = 24 + tracker.videos.count * rowHeight
        var out =
            "<svg class=\"phases\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Phase progress of every video\">"
        for (i, p) in tracker.phases.enumerated() {
            let x = labelWidth + i * (cell + 4) + cell / 2
            out +=
                "<text class=\"head\" x=\"\(x)\" y=\"14\" text-anchor=\"middle\"><title>"
                + HTMLText.escape(p.name) + "</title>\(p.number)</text>"
        }
        for (r, v) in tracker.videos.enumerated() {
            let y = 24 + r * rowHeight
            out += "<a href=\"\(HTMLText.escape(SitePaths.link(from: page, to: SitePaths.video(v.id))))\">"
            out += "<text x=\"0\" y=\"\(y + 16)\">\(HTMLText.escape(v.id))</text>"
            for (i, p) in v.phases.enumerated() {
                let x = labelWidth + i * (cell + 4)
                out +=
                    "<rect class=\"s-\(p.state.rawValue)\" x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" rx=\"3\">"
                    + "<title>\(HTMLText.escape("Phase \(p.phase.number) \(p.phase.name): \(p.state.rawValue)"))</title></rect>"
            }
            out += "</a>"
        }
        return out + "</svg>"
    }
}
