/// How a gap report in Markdown cites where a candidate occurs: links that open each document at the line,
/// a document named by its file name (its path when two of the report's documents share one), a document's
/// further lines by their number alone: `[Video_024.md:11](…#L11), [:14](…#L14) [02:12]; [Phase3.md:93](…#L93)`.
/// A class: each file's name and link are made once per report (a report cites its few documents thousands
/// of times).
final class GapEvidence {
    let links: ReportLinks
    /// File name -> how many of the report's targets have it.
    private let names: [Substring: Int]
    /// Library path -> the escaped text that names it, and its link.
    private var files: [String: (label: String, link: String)] = [:]

    init(_ r: GapReport, links: ReportLinks) {
        self.links = links
        var names: [Substring: Int] = [:]
        for t in r.targets { names[PathDisplay.fileName(t), default: 0] += 1 }
        self.names = names
    }

    /// A file's text (its name when it is the only target so named, else its path) and link.
    func file(_ path: String) -> (label: String, link: String) {
        if let known = files[path] { return known }
        let name = PathDisplay.fileName(path)
        let made = (MarkdownText.linkText(names[name] == 1 ? String(name) : path), links(path))
        files[path] = made
        return made
    }

    /// The first `limit` places of a candidate (indices of its occurrences), grouped by document, and how
    /// many more there are.
    func cell(_ c: GapCandidate, places: [Int], limit: Int = 4) -> String {
        var s: [UInt8] = []
        var last: (path: String, label: String, link: String)?
        for i in places.prefix(limit) {
            let o = c.occurrences[i]
            let same = last?.path == o.file
            if last != nil { s.append(contentsOf: (same ? ", " : "; ").utf8) }
            if !same {
                let f = file(o.file)
                last = (o.file, f.label, f.link)
            }
            GapEvidence.append(o, label: same ? "" : last!.label, link: last!.link, to: &s)
        }
        if places.count > limit { s.append(contentsOf: ", +\(places.count - limit) more".utf8) }
        return String(decoding: s, as: UTF8.self)
    }

    /// One place with its file named: `[file:12](file#L12) [09:05]`.
    func place(_ o: GapOccurrence) -> String {
        var s: [UInt8] = []
        let f = file(o.file)
        GapEvidence.append(o, label: f.label, link: f.link, to: &s)
        return String(decoding: s, as: UTF8.self)
    }

    /// `[label:12](link#L12) [09:05] (v1.2)`, appended in place.
    static func append(_ o: GapOccurrence, label: String, link: String, to s: inout [UInt8]) {
        ReportLinks.appendLine(o.line, label: label, target: link, to: &s)
        if let t = o.timestamp {
            s.append(contentsOf: " [".utf8)
            s.append(contentsOf: t.utf8)
            s.append(UInt8(ascii: "]"))
        }
        if let v = o.version {
            s.append(contentsOf: " (".utf8)
            s.append(contentsOf: MarkdownText.escape(v).utf8)
            s.append(UInt8(ascii: ")"))
        }
    }

    /// The library's entry for a candidate: its ID and name linking to its declaration; "—" when there is
    /// none.
    func library(_ c: GapCandidate, in lib: Library) -> Markdown {
        guard let id = c.libraryID else { return Markdown("—") }
        let text = c.libraryName.map { id + " " + $0 } ?? id
        guard let path = c.libraryFile else { return Markdown(MarkdownText.linkText(text)) }
        return links.declaration(text, file: path, line: c.libraryEntity.map { lib.entities[$0].location.line } ?? 0)
    }
}
