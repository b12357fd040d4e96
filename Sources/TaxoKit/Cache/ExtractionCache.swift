import Foundation

/// Extraction results of the last build, by file and content hash, so that a later build or check
/// re-parses only files whose content changed (and everything when taxo or the configuration changed).
///
/// The file is a header, the encoded results, a directory of them and a fixed trailer pointing at the
/// directory. A build after a few edits appends the new results, a new directory and a new trailer
/// (the bytes before stay as they were, so readers mapping the file are safe); when dead entries make up
/// more than half of it, or nothing can be reused, the file is written anew and renamed into place.
///
/// Immutable once loaded: its directory is read in `init`, and the mapped bytes never change (`MappedFile`).
public final class ExtractionCache: Sendable {
    public static let fileName = "taxo-cache.bin"
    static let magic = Array("TAXOCACHE".utf8)
    static let formatVersion: UInt64 = 31

    struct Entry {
        var hash: String
        var offset: Int
        var length: Int
        var size: Int
        var mtime: Int64
    }

    private let file: MappedFile
    private let entries: [String: Entry]
    /// When the cache was written (nanoseconds): files modified close to it are read again (racy timestamps).
    private let writtenAt: Int64

    public var count: Int { entries.count }

    /// Loads a cache written for this taxo version and configuration; nil when missing, stale or damaged
    /// (a build killed while appending leaves no valid trailer: the next one starts over).
    public init?(path: String, configHash: String) {
        guard let f = MappedFile(path: path) else { return nil }
        file = f
        guard var r = CacheFile.reader(f.bytes, magic: ExtractionCache.magic) else { return nil }
        do {
            guard try r.uint() == ExtractionCache.formatVersion, try r.string() == TaxoVersion.build,
                try r.string() == configHash
            else { return nil }
            let header = r.i
            guard try CacheFile.seekDirectory(&r) else { return nil }
            let directory = r.i
            let written = Int64(try r.int())
            let n = try r.count()
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(n)
            for _ in 0..<n {
                let path = try r.string(), hash = try r.string()
                let size = try r.int(), mtime = Int64(try r.int())
                let offset = Int(try r.uint()), length = Int(try r.uint())
                guard offset >= header, length <= directory - offset else { return nil }
                entries[path] = Entry(hash: hash, offset: offset, length: length, size: size, mtime: mtime)
            }
            self.entries = entries
            writtenAt = written
        } catch { return nil }
    }

    /// The cached result for a file with the size and modification time it had when cached.
    public func unchanged(path: String, size: Int, mtime: Int64, records: Bool = false) -> FileResult? {
        guard let e = entries[path], e.size == size, e.mtime == mtime, mtime < writtenAt - 2_000_000_000 else {
            return nil
        }
        return result(path: path, hash: e.hash, records: records)
    }

    /// What the file held when the cache was written, whatever it holds now (what it used to declare).
    public func previous(path: String) -> FileResult? {
        guard let e = entries[path] else { return nil }
        return result(path: path, hash: e.hash)
    }

    /// The cached result for a file whose content has this hash (with each record's JSON when `records`).
    public func result(path: String, hash: String, records: Bool = false) -> FileResult? {
        // A damaged entry is parsed again, never believed.
        guard let e = entries[path], e.hash == hash,
            let (reader, end) = CacheFile.entry(file.bytes, offset: e.offset, length: e.length)
        else { return nil }
        var r = reader
        r.records = records
        guard var result = try? r.fileResult(), result.path == path, r.i == end else { return nil }
        result.fromCache = true
        return result
    }

    /// The stored entry of a file whose content has this hash (to carry it into the next cache unchanged).
    func entry(path: String, hash: String) -> Entry? {
        guard let e = entries[path], e.hash == hash else { return nil }
        return e
    }

    /// Writes the results (without document text). With the cache they were read with,
    /// entries of unchanged files are kept (appended after, or copied when the file is written anew).
    public static func write(
        _ results: [FileResult], to path: String, configHash: String, previous: ExtractionCache? = nil
    ) throws {
        let kept = results.map { r in r.fromCache ? previous?.entry(path: r.path, hash: r.hash) : nil }
        let freshCount = kept.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        // A few changed: appended, unless dead entries would then make up more than half of the file.
        if let previous, freshCount * 4 <= results.count {
            let fresh = Dictionary(uniqueKeysWithValues: encode(results, results.indices.filter { kept[$0] == nil }))
            let freshBytes = fresh.values.reduce(0) { $0 + $1.count }
            let live = freshBytes + kept.reduce(0) { $0 + ($1?.length ?? 0) }
            if previous.file.bytes.count + freshBytes < 2 * live + (1 << 16),
                try append(results, kept: kept, fresh: fresh, to: path, previous: previous)
            {
                return
            }
        }
        // Otherwise (most changed, no previous cache, too much dead, or the file replaced meanwhile) written
        // anew, encoded chunk by chunk as it goes out.
        try rewrite(results, kept: kept, to: path, configHash: configHash, previous: previous)
    }

    /// The encoded results at these indices, on every core.
    static func encode(_ results: [FileResult], _ indices: [Int]) -> [(Int, [UInt8])] {
        Parallel.map(indices) { i in
            var w = BinaryWriter()
            w.fileResult(results[i])
            CacheFile.seal(&w)
            return (i, w.bytes)
        }
    }

    /// The header of a new cache file.
    static func header(configHash: String) -> BinaryWriter {
        var w = BinaryWriter()
        w.append(magic)
        w.uint(formatVersion)
        w.string(TaxoVersion.build)
        w.string(configHash)
        return w
    }

    /// Appends the new entries, a directory and a trailer at `w`'s position `base` in the file.
    static func directory(
        _ results: [FileResult], offsets: [(offset: Int, length: Int)], into w: inout BinaryWriter, at base: Int
    ) {
        let start = base + w.count
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        w.int(Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec))
        w.uint(UInt64(results.count))
        for (r, o) in zip(results, offsets) {
            w.literal(r.path)
            w.literal(r.hash)
            w.int(r.size)
            w.int(Int(r.mtime))
            w.uint(UInt64(o.offset))
            w.uint(UInt64(o.length))
        }
        CacheFile.trailer(&w, directory: start)
    }

    /// Adds to the file the previous cache was read from; false when that file has changed since.
    static func append(
        _ results: [FileResult], kept: [Entry?], fresh: [Int: [UInt8]], to path: String, previous: ExtractionCache
    ) throws -> Bool {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // One writer at a time; and the file must still be the one (and the length) that was read.
        guard flock(fd, LOCK_EX) == 0 else { return false }
        var st = stat()
        let base = previous.file.bytes.count
        guard fstat(fd, &st) == 0, UInt64(st.st_dev) == previous.file.device, UInt64(st.st_ino) == previous.file.inode,
            Int(st.st_size) == base
        else { return false }
        var w = BinaryWriter()
        var offsets: [(offset: Int, length: Int)] = []
        offsets.reserveCapacity(results.count)
        for i in results.indices {
            if let k = kept[i] { offsets.append((k.offset, k.length)); continue }
            let b = fresh[i] ?? []
            offsets.append((base + w.count, b.count))
            w.append(b)
        }
        directory(results, offsets: offsets, into: &w, at: base)
        try w.withBytes { try writeAll(fd, UnsafeRawBufferPointer($0), at: base) }
        return true
    }

    /// Writes a new file with every live entry and renames it into place. Results not kept are encoded a
    /// chunk at a time and written out, so the whole cache is never held in memory twice.
    static func rewrite(
        _ results: [FileResult], kept: [Entry?], to path: String, configHash: String,
        previous: ExtractionCache?
    ) throws {
        try FileWriter.replace(path) { fd in
            var w = header(configHash: configHash)
            var written = 0
            func flush() throws {
                try w.withBytes { try writeAll(fd, UnsafeRawBufferPointer($0), at: written) }
                written += w.count
                w.removeAll()
            }
            var offsets: [(offset: Int, length: Int)] = []
            offsets.reserveCapacity(results.count)
            let chunk = 2048
            for start in stride(from: 0, to: results.count, by: chunk) {
                let range = start..<min(results.count, start + chunk)
                let fresh = Dictionary(uniqueKeysWithValues: encode(results, range.filter { kept[$0] == nil }))
                for i in range {
                    let at = written + w.count
                    if let k = kept[i], let old = previous?.file.bytes {
                        w.append(UnsafeBufferPointer(rebasing: old[k.offset..<(k.offset + k.length)]))
                    } else if let b = fresh[i] {
                        w.append(b)
                    }
                    offsets.append((at, written + w.count - at))
                }
                try flush()
            }
            directory(results, offsets: offsets, into: &w, at: written)
            try flush()
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], at offset: Int) throws {
        try bytes.withUnsafeBytes { try writeAll(fd, $0, at: offset) }
    }

    static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < buf.count {
            let n = pwrite(fd, buf.baseAddress! + done, buf.count - done, off_t(offset + done))
            if n < 0 { if errno == EINTR { continue }; throw CocoaError(.fileWriteUnknown) }
            done += n
        }
    }
}
