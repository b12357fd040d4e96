/// Missing candidates of one kind whose names hold one another's words (`Tavilli` and `Tavilli Search API
/// (TOL-120)`, `ScaleKit SDK` and `ScaleKit Python SDK`): often one entity the documents write two ways.
/// Each names the others, so that the reader of a gap report creates it once rather than twice.
extension GapAnalyzer {
    /// Words that say what sort of thing a name is, not which: a name made of them alone relates to nothing.
    static let genericWords: Set<String> = [
        "a", "an", "and", "api", "app", "cli", "client", "for", "of", "or", "platform", "plugin", "sdk",
        "server", "service", "the", "tool", "tools", "with",
    ]

    /// How many related candidates one names (closest first: fewest words apart, then by text).
    static let similarShown = 3

    /// Sets `similar` on every missing candidate whose name's words are all in another's of its kind, or the
    /// other way round.
    static func relateSimilarMissing(_ cs: inout [GapCandidate]) {
        // Per kind, word -> the missing candidates whose name holds it.
        var words: [Int: Set<String>] = [:]
        var postings: [Int: [String: [Int]]] = [:]
        for (i, c) in cs.enumerated() where c.verdict == .missing {
            guard let k = c.kind, let name = c.name else { continue }
            let w = nameWords(name)
            guard w.contains(where: { !genericWords.contains($0) }) else { continue }
            words[i] = w
            for word in w { postings[k, default: [:]][word, default: []].append(i) }
        }
        for (i, a) in words {
            guard let k = cs[i].kind, let byWord = postings[k] else { continue }
            var related = Set<Int>()
            for word in a { for j in byWord[word] ?? [] where j != i { related.insert(j) } }
            let close = related.compactMap { j -> (Int, String)? in
                guard let b = words[j], a != b, a.isSubset(of: b) || b.isSubset(of: a) else { return nil }
                return (abs(a.count - b.count), label(cs[j]))
            }
            cs[i].similar = close.sorted { $0 < $1 }.prefix(similarShown).map(\.1)
        }
    }

    /// A name's words, lowercased, split at spaces and list punctuation (`/`, `,`, `&`, `+`, brackets); within
    /// a word only letters and digits count, so `Scale-Kit` and `ScaleKit` are one word.
    static func nameWords(_ name: String) -> Set<String> {
        Set(
            name.split { $0.isWhitespace || "/,&+()[]".contains($0) }.map { Labels.normalized(String($0)) }
                .filter { !$0.isEmpty })
    }

    /// How a related candidate is named: `'Tavilli Search API' (TOL-120)`.
    static func label(_ c: GapCandidate) -> String {
        "'\(c.text)'" + (c.suggestedID.map { " (\($0))" } ?? "")
    }
}
