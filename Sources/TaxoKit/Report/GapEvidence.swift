/// How a gap report in Markdown cites where a candidate occurs: links that open each document at the line,
/// a document named by its file name (its path when two of the report's documents share one), a document's
/// further lines by their number alone: `[Video_024.md:11](…#L11), [:14](…#L14) [02:12]; [Phase3.md:93](…#L93)`.
struct GapEvidence {
    /// Library path -> the link from where the report is written (made once per file).
    let link: (String) -> String
    /// Library path -> the escaped text that names it.
    private var labels: [String: String] = [:]

    init(_ r: GapReport, link: @escaping (String) -> String) {
        self.link = link
        var byName: [Substring: Int] = [:]
        for t in r.targets { byName[GapEvidence.fileName(t), default: 0] += 1 }
        for t in r.targets {
            labels[t] = MarkdownText.linkText(
                byName[GapEvidence.fileName(t)] == 1 ? String(GapEvidence.fileName(t)) : t)
        }
    }

    static func fileName(_ path: String) -> Substring { path.split(separator: "/").last ?? Substring(path) }

    /// The text naming a file (a file that is none of the targets by its path).
    func label(_ path: String) -> String { labels[path] ?? MarkdownText.linkText(path) }

    /// The first `limit` places of a candidate (indices of its occurrences), grouped by document, and how
    /// many more there are.
    func cell(_ c: GapCandidate, places: [Int], limit: Int = 4) -> String {
        var s = ""
        var lastFile: String?
        for i in places.prefix(limit) {
            let o = c.occurrences[i]
            if let f = lastFile { s += f == o.file ? ", " : "; " }
            s += place(o, named: lastFile != o.file)
            lastFile = o.file
        }
        if places.count > limit { s += ", +\(places.count - limit) more" }
        return s
    }

    /// One place: `[file:12](file#L12) [09:05]`, or `[:12](file#L12)` after a place in the same file.
    func place(_ o: GapOccurrence, named: Bool = true) -> String {
        let line = String(o.line)
        var s = "["
        if named { s += label(o.file) }
        s += ":" + line + "](" + link(o.file) + "#L" + line + ")"
        if let t = o.timestamp { s += " [" + t + "]" }
        if let v = o.version { s += " (" + MarkdownText.escape(v) + ")" }
        return s
    }

    /// The library's entry for a candidate: its ID and name linking to its declaration (the file alone for
    /// a file that does not parse); "—" when there is none.
    func library(_ c: GapCandidate, in lib: Library) -> Markdown {
        guard let id = c.libraryID else { return Markdown("—") }
        let text = MarkdownText.linkText(id + (c.libraryName.map { " " + $0 } ?? ""))
        guard let file = c.libraryFile else { return Markdown(text) }
        let line = c.libraryEntity.map { lib.entities[$0].location.line }.flatMap { $0 > 0 ? "#L\($0)" : nil } ?? ""
        return Markdown("[" + text + "](" + link(file) + line + ")")
    }
}
