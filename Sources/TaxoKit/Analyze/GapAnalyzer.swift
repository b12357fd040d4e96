import Foundation

/// Phase 5, computed: which tools and IDs a video's documents (or any Markdown document) mention,
/// and whether the library has them, has them under another name or ID, has something close, lacks
/// them (with the next free ID), or declares them in a file that does not parse.
public struct GapAnalyzer {
    public let library: Library
    let matcher: NameMatcher
    let kinds: GapKinds
    /// Normalised name -> entities, for exact name and alias matches.
    let names: [String: [Int]]
    /// Library names per kind, for near matches within the candidate's kind.
    let fuzzy: [Int: FuzzyIndex]
    /// Kinds a bare name (no kind known) is compared with: the tool kind.
    let toolLike: [Int]
    let displayNames: [String: String]
    /// Next free IDs as the library stands (copied per report).
    var baseAllocator: IDAllocator
    /// What prose near matches compare with (made once, shared by every analysis).
    let prose: ProseNames.Index?
    /// Document path -> its index in `library.documents`.
    let documentIndex: [String: Int]
    /// Video -> the paths of its documents, in library order (a build asks for every video's).
    let documentsOfVideo: [String: [String]]
    /// Each entity's kind, by entity index (read without opening the entity's box: verdicts ask it per candidate).
    let entityKinds: [Int]

    /// Indexes the library's names (exact, near and prose matches) and its next free IDs, once for every document analysed.
    public init(library: Library) {
        self.library = library
        // (A closure, not a key path: a key path through the entity's box is read by the generic runtime.)
        let kindOf = library.entities.map { $0.kind }
        entityKinds = kindOf
        let config = library.config
        kinds = GapKinds(config: config)
        let unmatched = Set(Role.unmatchedInText.compactMap { config.kindIndex(role: $0) })
        var m = NameMatcher()
        var names: [String: [Int]] = [:]
        var perKind: [Int: Set<String>] = [:]
        var display: [String: String] = [:]
        for (i, e) in library.entities.enumerated() where e.id != nil {
            for n in ([e.name].compactMap { $0 } + e.aliases) {
                let norm = Labels.normalized(n)
                guard norm.count >= 3 else { continue }
                names[norm, default: []].append(i)
                perKind[e.kind, default: []].insert(norm)
                display[norm] = display[norm] ?? n
                if !unmatched.contains(e.kind), GapAnalyzer.distinctive(n, toolLike: e.kind == kinds.tool) {
                    m.add(n, entity: i)
                }
            }
        }
        self.matcher = m
        self.names = names
        self.displayNames = display
        self.fuzzy = perKind.mapValues { FuzzyIndex(names: $0) }
        self.toolLike = [kinds.tool].compactMap { $0 }
        if let k = toolLike.first, let index = fuzzy[k] {
            var ents: [String: [Int]] = [:]
            for n in index.names { ents[n] = names[n]?.filter { kindOf[$0] == k } }
            prose = ProseNames.Index(fuzzy: index, entities: ents, display: display, known: Set(names.keys))
        } else {
            prose = nil
        }
        var docIndex: [String: Int] = [:]
        for (i, d) in library.documents.enumerated() where docIndex[d.path] == nil { docIndex[d.path] = i }
        documentIndex = docIndex
        var ofVideo: [String: [String]] = [:]
        for d in library.documents { if let v = d.video { ofVideo[v, default: []].append(d.path) } }
        documentsOfVideo = ofVideo
        self.baseAllocator = IDAllocator(library: library)
    }

    /// A name worth finding in free text: several words; or one word of 4+ letters that is not all lower
    /// case, for a tool; for other kinds one word only with a capital or digit inside (`OAuth2`, not `Creator`,
    /// which is an English word before it is an object).
    static func distinctive(_ name: String, toolLike: Bool = true) -> Bool {
        if NameMatcher.wordSpans(Array(name.utf8)).count >= 2 { return true }
        guard name.count >= 4 else { return false }
        return toolLike
            ? name.contains { $0.isUppercase || $0.isNumber }
            : name.dropFirst().contains { $0.isUppercase || $0.isNumber }
    }

    /// Misspellings in prose are compared with the tool-like kinds' names (a fresh memo per analysis: the
    /// analyzer is shared by reports made in parallel).
    func proseNames() -> ProseNames? {
        prose.map { ProseNames(index: $0) }
    }

    /// Reads the target documents and returns the candidates with their verdicts, HIGH priority first.
    public func analyze(documents paths: [String], root: String) -> [GapCandidate] {
        var sources: [(file: SourceFile, document: Document?)] = []
        for p in paths.sorted() {
            let di = documentIndex[p]
            if let f = GapAnalyzer.source(p, text: di.flatMap { library.documents[$0].text }, root: root) {
                sources.append((f, di.map { library.documents[$0] }))
            }
        }
        return analyze(sources: sources)
    }

    /// A document's text as an analysis reads it: the text the compile kept (`taxo build` keeps it for the
    /// index), else the file's.
    static func source(_ path: String, text: String?, root: String) -> SourceFile? {
        if let text { return SourceFile(path: path, text: text) }
        return FileReader.read(root + "/" + path).map { SourceFile(path: path, rawBytes: $0) }
    }

    /// Analyses texts that need not be files (`taxo mcp`'s `resolve`): each with the document it stands
    /// for, whose video and type scope IDs, when there is one.
    public func analyze(text: String, path: String) -> [GapCandidate] {
        analyze(sources: [(SourceFile(path: path, text: text), documentIndex[path].map { library.documents[$0] })])
    }

    func analyze(sources: [(file: SourceFile, document: Document?)]) -> [GapCandidate] {
        var occurrences: [GapOccurrence] = []
        let prose = proseNames()
        for (f, d) in sources {
            var scanner = GapScanner(grammar: library.grammar, matcher: matcher, kinds: kinds, file: f)
            // The structure the compile parsed, when it kept it with the same text.
            if let d, d.text != nil, d.text == f.text { scanner.syntax = d.syntax }
            if let d {
                scanner.video = d.video
                let type = d.type.flatMap { t in library.config.documents.first { $0.name == t } }
                scanner.scopedPrefixes = Set(type?.scopedPrefixes ?? [])
            }
            scanner.prose = prose
            occurrences += scanner.scan()
        }
        var candidates = merge(occurrences)
        var allocator = baseAllocator
        // IDs the documents write that nobody declares are kept as their own suggestions: reserve them first.
        for c in candidates {
            for id in c.ids where allocator.isFree(id) && c.scopedTo == nil { allocator.reserve(id) }
        }
        for i in candidates.indices { judge(&candidates[i], allocator: &allocator) }
        candidates = consolidate(candidates)
        candidates = joinIDsOfOneMissingEntity(candidates, allocator: allocator)
        GapAnalyzer.relateSimilarMissing(&candidates)
        // Sorted by a key made once per candidate, moving indices rather than the candidates.
        let keys = candidates.map {
            (GapAnalyzer.priorityRank($0.priority), $0.kind ?? Int.max, $0.text.lowercased(), $0.id ?? "")
        }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        return order.map { candidates[$0] }
    }

    static func priorityRank(_ p: String) -> Int {
        switch p {
        case "HIGH": return 0
        case "MED": return 1
        case "LOW": return 2
        default: return 3
        }
    }

    /// The key that groups an ID's occurrences: a scoped ID belongs to its video.
    static func idKey(_ id: ParsedID, scopedTo video: String?) -> String { video.map { $0 + "|" + id.key } ?? id.key }

    /// Groups occurrences: by name when a name is known, else by ID; an ID seen with a name joins that name.
    func merge(_ occs: [GapOccurrence]) -> [GapCandidate] {
        var groups = CandidateGroups()
        // Sized for every occurrence a name of its own (at 100k, a video's thousands of names grew the tables
        // a dozen times each).
        groups.keysOfName.reserveCapacity(occs.count)
        groups.byKey.reserveCapacity(occs.count)
        // The video an ID written on a line is scoped to (a name paired with that ID belongs to it too).
        var scopedOn: [String: String] = [:]
        for o in occs {
            if case .id(let q) = o.what, let v = o.scopedTo { scopedOn["\(o.file):\(o.line):\(q.key)"] = v }
        }
        // Structured names and labelled IDs first, so that names anchor the groups.
        // A stable sort by rank, in one pass per rank (indices move, not the occurrences).
        var byRank = [[Int]](repeating: [], count: 7)
        for (i, o) in occs.enumerated() { byRank[rank(o)].append(i) }
        for i in byRank.joined() {
            let o = occs[i]
            switch o.what {
            case .name(let n, let k):
                var id: ParsedID?, ph: String?, phKind: Int?
                if case .id(let p)? = o.pairedID { id = p }
                if case .placeholder(let pk, let t)? = o.pairedID { ph = t; phKind = pk }
                var scoped = o
                if let p = id, !scopedOn.isEmpty { scoped.scopedTo = scopedOn["\(o.file):\(o.line):\(p.key)"] }
                groups.add(scoped, name: n, id: id, placeholder: ph, kind: id.map(\.kind) ?? phKind ?? k)
            case .id(let p):
                groups.add(o, name: o.pairedName, id: p, placeholder: nil, kind: p.kind)
            case .placeholder(let k, let t):
                groups.add(o, name: o.pairedName, id: nil, placeholder: t, kind: k)
            case .libraryName(let n, let ents):
                groups.add(o, name: n, id: nil, placeholder: nil, kind: ents.first.map { entityKinds[$0] })
            case .nearName(let n, let ents, let libName, let score):
                groups.add(o, name: n, id: nil, placeholder: nil, kind: ents.first.map { entityKinds[$0] })
                if let i = groups.byKey["n:" + Labels.normalized(n)], groups.out[i].proseNear == nil {
                    groups.out[i].proseNear = (ents, libName, score)
                }
            }
        }
        var out = groups.out
        groups = CandidateGroups()  // (the candidates unshared: sorting their places changes them in place)
        for i in out.indices {
            GapOccurrence.sortByPlace(&out[i].occurrences)
        }
        return out
    }

    /// The candidates being grouped, with the keys that find them: a name (`n:`), an ID (scoped to a video
    /// or not), a placeholder on its line (`p:`).
    struct CandidateGroups {
        var byKey: [String: Int] = [:]
        var idOwner: [String: Int] = [:]
        var out: [GapCandidate] = []
        /// A name's key and its parts' keys, made once per name written (names recur by the hundred).
        var keysOfName: [String: (name: String, parts: [String])] = [:]

        mutating func nameKeys(_ name: String) -> (name: String, parts: [String]) {
            if let known = keysOfName[name] { return known }
            let keys = ("n:" + Labels.normalized(name), GapNames.slashParts(name).map { "n:" + Labels.normalized($0) })
            keysOfName[name] = keys
            return keys
        }

        /// The group an occurrence joins (a new one when none fits), and what it adds to it.
        mutating func add(_ o: GapOccurrence, name: String?, id: ParsedID?, placeholder: String?, kind: Int?) {
            let keys = name.map { nameKeys($0) }
            let nameKey = keys?.name
            let idKey = id.map { GapAnalyzer.idKey($0, scopedTo: o.scopedTo) }
            // `Google OAuth / Google Login` and `Google OAuth` are one candidate.
            let partKeys = keys?.parts ?? []
            // The group holding the name, looked up once (for finding the group and for keeping the first).
            let named = nameKey.flatMap { byKey[$0] }
            let i = group(
                of: o, nameKey: nameKey, named: named, idKey: idKey, partKeys: partKeys, id: id,
                placeholder: placeholder, kind: kind)
            if let nk = nameKey, named == nil { byKey[nk] = i }
            for pk in partKeys where byKey[pk] == nil { byKey[pk] = i }
            if let k = idKey, idOwner[k] == nil { idOwner[k] = i }
            if nameKey == nil, id == nil, let ph = placeholder { byKey["p:" + ph + ":\(o.file):\(o.line)"] = i }
            out[i].update { c in
                if c.name == nil, let name { c.name = name }
                if let id, !c.ids.contains(where: { $0.key == id.key }) { c.ids.append(id) }
                if let ph = placeholder, !c.placeholders.contains(ph) { c.placeholders.append(ph) }
                if c.kind == nil { c.kind = kind }
                if let v = o.version, !c.versions.contains(v) { c.versions.append(v) }
                if c.scopedTo == nil, id != nil { c.scopedTo = o.scopedTo }
                if c.department == nil { c.department = o.department }
                c.occurrences.append(o)
            }
        }

        /// The index of the group an occurrence belongs to, made when there is none.
        mutating func group(
            of o: GapOccurrence, nameKey: String?, named: Int?, idKey: String?, partKeys: [String], id: ParsedID?,
            placeholder: String?, kind: Int?
        ) -> Int {
            var idx: Int?
            // An ID decides first: `TOL-SEC-124 (Auth0)` and a bare `TOL-SEC-124` are one candidate.
            if let k = idKey, let i = idOwner[k] { idx = i }
            if idx == nil, let i = named, id == nil || out[i].ids.isEmpty { idx = i }
            if idx == nil, id == nil { idx = partKeys.first { byKey[$0] != nil }.flatMap { byKey[$0] } }
            if idx == nil, nameKey == nil, let ph = placeholder { idx = byKey["p:" + ph + ":\(o.file):\(o.line)"] }
            if let idx { return idx }
            out.append(GapCandidate(kind: kind))
            return out.count - 1
        }
    }

    /// Drops bare placeholders written on a line that already names a candidate (a table row's ID cell),
    /// and folds every candidate that exists as the same library entity into the first of them (by name,
    /// alias or ID, it is one entity mentioned several ways).
    func consolidate(_ cs: [GapCandidate]) -> [GapCandidate] {
        // Lines (per file) that hold a named candidate.
        var named: [String: Set<Int>] = [:]
        for c in cs where c.name != nil { for o in c.occurrences { named[o.file, default: []].insert(o.line) } }
        var out: [GapCandidate] = []
        var byEntity: [Int: Int] = [:]
        for c in cs {
            if c.name == nil, c.ids.isEmpty, c.occurrences.allSatisfy({ named[$0.file]?.contains($0.line) == true }) {
                continue
            }
            if c.verdict == .exists, let e = c.libraryEntity, let j = byEntity[e] {
                out[j].absorb(c)
                continue
            }
            out.append(c)
            if let e = c.libraryEntity, c.verdict == .exists, byEntity[e] == nil { byEntity[e] = out.count - 1 }
        }
        return out
    }

    /// One missing entity that the documents write with several IDs (`ScaleKit Dashboard (TOL-109)` in the
    /// transcript, `(TOL-SEC-124)` in the analysis) is one candidate, not one per ID: following the report
    /// would otherwise create it twice. Its proposed ID is the one in the library's pattern for the kind (with
    /// or without a department), then the one written most often; the others are listed to be corrected.
    func joinIDsOfOneMissingEntity(_ cs: [GapCandidate], allocator: IDAllocator) -> [GapCandidate] {
        var byName: [String: Int] = [:]
        var out: [GapCandidate] = []
        var joined = Set<Int>()
        for c in cs {
            guard c.verdict == .missing, !c.ids.isEmpty, let name = c.name, let kind = c.kind else {
                out.append(c)
                continue
            }
            let key = "\(kind)|" + Labels.normalized(name)
            guard let j = byName[key] else {
                byName[key] = out.count
                out.append(c)
                continue
            }
            out[j].absorb(c)
            joined.insert(j)
        }
        for j in joined {
            let withDepartment = allocator.keepsDepartment(kind: out[j].kind!)
            // How often each ID is written, alone or paired with the name.
            var uses: [String: Int] = [:]
            for o in out[j].occurrences {
                if case .id(let p) = o.what { uses[p.key, default: 0] += 1 }
                if case .id(let p)? = o.pairedID { uses[p.key, default: 0] += 1 }
            }
            func score(_ id: ParsedID) -> (Int, Int) {
                ((id.department != nil) == withDepartment ? 1 : 0, uses[id.key] ?? 0)
            }
            let ids = out[j].ids.enumerated().sorted { a, b in
                let x = score(a.element), y = score(b.element)
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
            out[j].ids = ids
            out[j].suggestedID = ids[0].canonical
            out[j].note =
                "written with \(ids.count) IDs (" + ids.map(\.written).joined(separator: ", ")
                + "): create it once, as \(ids[0].canonical)"
            out[j].priority = priority(out[j])
        }
        return out
    }

    func rank(_ o: GapOccurrence) -> Int {
        switch o.what {
        case .name: return o.pairedID != nil ? 0 : 1
        case .id: return o.pairedName != nil ? 2 : 4
        case .placeholder: return 3
        case .libraryName: return 5
        case .nearName: return 6
        }
    }

    /// The first entity a name (or, for `A / B`, one of its parts) names exactly, within a kind when one is known.
    func exactEntity(_ name: String?, kind: Int?) -> Int? {
        guard let name else { return nil }
        // The first entity of the name (of the kind): a generic name (`Report`) is hundreds of entities at 100k.
        func find(_ n: String) -> Int? {
            guard let all = names[Labels.normalized(n)] else { return nil }
            guard let kind else { return all.first }
            return all.first { entityKinds[$0] == kind }
        }
        if let whole = find(name) { return whole }
        for part in GapNames.slashParts(name) {
            if let found = find(part) { return found }
        }
        return nil
    }

    /// Whether a name agrees with an entity: its name or an alias, or (for `A / B`) one of its parts does.
    func nameAgrees(_ name: String, with e: Entity) -> Bool {
        let known = [e.name].compactMap { $0 } + e.aliases
        let parts = [name] + GapNames.slashParts(name)
        return parts.contains { p in known.contains { Labels.agrees(p, $0, strictly: true) } }
    }

    func judge(_ c: inout GapCandidate, allocator: inout IDAllocator) {
        defer { c.priority = priority(c) }
        if let video = c.scopedTo {
            c.verdict = .proposed
            c.note = "\(c.ids.first?.written ?? c.text) is \(video)'s own ID (video-scoped), not the library's"
            return
        }
        let resolved = c.ids.compactMap { library.lookup($0) }
        let exact = exactEntity(c.name, kind: c.kind)
        if let e = resolved.first {
            let ent = library.entities[e]
            setLibrary(&c, e)
            if c.name.map({ nameAgrees($0, with: ent) }) ?? true {
                c.verdict = .exists
            } else {
                c.verdict = .conflict
                c.note = "\(library.displayID(ent)) is '\(ent.name ?? "")' in the library, not '\(c.name ?? "")'"
                // The entity the name stands for may exist under another ID, or not at all.
                if let other = exact {
                    c.note += "; '\(c.name ?? "")' is \(library.displayID(library.entities[other]))"
                } else if let k = c.kind {
                    c.suggestedID = allocator.suggest(kind: k, department: c.department)
                }
            }
            return
        }
        // (A loop, not a lazy map: its closure would copy the analyzer per candidate.)
        var brokenSite: BrokenDeclarationSite?
        for id in c.ids where brokenSite == nil { brokenSite = library.broken[id.key] }
        if let broken = brokenSite {
            c.verdict = .broken
            c.libraryFile = broken.file
            c.libraryID = broken.written
            let at = broken.location.map { ":\($0.line):\($0.column)" } ?? ""
            c.note = "\(broken.written) is declared in \(broken.file), which does not parse (\(broken.file)\(at))"
            return
        }
        if let e = exact {
            setLibrary(&c, e)
            if let id = c.ids.first {
                c.verdict = .conflict
                c.note =
                    "'\(c.name ?? "")' is \(library.displayID(library.entities[e])) in the library, not \(id.written)"
            } else {
                c.verdict = .exists
            }
            return
        }
        if let near = nearest(c) {
            setLibrary(&c, near.entity)
            c.verdict = .near
            c.score = (near.score * 100).rounded() / 100
            c.note = "'\(c.name ?? "")' ~ '\(near.name)' (similarity \(String(format: "%.2f", near.score)))"
            return
        }
        c.verdict = !c.placeholders.isEmpty && c.ids.isEmpty ? .placeholder : .missing
        c.suggestedID = suggest(c, allocator: &allocator)
    }

    func setLibrary(_ c: inout GapCandidate, _ e: Int) {
        // The entity's fields read in place before the closure (a copy of the entity, or a read inside the
        // closure, retained every field it has), the candidate written in one access.
        let name = library.entities[e].name, file = library.entities[e].file
        let id = library.displayID(at: e), kind = entityKinds[e]
        c.update { f in
            f.libraryEntity = e
            f.libraryID = id
            f.libraryName = name
            f.libraryFile = file
            if f.kind == nil { f.kind = kind }
        }
    }

    /// The closest library name within the candidate's kind (tool-like kinds for a bare name), or the near
    /// match found in prose; never across kinds, never for short names or candidates written with an ID.
    func nearest(_ c: GapCandidate) -> (entity: Int, name: String, score: Double)? {
        guard c.ids.isEmpty, let name = c.name else { return nil }
        let n = Labels.normalized(name)
        let searchKinds = c.kind.map { [$0] } ?? toolLike
        var best: (FuzzyIndex.Match, Int)?
        for k in searchKinds {
            guard let m = fuzzy[k]?.nearest(n, bounds: .structured) else { continue }
            if best == nil || m.score > best!.0.score { best = (m, k) }
        }
        if let (m, k) = best, let e = names[m.name]?.first(where: { entityKinds[$0] == k }) {
            return (e, displayNames[m.name] ?? m.name, m.score)
        }
        if let p = c.proseNear, let e = p.entities.first { return (e, p.name, p.score) }
        return nil
    }

    /// One suggestion per missing entity: the free ID the document writes for it, else the next free ID in
    /// the library's pattern for its kind and department.
    func suggest(_ c: GapCandidate, allocator: inout IDAllocator) -> String? {
        if let id = c.ids.first, !library.resolves(id.key) { return id.canonical }
        let placeholderPrefix = c.placeholders.first.map { String($0.split(separator: "-")[0]) }
        guard let kind = c.kind ?? placeholderPrefix.flatMap(library.grammar.kindIndex(forPrefix:)) else { return nil }
        return allocator.suggest(kind: kind, department: c.department)
    }

    func priority(_ c: GapCandidate) -> String {
        guard c.verdict != .exists, c.verdict != .proposed else { return "—" }
        if c.occurrences.contains(where: \.required) { return "HIGH" }
        let structured = c.occurrences.contains { if case .name = $0.what { return true } else { return false } }
        if structured || c.occurrences.count >= 2 || c.verdict == .conflict || c.verdict == .broken { return "MED" }
        return "LOW"
    }
}
