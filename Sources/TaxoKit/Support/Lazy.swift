import Foundation

/// A value made on first use, once, by whichever thread asks first (the others wait for it).
final class Lazy<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func get(_ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let v = make()
        value = v
        return v
    }
}
