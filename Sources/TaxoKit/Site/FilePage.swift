/// A library file's page (`files/<path>.html`): its lines, each with an anchor (`#L12`) that evidence and
/// findings link to, the entities it declares, and its findings.
struct FilePage: Encodable {
    struct Finding: Encodable { var code, severity, message, href: String; var line: Int }
    var path: String
    var kind: String?
    var entities: [SiteLink]
    var diagnostics: [Finding]
    var listing: HTML
    var lines: Int
    var hasEntities = false, hasDiagnostics = false

    init(_ path: String, text: String, entities declared: [Int], page: String, site: SiteData) {
        self.path = path
        kind = FilePage.kind(path, site: site)
        entities = FilePage.entityLinks(declared, page: page, site: site)
        diagnostics = FilePage.findings(path, site: site)
        let (html, count) = FilePage.listing(text)
        listing = HTML(html)
        lines = count
        hasEntities = !entities.isEmpty
        hasDiagnostics = !diagnostics.isEmpty
    }

    /// What the page is made from, as a print: everything its context holds, with the file's content
    /// hash standing for its listing (made without reading or listing the file).
    static func inputs(_ path: String, contentHash: String, entities declared: [Int], page: String, site: SiteData)
        -> String
    {
        var h = StreamHash()
        h.add("file page 1"); h.add(path); h.add(page); h.add(kind(path, site: site)); h.add(contentHash)
        let links = entityLinks(declared, page: page, site: site)
        h.add(links.count)
        for l in links { h.add(l.text); h.add(l.href) }
        let found = findings(path, site: site)
        h.add(found.count)
        for f in found { h.add(f.code); h.add(f.severity); h.add(f.message); h.add(f.href); h.add(f.line) }
        return h.hex
    }

    static func kind(_ path: String, site: SiteData) -> String? {
        let config = site.lib.config
        return config.kindIndex(forPath: path).map { config.kinds[$0].name } ?? config.documentType(forPath: path)?.name
    }

    static func entityLinks(_ declared: [Int], page: String, site: SiteData) -> [SiteLink] {
        let lib = site.lib
        return declared.compactMap { i in
            site.paths.entityPages[i].map {
                SiteLink(
                    text: lib.displayID(lib.entities[i]) + (lib.entities[i].name.map { " " + $0 } ?? ""),
                    href: SitePaths.link(from: page, to: $0))
            }
        }
    }

    static func findings(_ path: String, site: SiteData) -> [Finding] {
        (site.diagnosticsByFile[path] ?? []).map { d in
            Finding(
                code: d.code, severity: d.severity.label, message: d.message, href: "#L\(d.location?.line ?? 1)",
                line: d.location?.line ?? 0)
        }
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
