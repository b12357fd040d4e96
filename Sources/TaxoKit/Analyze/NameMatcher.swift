/// Finds every library name (and alias) in a text with one pass over its words: a trie keyed by
/// lower-cased words, so a 180 KB transcript is matched against thousands of names at once
/// (multi-word names such as `ScaleKit Python SDK` included, longest match wins).
public struct NameMatcher: Sendable {
    /// The trie (values, shared read-only between threads; node 0 is the root): its edges in one open-
    /// addressing table keyed by (node, word hash), and per node the entities whose name ends there, with
    /// the name as written. The word hashes are hashes already: no second hashing per word looked up.
    var edges = [Edge](repeating: Edge(), count: 1024)
    var edgeCount = 0
    /// A one-bit-per-key filter of the edges (8 bits per table slot, so at least 16 per edge): a word that
    /// leads nowhere from a node is turned away here, in a few hundred KB that stay in cache, instead of by
    /// a probe of the table (whose cache miss was 70 % of matching at 100k names).
    var filter = [UInt64](repeating: 0, count: 1024 / 8)
    var filterShift = 64 - 13
    /// The root's edges (the first words of names) apart, in a table at most a quarter full, keyed by the
    /// word's hash alone: every word of a text is looked up here, in a table a fraction of the size of the
    /// whole trie's (gap analyses at 100k, 30 videos: 418/442 -> 362/419 ms with the word hash below).
    var rootEdges = [Edge](repeating: Edge(), count: 64)
    var rootCount = 0
    /// Per node, the entities whose name ends there (what a match hands out), and the first such name as
    /// written.
    var endEntities: [[Int]] = [[]]
    var endName: [String] = [""]
    /// Whether a name ends at a node (`endEntities[n]` not empty), read on every word without touching them.
    var isEnd: [Bool] = [false]

    /// An edge of the trie; `child` 0 marks an empty slot (the root is no one's child).
    struct Edge: Sendable {
        var hash: UInt64 = 0
        var parent: Int32 = 0
        var child: Int32 = 0
    }

    public private(set) var count = 0

    /// A matcher that knows no names yet.
    public init() {}

    static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80
    }

    /// Byte -> its lower-case form when it is a word byte (ASCII letters and digits, every byte from 0x80),
    /// else 0: one table read classifies and folds a byte.
    static let wordLower: [UInt8] = (0..<256).map { c in
        let b = UInt8(c)
        if b >= 65 && b <= 90 { return b + 32 }
        return isWordByte(b) ? b : 0
    }

    /// A word's hash made as its bytes are read: eight bytes at a time are gathered in `acc` (word bytes
    /// are never 0, so a short word's bytes are its value) and folded into `h` by murmur's finaliser, a few
    /// multiplies per eight bytes where FNV-1a made a multiply of every byte.
    struct WordHash {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        var acc: UInt64 = 0
        var k = 0

        @inline(__always)
        mutating func add(_ c: UInt8) {
            acc = acc << 8 | UInt64(c)
            k += 1
            if k == 8 {
                h = Hashing.mix(h ^ acc)
                acc = 0
                k = 0
            }
        }

        /// The hash of a word of `length` bytes.
        @inline(__always)
        func value(length: Int) -> UInt64 { Hashing.mix(h ^ acc ^ UInt64(truncatingIfNeeded: length) << 56) }
    }

    /// The first word at or after offset `i` (a word goes on through `.`, `+` and `#` between word bytes,
    /// and takes trailing `+` and `#`: `Node.js`, `C++`, `C#`), with a hash of its lower-cased bytes
    /// (`hash`, computed as it is read: trie edges without a String per word). `lower` is `wordLower`.
    @inline(__always)
    static func word(_ u: UnsafeBufferPointer<UInt8>, from i0: Int, lower: UnsafePointer<UInt8>)
        -> (hash: UInt64, start: Int, end: Int)?
    {
        let n = u.count
        var i = i0
        while i < n, lower[Int(u[i])] == 0 { i += 1 }
        guard i < n else { return nil }
        let s0 = i
        var hash = WordHash()
        while i < n {
            var c = lower[Int(u[i])]
            if c == 0 {
                c = u[i]
                guard (c == 46 || c == 43 || c == 35) && i + 1 < n && lower[Int(u[i + 1])] != 0 else { break }
            }
            hash.add(c)
            i += 1
        }
        while i < n, u[i] == 43 || u[i] == 35 {
            hash.add(u[i])
            i += 1
        }
        return (hash.value(length: i - s0), s0, i)
    }

    /// Word spans (UTF-8 offsets) of a text, with the hash of each lower-cased word.
    static func wordSpans(_ u: [UInt8]) -> [(hash: UInt64, start: Int, end: Int)] {
        u.withUnsafeBufferPointer { b in
            wordLower.withUnsafeBufferPointer { wordSpans(b, lower: $0.baseAddress!) }
        }
    }

    static func wordSpans(_ u: UnsafeBufferPointer<UInt8>, lower: UnsafePointer<UInt8>) -> [(
        hash: UInt64, start: Int, end: Int
    )] {
        var out: [(hash: UInt64, start: Int, end: Int)] = []
        out.reserveCapacity(u.count / 6)
        var i = 0
        while let w = word(u, from: i, lower: lower) {
            out.append(w)
            i = w.end
        }
        return out
    }

    /// Adds a name (of at least one word) that stands for an entity.
    public mutating func add(_ name: String, entity: Int) {
        let ws = NameMatcher.wordSpans(Array(name.utf8)).map(\.hash)
        guard !ws.isEmpty else { return }
        var n = 0
        for w in ws {
            if let c = child(of: n, w) {
                n = c
            } else {
                endEntities.append([])
                endName.append("")
                isEnd.append(false)
                insert(Edge(hash: w, parent: Int32(n), child: Int32(endEntities.count - 1)))
                n = endEntities.count - 1
            }
        }
        if !endEntities[n].contains(entity) {
            if endEntities[n].isEmpty { endName[n] = name }
            endEntities[n].append(entity)
            count += 1
            isEnd[n] = true
        }
    }

    /// The first slot to probe for an edge.
    @inline(__always)
    static func slot(_ hash: UInt64, _ parent: Int, mask: Int) -> Int {
        var h = hash ^ (UInt64(parent) &* 0x9E37_79B9_7F4A_7C15)
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// The filter bit of an edge: the high bits of a second mix of its slot hash.
    @inline(__always)
    static func filterBit(_ hash: UInt64, _ parent: Int, shift: Int) -> Int {
        let h = (hash ^ (UInt64(parent) &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: h >> UInt64(shift))
    }

    /// The node a word leads to from a node.
    @inline(__always)
    func child(of node: Int, _ hash: UInt64) -> Int? {
        if node == 0 { return rootChild(hash) }
        let bit = NameMatcher.filterBit(hash, node, shift: filterShift)
        guard filter.withUnsafeBufferPointer({ $0[bit >> 6] & (1 << UInt64(bit & 63)) }) != 0 else { return nil }
        return edges.withUnsafeBufferPointer { t in
            let mask = t.count - 1
            var i = NameMatcher.slot(hash, node, mask: mask)
            while true {
                let e = t[i]
                if e.child == 0 { return nil }
                if e.hash == hash, e.parent == node { return Int(e.child) }
                i = (i + 1) & mask
            }
        }
    }

    /// The node a word leads to from the root.
    @inline(__always)
    func rootChild(_ hash: UInt64) -> Int? {
        rootEdges.withUnsafeBufferPointer { t in
            let mask = t.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let e = t[i]
                if e.child == 0 { return nil }
                if e.hash == hash { return Int(e.child) }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds an edge from the root, doubling its table when it would be more than a quarter full.
    mutating func insertRoot(_ e: Edge) {
        if (rootCount + 1) * 4 > rootEdges.count {
            let old = rootEdges
            rootEdges = [Edge](repeating: Edge(), count: old.count * 2)
            rootCount = 0
            for o in old where o.child != 0 { insertRoot(o) }
        }
        let mask = rootEdges.count - 1
        var i = Int(truncatingIfNeeded: e.hash) & mask
        while rootEdges[i].child != 0 { i = (i + 1) & mask }
        rootEdges[i] = e
        rootCount += 1
    }

    /// Adds an edge (the root's to their own table), doubling the table when it is half full.
    mutating func insert(_ e: Edge) {
        if e.parent == 0 { return insertRoot(e) }
        if (edgeCount + 1) * 2 > edges.count {
            let old = edges
            edges = [Edge](repeating: Edge(), count: old.count * 2)
            filter = [UInt64](repeating: 0, count: edges.count / 8)
            filterShift -= 1
            edgeCount = 0
            for o in old where o.child != 0 { insert(o) }
        }
        let bit = NameMatcher.filterBit(e.hash, Int(e.parent), shift: filterShift)
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
        let mask = edges.count - 1
        var i = NameMatcher.slot(e.hash, Int(e.parent), mask: mask)
        while edges[i].child != 0 { i = (i + 1) & mask }
        edges[i] = e
        edgeCount += 1
    }

    /// A name found in a text: where, and which entity it names.
    public struct Match: Sendable {
        public var entities: [Int]
        public var name: String
        public var start: Int
        public var end: Int
    }

    /// Longest matches, left to right, not overlapping; offsets are UTF-8 offsets into `text`.
    public func matches(in text: String) -> [Match] {
        var t = text
        return t.withUTF8 { matches(in: $0) }
    }

    /// Longest matches, left to right, not overlapping, in UTF-8 bytes.
    func matches(in u: UnsafeBufferPointer<UInt8>) -> [Match] {
        NameMatcher.wordLower.withUnsafeBufferPointer { matches(in: u, lower: $0.baseAddress!) }
    }

    func matches(in u: UnsafeBufferPointer<UInt8>, lower: UnsafePointer<UInt8>) -> [Match] {
        // The words, read and hashed once: the words after a name's first word are read by its descent in
        // the trie, and again as first words when no name ends there (most, where most words begin a name).
        let words = NameMatcher.wordSpans(u, lower: lower)
        var out: [Match] = []
        var k = 0
        while k < words.count {
            guard var n = child(of: 0, words[k].hash) else {
                k += 1
                continue
            }
            var best: (word: Int, node: Int)? = isEnd[n] ? (k, n) : nil
            var j = k + 1
            while j < words.count, let c = child(of: n, words[j].hash) {
                n = c
                if isEnd[n] { best = (j, n) }
                j += 1
            }
            if let best {
                out.append(
                    Match(
                        entities: endEntities[best.node], name: endName[best.node], start: words[k].start,
                        end: words[best.word].end))
                k = best.word + 1
            } else {
                k += 1
            }
        }
        return out
    }
}
