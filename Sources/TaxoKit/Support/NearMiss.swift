/// "Did you mean": the closest candidates to a word by edit distance.
public enum NearMiss {
    /// Levenshtein distance with adjacent transpositions counted as one edit.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev2 = [Int](repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
            }
            prev2 = prev
            prev = cur
        }
        return prev[y.count]
    }

    /// Candidates within a distance that grows with the word's length, closest first, ties by name.
    public static func suggestions(
        for word: String, in candidates: [String], limit: Int = 3,
        caseInsensitive: Bool = true
    ) -> [String] {
        let w = caseInsensitive ? word.lowercased() : word
        let maxDistance = max(1, min(3, w.count / 3))
        let length = w.unicodeScalars.count
        var scored: [(Int, String)] = []
        for c in candidates {
            // The distance counts scalars and is at least the difference of the lengths: most candidates are
            // out of reach before a table is made (a library's whole vocabulary, for a search's correction).
            let cc = caseInsensitive ? c.lowercased() : c
            if abs(cc.unicodeScalars.count - length) > maxDistance { continue }
            let d = distance(w, cc)
            if d <= maxDistance, d > 0 || c != word { scored.append((d, c)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var seen = Set<String>()
        return scored.compactMap { seen.insert($0.1).inserted ? $0.1 : nil }.prefix(limit).map { $0 }
    }

    /// "did you mean 'x'?" for the candidates closest to a word, or nil.
    public static func hint(for word: String, in candidates: [String]) -> String? {
        hint(listing: suggestions(for: word, in: candidates))
    }

    /// "did you mean 'A' or 'B'?" for suggestions already made (nil for none).
    public static func hint(listing s: [String]) -> String? {
        s.isEmpty ? nil : "did you mean " + s.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }
}
