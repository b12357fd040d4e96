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
        let lib = site.lib
        self.path = path
        kind =
            lib.config.kindIndex(forPath: path).map { lib.config.kinds[$0].name }
            ?? lib.config.documentType(forPath: path)?.name
        entities = declared.compactMap { i in
            site.paths.entityPages[i].map {
                SiteLink(
                    text: lib.displayID(lib.entities[i]) + (lib.entities[i].name.map { " " + $0 } ?? ""),
                    href: SitePaths.link(from: page, to: $0))
            }
        }
        diagnostics = (site.findingsByFile[path] ?? []).map { f in
            let d = f.diagnostic
            return Finding(
                code: d.code, severity: d.severity.label, message: d.message, href: "#L\(d.location?.line ?? 1)",
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

    /// The lines as `<span id="L12">` rows with their numbers as links to themselves, escaped; built as
    /// bytes (file pages are most of the site).
    static func listing(_ text: String) -> (String, Int) {
        var out: [UInt8] = []
        var text = text
        return text.withUTF8 { bytes -> (String, Int) in
            out.reserveCapacity(bytes.count * 2 + 64)
            out += Array("<pre class=\"listing\"><code>".utf8)
            var n = 0
            var start = 0
            let count = bytes.count
            func line(_ lo: Int, _ hi: Int) {
                n += 1
                let number = Array(String(n).utf8)
                out += ListingBytes.open
                out += number
                out += ListingBytes.link
                out += number
                out += ListingBytes.close
                out += number
                out += ListingBytes.endLink
                var end = hi
                if end > lo, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                for i in lo..<end {
                    switch bytes[i] {
                    case UInt8(ascii: "&"): out += ListingBytes.amp
                    case UInt8(ascii: "<"): out += ListingBytes.lt
                    case UInt8(ascii: ">"): out += ListingBytes.gt
                    case UInt8(ascii: "\""): out += ListingBytes.quot
                    case UInt8(ascii: "'"): out += ListingBytes.apos
                    default: out.append(bytes[i])
                    }
                }
                out += ListingBytes.endLine
            }
            for i in 0..<count where bytes[i] == UInt8(ascii: "\n") {
                line(start, i)
                start = i + 1
            }
            // The last line, unless the text ends with a line break (an empty text is one empty line).
            if start < count || n == 0 { line(start, count) }
            out += Array("</code></pre>".utf8)
            return (String(decoding: out, as: UTF8.self), n)
        }
    }
}

/// The pieces of a file listing, as bytes.
enum ListingBytes {
    static let open = Array("<span class=\"line\" id=\"L".utf8)
    static let link = Array("\"><a class=\"ln\" href=\"#L".utf8)
    static let close = Array("\">".utf8)
    static let endLink = Array("</a>".utf8)
    static let endLine = Array("</span>".utf8)
    static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)
}
