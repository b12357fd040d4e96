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
        Vocabulary(candidates, caseInsensitive: caseInsensitive).suggestions(for: word, limit: limit)
    }

    /// Candidates prepared once for many words (the names of a kind, for every name that links to
    /// nothing): each as the scalars it is compared by, lower-cased unless case counts.
    public struct Vocabulary: Sendable {
        let candidates: [String]
        let scalars: [[Unicode.Scalar]]
        let caseInsensitive: Bool

        public init(_ candidates: [String], caseInsensitive: Bool = true) {
            self.candidates = candidates
            self.caseInsensitive = caseInsensitive
            scalars = candidates.map { Array((caseInsensitive ? $0.lowercased() : $0).unicodeScalars) }
        }

        /// The candidates within a distance that grows with the word's length, closest first, ties by name.
        public func suggestions(for word: String, limit: Int = 3) -> [String] {
            let lowered = caseInsensitive ? word.lowercased() : word
            let w = Array(lowered.unicodeScalars)
            let maxDistance = max(1, min(3, lowered.count / 3))
            var scored: [(Int, String)] = []
            for (i, cc) in scalars.enumerated() {
                // The distance is at least the difference of the lengths: most candidates are out of reach
                // before a table is made (a library's whole vocabulary, for a search's correction).
                if abs(cc.count - w.count) > maxDistance { continue }
                guard let d = NearMiss.distance(w, cc, atMost: maxDistance) else { continue }
                if d > 0 || candidates[i] != word { scored.append((d, candidates[i])) }
            }
            scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            var seen = Set<String>()
            return scored.compactMap { seen.insert($0.1).inserted ? $0.1 : nil }.prefix(limit).map { $0 }
        }
    }

    /// `distance` of two scalar arrays when it is at most `bound`, else nil: the table stops once two rows
    /// in a row exceed the bound everywhere (no later cell can come back under it).
    static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], atMost bound: Int) -> Int? {
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) <= bound ? max(x.count, y.count) : nil }
        var prev2 = [Int](repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        var prevOver = false
        for i in 1...x.count {
            cur[0] = i
            var rowMin = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > bound && prevOver { return nil }
            prevOver = rowMin > bound
            swap(&prev2, &prev)
            swap(&prev, &cur)
        }
        return prev[y.count] <= bound ? prev[y.count] : nil
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
