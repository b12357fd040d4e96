/// The framing taxo's cache files share (`ExtractionCache`, `GapStore`): a magic, a header, entries that
/// each end with a checksum of their bytes, a directory, and a fixed trailer (the directory's offset and an
/// end marker). A file cut short has no trailer and a damaged entry fails its checksum: neither is believed.
enum CacheFile {
    static let trailerMagic = Array("TAXOEND.".utf8)
    static let trailerLength = 16

    /// A reader just after the magic, when the file starts with it and ends with a trailer.
    static func reader(_ b: UnsafeBufferPointer<UInt8>, magic: [UInt8]) -> BinaryReader? {
        guard b.count >= magic.count + trailerLength, b.prefix(magic.count).elementsEqual(magic),
            b.suffix(trailerMagic.count).elementsEqual(trailerMagic)
        else { return nil }
        return BinaryReader(b, at: magic.count)
    }

    /// Moves the reader to the directory the trailer points at (the header ends where the reader is);
    /// false when it does not lie between the header and the trailer.
    static func seekDirectory(_ r: inout BinaryReader) throws -> Bool {
        let header = r.i
        r.i = r.bytes.count - trailerLength
        let directory = Int(try r.fixed64())
        guard directory >= header, directory < r.bytes.count - trailerLength else { return false }
        r.i = directory
        return true
    }

    /// Ends an entry: the checksum of its bytes.
    static func seal(_ w: inout BinaryWriter) { w.fixed64(w.withBytes { Hashing.fnv1a(UnsafeRawBufferPointer($0)) }) }

    /// A reader at an entry whose bytes agree with their checksum (nil: too short, or damaged); the entry's
    /// content ends where the returned `end` is.
    static func entry(_ b: UnsafeBufferPointer<UInt8>, offset: Int, length: Int) -> (reader: BinaryReader, end: Int)? {
        guard offset >= 0, length >= 8, offset + length <= b.count else { return nil }
        let end = offset + length - 8
        var c = BinaryReader(b, at: end)
        guard let stored = try? c.fixed64(),
            stored == Hashing.fnv1a(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(b)[offset..<end]))
        else { return nil }
        return (BinaryReader(b, at: offset), end)
    }

    /// Ends a file: the trailer, pointing at the directory written from `directory` on.
    static func trailer(_ w: inout BinaryWriter, directory: Int) {
        w.fixed64(UInt64(directory))
        w.append(trailerMagic)
    }
}
