import Foundation
import Testing

@testable import TaxoKit

/// Work spread over the cores gives what doing it in turn gives: `Parallel.map` in input order, and
/// `Parallel.both` both results, reference-counted ones released exactly once (a value moved out twice, or
/// left behind, would crash or leak here).
@Suite struct ParallelTests {
    final class Counted {
        static let alive = Locked(0)
        let value: [String]
        init(_ value: [String]) {
            self.value = value
            Counted.alive.withLock { $0 += 1 }
        }
        deinit { Counted.alive.withLock { $0 -= 1 } }
    }

    @Test func mapKeepsInputOrderWhateverTheChunks() {
        let items = Array(0..<1000)
        for chunk in [nil, 1, 7, 5000] {
            #expect(Parallel.map(items, minimum: 1, chunk: chunk) { $0 * 2 } == items.map { $0 * 2 }, "\(chunk as Any)")
        }
    }

    @Test func bothGivesBothResultsAndReleasesThemOnce() {
        let before = Counted.alive.withLock { $0 }
        for n in 0..<200 {
            let (a, (b, c)) = Parallel.both(
                { Counted((0..<n).map(String.init)) }, { (Counted(["b\(n)"]), [n, n + 1]) })
            #expect(a.value.count == n)
            #expect(b.value == ["b\(n)"])
            #expect(c == [n, n + 1])
        }
        #expect(Counted.alive.withLock { $0 } == before)
    }

    /// A build's report jobs yield to the index: a background job and every iteration of a map it starts run
    /// at the background priority (or lower, in a process started at a lower one).
    @Test func backgroundJobsAndTheirMapsRunAtTheBackgroundPriority() throws {
        #if os(Linux)
            let jobs = Jobs()
            let seen = Locked<[String: [Int32]]>([:])
            jobs.add(background: true) {
                let inMap = Parallel.map(Array(0..<256), minimum: 1, chunk: 1) { _ in ThreadPriority.current }
                seen.withLock {
                    $0["job"] = [ThreadPriority.current]; $0["map"] = inMap
                }
                return []
            }
            _ = try jobs.wait()
            #expect(seen.withLock { $0["job"]?.allSatisfy { $0 >= ThreadPriority.background } } == true)
            #expect(seen.withLock { $0["map"]?.allSatisfy { $0 >= ThreadPriority.background } } == true)
        #endif
    }
}
