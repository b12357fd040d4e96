/// `search-index.js`: every entity (ID, name, kind, department, page, aliases) and document (title, path,
/// page) as a
/// script that sets `TAXO_SEARCH`, loaded by `search.html` with a script tag (browsers refuse `fetch()`
/// of files opened from disk).
enum SearchIndex {
    static func script(_ site: SiteData) -> String {
        let lib = site.lib
        var out = "window.TAXO_SEARCH = {\"entities\": ["
        var first = true
        for (i, e) in lib.entities.enumerated() {
            guard let page = site.paths.entityPages[i] else { continue }
            if !first { out += ",\n" }
            first = false
            out += "["
            out += [
                lib.displayID(e), e.name ?? "", lib.kindName(e), site.department(of: e) ?? "", page,
                e.aliases.joined(separator: "|"),
            ]
            .map(JSONWriter.escape).joined(separator: ",")
            out += "]"
        }
        out += "],\n\"documents\": ["
        first = true
        for d in lib.documents {
            if !first { out += ",\n" }
            first = false
            out +=
                "["
                + [d.title ?? d.path, d.path, site.paths.filePage(d.path)].map(JSONWriter.escape).joined(separator: ",")
                + "]"
        }
        return out + "]};\n"
    }
}
