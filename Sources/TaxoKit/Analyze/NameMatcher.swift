/// Finds every library name (and alias) in a text with one pass over its words: a trie keyed by
/// lower-cased words, so a 180 KB transcript is matched against thousands of names at once
/// (multi-word names such as `ScaleKit Python SDK` included, longest match wins).
public struct NameMatcher: Sendable {
    /// The trie as arrays indexed by node (values, shared read-only between threads; node 0 is the root):
    /// the next node per word hash, and the entities whose name ends at the node, with the name as written.
    var next: [[UInt64: Int32]] = [[:]]
    var ends: [[End]] = [[]]

    struct End: Sendable {
        var entity: Int
        var name: String
    }
    public private(set) var count = 0

    /// A matcher that knows no names yet.
    public init() {}

    /// FNV-1a of a word's lower-cased UTF-8 bytes: trie edges without a String per word.
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for var c in bytes {
            if c >= 65 && c <= 90 { c += 32 }
            h = (h ^ UInt64(c)) &* 0x100000001b3
        }
        return h
    }

    /// Word spans (UTF-8 offsets) of a text, with the hash of each lower-cased word.
    static func wordSpans(_ u: [UInt8]) -> [(hash: UInt64, start: Int, end: Int)] {
        var out: [(UInt64, Int, Int)] = []
        var i = 0
        func isWordByte(_ c: UInt8) -> Bool {
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80
        }
        while i < u.count {
            guard isWordByte(u[i]) else { i += 1; continue }
            let s0 = i
            while i < u.count,
                isWordByte(u[i])
                    || ((u[i] == 46 || u[i] == 43 || u[i] == 35) && i + 1 < u.count && isWordByte(u[i + 1]))
            { i += 1 }
            while i < u.count, u[i] == 43 || u[i] == 35 { i += 1 }
            out.append((hash(u[s0..<i]), s0, i))
        }
        return out
    }

    /// Adds a name (of at least one word) that stands for an entity.
    public mutating func add(_ name: String, entity: Int) {
        let ws = NameMatcher.wordSpans(Array(name.utf8)).map(\.hash)
        guard !ws.isEmpty else { return }
        var n = 0
        for w in ws {
            if let c = next[n][w] {
                n = Int(c)
            } else {
                next.append([:])
                ends.append([])
                next[n][w] = Int32(next.count - 1)
                n = next.count - 1
            }
        }
        if !ends[n].contains(where: { $0.entity == entity }) {
            ends[n].append(End(entity: entity, name: name)); count += 1
        }
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
        let ws = NameMatcher.wordSpans(Array(text.utf8))
        var out: [Match] = []
        var i = 0
        while i < ws.count {
            var n = 0
            var best: (Int, Int)?
            var j = i
            while j < ws.count, let c = next[n][ws[j].hash] {
                n = Int(c)
                if !ends[n].isEmpty { best = (j, n) }
                j += 1
            }
            if let (last, node) = best {
                let found = ends[node]
                out.append(
                    Match(entities: found.map(\.entity), name: found[0].name, start: ws[i].start, end: ws[last].end))
                i = last + 1
            } else {
                i += 1
            }
        }
        return out
    }
}
