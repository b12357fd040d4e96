/// Library names of one kind, normalised, for near matches: character trigrams with posting lists, so a
/// name is compared only with names it shares enough trigrams with.
struct FuzzyIndex: Sendable {
    /// Normalised names of five or more characters, sorted.
    private(set) var names: [String] = []
    /// Per name, its trigrams sorted (compared by a merge: sets of them hashed every trigram made).
    private var trigramLists: [[UInt64]] = []
    /// Per trigram, the names holding it, in name order.
    private var postings: [UInt64: [Int32]] = [:]

    init(names: some Sequence<String>) {
        self.names = Array(Set(names.filter { $0.count >= 5 })).sorted()
        trigramLists = self.names.map(FuzzyIndex.trigrams)
        // The postings made from every (trigram, name) pair sorted: each list made whole, once.
        var pairs: [(trigram: UInt64, name: Int32)] = []
        pairs.reserveCapacity(trigramLists.reduce(0) { $0 + $1.count })
        for (i, keys) in trigramLists.enumerated() { for t in keys { pairs.append((t, Int32(i))) } }
        pairs.sort { ($0.trigram, $0.name) < ($1.trigram, $1.name) }
        postings.reserveCapacity(pairs.count / 4)
        var start = 0
        while start < pairs.count {
            var end = start + 1
            while end < pairs.count, pairs[end].trigram == pairs[start].trigram { end += 1 }
            postings[pairs[start].trigram] = pairs[start..<end].map(\.name)
            start = end
        }
    }

    /// The distinct character trigrams of `" " + s + " "`, sorted, as numbers: three ASCII bytes packed (no
    /// strings made), or the FNV hash of the three characters (high bit set) when the name is not ASCII.
    static func trigrams(_ s: String) -> [UInt64] {
        var out: [UInt64] = []
        var text = s
        let ascii = text.withUTF8 { b -> Bool in
            guard b.allSatisfy({ $0 < 0x80 }) else { return false }
            // A window of three bytes slid over the padded name.
            guard let first = b.first else { return true }
            out.reserveCapacity(b.count + 1)
            var a: UInt64 = 32, c = UInt64(first)
            for byte in b.dropFirst() {
                out.append(a << 16 | c << 8 | UInt64(byte))
                a = c
                c = UInt64(byte)
            }
            out.append(a << 16 | c << 8 | 32)
            return true
        }
        if ascii {
            if out.isEmpty { return [0] }
        } else {
            let c = Array(" " + s + " ")
            guard c.count >= 3 else { return [0] }
            for i in 0...(c.count - 3) { out.append(Hashing.fnv1a(Array(String(c[i..<(i + 3)]).utf8)) | 1 << 63) }
        }
        out.sort()
        var kept = 0
        for i in out.indices where kept == 0 || out[kept - 1] != out[i] {
            out[kept] = out[i]
            kept += 1
        }
        out.removeLast(out.count - kept)
        return out
    }

    /// How many values two sorted lists without repeats share.
    static func sharedCount(_ x: [UInt64], _ y: [UInt64]) -> Int {
        var i = 0, j = 0, k = 0
        while i < x.count, j < y.count {
            if x[i] == y[j] {
                k += 1
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return k
    }

    struct Match: Equatable {
        var name: String
        var score: Double
        var distance: Int
    }

    /// How strict a search is: the share of the name's trigrams a library name must hold, the least
    /// similarity, and at most how many edits (nil: any).
    struct Bounds {
        var sharedShare: Double
        var minScore: Double
        var maxEdits: Int?
        var sameFirstLetter = false

        /// Names written in structured places (a tool heading, a table cell).
        static let structured = Bounds(sharedShare: 0.4, minScore: 0.7, maxEdits: nil)
        /// Capitalised phrases in prose: a typo of a library name, never a different word.
        static let prose = Bounds(sharedShare: 0.5, minScore: 0.75, maxEdits: 2, sameFirstLetter: true)
    }

    /// The closest name (normalised) by trigram similarity and edit distance, or nil. Only names that share
    /// at least `sharedShare` of the trigrams are compared; they are found through the rarest trigrams
    /// (a name that shares k of m trigrams shares one of any m - k + 1 of them), so common trigrams never
    /// make a long list.
    func nearest(_ n: String, bounds: Bounds) -> Match? {
        guard n.count >= 5, !names.isEmpty else { return nil }
        let mine = FuzzyIndex.trigrams(n)
        let need = max(1, Int((Double(mine.count) * bounds.sharedShare).rounded(.up)))
        let probes = mine.sorted { (postings[$0]?.count ?? 0, $0) < (postings[$1]?.count ?? 0, $1) }.prefix(
            mine.count - need + 1)
        var seen = Set<Int32>()
        var best: Match?
        let first = n.first
        for t in probes {
            for ci in postings[t] ?? [] where seen.insert(ci).inserted {
                let cand = names[Int(ci)]
                if bounds.sameFirstLetter, cand.first != first { continue }
                if let maxEdits = bounds.maxEdits, abs(cand.count - n.count) > maxEdits { continue }
                let k = FuzzyIndex.sharedCount(trigramLists[Int(ci)], mine)
                guard k >= need else { continue }
                let jaccard = Double(k) / Double(mine.count + trigramLists[Int(ci)].count - k)
                let d = NearMiss.distance(n, cand)
                if let maxEdits = bounds.maxEdits, d > maxEdits { continue }
                let score = max(jaccard, 1 - Double(d) / Double(max(n.count, cand.count)))
                guard score >= bounds.minScore, d > 0 else { continue }
                if best == nil || score > best!.score || (score == best!.score && cand < best!.name) {
                    best = Match(name: cand, score: score, distance: d)
                }
            }
        }
        return best
    }
}
