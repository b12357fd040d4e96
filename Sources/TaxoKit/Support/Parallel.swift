import Foundation

/// Order-preserving parallel map over all cores; results come back in input order.
///
/// The contract: `transform` only reads state that no one writes while the map runs (the compiled library,
/// the configuration), or state behind its own lock. Each iteration writes its own slots of the output.
enum Parallel {
    /// What the concurrent iterations share: the input (read only), the output (each slot written by one
    /// iteration) and the transform (see the contract above). Checked by hand, hence unchecked.
    private struct Shared<T, R>: @unchecked Sendable {
        let input: UnsafeBufferPointer<T>
        let output: UnsafeMutablePointer<R?>
        let transform: (T) -> R
    }

    /// Items are taken `chunk` at a time (by default an eighth of each core's share, from 4 to 64 items: at 100k
    /// files an eighth was 4,900 files, and a core could be left parsing its last share alone; items of very
    /// uneven cost want 1, so that no core is left with a long run at the end).
    static func map<T, R>(_ items: [T], minimum: Int = 64, chunk: Int? = nil, _ transform: (T) -> R) -> [R] {
        let n = items.count
        if n < minimum || n < 2 { return items.map(transform) }
        let out = UnsafeMutablePointer<R?>.allocate(capacity: n)
        out.initialize(repeating: nil, count: n)
        defer { out.deallocate() }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(1, chunk ?? min(64, max(4, n / (workers * 8))))
        let chunks = (n + chunk - 1) / chunk
        // A map started by background work runs in the background on every thread (`ThreadPriority`).
        let nice = ThreadPriority.current
        withoutActuallyEscaping(transform) { transform in
            items.withUnsafeBufferPointer { buf in
                let shared = Shared(input: buf, output: out, transform: transform)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    ThreadPriority.lower(to: nice)
                    let lo = c * chunk, hi = min(n, lo + chunk)
                    for i in lo..<hi { shared.output[i] = shared.transform(shared.input[i]) }
                }
            }
        }
        // Moved out, not copied (results can be large values).
        return (0..<n).map { (out + $0).move()! }
    }

    /// Where `both` puts its results (each written by one of the two iterations).
    private struct Pair<A, B>: @unchecked Sendable {
        let a: UnsafeMutablePointer<A?>
        let b: UnsafeMutablePointer<B?>
        let makeA: () -> A
        let makeB: () -> B
    }

    /// Two results made at once (on two threads when there are two cores), under the contract above.
    static func both<A, B>(_ makeA: () -> A, _ makeB: () -> B) -> (A, B) {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return (makeA(), makeB()) }
        let a = UnsafeMutablePointer<A?>.allocate(capacity: 1), b = UnsafeMutablePointer<B?>.allocate(capacity: 1)
        a.initialize(to: nil)
        b.initialize(to: nil)
        // Moved out below (which leaves them uninitialized), then freed.
        defer {
            a.deallocate()
            b.deallocate()
        }
        withoutActuallyEscaping(makeA) { makeA in
            withoutActuallyEscaping(makeB) { makeB in
                let shared = Pair(a: a, b: b, makeA: makeA, makeB: makeB)
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    if i == 0 { shared.a.pointee = shared.makeA() } else { shared.b.pointee = shared.makeB() }
                }
            }
        }
        return (a.move()!, b.move()!)
    }
}
