/// Code lenses: above each entity a file declares, how much of the library points at it (links from other
/// entities, mentions in documents), so an editor sees what a change to it touches before making it.
extension LanguageServer {
    func codeLenses(_ params: [String: Any]) -> Any {
        guard let path = documentPath(params), let lib = result?.library else { return [] }
        let here = lib.entities.indices.filter { lib.entities[$0].file == path && lib.entities[$0].id != nil }
        guard !here.isEmpty else { return [] }
        let wanted = Set(here)
        var links: [Int: Int] = [:], sources: [Int: Set<Int>] = [:]
        for (i, refs) in lib.targets.enumerated() {
            for case let t? in refs where t != i && wanted.contains(t) {
                links[t, default: 0] += 1
                sources[t, default: []].insert(i)
            }
        }
        var mentions: [Int: Int] = [:], documents: [Int: Set<String>] = [:]
        for d in lib.documents {
            for m in d.mentions {
                guard let i = lib.lookup(m.id), wanted.contains(i) else { continue }
                mentions[i, default: 0] += 1
                documents[i, default: []].insert(d.path)
            }
        }
        let fileLines = lines(of: path)
        return here.map { i -> [String: Any] in
            [
                "range": LanguageServer.range(lib.entities[i].location, lines: fileLines),
                "command": [
                    "title": LanguageServer.lensTitle(
                        links: links[i] ?? 0, sources: sources[i]?.count ?? 0, mentions: mentions[i] ?? 0,
                        documents: documents[i]?.count ?? 0),
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
