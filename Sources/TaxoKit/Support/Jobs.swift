import Foundation

/// Work run on other threads; `wait` gives the paths each job wrote, in the order they were added.
final class Jobs: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var results: [Result<[String], Error>?] = []

    func add(_ job: @escaping @Sendable () throws -> [String]) {
        lock.lock()
        let slot = results.count
        results.append(nil)
        lock.unlock()
        DispatchQueue.global().async(group: group) { [self] in
            let r = Result { try job() }
            lock.lock()
            results[slot] = r
            lock.unlock()
        }
    }

    /// Waits for every job; throws the first error (in job order).
    func wait() throws -> [String] {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return try results.flatMap { try $0!.get() }
    }

    /// Waits without looking at the results (when the caller is already leaving with an error).
    func waitQuietly() { group.wait() }
}
