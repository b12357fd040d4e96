#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing generated files (reports, manifests, site pages) with plain system calls.
///
/// `replace` writes a temporary file beside the target and renames it into place, so a reader never sees
/// half a report and a killed build leaves the old one. It does not `fsync` (Foundation's atomic write
/// does, once per file: 0.17 s of threads blocked on the disk in a 10k build): generated output is
/// remade by the next build, and ext4 replaces-by-rename safely on a crash anyway. Files a user edits keep
/// Foundation's durable write.
enum FileWriter {
    /// The marker in temporary names, which `Builder.removeStaleTemporaries` looks for.
    static let temporaryMarker = ".taxo-tmp-"
    private static let counter = Locked(0)

    /// Writes `bytes` to `path` by a temporary file renamed into place.
    static func replace(_ path: String, with bytes: UnsafeRawBufferPointer) throws {
        try replace(path) { fd in try writeAll(fd, bytes, path: path) }
    }

    /// Makes `path` by a temporary file that `body` writes (given its descriptor) and that is renamed into
    /// place when `body` returns; removed when it throws.
    static func replace(_ path: String, by body: (Int32) throws -> Void) throws {
        let n = counter.withLock { c -> Int in
            c += 1
            return c
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let tmp = folder + "." + name + temporaryMarker + "\(getpid())-\(n)"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path) }
        do {
            try body(fd)
            close(fd)
        } catch {
            close(fd)
            unlink(tmp)
            throw error
        }
        if rename(tmp, path) != 0 {
            let error = failure(path)
            unlink(tmp)
            throw error
        }
    }

    /// Writes a string's UTF-8 to `path` by a temporary file renamed into place.
    static func replace(_ path: String, with text: String) throws {
        var text = text
        try text.withUTF8 { try replace(path, with: UnsafeRawBufferPointer($0)) }
    }

    /// Writes every byte to an open file at its current offset (retrying short writes and interrupts).
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: @autoclosure () -> String) throws {
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw failure(path()) }
            done += n
        }
    }

    /// The error for a write that failed, with the system's reason (`errno`).
    static func failure(_ path: String) -> TaxoError {
        TaxoError.io("cannot write \(path): \(String(cString: strerror(errno)))")
    }

    /// Whether a file name is one of `replace`'s temporaries.
    static func isTemporary(_ name: String) -> Bool { name.hasPrefix(".") && name.contains(temporaryMarker) }
}
