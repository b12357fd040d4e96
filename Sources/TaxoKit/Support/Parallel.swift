import Foundation

/// Order-preserving parallel map over all cores; results come back in input order.
enum Parallel {
    static func map<T, R>(_ items: [T], minimum: Int = 64, _ transform: (T) -> R) -> [R] {
        let n = items.count
        if n < minimum || n < 2 { return items.map(transform) }
        let out = UnsafeMutablePointer<R?>.allocate(capacity: n)
        out.initialize(repeating: nil, count: n)
        defer { out.deallocate() }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = minimum <= 1 ? 1 : max(16, n / (workers * 8))
        let chunks = (n + chunk - 1) / chunk
        items.withUnsafeBufferPointer { buf in
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lo = c * chunk, hi = min(n, lo + chunk)
                for i in lo..<hi { out[i] = transform(buf[i]) }
            }
        }
        // Moved out, not copied (results can be large values).
        return (0..<n).map { (out + $0).move()! }
    }
}
