import Foundation

/// Work run on other threads; `wait` gives the paths each job wrote, in the order they were added.
final class Jobs: Sendable {
    private let group = DispatchGroup()
    private let results = Locked<[Result<[String], any Error>?]>([])

    /// A `background` job runs at `ThreadPriority.background` (and so do the parallel maps it starts).
    func add(background: Bool = false, _ job: @escaping @Sendable () throws -> [String]) {
        let slot = results.withLock { r in
            r.append(nil)
            return r.count - 1
        }
        DispatchQueue.global().async(group: group) { [results] in
            if background { ThreadPriority.lower() }
            let r = Result { try job() }
            results.withLock { $0[slot] = r }
        }
    }

    /// Waits for every job; throws the first error (in job order).
    func wait() throws -> [String] {
        group.wait()
        return try results.withLock { r in try r.flatMap { try $0!.get() } }
    }

    /// Waits without looking at the results (when the caller is already leaving with an error).
    func waitQuietly() { group.wait() }
}
