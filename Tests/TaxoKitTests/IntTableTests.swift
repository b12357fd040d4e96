import Testing

@testable import TaxoKit

/// Values by integer key: what a dictionary assigned the pairs in order holds, for offsets given and not.
@Suite struct IntTableTests {
    @Test func anIntTableHoldsWhatADictionaryAssignedInOrderHolds() {
        var rng = CompiledTemplateTests.Seeded(state: 21)
        for _ in 0..<500 {
            let pairs = (0..<Int.random(in: 0...12, using: &rng)).map { _ in
                (key: Int.random(in: 0...15, using: &rng), value: Int.random(in: 0...99, using: &rng))
            }
            var dict: [Int: Int] = [:]
            for p in pairs { dict[p.key] = p.value }
            let table = IntTable(pairs)
            for offset in -1...16 { #expect(table[offset] == dict[offset], "\(pairs) \(offset)") }
        }
    }
}
