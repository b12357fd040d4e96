/// Gap candidates and their occurrences in the binary encoding (for `GapStore`): every field, so that a
/// decoded candidate is the one the analysis made; except what an occurrence shows of its line (its snippet
/// and timestamp), which is made again from the document's line (`ShownLines`), and the ID, name and file of
/// the library entity it is, made again from the library: line texts and entity paths were most of the bytes
/// (306 MB of analyses at 100k entities).
extension BinaryWriter {
    mutating func gapCandidates(_ cs: [GapCandidate], library: Library) {
        resetStrings()
        uint(UInt64(cs.count))
        for c in cs { gapCandidate(c, library: library) }
    }

    mutating func gapCandidate(_ c: GapCandidate, library: Library) {
        optInt(c.kind); optString(c.name)
        uint(UInt64(c.ids.count)); for p in c.ids { parsedID(p) }
        stringList(c.placeholders)
        uint(UInt64(c.occurrences.count)); for o in c.occurrences { gapOccurrence(o) }
        string(c.verdict.rawValue); optInt(c.libraryEntity)
        // The entity's fields read in place (a copy of it would retain everything it holds).
        let fromLibrary =
            c.libraryEntity.map { i in
                i >= 0 && i < library.entities.count && c.libraryName == library.entities[i].name
                    && c.libraryFile == library.entities[i].file
                    && c.libraryID == library.displayID(at: i)
            } ?? false
        bool(fromLibrary)
        if !fromLibrary { optString(c.libraryID); optString(c.libraryName); optString(c.libraryFile) }
        optDouble(c.score); optString(c.suggestedID); string(c.priority); string(c.note)
        stringList(c.versions); stringList(c.similar); optString(c.scopedTo)
        bool(c.proseNear != nil)
        if let p = c.proseNear { ints(p.entities); string(p.name); double(p.score) }
        optString(c.department)
    }

    mutating func gapOccurrence(_ o: GapOccurrence) {
        gapWhat(o.what); optString(o.pairedName)
        bool(o.pairedID != nil); if let p = o.pairedID { gapWhat(p) }
        string(o.file); int(o.line); int(o.column); optString(o.heading)
        bool(o.required); bool(o.proposal); optString(o.version); optString(o.department); optString(o.scopedTo)
    }

    mutating func gapWhat(_ w: GapOccurrence.What) {
        switch w {
        case .id(let p): uint(0); parsedID(p)
        case .placeholder(let k, let t): uint(1); int(k); string(t)
        case .libraryName(let n, let es): uint(2); string(n); ints(es)
        case .name(let n, let k): uint(3); string(n); optInt(k)
        case .nearName(let n, let es, let l, let s): uint(4); string(n); ints(es); string(l); double(s)
        }
    }

    mutating func stringList(_ ss: [String]) {
        uint(UInt64(ss.count))
        for s in ss { string(s) }
    }

    mutating func ints(_ vs: [Int]) {
        uint(UInt64(vs.count))
        for v in vs { int(v) }
    }

    /// A number's exact bits.
    mutating func double(_ d: Double) { fixed64(d.bitPattern) }

    mutating func optDouble(_ d: Double?) {
        bool(d != nil)
        if let d { double(d) }
    }
}

/// What stored occurrences show of their lines, made from their documents (each line once).
final class ShownLines {
    /// A document's text as the analysis read it (nil: the document is gone, the analysis cannot be shown).
    let source: (String) -> SourceFile?
    /// Whether snippets are made (a site page shows places without them: each line is only checked to be
    /// in its document).
    let snippets: Bool
    private var files: [String: SourceFile?] = [:]
    private var shown: [String: [Int: (snippet: String, timestamp: String?)]] = [:]

    init(_ source: @escaping (String) -> SourceFile?, snippets: Bool = true) {
        self.source = source
        self.snippets = snippets
    }

    func line(_ line: Int, of path: String) throws -> (snippet: String, timestamp: String?) {
        if snippets, let known = shown[path]?[line] { return known }
        if files[path] == nil { files[path] = .some(source(path)) }
        guard let f = files[path] ?? nil, line >= 1, line <= f.lines.lineCount else { throw BinaryReader.Corrupt() }
        guard snippets else { return ("", nil) }
        let made = GapOccurrence.shown(f.lines.lineText(line))
        shown[path, default: [:]][line] = made
        return made
    }
}

extension BinaryReader {
    mutating func gapCandidates(lines: ShownLines, library: Library) throws -> [GapCandidate] {
        resetStrings()
        var out: [GapCandidate] = []
        let n = try count()
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try gapCandidate(lines: lines, library: library)) }
        // Kinds and entities index the library's: a damaged file that passed its checksum is not believed.
        let kinds = library.config.kinds.indices, entities = library.entities.indices
        func known(_ w: GapOccurrence.What?) -> Bool {
            switch w {
            case .id(let p)?: return kinds.contains(p.kind)
            case .placeholder(let k, _)?: return kinds.contains(k)
            case .libraryName(_, let es)?, .nearName(_, let es, _, _)?: return es.allSatisfy(entities.contains)
            case .name(_, let k)?: return k.map(kinds.contains) ?? true
            case nil: return true
            }
        }
        for c in out {
            guard c.kind.map(kinds.contains) ?? true, c.ids.allSatisfy({ kinds.contains($0.kind) }),
                c.proseNear?.entities.allSatisfy(entities.contains) ?? true,
                c.occurrences.allSatisfy({ known($0.what) && known($0.pairedID) })
            else { throw Corrupt() }
        }
        return out
    }

    mutating func gapCandidate(lines: ShownLines, library: Library) throws -> GapCandidate {
        var c = GapCandidate(kind: try optInt())
        c.name = try optString()
        for _ in 0..<(try count()) { c.ids.append(try parsedID()) }
        c.placeholders = try stringList()
        let n = try count()
        c.occurrences.reserveCapacity(n)
        for _ in 0..<n { c.occurrences.append(try gapOccurrence(lines: lines)) }
        guard let verdict = GapVerdict(rawValue: try string()) else { throw Corrupt() }
        c.verdict = verdict
        c.libraryEntity = try optInt()
        if try bool() {
            guard let i = c.libraryEntity, i >= 0, i < library.entities.count else { throw Corrupt() }
            c.libraryID = library.displayID(at: i)
            c.libraryName = library.entities[i].name
            c.libraryFile = library.entities[i].file
        } else {
            c.libraryID = try optString(); c.libraryName = try optString(); c.libraryFile = try optString()
        }
        c.score = try optDouble(); c.suggestedID = try optString(); c.priority = try string(); c.note = try string()
        c.versions = try stringList(); c.similar = try stringList(); c.scopedTo = try optString()
        if try bool() { c.proseNear = (try ints(), try string(), try double()) }
        c.department = try optString()
        return c
    }

    mutating func gapOccurrence(lines: ShownLines) throws -> GapOccurrence {
        let what = try gapWhat()
        let pairedName = try optString()
        let pairedID = try bool() ? try gapWhat() : nil
        let file = try string(), line = try int()
        let shown = try lines.line(line, of: file)
        var o = GapOccurrence(
            what: what, pairedName: pairedName, pairedID: pairedID, file: file, line: line, column: try int(),
            heading: try optString(), snippet: shown.snippet, timestamp: shown.timestamp, required: try bool(),
            proposal: try bool())
        o.version = try optString(); o.department = try optString(); o.scopedTo = try optString()
        return o
    }

    mutating func gapWhat() throws -> GapOccurrence.What {
        switch try uint() {
        case 0: return .id(try parsedID())
        case 1: return .placeholder(kind: try int(), text: try string())
        case 2: return .libraryName(try string(), entities: try ints())
        case 3: return .name(try string(), kind: try optInt())
        case 4: return .nearName(try string(), entities: try ints(), libraryName: try string(), score: try double())
        default: throw Corrupt()
        }
    }

    mutating func stringList() throws -> [String] {
        var out: [String] = []
        for _ in 0..<(try count()) { out.append(try string()) }
        return out
    }

    mutating func ints() throws -> [Int] {
        var out: [Int] = []
        for _ in 0..<(try count()) { out.append(try int()) }
        return out
    }

    mutating func double() throws -> Double { Double(bitPattern: try fixed64()) }

    mutating func optDouble() throws -> Double? { try bool() ? try double() : nil }
}
