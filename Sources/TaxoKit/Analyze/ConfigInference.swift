import Foundation

/// `taxo init`: a `taxonomy.yaml` proposed from what a library holds, starting from a base configuration (the
/// built-in one, or the library's own) and changing only what the files show the base gets wrong: where each
/// kind's files are, the prefix most IDs use, older ID schemes (`Task-Template-{n}`), fewer digits, department
/// codes the IDs use, own-ID and name keys, and kinds the base does not know. Each change says what it rests
/// on; nothing is changed on the evidence of one file.
public enum ConfigInference {
    /// One change to the base configuration and the files it rests on.
    public struct Change: Sendable {
        /// What changes, as `kinds.task.legacy_patterns: ["Task-Template-{n}"]`.
        public var setting: String
        /// Why, in a sentence (also written as the comment above the setting).
        public var reason: String
        /// False when the base text could not be edited there (flow style): the user makes the change by hand.
        public var applied: Bool
    }

    /// The proposed configuration's text and the changes made to the base.
    public struct Proposal: Sendable {
        public var text: String
        public var changes: [Change]
        public var filesRead: Int
        public var recordsRead: Int
    }

    /// The least evidence for a change: records (or files) showing it.
    static let minimumEvidence = 2

    public static func propose(root: String, baseText: String) -> Proposal? {
        guard let base = ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: baseText)).0 else { return nil }
        var survey = LibrarySurvey(root: root, base: base)
        var plan = Plan(base: base, text: ConfigText(baseText))
        plan.attribute(&survey)
        plan.newKinds(&survey)
        plan.kindSettings(survey)
        plan.departments(survey, records: DepartmentRecords.read(root: root, config: base))
        plan.globs(survey)
        plan.documents(survey)
        plan.analyses(survey)
        plan.phases(survey)
        plan.roots(survey, root: root)
        return Proposal(
            text: plan.text.text, changes: plan.changes, filesRead: survey.files.count,
            recordsRead: survey.files.reduce(0) { $0 + $1.records.count })
    }

    /// The proposal being made: the edited text and its changes.
    struct Plan {
        let base: Config
        /// The base configuration's ID grammar (what it takes as an ID, a legacy one, or a repairable typo).
        let grammar: IDGrammar
        var text: ConfigText
        var changes: [Change] = []
        /// Kinds to add: name, prefix, own-ID key, digits (their indices follow the base kinds').
        var added: [(name: String, prefix: String, key: String, digits: Int)] = []

        init(base: Config, text: ConfigText) {
            self.base = base
            self.grammar = IDGrammar(config: base)
            self.text = text
        }

        mutating func note(_ setting: String, _ reason: String, applied: Bool) {
            changes.append(Change(setting: setting, reason: reason, applied: applied))
        }

        /// The kind a prefix names in the base (primary or alternate), or a kind being added.
        func kindIndex(prefix p: String) -> Int? {
            if let k = base.kinds.firstIndex(where: { $0.allPrefixes.contains(p) }) { return k }
            return added.firstIndex { $0.prefix == p }.map { base.kinds.count + $0 }
        }

        func kindName(_ k: Int) -> String {
            k < base.kinds.count ? base.kinds[k].name : added[k - base.kinds.count].name
        }

        /// The first segment of an ID-like value, when it is capital letters (`TOL` of `TOL-SEC-124`).
        static func prefix(of v: String) -> String? {
            guard let p = v.split(separator: "-").first, p.count >= 2, p.count <= 12, v.contains("-"),
                p.allSatisfy({ $0.isASCIIUppercase || $0.isASCIIDigit }), p.first!.isASCIIUppercase
            else { return nil }
            return String(p)
        }

        /// An ID of the plain form PREFIX-NNN or PREFIX-WORD-NNN (any digits): its prefix and number.
        static func simpleID(_ v: String) -> (prefix: String, number: Substring)? {
            let parts = v.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count >= 2, parts.count <= 4, let p = prefix(of: v), let last = parts.last, !last.isEmpty,
                last.allSatisfy(\.isASCIIDigit),
                parts.dropFirst().dropLast().allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIUppercase) })
            else { return nil }
            return (p, last)
        }

        /// Attributes each record to a kind: its ID's prefix, else its file name's, else its own-ID key
        /// (`task_template_id`), else what most records of its folder are.
        mutating func attribute(_ survey: inout LibrarySurvey) {
            let names = base.kinds.enumerated().map { ($0.offset, $0.element.name.lowercased()) }
            var byDir: [String: [Int: Int]] = [:]
            for fi in survey.files.indices {
                let f = survey.files[fi]
                let fromName = f.nameToken.flatMap(Plan.prefix(of:)).flatMap { kindIndex(prefix: $0) }
                for ri in f.records.indices {
                    let r = f.records[ri]
                    // `task_template_id` names the task kind by one of its words (`transaction_id` does not).
                    let words = r.key.lowercased().split { !$0.isLetter }.map(String.init)
                    let k =
                        Plan.prefix(of: r.value).flatMap { kindIndex(prefix: $0) } ?? fromName
                        ?? names.first { words.contains($0.1) }?.0
                    survey.files[fi].records[ri].kind = k
                    if let k { byDir[f.dir, default: [:]][k, default: 0] += 1 }
                }
            }
            for fi in survey.files.indices {
                guard let counts = byDir[survey.files[fi].dir], let top = counts.max(by: { $0.value < $1.value }),
                    top.value * 2 > counts.values.reduce(0, +)
                else { continue }
                for ri in survey.files[fi].records.indices where survey.files[fi].records[ri].kind == nil {
                    // An unknown prefix in a folder of one kind is that kind's other spelling (kinds() decides).
                    survey.files[fi].records[ri].kind = top.key
                }
            }
        }

        /// Prefixes no kind has, written as records' own IDs in folders no kind's records fill: new kinds.
        mutating func newKinds(_ survey: inout LibrarySurvey) {
            var uses: [String: (count: Int, key: [String: Int], digits: Int, dirs: Set<String>)] = [:]
            for f in survey.files {
                for r in f.records where r.kind == nil {
                    guard let (p, last) = Plan.simpleID(r.value), kindIndex(prefix: p) == nil,
                        !base.ignorePrefixes.contains(p)
                    else { continue }
                    var u = uses[p] ?? (count: 0, key: [String: Int](), digits: Int.max, dirs: Set<String>())
                    u.count += 1
                    u.key[r.key, default: 0] += 1
                    u.digits = min(u.digits, last.count)
                    u.dirs.insert(f.dir)
                    uses[p] = u
                }
            }
            for (p, u) in uses.sorted(by: { $0.key < $1.key }) where u.count >= Plan.minimumNewKind {
                let key = u.key.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
                var name = Plan.kindName(key: key, dirs: u.dirs, prefix: p)
                while base.kind(named: name) != nil || added.contains(where: { $0.name == name }) { name += "_kind" }
                added.append((name, p, key, u.digits))
                let block = [
                    "\(name):", "  prefix: \(p)", "  department: optional", "  digits: \(u.digits)",
                    "  files: []", "  id_fields: [\(ConfigText.yamlKey(key))]", "  name_fields: [name, title]",
                ]
                let ok = text.add(
                    block, in: ["kinds"],
                    comment: "taxo init: \(u.count) records have \(p)- IDs under '\(key)', which no kind declares")
                note(
                    "kinds.\(name)", "\(u.count) records have \(p)- IDs under '\(key)', which no kind declares",
                    applied: ok)
            }
            guard !added.isEmpty else { return }
            for fi in survey.files.indices {
                for ri in survey.files[fi].records.indices where survey.files[fi].records[ri].kind == nil {
                    survey.files[fi].records[ri].kind = Plan.prefix(of: survey.files[fi].records[ri].value).flatMap {
                        kindIndex(prefix: $0)
                    }
                }
            }
        }

        /// A new kind needs more records than any other change: three.
        static let minimumNewKind = 3

        /// A new kind's name: the own-ID key's stem (`capability_id` -> capability), else its folder's last
        /// word, singular (`Capabilities` -> capability), else the prefix.
        static func kindName(key: String, dirs: Set<String>, prefix: String) -> String {
            func clean(_ s: String) -> String {
                let words = s.lowercased().split { !$0.isLetter }.filter { $0.count > 2 }
                return words.last.map { String($0) } ?? ""
            }
            var stem = key.lowercased()
            for suffix in ["_id", "-id", " id", "id"] where stem.hasSuffix(suffix) {
                stem = String(stem.dropLast(suffix.count))
                break
            }
            var name = clean(stem)
            if name.isEmpty || name == "template" || name == "record" || name == "entity" {
                name = dirs.count == 1 ? clean(dirs.first!.split(separator: "/").last.map(String.init) ?? "") : ""
                if name.hasSuffix("ies") {
                    name = String(name.dropLast(3)) + "y"
                } else if name.hasSuffix("s"), !name.hasSuffix("ss") {
                    name = String(name.dropLast())
                }
            }
            return name.isEmpty ? prefix.lowercased() : name
        }

        /// Per kind: the prefix most records use, prefixes written in its folders that no kind has, older ID
        /// schemes, fewer digits, file names carrying the ID, own-ID and name keys.
        mutating func kindSettings(_ survey: LibrarySurvey) {
            for (k, kind) in base.kinds.enumerated() {
                let records = survey.files.flatMap { f in f.records.filter { $0.kind == k }.map { (f, $0) } }
                // Markdown records show how own IDs are written (their header fields say little else).
                let markdown = survey.files.compactMap { f -> (LibrarySurvey.File, LibrarySurvey.Record)? in
                    guard let own = f.markdownOwnID, own.kind == k else { return nil }
                    return (f, LibrarySurvey.Record(key: "", value: own.value, stringKeys: [], kind: k))
                }
                prefixes(k, kind, records + markdown)
                legacy(k, kind, records + markdown)
                guard !records.isEmpty else { continue }
                digits(k, kind, records)
                keys(k, kind, records.map(\.1))
                links(k, kind, records.map(\.1))
            }
        }

        /// Words that make a field hold the record's own former ID (`old_tool_id`, `_migration.legacy_id`).
        static let oldWords = ["old", "legacy", "previous", "former", "migrat"]

        /// Fields of the kind's records whose values are IDs of one kind and that no link declares: typed
        /// links (`required_tools[]: { target: tool, many: true }`), so kinds and the hierarchy are checked.
        mutating func links(_ k: Int, _ kind: Kind, _ records: [LibrarySurvey.Record]) {
            let declared = Set(kind.links.map(\.path.steps) + kind.legacyIdFields.compactMap { FieldPath($0)?.steps })
            var uses: [String: (records: Int, values: Int, targets: [Int: Int])] = [:]
            for r in records {
                for (path, values) in r.fields {
                    var u = uses[path] ?? (0, 0, [:])
                    u.records += 1
                    u.values += values.count
                    for v in values {
                        if let (p, _) = Plan.simpleID(v), let t = kindIndex(prefix: p) { u.targets[t, default: 0] += 1 }
                    }
                    uses[path] = u
                }
            }
            for (path, u) in uses.sorted(by: { $0.key < $1.key }) {
                guard let fp = FieldPath(path), !declared.contains(fp.steps),
                    u.records >= ConfigInference.minimumEvidence,
                    let (target, n) = u.targets.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
                    n * 10 >= u.values * 9
                else { continue }
                let words = path.lowercased().split { !$0.isLetter }
                if target == k, words.contains(where: { w in Plan.oldWords.contains { w.hasPrefix($0) } }) {
                    // `_migration.old_tool_id`: the record's own former ID, not a link.
                    let list = "[" + (kind.legacyIdFields + [path]).map(ConfigText.quoted).joined(separator: ", ") + "]"
                    let reason = "\(u.records) \(kind.name) records keep a former ID of their own under '\(path)'"
                    let ok = text.set(
                        "legacy_id_fields", list, in: ["kinds", kind.name], comment: "taxo init: " + reason)
                    note("kinds.\(kind.name).legacy_id_fields: \(list)", reason, applied: ok)
                    continue
                }
                let many = path.contains("[]")
                let line = "\(ConfigText.quoted(path)): { target: \(kindName(target))\(many ? ", many: true" : "") }"
                let reason = "\(n) values of '\(path)' in \(u.records) \(kind.name) records are \(kindName(target)) IDs"
                let ok = text.add([line], in: ["kinds", kind.name, "links"], comment: "taxo init: " + reason)
                note("kinds.\(kind.name).links.\(path): \(kindName(target))", reason, applied: ok)
            }
        }

        mutating func prefixes(_ k: Int, _ kind: Kind, _ records: [(LibrarySurvey.File, LibrarySurvey.Record)]) {
            var count: [String: Int] = [:]
            var named: Set<String> = []
            for (f, r) in records {
                if let (p, _) = Plan.simpleID(r.value) {
                    count[p, default: 0] += 1
                } else if let t = f.nameToken, let (p, _) = Plan.simpleID(t), named.insert(f.path).inserted {
                    // A record whose own ID is an older spelling: its file name says how current IDs are written.
                    count[p, default: 0] += 1
                }
            }
            let unknown = count.filter {
                kindIndex(prefix: $0.key) == nil && $0.value >= ConfigInference.minimumEvidence
            }
            let ranked = count.filter { kindIndex(prefix: $0.key) == k || unknown[$0.key] != nil }
                .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            guard let top = ranked.first else { return }
            let primaryUses = count[kind.prefix] ?? 0
            var prefix = kind.prefix
            var reasons: [String] = []
            if top.key != kind.prefix, top.value >= 2 * max(1, primaryUses),
                top.value >= ConfigInference.minimumEvidence
            {
                prefix = top.key
                reasons.append("\(top.value) \(kind.name) IDs are written \(top.key)-, \(primaryUses) \(kind.prefix)-")
            }
            for (p, n) in unknown.sorted(by: { $0.key < $1.key }) where p != prefix {
                reasons.append("\(n) records in \(kind.name) folders write \(p)-")
            }
            guard !reasons.isEmpty else { return }
            var alternates = ([kind.prefix] + kind.alternatePrefixes + unknown.keys.sorted()).filter { $0 != prefix }
            alternates = alternates.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            let why = "taxo init: " + reasons.joined(separator: "; ")
            let a = text.set("prefix", prefix, in: ["kinds", kind.name], comment: why)
            let b = text.set(
                "alternate_prefixes", "[" + alternates.joined(separator: ", ") + "]", in: ["kinds", kind.name])
            note(
                "kinds.\(kind.name).prefix: \(prefix), alternate_prefixes: [\(alternates.joined(separator: ", "))]",
                reasons.joined(separator: "; "), applied: a && b)
        }

        /// Own IDs that no prefix explains but share a shape (`Task-Template-072`, `TASK-TEMPLATE-HR-003`) are an
        /// older scheme: `legacy_patterns`, and `id_from_filename` when the files' names carry current IDs.
        mutating func legacy(_ k: Int, _ kind: Kind, _ records: [(LibrarySurvey.File, LibrarySurvey.Record)]) {
            var shapes: [String] = []
            var namedByFile = 0
            var namePrefix: [String: Int] = [:]
            for (f, r) in records {
                // Written in no scheme: malformed, or with a prefix no kind declares that is no typo of one, in
                // a shape `prefixes` does not take as the kind's current one (`DESIGN-001-01`, not `QZQ-001`).
                switch grammar.check(r.value) {
                case .malformed: break
                case .unknownPrefix(_, let suggestions) where suggestions.isEmpty && Plan.simpleID(r.value) == nil:
                    break
                default: continue
                }
                guard LegacyShape(r.value) != nil, grammar.repaired(r.value) == nil else { continue }
                if Plan.prefix(of: r.value).map({ kindIndex(prefix: $0) != nil }) == true { continue }
                shapes.append(r.value)
                if let t = f.nameToken, case .valid(let p) = grammar.check(t), p.kind == k {
                    namedByFile += 1
                    namePrefix[p.prefix, default: 0] += 1
                }
            }
            let patterns = LegacyShape.patterns(shapes, minimum: ConfigInference.minimumEvidence)
            guard !patterns.isEmpty else { return }
            let all = kind.legacyPatterns.map(\.text) + patterns.map(\.pattern)
            let list = "[" + all.map(ConfigText.quoted).joined(separator: ", ") + "]"
            let why = patterns.map { "\($0.count) records write IDs as \($0.pattern)" }.joined(separator: "; ")
            let ok = text.set("legacy_patterns", list, in: ["kinds", kind.name], comment: "taxo init: " + why)
            note("kinds.\(kind.name).legacy_patterns: \(list)", why, applied: ok)
            if !kind.idFromFilename, namedByFile * 2 >= shapes.count, namedByFile >= ConfigInference.minimumEvidence {
                let spelled = namePrefix.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? kind.prefix
                let reason =
                    "\(namedByFile) files whose records write an older ID are named by a current one (\(spelled)-NNN_...)"

                let ok = text.set(
                    "id_from_filename", "true", in: ["kinds", kind.name], comment: "taxo init: " + reason)
                note("kinds.\(kind.name).id_from_filename: true", reason, applied: ok)
            }
        }

        /// IDs of the kind written with fewer digits than it takes, by most of its records: `digits` lowered.
        mutating func digits(_ k: Int, _ kind: Kind, _ records: [(LibrarySurvey.File, LibrarySurvey.Record)]) {
            var lengths: [Int] = []
            for (_, r) in records {
                guard let (p, last) = Plan.simpleID(r.value), kind.allPrefixes.contains(p) else { continue }
                lengths.append(last.count)
            }
            let short = lengths.filter { $0 < kind.minDigits }
            guard short.count >= ConfigInference.minimumEvidence, short.count * 2 >= lengths.count,
                let fewest = short.min()
            else { return }
            let reason = "\(short.count) of \(lengths.count) \(kind.name) IDs have fewer than \(kind.minDigits) digits"
            let ok = text.set("digits", String(fewest), in: ["kinds", kind.name], comment: "taxo init: " + reason)
            note("kinds.\(kind.name).digits: \(fewest)", reason, applied: ok)
        }

        /// Own-ID keys the kind's `id_fields` lack; a name key when none of its `name_fields` is filled.
        mutating func keys(_ k: Int, _ kind: Kind, _ records: [LibrarySurvey.Record]) {
            let idKeys = Set(kind.idFields.map(FieldKey.normalize))
            var newID: [String: Int] = [:]
            for r in records where !idKeys.contains(FieldKey.normalize(r.key)) { newID[r.key, default: 0] += 1 }
            let ids = newID.filter { $0.value >= ConfigInference.minimumEvidence }.sorted {
                ($0.value, $1.key) > ($1.value, $0.key)
            }
            if !ids.isEmpty {
                let list = "[" + (kind.idFields + ids.map(\.key)).map(ConfigText.yamlKey).joined(separator: ", ") + "]"
                let reason = ids.map { "\($0.value) records hold their ID under '\($0.key)'" }.joined(separator: "; ")
                let ok = text.set("id_fields", list, in: ["kinds", kind.name], comment: "taxo init: " + reason)
                note("kinds.\(kind.name).id_fields: \(list)", reason, applied: ok)
            }
            let nameKeys = Set(kind.nameFields.map(FieldKey.normalize))
            let unnamed = records.filter { !$0.stringKeys.contains { nameKeys.contains(FieldKey.normalize($0)) } }
            guard unnamed.count >= ConfigInference.minimumEvidence, unnamed.count * 2 > records.count else { return }
            var count: [String: Int] = [:]
            for r in unnamed {
                for key in r.stringKeys {
                    let n = FieldKey.normalize(key)
                    if n.hasSuffix("name") || n.hasSuffix("title") { count[key, default: 0] += 1 }
                }
            }
            guard let best = count.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value * 2 > unnamed.count
            else { return }
            let list = "[" + (kind.nameFields + [best.key]).map(ConfigText.yamlKey).joined(separator: ", ") + "]"
            let reason = "\(best.value) of \(records.count) \(kind.name) records name themselves under '\(best.key)'"
            let ok = text.set("name_fields", list, in: ["kinds", kind.name], comment: "taxo init: " + reason)
            note("kinds.\(kind.name).name_fields: \(list)", reason, applied: ok)
        }

        /// Departments the library's own department records declare and the base does not (each with its
        /// record's name, or as an alias of the department its name names), then department codes that
        /// records' own IDs carry and no department (or alias) is.
        mutating func departments(_ survey: LibrarySurvey, records: [DepartmentRecords.Found]) {
            var known = Set(base.departments.flatMap { [$0.code] + $0.aliases })
            let declared = DepartmentRecords.declaring(records, in: base)
            for r in records where !known.contains(r.code) {
                known.insert(r.code)
                guard let d = declared.departments.first(where: { $0.code == r.code || $0.aliases.contains(r.code) })
                else { continue }
                let reason =
                    "\(r.file) declares department \(r.id ?? r.code) (\(r.code), \(r.names.first ?? r.code))"
                    + (d.code == r.code ? "" : ", which is \(d.code)'s name")
                var entry = "{ name: \(ConfigText.quoted(d.name))"
                if !d.aliases.isEmpty { entry += ", aliases: [" + d.aliases.joined(separator: ", ") + "]" }
                entry += " }"
                let ok =
                    d.code == r.code
                    ? text.add(["\(d.code): \(entry)"], in: ["departments"], comment: "taxo init: \(reason)")
                    : text.set(d.code, entry, in: ["departments"], comment: "taxo init: \(reason)")
                note("departments.\(d.code)", reason, applied: ok)
            }
            var count: [String: Int] = [:]
            for f in survey.files {
                for r in f.records {
                    let parts = r.value.split(separator: "-")
                    guard parts.count == 3, let (p, _) = Plan.simpleID(r.value), let k = kindIndex(prefix: p),
                        k >= base.kinds.count
                            || (base.kinds[k].department != .free && base.kinds[k].department != .none)
                    else { continue }
                    let d = String(parts[1])
                    if !known.contains(d) { count[d, default: 0] += 1 }
                }
            }
            for (code, n) in count.sorted(by: { $0.key < $1.key }) where n >= ConfigInference.minimumEvidence {
                let reason = "\(n) IDs carry the department code \(code), which no department or alias is"
                let ok = text.add(
                    ["\(code): { name: \"\(code)\" }"], in: ["departments"],
                    comment: "taxo init: \(reason) (name it, or make it an alias of the department it means)")
                note("departments.\(code)", reason, applied: ok)
            }
        }
    }
}

extension ConfigInference {
    /// What `taxo check` reports under one configuration: counts by severity and by rule.
    public struct Findings: Sendable {
        public var summary = DiagnosticSummary()
        /// Rule code -> count (of every severity).
        public var byRule: [String: Int] = [:]
    }

    /// The findings of the library under a configuration text (nil when the text does not load); the built-in
    /// text is read as `taxo check` reads it with no taxonomy.yaml (with the department records' departments).
    public static func findings(root: String, configText: String) -> Findings? {
        let loaded =
            configText == DefaultConfig.yaml
            ? ConfigLoader.builtIn(root: root) : ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: configText))
        guard let config = loaded.0 else { return nil }
        let result = Compiler.compile(root: root, config: config)
        var f = Findings()
        f.summary = result.summary
        for d in result.diagnostics { f.byRule[d.code, default: 0] += 1 }
        return f
    }
}
