/// The configuration's field names as extraction compares them, normalised and parsed once per run
/// (not per file or record): each kind's ID, name and legacy ID fields, and the phases' integration
/// fields that name videos.
struct FieldNames: Sendable {
    let idFields: [[String]]
    let nameFields: [[String]]
    /// The same as paths into a record, for fields written as paths (`metadata.name`); nil for plain keys.
    let idPaths: [[FieldPath?]]
    let namePaths: [[FieldPath?]]
    let legacyIDPaths: [[FieldPath]]
    /// The integration fields as paths into a record, and as normalised Markdown header keys.
    let videoPaths: [FieldPath]
    let videoKeys: Set<String>
    /// Per kind of the hierarchy, the normalised keys under which a record may hold its children inline, as
    /// objects: the lower levels' kind names, singular, plural and with `_templates` (`steps`,
    /// `task_templates`), and the first key of each of the kind's links to a lower level. Empty for the other
    /// kinds and the last level.
    let inlineChildKeys: [[String]]
    /// Per kind of the hierarchy, the kinds below it (a workflow's milestones, tasks and steps); empty for the
    /// other kinds and the last level.
    let lowerLevels: [[Int]]
    /// Keys named after a kind (`tool`, `tools_used`, `primary_tool`) by the hash of their normalised form
    /// (`FieldKey.hash`, which a record's keys carry): each normalised -> the kind (their values link to it by
    /// name when no configured link covers them, `NameParts`), and each as written in snake case
    /// (`tools_used`: a lower-case key is compared as it is, with no normalising, as most keys are).
    let nameLinkKeys: IntTable<[(key: String, kind: Int)]>
    let nameLinkSnakeKeys: IntTable<[(key: String, kind: Int)]>
    /// Per kind, per link: the kind its values may name (`LinkField.byName`); nil when it takes IDs only.
    let linkNameTargets: [[Int?]]
    /// Per kind, per link: whether it links to the kind in the department role (its values are department
    /// codes, aliases or names).
    let departmentLinks: [[Bool]]

    init(config: Config) {
        idFields = config.kinds.map { $0.idFields.map(FieldKey.normalize) }
        nameFields = config.kinds.map { $0.nameFields.map(FieldKey.normalize) }
        func paths(_ fields: [String]) -> [FieldPath?] {
            fields.map { $0.contains(".") || $0.contains("[") ? FieldPath($0) : nil }
        }
        idPaths = config.kinds.map { paths($0.idFields) }
        namePaths = config.kinds.map { paths($0.nameFields) }
        legacyIDPaths = config.kinds.map { $0.legacyIdFields.compactMap(FieldPath.init) }
        let integration = config.phases.flatMap(\.integrationFields)
        videoPaths = integration.compactMap(FieldPath.init)
        videoKeys = Set(integration.map(FieldKey.normalize))
        inlineChildKeys = Self.inlineChildKeys(config)
        let levels = config.hierarchyKinds
        lowerLevels = config.kinds.indices.map { ki in
            guard let l = levels.firstIndex(of: ki) else { return [] }
            return Array(levels[(l + 1)...])
        }
        nameLinkKeys = Self.byHash(Self.nameLinkKeys(config, normalized: true))
        nameLinkSnakeKeys = Self.byHash(Self.nameLinkKeys(config, normalized: false))
        let department = config.kindIndex(role: .department)
        let departmentName = department.map { config.kinds[$0].name }
        departmentLinks = config.kinds.map { k in k.links.map { departmentName != nil && $0.target == departmentName } }
        linkNameTargets = config.kinds.map { k in
            k.links.map { l in
                // (`by: path` and `local` links never take names: the configuration leaves `byName` off.)
                guard l.byName, let t = config.kinds.firstIndex(where: { $0.name == l.target }), t != department
                else { return nil }
                return t
            }
        }
    }

    /// The kind a field's value names when the field is named after it (`tools_used`, `Tools Used`), unless
    /// it is the record's own kind. A snake-case key is looked up as written (no normalising: most keys).
    /// `hash` is the key's `FieldKey.hash`.
    func namedKind(key: String, hash: UInt64, in kind: Int) -> Int? {
        let k: Int?
        // The key's bytes read in place (through its UTF-8 view, a few dozen instructions a byte).
        var bytes = key
        if bytes.withUTF8({ $0.allSatisfy { ($0 >= 97 && $0 <= 122) || $0 == 95 } }) {
            k = nameLinkSnakeKeys[Int(truncatingIfNeeded: hash)]?.first { $0.key == key }?.kind
        } else {
            k = nameLinkKeys[Int(truncatingIfNeeded: hash)]?.first { FieldKey.matches(key, normalized: $0.key) }?.kind
        }
        guard let k, k != kind else { return nil }
        return k
    }

    /// Keys -> kinds as a table by the hash of each key's normalised form (keys of one hash in their order).
    static func byHash(_ keys: [String: Int]) -> IntTable<[(key: String, kind: Int)]> {
        var groups: [Int: [(key: String, kind: Int)]] = [:]
        for (key, kind) in keys.sorted(by: { $0.key < $1.key }) {
            groups[Int(truncatingIfNeeded: FieldKey.hash(key)), default: []].append((key, kind))
        }
        return IntTable(groups.map { (key: $0.key, value: $0.value) })
    }

    /// The keys named after each kind but the department's (its values are judged as department codes),
    /// normalised or lower-cased as written.
    static func nameLinkKeys(_ config: Config, normalized: Bool) -> [String: Int] {
        let department = config.kindIndex(role: .department)
        var out: [String: Int] = [:]
        for (ki, k) in config.kinds.enumerated() where ki != department {
            let one = k.name, many = EnglishPlural.plural(k.name)
            for key in [
                one, many, one + "_used", many + "_used", "primary_" + one, many + "_required",
                "required_" + many, "related_" + many,
            ] {
                let k = normalized ? FieldKey.normalize(key) : key.lowercased()
                if out[k] == nil { out[k] = ki }
            }
        }
        return out
    }

    static func inlineChildKeys(_ config: Config) -> [[String]] {
        let levels = config.hierarchyKinds
        return config.kinds.indices.map { ki in
            guard let l = levels.firstIndex(of: ki), l + 1 < levels.count else { return [] }
            let lower = levels[(l + 1)...].map { config.kinds[$0].name }
            var keys = lower.flatMap { [$0, $0 + "s", $0 + "_templates"] }
            for link in config.kinds[ki].links where lower.contains(link.target) {
                if case .key(let k) = link.path.steps.first { keys.append(k) }
            }
            var seen = Set<String>()
            return keys.map(FieldKey.normalize).filter { seen.insert($0).inserted }
        }
    }
}

extension FieldNames {
    /// The kinds that have a field (its key normalised) among their `id_fields`.
    func kinds(withIDField key: String) -> [Int] { idFields.indices.filter { idFields[$0].contains(key) } }

    /// A record's own ID as its first ID field declares it (one of a kind's `id_fields`, of `among` when given,
    /// holding a current ID of that kind), when the record also has a name of that kind: the ID, the field's
    /// value node and the name. What makes an object a record of a kind where no configuration says so
    /// (unclaimed files, children a record numbers itself).
    func ownID(of record: Node, grammar: IDGrammar, among: [Int]? = nil) -> (id: ParsedID, node: Node, name: String)? {
        for m in record.members ?? [] {
            var owners = kinds(withIDField: FieldKey.normalize(m.key))
            if let among { owners = owners.filter(among.contains) }
            guard !owners.isEmpty else { continue }
            guard let p = m.node.string.flatMap({ grammar.currentID($0, ofKinds: owners) }),
                let name = FieldNames.first(in: record, keys: nameFields[p.kind], paths: namePaths[p.kind])?.node
                    .string?.trimmingSpaces(), !name.isEmpty
            else { return nil }
            return (p, m.node, name)
        }
        return nil
    }

    /// The first of a kind's fields present in a record, in the configured order: plain keys compared
    /// normalised, paths (`metadata.name`) followed into nested objects.
    static func first(in record: Node, keys: [String], paths: [FieldPath?]) -> (key: String, node: Node)? {
        guard paths.contains(where: { $0 != nil }) else { return record.member(matchingNormalized: keys) }
        for (i, key) in keys.enumerated() {
            if let p = paths[i] {
                if let n = p.resolve(in: record).first(where: { $0.string != nil }) { return (p.text, n) }
            } else if let m = record.member(matchingNormalized: [key]) {
                return m
            }
        }
        return nil
    }
}
