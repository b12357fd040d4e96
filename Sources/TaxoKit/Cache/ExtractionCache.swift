import Foundation

/// Extraction results of the last build, by file and content hash, so that a later build or check
/// re-parses only files whose content changed (and everything when taxo or the configuration changed).
public final class ExtractionCache: @unchecked Sendable {
    public static let fileName = "taxo-cache.bin"
    static let magic = Array("TAXOCACHE".utf8)
    static let formatVersion: UInt64 = 4

    let bytes: [UInt8]
    private var entries: [String: (hash: String, offset: Int, length: Int, size: Int, mtime: Int64)] = [:]
    /// When the cache was written (nanoseconds): files modified close to it are read again (racy timestamps).
    private var writtenAt: Int64 = 0

    public var count: Int { entries.count }

    /// Loads a cache written for this taxo version and configuration; nil when missing, stale or damaged.
    public init?(path: String, configHash: String) {
        guard let data = FileReader.read(path) else { return nil }
        bytes = data
        var r = BinaryReader(data)
        do {
            guard data.count > ExtractionCache.magic.count, Array(data.prefix(ExtractionCache.magic.count)) == ExtractionCache.magic else { return nil }
            r.i = ExtractionCache.magic.count
            guard try r.uint() == ExtractionCache.formatVersion, try r.string() == TaxoVersion.string,
                  try r.string() == configHash else { return nil }
            writtenAt = Int64(try r.int())
            let n = try r.count()
            for _ in 0..<n {
                r.resetStrings()
                let path = try r.string(), hash = try r.string()
                let size = try r.int(), mtime = Int64(try r.int())
                let len = Int(try r.uint())
                guard r.i + len <= data.count else { return nil }
                entries[path] = (hash, r.i, len, size, mtime)
                r.i += len
            }
        } catch { return nil }
    }

    /// The cached result for a file with the size and modification time it had when cached.
    public func unchanged(path: String, size: Int, mtime: Int64) -> FileResult? {
        guard let e = entries[path], e.size == size, e.mtime == mtime, mtime < writtenAt - 2_000_000_000 else { return nil }
        return result(path: path, hash: e.hash)
    }

    /// The cached result for a file whose content has this hash.
    public func result(path: String, hash: String) -> FileResult? {
        guard let e = entries[path], e.hash == hash else { return nil }
        var r = BinaryReader(bytes, at: e.offset)
        guard var result = try? r.fileResult(), result.path == path else { return nil }
        result.fromCache = true
        return result
    }

    /// The encoded entry of a file, as stored (to carry it into the next cache unchanged).
    func rawEntry(path: String, hash: String) -> ArraySlice<UInt8>? {
        guard let e = entries[path], e.hash == hash else { return nil }
        return bytes[e.offset..<(e.offset + e.length)]
    }

    /// Writes the results (without record JSON and document text) atomically. Entries of files taken
    /// from `previous` unchanged are copied as they are.
    public static func write(_ results: [FileResult], to path: String, configHash: String, previous: ExtractionCache? = nil) throws {
        // Entries of unchanged files are copied straight from the previous cache; only the others are encoded.
        let blobs = Parallel.map(results) { r -> [UInt8]? in
            if r.fromCache, previous?.rawEntry(path: r.path, hash: r.hash) != nil { return nil }
            var w = BinaryWriter()
            w.fileResult(r)
            return w.bytes
        }
        var w = BinaryWriter()
        w.bytes.reserveCapacity((previous?.bytes.count ?? 0) + blobs.reduce(0) { $0 + ($1?.count ?? 0) } + results.count * 64)
        w.bytes.append(contentsOf: magic)
        w.uint(formatVersion)
        w.string(TaxoVersion.string)
        w.string(configHash)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        w.int(Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec))
        w.uint(UInt64(results.count))
        for (r, b) in zip(results, blobs) {
            w.resetStrings()
            w.string(r.path)
            w.string(r.hash)
            w.int(r.size)
            w.int(Int(r.mtime))
            if let b { w.raw(b) } else if let old = previous?.rawEntry(path: r.path, hash: r.hash) {
                w.uint(UInt64(old.count))
                w.bytes.append(contentsOf: old)
            }
        }
        let tmp = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: tmp, contents: Data(w.bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        if rename(tmp, path) != 0 {
            try? FileManager.default.removeItem(atPath: tmp)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
