#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A whole file mapped read-only into memory (read into a buffer when it cannot be mapped). Files that
/// are only ever replaced by rename or appended to, like the extraction cache, are safe to map: the
/// mapped bytes never change underneath.
///
/// Sendable because its fields are constants and the bytes they point to are never written while it lives
/// (mapped read-only, or a private buffer filled in `init`); `deinit` unmaps them when no reader is left.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The file's identity when it was opened, to tell whether the path still names the same file.
    let device: UInt64, inode: UInt64
    private let mapped: Bool

    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        if size == 0 {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            mapped = false
            return
        }
        if let p = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), p != MAP_FAILED {
            bytes = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: size)
            mapped = true
            return
        }
        guard let data = FileReader.read(path) else { return nil }
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: data.count)
        _ = copy.initialize(from: data)
        bytes = UnsafeBufferPointer(copy)
        mapped = false
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) } else { base.deallocate() }
    }
}
