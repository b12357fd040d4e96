#if canImport(Glibc)
    import Glibc
#endif

/// Copies a file with large buffers (Foundation's copy is slow on Linux for big files).
enum FastCopy {

    static func copy(from src: String, to dst: String) throws {
        let inFD = open(src, O_RDONLY)
        guard inFD >= 0 else { throw TaxoError.io("cannot copy \(src)") }
        defer { close(inFD) }
        let outFD = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard outFD >= 0 else { throw TaxoError.io("cannot copy \(dst)") }
        defer { close(outFD) }
        // The kernel copies (and may share blocks) without passing the bytes through user space.
        var st = stat()
        if fstat(inFD, &st) == 0 {
            var left = Int(st.st_size)
            while left > 0 {
                let n = sendfile(outFD, inFD, nil, left)
                if n <= 0 { break }
                left -= n
            }
            if left == 0 { return }
            _ = lseek(inFD, 0, SEEK_SET)
            _ = ftruncate(outFD, 0)
            _ = lseek(outFD, 0, SEEK_SET)
        }
        let size = 1 << 20
        let buf = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buf.deallocate() }
        while true {
            let n = read(inFD, buf, size)
            if n < 0 { if errno == EINTR { continue }; throw TaxoError.io("cannot copy \(src)") }
            if n == 0 { break }
            var off = 0
            while off < n {
                let w = write(outFD, buf + off, n - off)
                if w < 0 { if errno == EINTR { continue }; throw TaxoError.io("cannot copy \(dst)") }
                off += w
            }
        }
    }
}
