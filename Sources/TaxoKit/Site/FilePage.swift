/// A library file's page (`files/<path>.html`): its lines, each with an anchor (`#L12`) that evidence and
/// findings link to, the entities it declares, and its findings.
struct FilePage: Encodable {
    typealias Finding = EntityPage.Finding
    var path: String
    var kind: String?
    var entities: [SiteLink]
    var diagnostics: [Finding]
    var listing: HTML
    var lines: Int
    var hasEntities = false, hasDiagnostics = false

    /// The page without its listing (`list` adds it): what its print is made from, with the file's
    /// content hash.
    init(_ path: String, entities declared: [Int], page: String, site: SiteData) {
        self.path = path
        let segments = Config.segments(path)
        kind =
            site.lib.config.kindIndex(segments: segments).map { site.lib.config.kinds[$0].name }
            ?? site.lib.config.documentType(segments: segments)?.name
        entities = declared.compactMap { i in
            site.paths.entityPages[i].map {
                SiteLink(
                    text: site.lib.label(at: i),
                    href: SitePaths.link(from: page, to: $0))
            }
        }
        diagnostics = (site.findingsByFile[path] ?? []).map { f in
            let d = f.diagnostic
            return Finding(
                code: d.code, severity: d.severity.label, message: d.message,
                href: SitePaths.atLine("", d.location?.line ?? 1),
                line: d.location?.line ?? 0, known: f.known)
        }
        listing = HTML("")
        lines = 0
        hasEntities = !entities.isEmpty
        hasDiagnostics = !diagnostics.isEmpty
    }

    /// Adds the file's lines.
    mutating func list(_ text: String) {
        let (html, count) = FilePage.listing(text)
        listing = HTML(html)
        lines = count
    }

    /// The lines, each after its number as a link to itself (`<a id="L12" href="#L12">12</a>`), escaped, one
    /// per line of the `<pre>` (a row element per line cost 34 bytes a line, a tenth of the site); written as bytes
    /// into a string of the exact size (file pages are most of the site): a first pass finds the lines and
    /// what escaping adds, the second writes each line's number in place and its text escaped as
    /// `HTMLText.escape` escapes. A `\r` ending a line is left out.
    static func listing(_ text: String) -> (String, Int) {
        var text = text
        return text.withUTF8 { bytes -> (String, Int) in
            // Each line: where it ends (before a `\r` ending it) and where the next starts.
            var ends: [(end: Int, next: Int)] = []
            var start = 0
            let count = bytes.count
            func end(_ start: Int, _ stop: Int) -> Int {
                stop > start && bytes[stop - 1] == UInt8(ascii: "\r") ? stop - 1 : stop
            }
            while let nl = ByteSearch.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: start) {
                ends.append((end(start, nl), nl + 1))
                start = nl + 1
            }
            // The last line, unless the text ends with a line break (an empty text is one empty line).
            if start < count || ends.isEmpty { ends.append((end(start, count), count)) }
            let n = ends.count
            // A line break between lines (one after the last would show an empty line).
            var size = ListingBytes.start.count + ListingBytes.end.count + n * ListingBytes.perLine - 1
            // Three times each number, every line's text (no line break) and what escaping adds to it (no
            // line break or `\r` needs escaping: counted over the whole text).
            size += 3 * ListingBytes.digitsUpTo(n) + HTMLText.added(bytes, 0, count)
            var lo = 0
            for (end, next) in ends {
                size += end - lo
                lo = next
            }
            // The pieces read once (a static is checked for its initialisation at every read).
            let open = ListingBytes.open, link = ListingBytes.link, close = ListingBytes.close
            let endLink = ListingBytes.endLink
            let html = String(unsafeUninitializedCapacity: size) { buffer -> Int in
                var out = buffer.baseAddress!
                func put(_ piece: [UInt8]) {
                    piece.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: $0.count) }
                    out += piece.count
                }
                put(ListingBytes.start)
                var lo = 0
                for (line, (end, next)) in ends.enumerated() {
                    if line > 0 { out.pointee = UInt8(ascii: "\n"); out += 1 }
                    put(open)
                    let number = out, d = DecimalBytes.write(line + 1, at: out)
                    out += d
                    put(link)
                    out.update(from: number, count: d); out += d
                    put(close)
                    out.update(from: number, count: d); out += d
                    put(endLink)
                    out = HTMLText.write(bytes, lo, end, to: out)
                    lo = next
                }
                put(ListingBytes.end)
                let written = out - buffer.baseAddress!
                precondition(written == size, "a listing's size was counted wrong")
                return written
            }
            return (html, n)
        }
    }
}

/// The pieces of a file listing, as bytes.
enum ListingBytes {
    static let open = Array("<a id=\"L".utf8)
    static let link = Array("\" href=\"#L".utf8)
    static let close = Array("\">".utf8)
    static let endLink = Array("</a>".utf8)
    static let start = Array("<pre class=\"listing\"><code>".utf8), end = Array("</code></pre>".utf8)

    /// The bytes of a line's markup besides its number (written three times) and its text, with the line
    /// break before the next.
    static let perLine = open.count + link.count + close.count + endLink.count + 1

    /// How many digits the numbers 1 through `n` have together.
    static func digitsUpTo(_ n: Int) -> Int {
        var total = 0
        var width = 1, low = 1
        while low <= n {
            let high = min(n, low * 10 - 1)
            total += (high - low + 1) * width
            width += 1
            low *= 10
        }
        return total
    }
}
