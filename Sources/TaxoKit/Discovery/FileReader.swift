#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file with plain system calls (no Foundation copies).
public enum FileReader {
    /// A file's bytes, or nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        var ok = true
        // Not zero-filled first: read() writes every byte that is kept.
        let out = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            var got = 0
            while got < size {
                let n = Glibc.read(fd, buf.baseAddress! + got, size - got)
                if n < 0 { if errno == EINTR { continue }; ok = false; break }
                if n == 0 { break }
                got += n
            }
            count = ok ? got : 0
        }
        return ok ? out : nil
    }
}
