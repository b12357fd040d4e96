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

    static func map<T, R>(_ items: [T], minimum: Int = 64, _ transform: (T) -> R) -> [R] {
        let n = items.count
        if n < minimum || n < 2 { return items.map(transform) }
        let out = UnsafeMutablePointer<R?>.allocate(capacity: n)
        out.initialize(repeating: nil, count: n)
        defer { out.deallocate() }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = minimum <= 1 ? 1 : max(16, n / (workers * 8))
        let chunks = (n + chunk - 1) / chunk
        withoutActuallyEscaping(transform) { transform in
            items.withUnsafeBufferPointer { buf in
                let shared = Shared(input: buf, output: out, transform: transform)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let lo = c * chunk, hi = min(n, lo + chunk)
                    for i in lo..<hi { shared.output[i] = shared.transform(shared.input[i]) }
                }
            }
        }
        // Moved out, not copied (results can be large values).
        return (0..<n).map { (out + $0).move()! }
    }
}
