import Foundation

/// Turns the records of a parsed JSON or YAML file into entities with their references.
struct RecordExtractor {
    let grammar: IDGrammar
    let kindIndex: Int
    let kind: Kind
    let file: SourceFile
    var diagnostics: [Diagnostic] = []
    /// Tokens with a prefix no kind declares (judged over the whole library by `UnknownPrefix`).
    var unknownPrefixes: [PrefixUse] = []
    var departmentValues: [DepartmentValue] = []
    /// IDs met in `local` link fields of the record being walked.
    var localChildren = 0
    /// The record's locally numbered children (`LocalChildren`): their ID strings' offsets, with their names.
    var localIDs: [Int: String] = [:]
    /// Prefixes that stand for the library root in paths (`ENTITIES/`).
    var linkRootAliases: [String] = []
    /// The library's roots: a path value starting with one is read from the library root.
    var roots: [String] = []
    /// Legacy keys of the record being walked (they are its own IDs, not references).
    var legacySkip: Set<String> = []
    /// Keep each record as compact JSON.
    var keepRecords = false
    /// The kind plays the department role: a record's code and its other names are aliases of it (what
    /// `Library.departmentCode` reads a department field through).
    var departmentKind = false
    /// Fields that name the video an entity came from, and how a video ID looks.
    var videoRegex: NSRegularExpression?

    let names: FieldNames

    init(grammar: IDGrammar, kindIndex: Int, file: SourceFile, names: FieldNames) {
        self.grammar = grammar
        self.kindIndex = kindIndex
        self.kind = grammar.kinds[kindIndex]
        self.file = file
        self.names = names
    }

    func records(in root: Node) -> [Node] {
        if let path = kind.records {
            let found = path.resolve(in: root).filter { $0.members != nil }
            if !found.isEmpty { return found }
        }
        if let items = root.array { return items.filter { $0.members != nil } }
        return root.members != nil ? [root] : []
    }

    mutating func extract(root: Node) -> [Entity] {
        let recs = records(in: root)
        var out: [Entity] = []
        if recs.isEmpty {
            diagnostics.append(MissingID.diagnostic(kind: kind, at: file.location(root.offset), fileLevel: true))
            return out
        }
        for r in recs {
            if let e = entity(r, sole: recs.count == 1) { out.append(e) }
        }
        return out
    }

    /// Children a record of the hierarchy holds inline, as objects under a lower level's key (`"steps":
    /// [{"step_number": 1, "name": …}]` in a task, or in a workflow without milestones): they make it no
    /// empty shell for the incomplete-hierarchy rule. A kind's `children:` says where they are instead.
    func inlineObjects(_ record: Node) -> Int {
        let keys = names.inlineChildKeys[kindIndex]
        guard !keys.isEmpty, let members = record.members else { return 0 }
        var n = 0
        let hashes = keys.map(FieldKey.hash)
        for m in members where keys.indices.contains(where: { m.matches(keys[$0], hash: hashes[$0]) }) {
            n += m.node.array?.lazy.filter { $0.members != nil }.count ?? 0
        }
        return n
    }

    mutating func entity(_ record: Node, sole: Bool) -> Entity? {
        guard
            let (idKey, idNode) = FieldNames.first(
                in: record, keys: names.idFields[kindIndex], paths: names.idPaths[kindIndex])
        else {
            diagnostics.append(MissingID.diagnostic(kind: kind, at: file.location(record.offset), fileLevel: false))
            return nil
        }
        let loc = file.location(idNode.offset)
        guard let raw = idNode.string else {
            diagnostics.append(
                MalformedID.diagnostic(
                    value: "\(idNode.value)", kind: kind, reason: "the ID must be a string",
                    suggestion: nil, at: loc))
            return nil
        }
        let own = OwnID(raw: raw, kindIndex: kindIndex, grammar: grammar, file: file.path, at: loc)
        diagnostics += own.diagnostics
        if let u = own.unknownPrefix { unknownPrefixes.append(u) }
        let parsed = own.id
        var legacyKeys = own.legacyKeys
        for path in names.legacyIDPaths[kindIndex] {
            for n in path.resolve(in: record) {
                legacyKeys += OwnID.legacyKeys(from: (n.array ?? [n]).compactMap(\.string), grammar: grammar)
            }
        }
        let name = FieldNames.first(in: record, keys: names.nameFields[kindIndex], paths: names.namePaths[kindIndex])?
            .node.string
        let dept = record.member(matchingNormalized: RecordExtractor.departmentFields)?.node.string
        var typedPairs: [(key: Int, value: Int)] = []
        for (li, link) in kind.links.enumerated() {
            for n in link.path.resolve(in: record) {
                if let items = n.array {
                    for i in items { typedPairs.append((i.offset, li)) }
                } else {
                    typedPairs.append((n.offset, li))
                }
            }
        }
        let typed = IntTable(typedPairs)
        var refs: [Reference] = []
        var path: [PathStep] = []
        legacySkip = Set(legacyKeys)
        localChildren = 0
        localIDs = LocalChildren.find(in: record, kind: kindIndex, grammar: grammar, names: names)
        walk(
            record, path: &path, skip: idNode.offset, own: parsed?.key, typed: typed, link: nil, named: nil,
            refs: &refs)
        var e = Entity(
            kind: kindIndex, id: parsed, rawID: raw, name: name, file: file.path, location: loc,
            department: dept, idField: idKey, soleRecordInFile: sole && !own.fromFilename, references: refs,
            legacyKeys: legacyKeys.filter { $0 != parsed?.key })
        // A local link's IDs and the objects that hold them are the same children: counted once.
        e.inlineChildren =
            kind.children.map { localChildren + $0.resolve(in: record).count }
            ?? max(localChildren, inlineObjects(record))
        describe(&e, record: record)
        if let schema = kind.schema {
            diagnostics += RecordSchemaCheck(schema: schema, kind: kind, file: file, id: raw)
                .check(record, missingAt: file.location(record.offset))
        }
        return e
    }

    /// An entity's description, status, aliases, videos and (for the index) record, from its record.
    func describe(_ e: inout Entity, record: Node) {
        e.description = record.member(matchingNormalized: RecordExtractor.descriptionKeys)?.node.string
        e.status = record.member(matchingNormalized: RecordExtractor.statusFields)?.node.string
        if let a = record.member(matchingNormalized: RecordExtractor.aliasFields)?.node {
            e.aliases = (a.array ?? [a]).compactMap(\.string)
        }
        if departmentKind {
            for key in RecordExtractor.departmentNameFields {
                guard let v = record.member(matchingNormalized: [key])?.node.string?.trimmingSpaces(), !v.isEmpty,
                    v != e.name, !e.aliases.contains(v)
                else { continue }
                e.aliases.append(v)
            }
        }
        if keepRecords { e.record = record.compactJSON() }
        if let re = videoRegex {
            for f in names.videoPaths {
                for n in f.resolve(in: record) {
                    for v in (n.array ?? [n]).compactMap(\.string) { e.videos += VideoIDs.find(in: v, re) }
                }
            }
            e.videos = Array(Set(e.videos)).sorted()
        }
    }

    /// A link by file path: the entity the file at that path declares. The path is read from this file's
    /// folder, or from the library root when it starts with `/`, a `link_root_aliases` prefix or one of the
    /// library's roots (`LIBRARIES/LBS_003_Tools/Auth/ScaleKit.json`: records are read by no Markdown
    /// renderer, and that is how libraries write them).
    mutating func pathReference(_ s: String, at offset: Int, path: [PathStep], link: Int, refs: inout [Reference]) {
        let raw = s.trimmingSpaces()
        guard !raw.isEmpty, !raw.contains("://") else { return }
        let dir =
            Config.startsAtRoot(raw, roots: roots)
            ? "" : file.path.split(separator: "/").dropLast().joined(separator: "/")
        guard case .path(let target, _) = LinkTarget.resolve(raw, from: dir, aliases: linkRootAliases) else { return }
        let target_ = grammar.kinds.firstIndex { $0.name == kind.links[link].target } ?? kindIndex
        refs.append(
            Reference(
                field: RecordExtractor.render(path), raw: s,
                id: ParsedID.path(kind: target_, written: raw, file: target),
                label: nil, location: file.location(offset), linkIndex: link))
    }

    /// Keeps each part of a department link's value that is no configured code or alias (in any case: `Dev`
    /// is DEV), no configured name and no word for every department or none (`All`, `N/A`); the library's
    /// department records may still name it.
    mutating func checkDepartmentValue(_ s: String, at offset: Int) {
        for part in s.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let v = part.trimmingSpaces()
            guard !v.isEmpty, grammar.canonicalDepartment(v) == nil, grammar.canonicalDepartment(v.uppercased()) == nil,
                !grammar.departmentNames.contains(v.lowercased()), grammar.departmentWords.meaning(of: v) == nil
            else { continue }
            departmentValues.append(DepartmentValue(value: v, location: file.location(offset)))
        }
    }

    static let descriptionFields = ["description", "purpose", "objective", "summary", "detail"]
    static let descriptionKeys = descriptionFields.map(FieldKey.normalize)
    static let departmentFields = ["department", "primary_department"].map(FieldKey.normalize)
    static let statusFields = ["status", "lifecycle_status"].map(FieldKey.normalize)
    static let aliasFields = ["aliases", "alias", "also_known_as"].map(FieldKey.normalize)
    /// A department record's code and names (`{"code": "DEV", "name": "Developers", "full_name": ...}`).
    static let departmentNameFields = [
        "code", "department_code", "dept_code", "abbreviation", "name", "full_name", "short_name", "display_name",
        "title",
    ].map(FieldKey.normalize)

    enum PathStep {
        case key(String)
        case index(Int)
    }

    static func render(_ path: [PathStep]) -> String {
        var out = ""
        for p in path {
            switch p {
            case .key(let k): out += out.isEmpty ? k : "." + k
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    /// `named`: the kind a field named after it links to by name (`"tool": "Zapier"`), for its value.
    mutating func walk(
        _ n: Node, path: inout [PathStep], skip: Int, own: String?, typed: IntTable<Int>, link: Int?, named: Int?,
        refs: inout [Reference]
    ) {
        switch n.value {
        case .string(let s):
            if n.offset != skip {
                let before = refs.count
                let l = typed[n.offset] ?? link
                scanString(s, at: n.offset + 1, path: path, own: own, link: l, named: named, refs: &refs)
                if !localIDs.isEmpty, let name = localIDs[n.offset], l.map({ !kind.links[$0].local }) ?? true {
                    // A child the record numbers itself: its description, linked only to an entity of its name.
                    localChildren += 1
                    for i in before..<refs.count {
                        refs[i].declaredHere = true
                        if refs[i].label == nil { refs[i].label = name }
                    }
                }
            }
        case .array(let items):
            let l = typed[n.offset] ?? link
            for (i, item) in items.enumerated() {
                path.append(.index(i))
                walk(item, path: &path, skip: skip, own: own, typed: typed, link: l, named: named, refs: &refs)
                path.removeLast()
            }
        case .object(let members):
            for m in members {
                path.append(.key(m.key))
                if m.key.utf8.contains(where: { $0 == 45 }) {
                    scanString(m.key, at: m.keyOffset + 1, path: path, own: own, link: nil, named: nil, refs: &refs)
                }
                walk(
                    m.node, path: &path, skip: skip, own: own, typed: typed, link: nil,
                    named: typed[m.node.offset] == nil ? namedKind(m) : nil, refs: &refs)
                path.removeLast()
            }
        default:
            break
        }
    }

    /// The kind a member's key is named after (`tool`, `tools_used`), when its value is text or a list of
    /// texts and the kind is not the record's own.
    func namedKind(_ m: Member) -> Int? {
        switch m.node.value {
        case .string: break
        case .array(let items) where items.first?.string != nil: break
        default: return nil
        }
        return names.namedKind(key: m.key, hash: m.keyHash, in: kindIndex)
    }

    mutating func scanString(
        _ s: String, at offset: Int, path: [PathStep], own: String?, link: Int?, named: Int?,
        refs: inout [Reference]
    ) {
        guard let target = link.map({ names.linkNameTargets[kindIndex][$0] }) ?? named else {
            scanIDs(s, at: offset, path: path, own: own, link: link, refs: &refs)
            return
        }
        let spans = scanIDs(s, at: offset, path: path, own: own, link: link, keepSpans: true, refs: &refs)
        refs += NameParts.references(
            in: s, at: offset, path: path, kind: target, link: link, idSpans: spans, grammar: grammar, file: file)
    }

    /// The IDs of a value as references; returns where the value holds IDs and ID-shaped tokens (byte ranges)
    /// when `keepSpans`, else `[]`; nil when the value is not read for IDs (free text of a kind without
    /// free-text references).
    @discardableResult
    mutating func scanIDs(
        _ s: String, at offset: Int, path: [PathStep], own: String?, link: Int?, keepSpans: Bool = false,
        refs: inout [Reference]
    ) -> [(Int, Int)]? {
        if link == nil && !kind.freeTextReferences {
            return nil
        }
        if let link, kind.links[link].byPath {
            pathReference(s, at: offset, path: path, link: link, refs: &refs)
            return []
        }
        if let link, kind.links[link].local {
            // The record's own children: counted, not looked up.
            var t = s
            t.withUTF8 { b in grammar.scan(b, typos: false) { tok, _, _ in if case .id = tok { localChildren += 1 } } }
            return []
        }
        // `wide`: a byte that may start a Unicode dash (`TOL–017`). The value's bytes are read in place.
        var dash = false, underscore = false, upper = false, wide = false
        var bytes = s
        bytes.withUTF8 { b in
            for c in b {
                if c == 45 {
                    dash = true
                } else if c == 95 {
                    underscore = true
                } else if c >= 65 && c <= 90 {
                    upper = true
                } else if c == 0xE2 {
                    wide = true
                }
            }
        }
        if !dash, let link, names.departmentLinks[kindIndex][link], !grammar.departmentCodes.isEmpty {
            checkDepartmentValue(s, at: offset)
            return []
        }
        guard dash || underscore || wide else { return [] }
        if upper {
            bytes.withUTF8 { b in
                for (off, text) in DoubledSegment.find(b) {
                    diagnostics.append(DoubledSegment.diagnostic(text, at: file.location(offset + off)))
                }
            }
        }
        guard dash || wide else { return [] }
        var found = false
        var fieldCache: String?
        func field() -> String {
            if let f = fieldCache { return f }
            let f = RecordExtractor.render(path)
            fieldCache = f
            return f
        }
        var tokens: [(IDToken, Int, Int)] = []
        var ranges: [String?] = []
        bytes.withUTF8 { buf in
            grammar.scan(buf) { tokens.append(($0, $1, $2)) }
            (tokens, ranges) = grammar.withRanges(tokens, in: buf)
        }
        let spans = keepSpans ? tokens.map { ($0.1, $0.2) } : []
        for (ti, (tok, start, end)) in tokens.enumerated() {
            let loc = file.location(offset + start)
            switch tok {
            case .id(let p):
                found = true
                if p.key == own || legacySkip.contains(p.key) { continue }
                var r = Reference(
                    field: field(), raw: s, id: p,
                    label: ranges[ti] == nil ? Labels.after(Array(s.utf8)[...], start: start, end: end) : nil,
                    location: loc, linkIndex: link)
                r.range = ranges[ti]
                refs.append(r)
            case .placeholder(_, let text):
                found = true
                // In a link field, or as the whole value, it stands for an ID; inside prose (a description that
                // says "replaces the TOL-XXX draft") it is a mention, not a placeholder reference.
                if link != nil || s.trimmingSpaces() == text {
                    diagnostics.append(PlaceholderID.diagnostic(value: text, at: loc, asOwnID: false))
                }
            case .unknownPrefix(let text, let prefix, let sugg):
                found = true
                unknownPrefixes.append(PrefixUse(token: text, prefix: prefix, suggestions: sugg, location: loc))
            }
        }
        // Several IDs joined in one string of a named field.
        if tokens.count >= 2, case .key? = path.last, CommaJoinedIDs.onlyIDs(s, tokens: tokens) {
            diagnostics.append(CommaJoinedIDs.diagnostic(field: field(), at: file.location(offset)))
        }
        // A department link: a declared code or alias, a department's name, or a DPT ID.
        if !found, let link, names.departmentLinks[kindIndex][link], !grammar.departmentCodes.isEmpty {
            checkDepartmentValue(s, at: offset)
            return spans
        }
        // A typed link field whose value is ID-shaped but not a known ID: say what is wrong with it.
        if !found, link != nil {
            let head =
                s.trimmingSpaces().split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ":" || $0 == "," }).first
                .map(String.init) ?? ""
            guard head.contains("-") || head.contains("_"), head.contains(where: \.isASCIIDigit) else { return spans }
            let loc = file.location(offset)
            switch grammar.check(head) {
            case .unknownPrefix(let prefix, let sugg) where !sugg.isEmpty:
                unknownPrefixes.append(PrefixUse(token: head, prefix: prefix, suggestions: sugg, location: loc))
            case .malformed(_, let suggestion?):
                diagnostics.append(
                    MalformedID.diagnostic(
                        value: head, kind: nil, reason: "it is not a valid ID", suggestion: suggestion, at: loc))
            default:
                break
            }
        }
        return spans
    }
}
