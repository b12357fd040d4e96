import Foundation

/// Where each page of the site lives, relative to the site's folder, and links between pages: every link
/// is relative to the page it is on, so the site works opened from disk and published under any path.
struct SitePaths {
    /// Entity index -> its page (entities without an ID have none).
    let entityPages: [Int: String]
    /// Entity index -> its page percent-encoded for an href (nil without a page): a link to an entity is
    /// the way up from the page it is on and this, with nothing encoded again per link.
    let encodedEntityPages: [String?]
    /// The same from a page one folder down (`../entities/X.html`): entity, kind and department pages, which
    /// link to entities most, share these strings instead of joining one per link.
    let entityLinksFromFolder: [String?]
    /// Library file -> its page (`files/<path>.html`; two paths that make the same safe name get `-2`).
    let filePages: [String: String]

    init(_ lib: Library) {
        var pages: [Int: String] = [:]
        var taken: Set<String> = []
        for (i, e) in lib.entities.enumerated() where !lib.displayID(e).isEmpty {
            let base = "entities/" + SitePaths.safe(lib.displayID(e))
            var page = base + ".html"
            var n = 2
            // Two entities declaring one ID (a duplicate) get a page each.
            while !taken.insert(page.lowercased()).inserted {
                page = base + "-\(n).html"
                n += 1
            }
            pages[i] = page
        }
        entityPages = pages
        encodedEntityPages = lib.entities.indices.map { pages[$0].map(PercentEncoding.path) }
        entityLinksFromFolder = encodedEntityPages.map { $0.map { "../" + $0 } }
        var files: [String: String] = [:]
        var takenFiles: Set<String> = []
        for f in lib.files.map(\.path).sorted() {
            let base = SitePaths.file(f)
            var page = base
            var n = 2
            while !takenFiles.insert(page.lowercased()).inserted {
                page = String(base.dropLast(".html".count)) + "-\(n).html"
                n += 1
            }
            files[f] = page
        }
        filePages = files
    }

    /// A link to an entity's page from a page whose way up to the site's folder is `up`
    /// (`SitePaths.root(of:)`), or nil when it has none.
    func entityLink(_ i: Int, up: String) -> String? {
        guard i >= 0 && i < encodedEntityPages.count else { return nil }
        return up == "../" ? entityLinksFromFolder[i] : encodedEntityPages[i].map { up + $0 }
    }

    /// A library file's page.
    func filePage(_ path: String) -> String { filePages[path] ?? SitePaths.file(path) }

    /// A link to a library file's page at a line (`files/LIBRARIES/x.json.html#L12`).
    func fileLink(from page: String, _ path: String, line: Int? = nil) -> String {
        let link = SitePaths.link(from: page, to: filePage(path))
        return line.map { SitePaths.atLine(link, $0) } ?? link
    }

    /// A link to a page at one of its lines (`#L12`: file pages anchor every line).
    static func atLine(_ link: String, _ line: Int) -> String { link + "#L" + String(line) }

    /// A name safe as a file name on every system: letters, digits, `-`, `_` and `.` kept, the rest `_`.
    static func safe(_ s: String) -> String {
        // Most names are safe already: checked byte by byte, returned as they are.
        if s.utf8.allSatisfy(isSafeByte), !s.hasPrefix(".") { return s }
        let mapped = String(
            s.unicodeScalars.map { c -> Character in
                c.isASCII && (CharacterSet.alphanumerics.contains(c) || c == "-" || c == "_" || c == ".")
                    ? Character(c) : "_"
            })
        return mapped.hasPrefix(".") ? "_" + mapped.dropFirst() : mapped
    }

    /// The page a file would get (`SitePaths.filePage` settles clashes).
    static func file(_ path: String) -> String {
        if isSafePath(path) { return "files/" + path + ".html" }
        return "files/" + path.split(separator: "/").map { safe(String($0)) }.joined(separator: "/") + ".html"
    }

    /// Whether every part of a path is safe as it is (`safe` keeps it; no part empty or starting with `.`):
    /// most library paths are, and their page is then found without splitting them.
    static func isSafePath(_ path: String) -> Bool {
        var atPartStart = true
        for b in path.utf8 {
            if b == UInt8(ascii: "/") {
                if atPartStart { return false }
                atPartStart = true
                continue
            }
            if atPartStart, b == UInt8(ascii: ".") { return false }
            atPartStart = false
            guard isSafeByte(b) else { return false }
        }
        return !atPartStart
    }

    /// A byte `safe` keeps: an ASCII letter or digit, `-`, `_` or `.`.
    static func isSafeByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
            || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }
    static func kind(_ name: String) -> String { "kinds/" + safe(name) + ".html" }
    static func department(_ code: String) -> String { "departments/" + safe(code) + ".html" }
    static func video(_ id: String) -> String { "videos/" + safe(id) + ".html" }

    /// The prefix that leads from a page back to the site's folder (`../../` for `files/a/b.md.html`).
    static func root(of page: String) -> String {
        // One `../` per folder the page is in: its path's parts (runs between slashes) less one.
        var parts = 0
        var inPart = false
        for b in page.utf8 {
            if b == UInt8(ascii: "/") {
                inPart = false
            } else if !inPart {
                inPart = true
                parts += 1
            }
        }
        return String(repeating: "../", count: max(0, parts - 1))
    }

    /// A link from `page` to `target` (both relative to the site's folder), percent-encoded for an href.
    static func link(from page: String, to target: String) -> String {
        root(of: page) + PercentEncoding.path(target)
    }
}
