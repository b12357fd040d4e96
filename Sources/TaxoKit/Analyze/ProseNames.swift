/// Misspelt library names in running text: capitalised phrases of one to four words (`Scalekit Dashbord`,
/// `Tavilly`) compared with the names of tool-like kinds, within two edits. Each distinct phrase is compared
/// once per analysis, through the trigram index's rarest trigrams, so a long transcript stays fast.
final class ProseNames {
    /// What phrases are compared with, made once per analyzer and shared.
    final class Index: Sendable {
        let fuzzy: FuzzyIndex
        /// Normalised library names -> entities (of the tool-like kinds), and their names as written.
        let entities: [String: [Int]]
        let display: [String: String]
        /// Every normalised library name of any kind: a phrase that is one is not a misspelling.
        let known: Set<String>
        /// Near matches of the phrases every analysis so far met (the same phrases recur from video to video;
        /// each analysis asks here once per distinct phrase).
        let nearMatches = Locked<[String: FuzzyIndex.Match?]>([:])

        init(fuzzy: FuzzyIndex, entities: [String: [Int]], display: [String: String], known: Set<String>) {
            self.fuzzy = fuzzy
            self.entities = entities
            self.display = display
            self.known = known
        }
    }

    let shared: Index
    var entities: [String: [Int]] { shared.entities }
    var display: [String: String] { shared.display }

    init(index: Index) {
        shared = index
    }

    /// Phrases met so far by the hash of their bytes (with the bytes, compared on a hit): a phrase seen
    /// before is answered, normalised and judged, without making a string of it.
    private var seen: [UInt64: (bytes: [UInt8], normalized: String, match: FuzzyIndex.Match?)] = [:]

    /// The phrase these bytes spell, normalised, and its near match.
    func lookup(bytes: ArraySlice<UInt8>) -> (normalized: String, match: FuzzyIndex.Match?) {
        var h = StreamHash()
        bytes.withUnsafeBufferPointer { for b in $0 { h.add(byte: b) } }
        if let e = seen[h.value], e.bytes.elementsEqual(bytes) { return (e.normalized, e.match) }
        let n = Labels.normalized(String(decoding: bytes, as: UTF8.self))
        let m = near(normalized: n)
        seen[h.value] = (Array(bytes), n, m)
        return (n, m)
    }

    /// The near match of a normalised phrase (none for a library name of any kind), found once per build
    /// (`lookup` asks once per distinct phrase of an analysis).
    func near(normalized n: String) -> FuzzyIndex.Match? {
        if let known = shared.nearMatches.withLock({ $0[n] }) { return known }
        let m = shared.known.contains(n) ? nil : shared.fuzzy.nearest(n, bounds: .prose)
        shared.nearMatches.withLock { $0[n] = m }
        return m
    }

    /// Capitalised runs of words on one line, as (start, end) byte offsets of each word, handed to `body`
    /// one run at a time (in a buffer reused for the next run: no array per line).
    static func forEachRun(
        _ u: ArraySlice<UInt8>, _ run: inout [(start: Int, end: Int)], _ body: ([(start: Int, end: Int)]) -> Void
    ) {
        run.removeAll(keepingCapacity: true)
        // Read in place (a slice's every subscript checked its bounds): offsets are from the slice's start.
        // Each byte is classified by one read of `byteClass`.
        u.withUnsafeBufferPointer { b in
            byteClass.withUnsafeBufferPointer { t in
                func close() {
                    if !run.isEmpty {
                        body(run)
                        run.removeAll(keepingCapacity: true)
                    }
                }
                let n = b.count
                var i = 0
                while i < n {
                    let k = t[Int(b[i])]
                    if k == gap { i += 1; continue }
                    guard k & word != 0 else { close(); i += 1; continue }
                    let s0 = i
                    i += 1
                    while i < n, t[Int(b[i])] & word != 0 { i += 1 }
                    var e = i
                    var endsRun = false
                    while e > s0, b[e - 1] == UInt8(ascii: ".") || b[e - 1] == UInt8(ascii: "-") {
                        e -= 1
                        endsRun = true
                    }
                    if i < n, t[Int(b[i])] != gap { endsRun = true }
                    if e > s0, k & upper != 0 {
                        run.append((s0, e))
                    } else {
                        close()
                    }
                    if endsRun { close() }
                }
                close()
            }
        }
    }

    /// `byteClass` values: a gap between the words of a run, a word byte, a word byte that is an upper-case
    /// ASCII letter (`word | upper`); 0 for any other byte.
    private static let gap: UInt8 = 1, word: UInt8 = 2, upper: UInt8 = 4

    /// Each byte's class (`isGap`, `isWordByte`, upper-case).
    private static let byteClass: [UInt8] = (0..<256).map { c in
        let b = UInt8(c)
        if isGap(b) { return gap }
        guard isWordByte(b) else { return 0 }
        return b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? word | upper : word
    }

    /// What may stand between the words of a run: spaces, tabs and emphasis.
    @inline(__always) static func isGap(_ c: UInt8) -> Bool {
        c == 32 || c == 9 || c == UInt8(ascii: "*") || c == UInt8(ascii: "_")
    }

    /// A byte of a word: ASCII letters and digits, `-`, `.`, and any byte of a multi-byte character.
    @inline(__always) static func isWordByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "-")
            || c == UInt8(ascii: ".") || c >= 0x80
    }

    /// Near-miss occurrences in a document's prose (not in code, not in IDs, not a name found already).
    func occurrences(
        in file: SourceFile, syntax: MarkdownSyntax, inCode: [Bool], idSpans: [Range<Int>], known found: [GapOccurrence]
    ) -> [GapOccurrence] {
        var out: [GapOccurrence] = []
        var foundNames: [Int: Set<String>] = [:]
        for o in found {
            switch o.what {
            case .name(let n, _), .libraryName(let n, _): foundNames[o.line, default: []].insert(Labels.normalized(n))
            default: break
            }
        }
        let headings = syntax.headings
        let ids = SpanSet(idSpans)
        var h = -1
        var buffer: [(start: Int, end: Int)] = []
        for l in 1...max(1, file.lines.lineCount) where l >= inCode.count || !inCode[l] {
            let start = file.lines.lineStarts[l - 1]
            let end = l < file.lines.lineCount ? file.lines.lineStarts[l] : file.bytes.count
            let line = file.bytes[start..<end]
            ProseNames.forEachRun(line, &buffer) { run in
                var i = 0
                while i < run.count {
                    var matched = 0
                    // Longest phrase first, at most four words.
                    for len in stride(from: min(4, run.count - i), through: 1, by: -1) {
                        let a = start + run[i].start, z = start + run[i + len - 1].end
                        if ids.overlaps(a..<z) { continue }
                        let (normalized, m) = lookup(bytes: file.bytes[a..<z])
                        if let names = foundNames[l], names.contains(normalized) { matched = len; break }
                        guard let m, let ents = entities[m.name] else { continue }
                        let phrase = String(decoding: file.bytes[a..<z], as: UTF8.self)
                        let loc = file.location(a)
                        while h + 1 < headings.count, headings[h + 1].line <= l { h += 1 }
                        let shown = GapOccurrence.shown(file.lines.lineText(l))
                        let o = GapOccurrence(
                            what: .nearName(
                                phrase, entities: ents, libraryName: display[m.name] ?? m.name, score: m.score),
                            pairedName: nil, pairedID: nil, file: file.path, line: l, column: loc.column,
                            heading: h >= 0 ? GapNames.stripNumbering(headings[h].text) : nil,
                            snippet: shown.snippet, timestamp: shown.timestamp, required: false, proposal: false)
                        out.append(o)
                        matched = len
                        break
                    }
                    i += max(1, matched)
                }
            }
        }
        return out
    }
}
