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
    /// bytes (file pages are most of the site): each line's number written as digits in place, its text
    /// escaped as `HTMLText.escape` escapes.
    static func listing(_ text: String) -> (String, Int) {
        var out: [UInt8] = []
        var text = text
        return text.withUTF8 { bytes -> (String, Int) in
            out.reserveCapacity(bytes.count * 2 + 64)
            out += ListingBytes.start
            var n = 0
            var start = 0
            let count = bytes.count
            var digits: [UInt8] = []
            func line(_ lo: Int, _ hi: Int) {
                n += 1
                ListingBytes.decimal(n, into: &digits)
                out += ListingBytes.open
                out += digits
                out += ListingBytes.link
                out += digits
                out += ListingBytes.close
                out += digits
                out += ListingBytes.endLink
                var end = hi
                if end > lo, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                HTMLText.append(bytes, lo, end, to: &out)
                out += ListingBytes.endLine
            }
            for i in 0..<count where bytes[i] == UInt8(ascii: "\n") {
                line(start, i)
                start = i + 1
            }
            // The last line, unless the text ends with a line break (an empty text is one empty line).
            if start < count || n == 0 { line(start, count) }
            out += ListingBytes.end
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
    static let start = Array("<pre class=\"listing\"><code>".utf8), end = Array("</code></pre>".utf8)

    /// A positive number's decimal digits, written into `digits` (no string made per line).
    static func decimal(_ n: Int, into digits: inout [UInt8]) {
        digits.removeAll(keepingCapacity: true)
        var v = n
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        } while v > 0
        digits.reverse()
    }
}
