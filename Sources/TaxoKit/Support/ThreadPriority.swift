import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The build's report jobs run at a lower priority than the main thread, which writes the index meanwhile:
/// SQLite writes it on that one thread, the longest single task of a build, and the reports fill the other
/// cores around it instead of sharing its core (the build's wall time is the index's, not the index's plus
/// a share of the reports'). On Linux a thread's nice value is its own; a thread cannot raise it back
/// without privilege, so only worker threads are ever lowered, never the main thread.
enum ThreadPriority {
    /// The nice value background work runs at.
    static let background: Int32 = 10

    /// The calling thread's nice value (0 where threads have none of their own).
    static var current: Int32 {
        #if os(Linux)
            errno = 0
            let n = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            return errno == 0 ? n : 0
        #else
            return 0
        #endif
    }

    /// Lowers the calling thread to `nice` (no higher than it is), unless it is the main thread.
    static func lower(to nice: Int32 = background) {
        #if os(Linux)
            guard nice > 0, !Thread.isMainThread, current < nice else { return }
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice)
        #endif
    }
}
