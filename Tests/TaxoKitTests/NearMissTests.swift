import Testing

@testable import TaxoKit

/// "Did you mean": the bounded edit distance that a prepared vocabulary uses gives the full distance
/// whenever it is within the bound, and the suggestions are those of the plain definition.
@Suite struct NearMissTests {
    /// A small deterministic generator (the same strings on every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func word(_ letters: [Character]) -> String {
            String((0..<next(9)).map { _ in letters[next(letters.count)] })
        }
    }

    @Test func theBoundedDistanceIsTheDistanceWithinTheBound() {
        var g = Generator(state: 42)
        let letters: [Character] = ["a", "b", "c", "é", "A"]
        for _ in 0..<3000 {
            let a = g.word(letters), b = g.word(letters), bound = g.next(5)
            let full = NearMiss.distance(a, b)
            let bounded = NearMiss.distance(Array(a.unicodeScalars), Array(b.unicodeScalars), atMost: bound)
            #expect(bounded == (full <= bound ? full : nil), "\(a) \(b) \(bound)")
        }
        #expect(NearMiss.distance(Array("ca".unicodeScalars), Array("ac".unicodeScalars), atMost: 1) == 1)
        #expect(NearMiss.distance([], Array("abc".unicodeScalars), atMost: 2) == nil)
    }

    /// The plain definition: every candidate lower-cased and compared in full.
    static func reference(_ word: String, _ candidates: [String], limit: Int) -> [String] {
        let w = word.lowercased()
        let maxDistance = max(1, min(3, w.count / 3))
        var scored: [(Int, String)] = []
        for c in candidates {
            let d = NearMiss.distance(w, c.lowercased())
            if d <= maxDistance, d > 0 || c != word { scored.append((d, c)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var seen = Set<String>()
        return Array(scored.compactMap { seen.insert($0.1).inserted ? $0.1 : nil }.prefix(limit))
    }

    @Test func aVocabularySuggestsWhatThePlainDefinitionDoes() {
        var g = Generator(state: 7)
        let letters: [Character] = ["e", "x", "c", "l", "E", " "]
        let candidates = (0..<400).map { _ in g.word(letters) } + ["Excel", "Microsoft Excel", "excel", "Exel"]
        let vocabulary = NearMiss.Vocabulary(candidates)
        for word in (0..<300).map({ _ in g.word(letters) }) + ["Excel", "exccel", "Excle"] {
            #expect(vocabulary.suggestions(for: word) == Self.reference(word, candidates, limit: 3), "\(word)")
        }
        #expect(NearMiss.suggestions(for: "Exccel", in: candidates).first == "Excel")
    }
}
