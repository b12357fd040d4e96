/// Library names of one kind, normalised, for near matches: character trigrams with posting lists, so a
/// name is compared only with names it shares enough trigrams with.
struct FuzzyIndex: Sendable {
    /// Normalised names of five or more characters, sorted.
    private(set) var names: [String] = []
    private var trigramSets: [Set<UInt64>] = []
    private var postings: [UInt64: [Int32]] = [:]

    init(names: some Sequence<String>) {
        self.names = Array(Set(names.filter { $0.count >= 5 })).sorted()
        trigramSets.reserveCapacity(self.names.count)
        for (i, n) in self.names.enumerated() {
            let keys = FuzzyIndex.trigrams(n)
            trigramSets.append(keys)
            for t in keys { postings[t, default: []].append(Int32(i)) }
        }
    }

    /// The distinct character trigrams of `" " + s + " "`, as numbers: three ASCII bytes packed (no
    /// strings made), or the FNV hash of the three characters (high bit set) when the name is not ASCII.
    static func trigrams(_ s: String) -> Set<UInt64> {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            // A window of three bytes slid over the padded name, into a set sized for it once (arrays of the
            // padded bytes and a set grown insert by insert cost most of indexing the library's names).
            var bytes = s.utf8.makeIterator()
            guard let first = bytes.next() else { return [0] }
            var out = Set<UInt64>(minimumCapacity: s.utf8.count)
            var a: UInt64 = 32, b = UInt64(first)
            while let c = bytes.next() {
                out.insert(a << 16 | b << 8 | UInt64(c))
                a = b
                b = UInt64(c)
            }
            out.insert(a << 16 | b << 8 | 32)
            return out
        }
        let c = Array(" " + s + " ")
        guard c.count >= 3 else { return [0] }
        var out = Set<UInt64>()
        for i in 0...(c.count - 3) { out.insert(Hashing.fnv1a(Array(String(c[i..<(i + 3)]).utf8)) | 1 << 63) }
        return out
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
        let mine = Array(FuzzyIndex.trigrams(n))
        let need = max(1, Int((Double(mine.count) * bounds.sharedShare).rounded(.up)))
        let probes = mine.sorted { (postings[$0]?.count ?? 0, $0) < (postings[$1]?.count ?? 0, $1) }.prefix(
            mine.count - need + 1)
        var seen = Set<Int32>()
        var best: Match?
        let mineSet = Set(mine)
        let first = n.first
        for t in probes {
            for ci in postings[t] ?? [] where seen.insert(ci).inserted {
                let cand = names[Int(ci)]
                if bounds.sameFirstLetter, cand.first != first { continue }
                if let maxEdits = bounds.maxEdits, abs(cand.count - n.count) > maxEdits { continue }
                let k = trigramSets[Int(ci)].intersection(mineSet).count
                guard k >= need else { continue }
                let jaccard = Double(k) / Double(mine.count + trigramSets[Int(ci)].count - k)
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
