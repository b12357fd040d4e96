/// Code lenses: above each entity a file declares, how much of the library points at it (links from other
/// entities, mentions in documents), so an editor sees what a change to it touches before making it.
extension LanguageServer {
    func codeLenses(_ params: [String: Any]) -> Any {
        guard let path = documentPath(params), let lib = result?.library else { return [] }
        let here = lib.entities.indices.filter { lib.entities[$0].file == path && lib.entities[$0].id != nil }
        guard !here.isEmpty else { return [] }
        let counts = lensCounts ?? LensCounts(lib)
        lensCounts = counts
        let fileLines = lines(of: path)
        return here.map { i -> [String: Any] in
            [
                "range": LanguageServer.range(lib.entities[i].location, lines: fileLines),
                "command": [
                    "title": LanguageServer.lensTitle(
                        links: counts.links[i], sources: counts.sources[i], mentions: counts.mentions[i],
                        documents: counts.documents[i]),
                    "command": "",
                ],
            ]
        }
    }

    /// `3 links from 2 entities · 5 mentions in 2 documents`, `no links · 1 mention in 1 document`.
    static func lensTitle(links: Int, sources: Int, mentions: Int, documents: Int) -> String {
        func n(_ k: Int, _ one: String) -> String { "\(k) \(one)\(k == 1 ? "" : "s")" }
        let l =
            links == 0
            ? "no links" : "\(n(links, "link")) from \(sources) entit\(sources == 1 ? "y" : "ies")"
        let m =
            mentions == 0
            ? "no mentions" : "\(n(mentions, "mention")) in \(n(documents, "document"))"
        return l + " · " + m
    }
}

/// Links to each entity (and from how many entities) and mentions of it (and in how many documents), for
/// the whole library at once, in arrays by entity: a lens request then costs a lookup. (Sources and
/// documents are visited in order, so a distinct one is one that differs from the last counted.)
struct LensCounts {
    var links: [Int], sources: [Int], mentions: [Int], documents: [Int]

    init(_ lib: Library) {
        let n = lib.entities.count
        links = [Int](repeating: 0, count: n)
        sources = links
        mentions = links
        documents = links
        var last = [Int](repeating: -1, count: n)
        for (i, refs) in lib.targets.enumerated() {
            for case let t? in refs where t != i {
                links[t] += 1
                if last[t] != i {
                    sources[t] += 1
                    last[t] = i
                }
            }
        }
        last = [Int](repeating: -1, count: n)
        for (di, d) in lib.documents.enumerated() {
            for m in d.mentions {
                guard let t = lib.entity(mentionedBy: m, in: d) else { continue }
                mentions[t] += 1
                if last[t] != di {
                    documents[t] += 1
                    last[t] = di
                }
            }
        }
    }
}
