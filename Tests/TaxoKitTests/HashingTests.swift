import Testing

@testable import TaxoKit

/// Prints (`StreamHash`) tell apart what a page or report is made from: numbers that differ in any bit,
/// the same pieces in another order, and pieces split at another place.
@Suite struct HashingTests {
    func print(_ fill: (inout StreamHash) -> Void) -> UInt64 {
        var h = StreamHash()
        fill(&h)
        return h.value
    }

    @Test func everyBitOfANumberCounts() {
        let base = print { $0.add(0) }
        var seen: Set<UInt64> = [base]
        for bit in 0..<64 { seen.insert(print { $0.add(Int(bitPattern: UInt(1) << UInt(bit))) }) }
        #expect(seen.count == 65)
        // A number then a text: the text's hash depends on the number's high bits too.
        #expect(
            print {
                $0.add(1 << 62); $0.add("a")
            }
                != print {
                    $0.add(0); $0.add("a")
                })
    }

    @Test func orderAndSplitsCount() {
        #expect(
            print {
                $0.add(1); $0.add(2)
            }
                != print {
                    $0.add(2); $0.add(1)
                })
        #expect(
            print {
                $0.add("ab"); $0.add("c")
            }
                != print {
                    $0.add("a"); $0.add("bc")
                })
        #expect(
            print {
                $0.add(7); $0.add("x")
            }
                == print {
                    $0.add(7); $0.add("x")
                })
    }
}
