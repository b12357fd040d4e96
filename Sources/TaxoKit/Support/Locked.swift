import Foundation

/// A value behind a lock: the one primitive taxo's shared mutable state goes through (`Lazy`, `Jobs`, the
/// parsed templates, the snake_case keys of report contexts).
///
/// Sendable because every read and write of `value` happens inside `withLock`, under `lock`.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) { self.value = value }

    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
