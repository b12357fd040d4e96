import Foundation

/// A value behind a lock: the one primitive taxo's shared mutable state goes through (`Lazy`, `Jobs`, the
/// parsed templates, the snake_case keys of report contexts).
///
/// Sendable because every read and write of `value` happens inside `withLock`, under `lock`.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    /// A lock around a value.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, under the lock.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
