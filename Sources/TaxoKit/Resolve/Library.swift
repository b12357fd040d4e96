/// The compiled library: every entity and document, the ID table, video scopes, and where each
/// reference points. Rules read it; nothing mutates it after `Resolver.resolve`.
public struct Library: Sendable {
    public let config: Config
    public let grammar: IDGrammar
    public let files: [FileResult]
    public let entities: [Entity]
    public let documents: [Document]
    /// Entity key -> indices of the entities that declare it, in file order.
    public let table: [String: [Int]]
    /// Legacy key -> entities that carry it (inner legacy IDs, legacy_id fields, master lists).
    public let aliases: [String: [Int]]
    /// Video -> keys its transcript declares in its scope section.
    public let scopes: [String: Set<String>]
    /// For each entity, for each reference: the index of the entity it resolves to.
    public let targets: [[Int?]]
    /// The references that resolve only through an older ID (entity, reference), in entity order.
    public let legacyTargets: [(entity: Int, reference: Int)]
    /// Every file and folder under the roots.
    public let inventory: FileInventory
    /// Rows of the CSV master lists, matched to files and entities.
    public let masterRows: [MasterRow]
    /// Legacy keys that only a master list gives to an entity (its ID column for an entity declaring another ID).
    public let masterListKeys: Set<String>
    /// Keys that files which do not parse appear to declare -> the first such file.
    public let broken: [String: BrokenDeclarationSite]
    /// Links by name that name no entity of their kind, or several (`NameLinks`), in library order: no
    /// links and no errors; the health report lists them.
    public let unmatchedNames: [UnmatchedName]
    /// Parents and children along the configured hierarchy (made on first use, by the rules that need it
    /// while the others run).
    public var hierarchy: Hierarchy {
        hierarchyBox.get { Hierarchy(config: config, entities: entities, targets: targets) }
    }
    private let hierarchyBox = Lazy<Hierarchy>()

    /// Where the "did you mean" lookups of dangling IDs are kept from one compile to the next (`NearestIDs`):
    /// a compile that updates another carries it on; none for a compile from scratch.
    var nearestMemo: NearestIDs.Memo?
    /// What the memo's lookups depend on (`NearestIDs.print`), made when first needed.
    var nearestPrint: String { nearestPrintBox.get { NearestIDs.print(self) } }
    private let nearestPrintBox = Lazy<String>()

    /// Files no kind's globs take whose records were read to resolve references (TAX0109).
    public var unclaimedFiles: Set<String> {
        unclaimedBox.get { Set(files.lazy.filter(\.unclaimed).map(\.path)) }
    }
    private let unclaimedBox = Lazy<Set<String>>()

    /// An entity of an unclaimed file whose ID another file declares: a copy, not part of the library's counts.
    public func isUnclaimedCopy(_ i: Int) -> Bool {
        guard !unclaimedFiles.isEmpty else { return false }
        let e = entities[i]
        guard let key = e.id?.key, unclaimedFiles.contains(e.file) else { return false }
        return table[key]?.contains(i) != true
    }

    /// The entity an ID names (the first definition when it is defined twice).
    public func lookup(_ id: ParsedID) -> Int? { table[id.key]?.first ?? aliases[id.key]?.first }

    /// Whether an ID resolves, canonically or through a legacy alias.
    public func resolves(_ key: String) -> Bool { table[key] != nil || aliases[key] != nil }

    /// The name of an entity's kind.
    public func kindName(_ e: Entity) -> String { config.kinds[e.kind].name }

    /// Whether a mention in a document is of a video-scoped ID: its kind is `scoped`, or the document's
    /// type lists its prefix under `scoped_prefixes`.
    public func isScoped(_ m: Mention, in d: Document) -> Bool {
        if config.kinds[m.id.kind].scoped { return true }
        guard let type = d.type else { return false }
        return config.documents.first { $0.name == type }?.scopedPrefixes.contains(m.id.prefix) ?? false
    }

    /// Whether a mention in a document names its video's own entity: the video's transcript declares the ID
    /// in its scope section (milestones, tasks and steps restart per video), so a library entity with the
    /// same ID (`MLS-001`, the milestone template MLT-001 "Content Analysis") is another thing; unless that
    /// entity was made from the video (`"source_video": "Video_024"`): it is the video's, integrated.
    public func namesVideoEntity(_ m: Mention, in d: Document) -> Bool {
        videoOwnKeys(of: d).contains(m.id.key)
    }

    /// The keys a document's video declares as its own, that no library entity made from the video carries
    /// (empty for a document without a video).
    public func videoOwnKeys(of d: Document) -> Set<String> {
        d.video.flatMap { videoOwn[$0] } ?? []
    }

    /// Video -> the keys it declares as its own (its `scopes`, but those a library entity made from the
    /// video carries), made on first use.
    public var videoOwn: [String: Set<String>] {
        videoOwnBox.get {
            Dictionary(
                uniqueKeysWithValues: scopes.map { v, keys in
                    (v, keys.filter { !(table[$0] ?? aliases[$0] ?? []).contains { entities[$0].videos.contains(v) } })
                })
        }
    }
    private let videoOwnBox = Lazy<[String: Set<String>]>()
    /// Entities by normalised name or alias (`entities(named:)`), made when first asked.
    let namesBox = Lazy<[String: [Int]]>()

    /// The documents' mentions of an entity's key, in library order (a video's own ID with the same key is
    /// no mention of it).
    public func mentions(of key: String) -> [(document: Document, mention: Mention)] {
        var out: [(document: Document, mention: Mention)] = []
        for d in documents {
            for m in d.mentions where m.id.key == key && !namesVideoEntity(m, in: d) { out.append((d, m)) }
        }
        return out
    }

    /// The library entity a mention in a document names: nil for the video's own IDs and for IDs no entity
    /// declares.
    public func entity(mentionedBy m: Mention, in d: Document) -> Int? {
        namesVideoEntity(m, in: d) ? nil : lookup(m.id)
    }

    /// IDs announced as proposals (`Proposed Tool ID: TOL-AID-201`, a "Suggested ID" column, a "Next
    /// available" section), by video and by document (made on first use).
    public var proposals: ProposedIDs { proposalsBox.get { ProposedIDs(documents) } }
    private let proposalsBox = Lazy<ProposedIDs>()

    /// Whether a mention is of a proposed ID: written as one, or an ID its document, or another document of
    /// its video, proposes (Phase 4 proposes `OBJ-SEC-510` in a table; its lists, the gap analysis and the
    /// integration plan then cite it).
    public func isProposed(_ m: Mention, in d: Document) -> Bool {
        m.isProposal || proposals.contains(m.id.key, in: d)
    }

    /// Whether reference `ri` of entity `ei` dangles: no entity has its ID, and it is not a child the entity
    /// describes in its own headings (`Reference.declaredHere`). Every report of dangling links asks this.
    public func dangles(_ ei: Int, _ ri: Int) -> Bool {
        ei < targets.count && ri < targets[ei].count && targets[ei][ri] == nil
            && !entities[ei].references[ri].declaredHere
    }

    /// The ID as written, or the raw ID field when it does not parse.
    public func displayID(_ e: Entity) -> String { e.id?.written ?? e.rawID }

    /// The ID of the entity at an index as its file writes it, read in place (no copy of the entity).
    func displayID(at i: Int) -> String { entities[i].id?.written ?? entities[i].rawID }

    /// An entity's ID and name as reports, site pages and the editor label it (`TOL-004 n8n Export`).
    public func label(_ e: Entity) -> String { displayID(e) + (e.name.map { " " + $0 } ?? "") }

    /// The same for the entity at an index, read in place.
    func label(at i: Int) -> String { displayID(at: i) + (entities[i].name.map { " " + $0 } ?? "") }

    /// An entity's children in the hierarchy in the order of their IDs as written (how every drawing and
    /// tree of the hierarchy lists them).
    func childrenByID(of i: Int) -> [Int] {
        hierarchy.children(of: i).map { (displayID(at: $0), $0) }.sorted { $0 < $1 }.map(\.1)
    }

    /// Video ID -> the entities naming it in an integration field, in library order.
    public func entitiesByVideo() -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for i in entities.indices { for v in entities[i].videos { out[v, default: []].append(i) } }
        return out
    }

    /// Video ID -> its documents (indices into `documents`), in library order.
    public func documentsByVideo() -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for i in documents.indices { if let v = documents[i].video { out[v, default: []].append(i) } }
        return out
    }

    /// An entity's department as a configured code: its ID's segment, else its department field read as a
    /// code, an alias, or a name of a department (from the configuration or from the library's department
    /// records, `DepartmentNames`); nil when it has none the configuration knows.
    public func departmentCode(of e: Entity) -> String? {
        if let c = e.id?.canonicalDepartment { return c }
        guard let v = e.department?.trimmingSpaces(), !v.isEmpty else { return nil }
        if let c = grammar.canonicalDepartment(v.uppercased()) { return c }
        return departmentNames.code(for: e.department ?? v)
    }

    /// Department names -> codes, from the configuration and the department records.
    public let departmentNames: DepartmentNames

    /// Entity -> the (entity, reference) pairs of other entities that link to it, in library order.
    public func backlinks() -> [Int: [(entity: Int, reference: Int)]] {
        var out: [Int: [(entity: Int, reference: Int)]] = [:]
        for (i, refs) in targets.enumerated() {
            for (r, t) in refs.enumerated() { if let t, t != i { out[t, default: []].append((i, r)) } }
        }
        return out
    }
}

/// The IDs the documents announce as proposals: those of a video's documents are its own, those of a
/// document without a video the document's.
public struct ProposedIDs: Sendable {
    public private(set) var byVideo: [String: Set<String>] = [:]
    public private(set) var byDocument: [String: Set<String>] = [:]

    init(_ documents: [Document]) {
        for d in documents {
            for m in d.mentions where m.announces {
                if let v = d.video {
                    byVideo[v, default: []].insert(m.id.key)
                } else {
                    byDocument[d.path, default: []].insert(m.id.key)
                }
            }
        }
    }

    /// Whether the document, or its video, proposes the ID.
    public func contains(_ key: String, in d: Document) -> Bool {
        if let v = d.video { return byVideo[v]?.contains(key) == true }
        return byDocument[d.path]?.contains(key) == true
    }
}

/// A file that does not parse but appears to declare an ID.
public struct BrokenDeclarationSite: Sendable {
    public var written: String
    public var file: String
    /// Where it fails to parse.
    public var location: SourceLocation?

    /// The note a reference to the ID gets instead of a dangling error.
    func diagnostic(rule: RuleInfo, reference written: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            code: rule.code, severity: .note,
            message: "'\(written)' is declared by \(file), which does not parse",
            at: location,
            notes: [
                .init(
                    "the file fails to parse here", at: self.location ?? SourceLocation(file: file, line: 1, column: 1))
            ],
            hint: "repair \(file); this reference then resolves", subject: written)
    }
}

/// Builds the library from the files' extractions: the ID table, aliases, scopes, link targets.
public enum Resolver {
    /// Resolves every reference of the extracted files.
    public static func resolve(
        config: Config, grammar: IDGrammar, files: [FileResult], inventory: FileInventory = FileInventory()
    ) -> Library {
        var entities: [Entity] = []
        var documents: [Document] = []
        var unclaimed: [Int] = []
        for f in files {
            if f.unclaimed { unclaimed += entities.count..<(entities.count + f.entities.count) }
            entities.append(contentsOf: f.entities)
            if let d = f.document { documents.append(d) }
        }
        let table = idTable(entities, config: config, unclaimed: unclaimed)
        let (names, unmatchedNames) = NameLinks.resolve(&entities, table: table)
        var aliases: [String: [Int]] = [:]
        for (i, e) in entities.enumerated() {
            for k in e.legacyKeys where table[k] == nil { aliases[k, default: []].append(i) }
        }
        let masterRows = MasterRows.match(
            config: config, grammar: grammar, files: files, entities: entities,
            table: table, inventory: inventory)
        let masterListKeys = addMasterListIDs(
            masterRows, grammar: grammar, entities: entities, table: table, aliases: &aliases)
        var scopes: [String: Set<String>] = [:]
        for d in documents {
            guard let v = d.video else { continue }
            for m in d.mentions where m.declaresScope { scopes[v, default: []].insert(m.id.key) }
        }
        let (targets, legacyTargets) = targets(entities, table: table, aliases: aliases, names: names)
        var broken: [String: BrokenDeclarationSite] = [:]
        for f in files {
            for b in f.brokenDeclarations where broken[b.key] == nil && table[b.key] == nil {
                broken[b.key] = BrokenDeclarationSite(
                    written: b.written, file: f.path,
                    location: f.diagnostics.first { $0.code == MalformedFile.info.code }?.location)
            }
        }
        return Library(
            config: config, grammar: grammar, files: files, entities: entities, documents: documents,
            table: table, aliases: aliases, scopes: scopes, targets: targets, legacyTargets: legacyTargets,
            inventory: inventory,
            masterRows: masterRows, masterListKeys: masterListKeys, broken: broken, unmatchedNames: unmatchedNames,
            departmentNames: DepartmentNames(config: config, grammar: grammar, entities: entities))
    }

    /// Canonical key -> the entities declaring it. An archived entity fills a gap, never duplicates a live one;
    /// so does, after them, an entity of a file no kind's globs take (`unclaimed`, ascending).
    static func idTable(_ entities: [Entity], config: Config, unclaimed: [Int] = []) -> [String: [Int]] {
        var table: [String: [Int]] = [:]
        table.reserveCapacity(entities.count)
        var archived: [Int] = []
        var next = unclaimed.makeIterator(), skip = next.next()
        for (i, e) in entities.enumerated() {
            if i == skip { skip = next.next(); continue }
            guard let id = e.id else { continue }
            if !config.archive.isEmpty, config.isArchived(e.file) { archived.append(i); continue }
            table[id.key, default: []].append(i)
        }
        for i in archived + unclaimed {
            guard let key = entities[i].id?.key, table[key] == nil else { continue }
            table[key] = [i]
        }
        return table
    }

    /// A master list's IDs for an entity that declares another one are old IDs of that entity: added to the
    /// aliases. Returns the keys only a master list gives.
    static func addMasterListIDs(
        _ masterRows: [MasterRow], grammar: IDGrammar, entities: [Entity], table: [String: [Int]],
        aliases: inout [String: [Int]]
    ) -> Set<String> {
        var masterListKeys = Set<String>()
        for row in masterRows {
            guard let e = row.entity, row.file != nil || row.movedTo != nil else { continue }
            for raw in [row.id, row.currentID].compactMap({ $0 }) {
                let key: String
                switch grammar.check(raw) {
                case .valid(let p), .legacy(let p): key = p.key
                default: key = ParsedID.legacyKey(raw)
                }
                if key != entities[e].id?.key, table[key] == nil, aliases[key]?.contains(e) != true {
                    if aliases[key] == nil { masterListKeys.insert(key) }
                    aliases[key, default: []].append(e)
                }
            }
        }
        return masterListKeys
    }

    /// Every reference looked up (by ID, by file path, or through an alias: a legacy reference), the
    /// entities split over the cores.
    static func targets(
        _ entities: [Entity], table: [String: [Int]], aliases: [String: [Int]], names: NameLinks = NameLinks()
    ) -> (
        [[Int?]], [(entity: Int, reference: Int)]
    ) {
        // Links by file path go to the first entity the file declares.
        var byFile: [String: Int] = [:]
        for (i, e) in entities.enumerated() where byFile[e.file] == nil { byFile[e.file] = i }
        let resolved = Parallel.map(Array(entities.indices)) { ei -> (targets: [Int?], legacy: [Int]) in
            var legacy: [Int] = []
            let refs = entities[ei].references
            let targets = refs.indices.map { ri -> Int? in
                let key = refs[ri].id.key
                if let t = table[key]?.first {
                    // A child the entity describes itself links only to an entity of the same name.
                    if refs[ri].declaredHere, let label = refs[ri].label, let name = entities[t].name,
                        !Labels.agrees(label, name)
                    {
                        return nil
                    }
                    return t
                }
                if let file = refs[ri].id.pathTarget { return byFile[file] }
                if refs[ri].id.isName { return names.target(refs[ri].id) }
                guard let t = aliases[key]?.first else { return nil }
                legacy.append(ri)
                return t
            }
            return (targets, legacy)
        }
        let legacyTargets = resolved.indices.flatMap { ei in resolved[ei].legacy.map { (entity: ei, reference: $0) } }
        return (resolved.map(\.targets), legacyTargets)
    }
}
