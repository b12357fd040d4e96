import Foundation

/// Phase 5, computed: which tools and IDs a video's documents (or any Markdown document) mention,
/// and whether the library has them, has them under another name or ID, has something close, or
/// lacks them (with the next free ID).
public struct GapAnalyzer {
    public let library: Library
    let matcher: NameMatcher
    /// Normalised name -> entities, for exact name and alias matches.
    let names: [String: [Int]]
    /// Normalised names of five or more characters, sorted, for fuzzy matches: trigram -> their indices,
    /// and how many distinct trigrams each has.
    let fuzzyNames: [String]
    let trigrams: [UInt64: [Int32]]
    let trigramCounts: [Int]
    let displayNames: [String: String]
    /// Next free IDs as the library stands (copied per report).
    let baseAllocator: IDAllocator
    /// Department segments in use per kind (for the next-free-ID table).
    let departmentsByKind: [Int: [String]]

    /// Kinds whose names are too generic to match in free text (verbs, department names).
    public static let unmatchedKinds: Set<String> = ["action", "department"]

    public init(library: Library) {
        self.library = library
        var m = NameMatcher()
        var names: [String: [Int]] = [:]
        var display: [String: String] = [:]
        for (i, e) in library.entities.enumerated() where e.id != nil {
            let kindName = library.config.kinds[e.kind].name
            for n in ([e.name].compactMap { $0 } + e.aliases) {
                let norm = Labels.normalized(n)
                guard norm.count >= 3 else { continue }
                names[norm, default: []].append(i)
                display[norm] = display[norm] ?? n
                if !GapAnalyzer.unmatchedKinds.contains(kindName), GapAnalyzer.distinctive(n) { m.add(n, entity: i) }
            }
        }
        let fuzzy = names.keys.filter { $0.count >= 5 }.sorted()
        var tri: [UInt64: [Int32]] = [:]
        var counts: [Int] = []
        counts.reserveCapacity(fuzzy.count)
        for (i, n) in fuzzy.enumerated() {
            let keys = GapAnalyzer.trigrams(n)
            counts.append(keys.count)
            for t in keys { tri[t, default: []].append(Int32(i)) }
        }
        self.fuzzyNames = fuzzy
        self.trigramCounts = counts
        self.matcher = m
        self.baseAllocator = IDAllocator(library: library)
        var dk: [Int: Set<String>] = [:]
        for e in library.entities { if let d = e.id?.canonicalDepartment { dk[e.kind, default: []].insert(d) } }
        self.departmentsByKind = dk.mapValues { $0.sorted() }
        self.names = names
        self.trigrams = tri
        self.displayNames = display
    }

    /// A name worth finding in free text: several words, or one word of 4+ letters that is not all lower case.
    static func distinctive(_ name: String) -> Bool {
        if NameMatcher.wordSpans(Array(name.utf8)).count >= 2 { return true }
        return name.count >= 4 && name.contains { $0.isUppercase || $0.isNumber }
    }

    /// The distinct character trigrams of `" " + s + " "`, as numbers: three ASCII bytes packed (no
    /// strings made), or the FNV hash of the three characters (high bit set) when the name is not ASCII.
    static func trigrams(_ s: String) -> Set<UInt64> {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            let b: [UInt64] = [32] + s.utf8.map { UInt64($0) } + [32]
            guard b.count >= 3 else { return [0] }
            var out = Set<UInt64>()
            for i in 0...(b.count - 3) { out.insert(b[i] << 16 | b[i + 1] << 8 | b[i + 2]) }
            return out
        }
        let c = Array(" " + s + " ")
        guard c.count >= 3 else { return [0] }
        var out = Set<UInt64>()
        for i in 0...(c.count - 3) { out.insert(Hashing.fnv1a(Array(String(c[i..<(i + 3)]).utf8)) | 1 << 63) }
        return out
    }

    /// Reads the target documents and returns the candidates with their verdicts.
    public func analyze(documents paths: [String], root: String) -> [GapCandidate] {
        let toolKind = library.config.kinds.firstIndex { $0.name == "tool" }
        var occurrences: [GapOccurrence] = []
        for p in paths.sorted() {
            guard let raw = FileReader.read(root + "/" + p) else { continue }
            let f = SourceFile(path: p, rawBytes: raw)
            occurrences += GapScanner(grammar: library.grammar, matcher: matcher, toolKind: toolKind, file: f).scan()
        }
        var candidates = merge(occurrences)
        var allocator = baseAllocator
        for i in candidates.indices { judge(&candidates[i], allocator: &allocator) }
        candidates = consolidate(candidates)
        return candidates.sorted { a, b in
            let ka = a.kind ?? Int.max, kb = b.kind ?? Int.max
            if ka != kb { return ka < kb }
            return (a.text.lowercased(), a.id ?? "") < (b.text.lowercased(), b.id ?? "")
        }
    }

    /// Groups occurrences: by name when a name is known, else by ID; an ID seen with a name joins that name.
    func merge(_ occs: [GapOccurrence]) -> [GapCandidate] {
        var byKey: [String: Int] = [:]
        var idOwner: [String: Int] = [:]
        var out: [GapCandidate] = []
        func add(_ o: GapOccurrence, name: String?, id: ParsedID?, placeholder: String?, kind: Int?) {
            let nameKey = name.map { "n:" + Labels.normalized($0) }
            var idx: Int?
            if let nk = nameKey, let i = byKey[nk] { idx = i }
            if idx == nil, let id, let i = idOwner[id.key] { idx = i }
            if idx == nil, nameKey == nil, let ph = placeholder { idx = byKey["p:" + ph + ":\(o.line)"] }
            let i: Int
            if let found = idx { i = found } else {
                out.append(GapCandidate(kind: kind))
                i = out.count - 1
            }
            if let nk = nameKey, byKey[nk] == nil { byKey[nk] = i }
            if let id, idOwner[id.key] == nil { idOwner[id.key] = i }
            if nameKey == nil, id == nil, let ph = placeholder { byKey["p:" + ph + ":\(o.line)"] = i }
            if out[i].name == nil, let name { out[i].name = name }
            if let id, !out[i].ids.contains(where: { $0.key == id.key }) { out[i].ids.append(id) }
            if let ph = placeholder, !out[i].placeholders.contains(ph) { out[i].placeholders.append(ph) }
            if out[i].kind == nil { out[i].kind = kind }
            out[i].occurrences.append(o)
        }
        // Structured names and labelled IDs first, so that names anchor the groups.
        let ordered = occs.sorted { rank($0) < rank($1) }
        for o in ordered {
            switch o.what {
            case .name(let n, let k):
                var id: ParsedID?, ph: String?
                if case .id(let p)? = o.pairedID { id = p }
                if case .placeholder(_, let t)? = o.pairedID { ph = t }
                add(o, name: n, id: id, placeholder: ph, kind: id.map(\.kind) ?? k)
            case .id(let p):
                add(o, name: o.pairedName, id: p, placeholder: nil, kind: p.kind)
            case .placeholder(let k, let t):
                add(o, name: o.pairedName, id: nil, placeholder: t, kind: k)
            case .libraryName(let n, let ents):
                add(o, name: n, id: nil, placeholder: nil, kind: ents.first.map { library.entities[$0].kind })
            }
        }
        for i in out.indices { out[i].occurrences.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) } }
        return out
    }

    /// Drops bare placeholders written on a line that already names a candidate (a table row's ID cell),
    /// and folds plain name matches into the candidate that resolves to the same library entity.
    func consolidate(_ cs: [GapCandidate]) -> [GapCandidate] {
        var named = Set<String>()
        for c in cs where c.name != nil { for o in c.occurrences { named.insert("\(o.file):\(o.line)") } }
        var out: [GapCandidate] = []
        var byEntity: [Int: Int] = [:]
        for c in cs {
            if c.name == nil, c.ids.isEmpty, c.occurrences.allSatisfy({ named.contains("\($0.file):\($0.line)") }) { continue }
            let sameName = c.libraryEntity.flatMap { byEntity[$0] }.map { Labels.normalized(out[$0].text) == Labels.normalized(c.text) } ?? false
            if sameName, c.verdict == .exists, let e = c.libraryEntity, let j = byEntity[e] {
                out[j].occurrences += c.occurrences
                out[j].occurrences.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
                continue
            }
            out.append(c)
            if let e = c.libraryEntity, c.verdict == .exists, byEntity[e] == nil { byEntity[e] = out.count - 1 }
        }
        return out
    }

    func rank(_ o: GapOccurrence) -> Int {
        switch o.what {
        case .name: return o.pairedID != nil ? 0 : 1
        case .id: return o.pairedName != nil ? 2 : 4
        case .placeholder: return 3
        case .libraryName: return 5
        }
    }

    func judge(_ c: inout GapCandidate, allocator: inout IDAllocator) {
        let lib = library
        let resolved = c.ids.compactMap { lib.lookup($0) }
        let exact = c.name.flatMap { names[Labels.normalized($0)] }?.filter { c.kind == nil || lib.entities[$0].kind == c.kind } ?? []
        if let e = resolved.first {
            let ent = lib.entities[e]
            setLibrary(&c, e)
            let nameAgrees = c.name.map { n in ([ent.name].compactMap { $0 } + ent.aliases).contains { Labels.agrees(n, $0, strictly: true) } } ?? true
            if nameAgrees {
                c.verdict = .exists
            } else {
                c.verdict = .conflict
                c.note = "\(lib.displayID(ent)) is '\(ent.name ?? "")' in the library, not '\(c.name ?? "")'"
            }
        } else if let e = exact.first {
            setLibrary(&c, e)
            if let id = c.ids.first {
                c.verdict = .conflict
                c.note = "'\(c.name ?? "")' is \(lib.displayID(lib.entities[e])) in the library, not \(id.written)"
            } else {
                c.verdict = .exists
            }
        } else if let (n, score) = nearest(c.name), let e = names[n]?.first(where: { c.kind == nil || lib.entities[$0].kind == c.kind }) ?? names[n]?.first {
            setLibrary(&c, e)
            c.verdict = .near
            c.score = (score * 100).rounded() / 100
            c.note = "'\(c.name ?? "")' ~ '\(displayNames[n] ?? n)' (similarity \(String(format: "%.2f", score)))"
        } else if !c.placeholders.isEmpty && c.ids.isEmpty {
            c.verdict = .placeholder
            c.suggestedID = suggest(c, allocator: &allocator)
        } else {
            c.verdict = .missing
            c.suggestedID = suggest(c, allocator: &allocator)
        }
        c.priority = priority(c)
    }

    func setLibrary(_ c: inout GapCandidate, _ e: Int) {
        let ent = library.entities[e]
        c.libraryEntity = e
        c.libraryID = library.displayID(ent)
        c.libraryName = ent.name
        c.libraryFile = ent.file
        if c.kind == nil { c.kind = ent.kind }
    }

    /// The closest library name by trigram similarity and edit distance; never for short names.
    func nearest(_ name: String?) -> (String, Double)? {
        guard let name else { return nil }
        let n = Labels.normalized(name)
        guard n.count >= 5 else { return nil }
        var shared: [Int32: Int] = [:]
        let mine = GapAnalyzer.trigrams(n)
        for t in mine { for cand in trigrams[t] ?? [] { shared[cand, default: 0] += 1 } }
        var best: (String, Double)?
        for (ci, k) in shared where Double(k) >= Double(mine.count) * 0.4 {
            let cand = fuzzyNames[Int(ci)]
            let jaccard = Double(k) / Double(mine.count + trigramCounts[Int(ci)] - k)
            let edit = 1 - Double(NearMiss.distance(n, cand)) / Double(max(n.count, cand.count))
            let score = max(jaccard, edit)
            if score >= 0.7, score > (best?.1 ?? 0) || (score == best?.1 && cand < best!.0) { best = (cand, score) }
        }
        return best
    }

    func suggest(_ c: GapCandidate, allocator: inout IDAllocator) -> String? {
        guard let kind = c.kind ?? c.placeholders.first.flatMap({ p in library.grammar.kindIndex(forPrefix: String(p.split(separator: "-")[0])) }) else { return nil }
        var dept: String?
        if let p = c.ids.first { dept = p.canonicalDepartment ?? p.department }
        if dept == nil {
            for ph in c.placeholders {
                let parts = ph.split(separator: "-")
                if parts.count == 3, let d = library.grammar.canonicalDepartment(String(parts[1])) { dept = d; break }
            }
        }
        if library.config.kinds[kind].department == .none { dept = nil }
        return allocator.next(kind: kind, department: dept)
    }

    func priority(_ c: GapCandidate) -> String {
        guard c.verdict != .exists else { return "—" }
        if c.occurrences.contains(where: \.required) { return "HIGH" }
        let structured = c.occurrences.contains { if case .name = $0.what { return true } else { return false } }
        if structured || c.occurrences.count >= 2 || c.verdict == .conflict { return "MED" }
        return "LOW"
    }
}

/// Next free IDs per kind and department, unique within one report.
struct IDAllocator {
    var used: [String: Int] = [:]
    let library: Library

    init(library: Library) {
        self.library = library
        for e in library.entities {
            guard let p = e.id, !p.legacy, let n = Int(p.number) else { continue }
            let k = IDAllocator.key(p.kind, p.canonicalDepartment ?? p.department)
            used[k] = max(used[k] ?? 0, n)
        }
        // IDs announced in documents (proposals, reserved and planned IDs) are taken too; video-scoped
        // kinds restart per video and do not count.
        for d in library.documents {
            for m in d.mentions where m.isProposal && !m.id.legacy && !library.config.kinds[m.id.kind].scoped {
                guard let n = Int(m.id.number) else { continue }
                let k = IDAllocator.key(m.id.kind, m.id.canonicalDepartment ?? m.id.department)
                used[k] = max(used[k] ?? 0, n)
            }
        }
    }

    static func key(_ kind: Int, _ dept: String?) -> String { "\(kind)|\(dept ?? "")" }

    mutating func next(kind: Int, department: String?) -> String {
        let k = IDAllocator.key(kind, department)
        let n = (used[k] ?? 0) + 1
        used[k] = n
        let kd = library.config.kinds[kind]
        let digits = String(n)
        let num = String(repeating: "0", count: max(0, kd.minDigits - digits.count)) + digits
        return kd.prefix + (department.map { "-" + $0 } ?? "") + "-" + num
    }
}
