#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The gap analyses of the last `taxo build` (`output/taxo-gaps.bin`), one per video, each under the print
/// of what it was made from (`ReportWriter.gapPrints`: the library's IDs, names and announced IDs, the
/// configuration, taxo's version, the video's documents and their content). `taxo site` and `taxo gaps`
/// take a video's analysis from here when its print is the one they would analyse now: no second analysis.
///
/// The file is framed as the extraction cache is (`CacheFile`): a header, the encoded analyses (each with a
/// checksum), a directory of them and a trailer; a build writes it anew, renamed into place.
public final class GapStore: Sendable {
    public static let fileName = "taxo-gaps.bin"
    static let magic = Array("TAXOGAPS".utf8)
    static let formatVersion: UInt64 = 3

    struct Entry {
        var print: String
        var offset: Int
        var length: Int
    }

    private let file: MappedFile
    private let entries: [String: Entry]

    /// The videos whose analyses the file holds.
    public var videos: [String] { entries.keys.sorted() }

    /// Loads a store written by this taxo version; nil when missing or damaged.
    public init?(path: String) {
        guard let f = MappedFile(path: path) else { return nil }
        file = f
        guard var r = CacheFile.reader(f.bytes, magic: GapStore.magic) else { return nil }
        do {
            guard try r.uint() == GapStore.formatVersion, try r.string() == TaxoVersion.build else { return nil }
            let header = r.i
            guard try CacheFile.seekDirectory(&r) else { return nil }
            let directory = r.i
            var entries: [String: Entry] = [:]
            for _ in 0..<(try r.count()) {
                let video = try r.string(), print = try r.string()
                let offset = Int(try r.uint()), length = Int(try r.uint())
                guard offset >= header, length >= 8, length <= directory - offset else { return nil }
                entries[video] = Entry(print: print, offset: offset, length: length)
            }
            self.entries = entries
        } catch { return nil }
    }

    /// A video's analysis when it was made from inputs of this print (nil: none, another print, or damaged).
    /// `source` gives a document's text as the analysis read it (what its occurrences show of their lines is
    /// made from it); nil when a document is gone, which makes the analysis unusable.
    public func candidates(
        video: String, print: String, library: Library, source: @escaping (String) -> SourceFile?,
        snippets: Bool = true
    ) -> [GapCandidate]? {
        guard let e = entries[video], e.print == print,
            let found = CacheFile.entry(file.bytes, offset: e.offset, length: e.length)
        else { return nil }
        var r = found.reader
        guard let cs = try? r.gapCandidates(lines: ShownLines(source, snippets: snippets), library: library),
            r.i == found.end
        else {
            return nil
        }
        return cs
    }

    /// The stored bytes of a video's analysis made from inputs of this print (to carry into the next file).
    func bytes(video: String, print: String) -> UnsafeBufferPointer<UInt8>? {
        guard let e = entries[video], e.print == print else { return nil }
        return UnsafeBufferPointer(rebasing: file.bytes[e.offset..<(e.offset + e.length)])
    }

    /// Writes a store while a build makes its analyses (on any thread): each goes out as it is added, so
    /// the analyses of a large library are never all held at once.
    final class Writer: @unchecked Sendable {
        private struct State {
            var written = 0
            var directory: [(video: String, print: String, offset: Int, length: Int)] = []
            var failed = false
        }
        private let fd: Int32
        private let state = Locked(State())

        /// Starts the file on an open descriptor (`FileWriter.replace` renames it into place).
        init(fd: Int32) {
            self.fd = fd
            var w = BinaryWriter()
            w.append(GapStore.magic)
            w.uint(GapStore.formatVersion)
            w.string(TaxoVersion.build)
            put(w.bytes)
        }

        /// Adds a video's analysis of the library, made from inputs of this print.
        func add(video: String, print: String, candidates: [GapCandidate], library: Library) {
            var w = BinaryWriter()
            w.gapCandidates(candidates, library: library)
            CacheFile.seal(&w)
            put(w.bytes, video: video, print: print)
        }

        /// Carries a video's analysis from the previous store, when it was made from inputs of this print.
        func carry(video: String, print: String, from previous: GapStore?) {
            guard let b = previous?.bytes(video: video, print: print) else { return }
            put(Array(b), video: video, print: print)
        }

        private func put(_ bytes: [UInt8], video: String? = nil, print: String = "") {
            state.withLock { s in
                guard !s.failed else { return }
                do {
                    try ExtractionCache.writeAll(fd, bytes, at: s.written)
                } catch {
                    s.failed = true
                    return
                }
                if let video { s.directory.append((video, print, s.written, bytes.count)) }
                s.written += bytes.count
            }
        }

        /// Writes the directory and the trailer; throws when a write failed.
        func finish(path: String) throws {
            var w = BinaryWriter()
            let (start, directory) = state.withLock { ($0.written, $0.directory.sorted { $0.video < $1.video }) }
            w.uint(UInt64(directory.count))
            for d in directory {
                w.literal(d.video)
                w.literal(d.print)
                w.uint(UInt64(d.offset))
                w.uint(UInt64(d.length))
            }
            CacheFile.trailer(&w, directory: start)
            put(w.bytes)
            if state.withLock({ $0.failed }) { throw FileWriter.failure(path) }
        }
    }
}
