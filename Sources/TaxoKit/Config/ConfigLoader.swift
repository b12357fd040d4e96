import Foundation

/// Reads and validates `taxonomy.yaml`. Every problem is a TAX0901 diagnostic with its line and
/// column (and a did-you-mean where one helps); a configuration with errors is not used.
public enum ConfigLoader {
    public static let fileName = "taxonomy.yaml"
    public static let code = "TAX0901"

    /// Finds `taxonomy.yaml` in `start` or the nearest folder above it.
    public static func findRoot(from start: URL) -> URL? {
        var dir = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(fileName).path) { return dir }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// The library that holds `start`: the nearest folder upward with `taxonomy.yaml`, else the nearest
    /// folder upward holding one of the built-in default's roots (`LIBRARIES`, `TASK_MANAGERS`, `TALENTS`).
    public static func findLibrary(from start: URL) -> URL? {
        if let r = findRoot(from: start) { return r }
        let roots = defaultRoots
        var dir = start.standardizedFileURL
        while true {
            for r in roots where r != "." {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: dir.appendingPathComponent(r).path, isDirectory: &isDir),
                    isDir.boolValue
                {
                    return dir
                }
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// The built-in configuration as it is written (`DefaultConfig.yaml`), parsed once; `builtIn(root:)` adds a
    /// library's department records to it.
    public static let defaultConfig: (Config?, [Diagnostic]) = parse(
        SourceFile(path: "<default taxonomy.yaml>", text: DefaultConfig.yaml))

    /// The roots of the built-in configuration: what marks a folder as a library without a taxonomy.yaml.
    static var defaultRoots: [String] { defaultConfig.0?.roots ?? [] }

    /// Libraries inside `start` (at most `depth` folders down, hidden folders and `node_modules` skipped):
    /// folders holding taxonomy.yaml or one of the built-in roots, nearest and then alphabetically first, at
    /// most `limit`. What to suggest when the working directory is above the library (a repository whose
    /// library lives in `ENTITIES/`).
    public static func librariesBelow(_ start: URL, depth: Int = 3, limit: Int = 3) -> [String] {
        let fm = FileManager.default
        let roots = Set(defaultRoots)
        var found: [String] = []
        var level = [""]
        for _ in 0..<depth where found.count < limit {
            var next: [String] = []
            for rel in level {
                let dir = rel.isEmpty ? start : start.appendingPathComponent(rel)
                guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
                for n in names.sorted() where !n.hasPrefix(".") && n != "node_modules" {
                    var isDir: ObjCBool = false
                    let child = dir.appendingPathComponent(n)
                    guard fm.fileExists(atPath: child.path, isDirectory: &isDir), isDir.boolValue else { continue }
                    let path = rel.isEmpty ? n : rel + "/" + n
                    let holds =
                        fm.fileExists(atPath: child.appendingPathComponent("taxonomy.yaml").path)
                        || ((try? fm.contentsOfDirectory(atPath: child.path)) ?? []).contains { roots.contains($0) }
                    if holds { found.append(path) } else { next.append(path) }
                }
            }
            level = next
        }
        return Array(found.prefix(limit))
    }

    /// The built-in configuration of the library at `root`, which has no taxonomy.yaml: with the departments
    /// the library's own department records declare (`DepartmentRecords`).
    public static func builtIn(root: String) -> (Config?, [Diagnostic]) {
        let (config, diags) = defaultConfig
        return (
            config.map { DepartmentRecords.declaring(DepartmentRecords.read(root: root, config: $0), in: $0) }, diags
        )
    }

    /// Whether a configured path leaves the library: absolute, or climbing above it with `..`.
    static func leavesLibrary(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("~") || path.hasPrefix("\\") { return true }
        var depth = 0
        for seg in path.split(separator: "/") {
            if seg == ".." { depth -= 1 } else if seg != "." { depth += 1 }
            if depth < 0 { return true }
        }
        return false
    }

    /// Loads the library's configuration, or the built-in default when it has none.
    public static func load(root: URL) -> (Config?, [Diagnostic]) {
        let url = root.appendingPathComponent(fileName)
        var st = stat()
        // No taxonomy.yaml (and no broken link of that name): the built-in default.
        guard lstat(url.path, &st) == 0 else { return builtIn(root: root.path) }
        func refuse(_ why: String) -> (Config?, [Diagnostic]) {
            (
                nil,
                [
                    Diagnostic(
                        code: code, severity: .error, message: "\(fileName) \(why)",
                        at: SourceLocation(file: fileName, line: 1, column: 1),
                        hint: "make it a readable YAML file, or remove it to use the built-in default")
                ]
            )
        }
        // Stat through a link: a FIFO, device or folder is never read (a FIFO would block forever).
        guard stat(url.path, &st) == 0 else { return refuse("is a link to nothing") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return refuse("is not a regular file") }
        guard Int(st.st_size) <= 4_000_000 else { return refuse("is larger than 4 MB") }
        guard let data = FileManager.default.contents(atPath: url.path) else { return refuse("cannot be read") }
        return parse(SourceFile(path: fileName, rawBytes: [UInt8](data)))
    }

    /// Parses and validates a `taxonomy.yaml`; nil with diagnostics when it cannot be used.
    public static func parse(_ file: SourceFile) -> (Config?, [Diagnostic]) {
        var r = Reader(file: file)
        let config = r.read()
        return (r.diagnostics.contains { $0.severity == .error } ? nil : config, r.diagnostics)
    }

    struct Reader {
        let file: SourceFile
        var diagnostics: [Diagnostic] = []

        init(file: SourceFile) { self.file = file }

        mutating func error(_ message: String, at offset: Int, hint: String? = nil) {
            diagnostics.append(
                Diagnostic(
                    code: ConfigLoader.code, severity: .error, message: message,
                    at: file.location(offset), hint: hint))
        }

        mutating func checkKeys(_ node: Node, allowed: [String], context: String) {
            guard let members = node.members else { return }
            var seen = Set<String>()
            for m in members where !seen.insert(m.key).inserted {
                error(
                    "'\(m.key)' is given twice in \(context)", at: m.keyOffset,
                    hint: "keep one; the second would silently win")
            }
            for m in members where !allowed.contains(m.key) {
                error(
                    "unknown key '\(m.key)' in \(context)", at: m.keyOffset,
                    hint: NearMiss.hint(for: m.key, in: allowed) ?? "known keys: " + allowed.joined(separator: ", "))
            }
        }

        mutating func strings(_ node: Node?, what: String) -> [String] {
            guard let node else { return [] }
            if let s = node.string { return [s] }
            guard let items = node.array else {
                error("\(what) must be a list of strings", at: node.offset)
                return []
            }
            var out: [String] = []
            for i in items {
                if let s = i.string { out.append(s) } else { error("\(what) must hold strings", at: i.offset) }
            }
            return out
        }

        mutating func globs(_ node: Node?, what: String) -> [Glob] {
            guard let node else { return [] }
            var out: [Glob] = []
            let items = node.array ?? [node]
            for i in items {
                guard let s = i.string else { error("\(what) must hold glob strings", at: i.offset); continue }
                if let problem = Glob.validate(s) {
                    error("invalid glob '\(s)' in \(what): \(problem)", at: i.offset); continue
                }
                out.append(Glob(s))
            }
            return out
        }

        mutating func int(_ node: Node?, what: String, default d: Int) -> Int {
            guard let node else { return d }
            if case .number(let n) = node.value {
                if let v = Int(n), v >= 0 { return v }
                if n.allSatisfy(\.isASCIIDigit) {
                    error("\(what) is too large", at: node.offset)
                    return d
                }
            }
            error("\(what) must be a whole number", at: node.offset)
            return d
        }

        mutating func bool(_ node: Node?, what: String, default d: Bool) -> Bool {
            guard let node else { return d }
            if case .bool(let b) = node.value { return b }
            error("\(what) must be true or false", at: node.offset)
            return d
        }

        static let topKeys = [
            "version", "roots", "exclude", "archive", "max_file_bytes", "departments", "kinds",
            "hierarchy", "documents", "video_pattern", "rules", "link_root_aliases", "master_lists", "phases",
            "proposal_markers", "ignore_prefixes", "code_blocks", "inactive_statuses",
            "overrides", "baseline", "roles", "department_words",
        ]
        static let kindKeys = [
            "prefix", "alternate_prefixes", "department", "digits", "max_digits", "files",
            "records", "id_fields", "name_fields", "legacy_id_fields", "legacy_patterns",
            "id_from_filename", "links", "scoped", "segments", "legacy_case", "file_kind",
            "free_text_references", "children", "embedded", "fields", "additional_fields",
        ]
        static let masterKeys = [
            "files", "kind", "id_column", "name_column", "path_column", "current_id_column", "path_prefix",
        ]
        static let linkKeys = ["target", "many", "acyclic", "local", "by"]
        static let docKeys = ["files", "scope_heading", "check_mentions", "free_text_references", "scoped_prefixes"]

        /// Reads the whole configuration: each part in its own step, every problem a diagnostic.
        mutating func read() -> Config? {
            // A merge left unresolved: no side is guessed for the configuration.
            if let b = MergeConflict.blocks(in: file, markdown: false).first {
                error(
                    MergeConflict.message(b), at: file.lines.lineStarts[b.start], hint: MergeConflict.advice)
                return nil
            }
            guard let root = parseRoot() else { return nil }
            checkKeys(root, allowed: Reader.topKeys, context: "the configuration")
            if let v = root["version"], v.string != "1" {
                error(
                    "unsupported configuration version '\(v.string ?? "?")'", at: v.offset,
                    hint: "this taxo reads version 1")
            }
            let roots = readRoots(root)
            let exclude = globs(root["exclude"], what: "exclude")
            let maxBytes = int(root["max_file_bytes"], what: "max_file_bytes", default: 8_000_000)
            let departments = readDepartments(root)
            let kinds = readKinds(root)
            let kindNames = kinds.map(\.name)
            let seenPrefixes = prefixes(of: kinds)
            let hierarchy = readHierarchy(root, kindNames: kindNames)
            let documents = readDocuments(root, prefixes: seenPrefixes)
            let videoPattern = readVideoPattern(root)
            let levels = ruleLevels(root["rules"], what: "rules")
            let masters = readMasterLists(root, kindNames: kindNames)
            var config = Config(
                roots: roots, exclude: exclude, maxFileBytes: maxBytes, departments: departments,
                kinds: kinds, hierarchy: hierarchy, documents: documents, videoPattern: videoPattern,
                ruleLevels: levels, hash: Hashing.fnv1aHex(file.bytes))
            config.linkRootAliases = strings(root["link_root_aliases"], what: "link_root_aliases")
            config.archive = globs(root["archive"], what: "archive")
            config.masterLists = masters
            readOptions(root, into: &config, prefixes: seenPrefixes)
            readPhases(root, into: &config)
            return config
        }

        /// The YAML document, which must be a mapping.
        mutating func parseRoot() -> Node? {
            switch YAMLReader.parse(file.text, lines: file.lines) {
            case .failure(let f):
                diagnostics.append(
                    Diagnostic(
                        code: ConfigLoader.code, severity: .error,
                        message: "configuration is not valid YAML: \(f.message)",
                        at: file.location(line: f.line, column: f.column)))
                return nil
            case .success(let n):
                guard let n, n.members != nil else {
                    error("the configuration must be a mapping of keys (roots, kinds, ...)", at: 0)
                    return nil
                }
                return n
            }
        }

        /// `roots:` (the library itself when empty); none may leave the library.
        mutating func readRoots(_ root: Node) -> [String] {
            var roots = strings(root["roots"], what: "roots")
            for (i, r) in roots.enumerated() where ConfigLoader.leavesLibrary(r) {
                error(
                    "root '\(r)' is outside the library: roots are folders below the one holding taxonomy.yaml",
                    at: root["roots"]?.array?[i].offset ?? root["roots"]?.offset ?? 0)
            }
            if roots.isEmpty { roots = ["."] }
            return roots
        }

        /// `departments:` codes with their names and aliases.
        mutating func readDepartments(_ root: Node) -> [Department] {
            var departments: [Department] = []
            if let deps = root["departments"] {
                if let members = deps.members {
                    for m in members {
                        var name = m.key
                        var aliases: [String] = []
                        var names: [String] = []
                        if let s = m.node.string {
                            name = s
                        } else if m.node.members != nil {
                            checkKeys(m.node, allowed: ["name", "aliases", "names"], context: "department \(m.key)")
                            name = m.node["name"]?.string ?? m.key
                            aliases = strings(m.node["aliases"], what: "aliases of \(m.key)")
                            names = strings(m.node["names"], what: "names of \(m.key)")
                        } else if case .null = m.node.value {
                        } else {
                            error(
                                "department \(m.key) must be a name or a mapping with name, aliases and names",
                                at: m.node.offset)
                        }
                        if !Department.isCode(m.key) {
                            error("department code '\(m.key)' must be 2 to 6 capital letters", at: m.keyOffset)
                        }
                        departments.append(Department(code: m.key, name: name, aliases: aliases, names: names))
                    }
                } else {
                    error("departments must be a mapping of codes", at: deps.offset)
                }
            }
            return departments
        }

        /// `kinds:`; every link target must be a declared kind.
        mutating func readKinds(_ root: Node) -> [Kind] {
            var kinds: [Kind] = []
            var linkTargets: [(String, Int)] = []
            if let ks = root["kinds"] {
                if let members = ks.members {
                    for m in members {
                        if let k = readKind(m, targets: &linkTargets) { kinds.append(k) }
                    }
                } else {
                    error("kinds must be a mapping of kind names", at: ks.offset)
                }
            }
            let kindNames = kinds.map(\.name)
            for (t, off) in linkTargets where !kindNames.contains(t) {
                error(
                    "unknown kind '\(t)'", at: off,
                    hint: NearMiss.hint(for: t, in: kindNames) ?? "declared kinds: " + kindNames.joined(separator: ", ")
                )
            }
            return kinds
        }

        /// Prefix -> kind name; a prefix two kinds use is an error.
        mutating func prefixes(of kinds: [Kind]) -> [String: String] {
            var seenPrefixes: [String: String] = [:]
            for k in kinds {
                for p in k.allPrefixes {
                    if let other = seenPrefixes[p], other != k.name {
                        error("prefix '\(p)' is used by kinds '\(other)' and '\(k.name)'", at: 0)
                    }
                    seenPrefixes[p] = k.name
                }
            }
            return seenPrefixes
        }

        /// `hierarchy:`: kind names, in order.
        mutating func readHierarchy(_ root: Node, kindNames: [String]) -> [String] {
            var hierarchy: [String] = []
            if let h = root["hierarchy"] {
                for (i, name) in strings(h, what: "hierarchy").enumerated() {
                    let off = h.array?[i].offset ?? h.offset
                    if !kindNames.contains(name) {
                        error(
                            "unknown kind '\(name)' in hierarchy", at: off,
                            hint: NearMiss.hint(for: name, in: kindNames))
                    }
                    hierarchy.append(name)
                }
            }
            return hierarchy
        }

        /// `documents:` types; their scoped prefixes must be kinds' prefixes.
        mutating func readDocuments(_ root: Node, prefixes seenPrefixes: [String: String]) -> [DocumentType] {
            var documents: [DocumentType] = []
            if let ds = root["documents"] {
                if ds.members == nil { error("documents must be a mapping of document types", at: ds.offset) }
                for m in ds.members ?? [] {
                    checkKeys(m.node, allowed: Reader.docKeys, context: "document type \(m.key)")
                    var doc = DocumentType(
                        name: m.key, files: globs(m.node["files"], what: "files of \(m.key)"),
                        scopeHeading: m.node["scope_heading"]?.string,
                        checkMentions: bool(m.node["check_mentions"], what: "check_mentions", default: true))
                    doc.freeTextReferences = bool(
                        m.node["free_text_references"], what: "free_text_references", default: true)
                    doc.scopedPrefixes = strings(m.node["scoped_prefixes"], what: "scoped_prefixes")
                    for p in doc.scopedPrefixes where seenPrefixes[p] == nil {
                        error(
                            "scoped prefix '\(p)' of document type \(m.key) is no kind's prefix",
                            at: m.node["scoped_prefixes"]!.offset,
                            hint: NearMiss.hint(for: p, in: seenPrefixes.keys.sorted()))
                    }
                    documents.append(doc)
                }
            }
            return documents
        }

        /// `video_pattern:`, a regular expression.
        mutating func readVideoPattern(_ root: Node) -> String {
            var videoPattern = "Video_[0-9]{2,4}"
            if let v = root["video_pattern"] {
                if let s = v.string {
                    if (try? NSRegularExpression(pattern: s)) == nil {
                        error("video_pattern '\(s)' is not a valid regular expression", at: v.offset)
                    } else {
                        videoPattern = s
                    }
                } else {
                    error("video_pattern must be a string", at: v.offset)
                }
            }
            return videoPattern
        }

        /// `master_lists:`.
        mutating func readMasterLists(_ root: Node, kindNames: [String]) -> [MasterList] {
            var masters: [MasterList] = []
            if let ms = root["master_lists"] {
                if ms.array == nil { error("master_lists must be a list", at: ms.offset) }
                for m in ms.array ?? [] {
                    guard m.members != nil else { error("each master list must be a mapping", at: m.offset); continue }
                    checkKeys(m, allowed: Reader.masterKeys, context: "master list")
                    guard let kind = m["kind"]?.string, let idc = m["id_column"]?.string else {
                        error("a master list needs 'kind' and 'id_column'", at: m.offset)
                        continue
                    }
                    if !kindNames.contains(kind) {
                        error(
                            "unknown kind '\(kind)'", at: m["kind"]!.offset,
                            hint: NearMiss.hint(for: kind, in: kindNames))
                    }
                    masters.append(
                        MasterList(
                            files: globs(m["files"], what: "files of a master list"), kind: kind, idColumn: idc,
                            nameColumn: m["name_column"]?.string, pathColumn: m["path_column"]?.string,
                            currentIDColumn: m["current_id_column"]?.string, pathPrefix: m["path_prefix"]?.string))
                }
            }
            return masters
        }

        /// `overrides:`: a list of {files, rules}, rules by code, name or family.
        mutating func readOverrides(_ ov: Node) -> [RuleOverride] {
            var out: [RuleOverride] = []
            for item in ov.array ?? [] {
                guard item.members != nil else {
                    error("each override must be a mapping with files and rules", at: item.offset); continue
                }
                checkKeys(item, allowed: ["files", "rules"], context: "override")
                let files = globs(item["files"], what: "files of an override")
                if files.isEmpty { error("an override needs 'files'", at: item.offset) }
                out.append(
                    RuleOverride(
                        files: files, levels: ruleLevels(item["rules"], what: "rules of an override"),
                        location: file.location(item.offset)))
            }
            if ov.array == nil { error("overrides must be a list of {files, rules}", at: ov.offset) }
            return out
        }

        /// `roles:`: role -> kind name (null: no kind plays it).
        mutating func readRoles(_ r: Node, kinds: [Kind], into roles: inout [Role: String]) {
            for m in r.members ?? [] {
                guard let role = Role(rawValue: m.key) else {
                    let names = Role.allCases.map(\.rawValue)
                    error(
                        "unknown role '\(m.key)'", at: m.keyOffset,
                        hint: NearMiss.hint(for: m.key, in: names) ?? "roles: " + names.joined(separator: ", "))
                    continue
                }
                if case .null = m.node.value { roles[role] = ""; continue }
                guard let name = m.node.string else {
                    error("role \(m.key) must name a kind (or be null)", at: m.node.offset); continue
                }
                if !kinds.contains(where: { $0.name == name }) {
                    let kindNames = kinds.map(\.name)
                    error(
                        "unknown kind '\(name)' for role \(m.key)", at: m.node.offset,
                        hint: NearMiss.hint(for: name, in: kindNames) ?? "declared kinds: "
                            + kindNames.joined(separator: ", "))
                    continue
                }
                roles[role] = name
            }
            if r.members == nil { error("roles must be a mapping of role to kind name", at: r.offset) }
        }

        /// The optional keys: proposal markers, ignored prefixes, code blocks, overrides, roles, baseline,
        /// inactive statuses.
        mutating func readOptions(_ root: Node, into config: inout Config, prefixes seenPrefixes: [String: String]) {
            if let pm = root["proposal_markers"] {
                config.proposalMarkers = strings(pm, what: "proposal_markers").map { $0.lowercased() }.filter {
                    !$0.isEmpty
                }
            }
            if let ip = root["ignore_prefixes"] {
                config.ignorePrefixes = strings(ip, what: "ignore_prefixes")
                for (i, p) in config.ignorePrefixes.enumerated() where !isPrefix(p) {
                    error(
                        "prefix '\(p)' in ignore_prefixes must be 1 to 12 capital letters or digits, starting with a letter",
                        at: ip.array?[i].offset ?? ip.offset)
                }
                for p in config.ignorePrefixes where seenPrefixes[p] != nil {
                    error(
                        "prefix '\(p)' is declared by kind '\(seenPrefixes[p]!)' and cannot be ignored", at: ip.offset)
                }
            }
            config.checkCodeBlocks = choice(
                root["code_blocks"], what: "code_blocks", options: ["skip": false, "check": true], default: false)
            if let ov = root["overrides"] { config.overrides = readOverrides(ov) }
            if let r = root["roles"] { readRoles(r, kinds: config.kinds, into: &config.roles) }
            if let b = root["baseline"] {
                if let s = b.string { config.baseline = s } else { error("baseline must be a file path", at: b.offset) }
            }
            if let st = root["inactive_statuses"] {
                config.inactiveStatuses = strings(st, what: "inactive_statuses").map { $0.lowercased() }.filter {
                    !$0.isEmpty
                }
            }
            if let dw = root["department_words"] { readDepartmentWords(dw, into: &config.departmentWords) }
        }

        /// `department_words: { all: [...], none: [...] }`: either list replaces its default.
        mutating func readDepartmentWords(_ node: Node, into words: inout Config.DepartmentWords) {
            guard let members = node.members else {
                error("department_words must be a mapping with the lists 'all' and 'none'", at: node.offset)
                return
            }
            for m in members {
                let list = strings(m.node, what: "department_words." + m.key).map {
                    $0.trimmingSpaces().lowercased()
                }.filter { !$0.isEmpty }
                switch m.key {
                case "all": words.all = list
                case "none": words.none = list
                default:
                    error(
                        "unknown key '\(m.key)' in department_words", at: m.keyOffset,
                        hint: NearMiss.hint(for: m.key, in: ["all", "none"])
                            ?? "department_words takes 'all' and 'none'")
                }
            }
        }

        /// `phases:` of the video workflow.
        mutating func readPhases(_ root: Node, into config: inout Config) {
            if let ps = root["phases"] {
                var phases: [Phase] = []
                if ps.array == nil { error("phases must be a list of phases", at: ps.offset) }
                for (i, p) in (ps.array ?? []).enumerated() {
                    guard p.members != nil else { error("each phase must be a mapping", at: p.offset); continue }
                    checkKeys(
                        p, allowed: ["number", "name", "optional", "artifacts", "integration_fields"], context: "phase")
                    guard let name = p["name"]?.string else { error("a phase needs a name", at: p.offset); continue }
                    let arts = strings(p["artifacts"], what: "artifacts")
                    for (k, a) in arts.enumerated() where !a.contains("{video}") || ConfigLoader.leavesLibrary(a) {
                        error(
                            a.contains("{video}")
                                ? "artifact pattern '\(a)' is outside the library"
                                : "artifact pattern '\(a)' has no {video}",
                            at: p["artifacts"]?.array?[k].offset ?? p.offset)
                    }
                    phases.append(
                        Phase(
                            number: int(p["number"], what: "number", default: i + 1), name: name,
                            optional: bool(p["optional"], what: "optional", default: false), artifacts: arts,
                            integrationFields: strings(p["integration_fields"], what: "integration_fields")))
                }
                config.phases = phases
            }
        }

        /// A mapping of rule codes, names or families to levels (`rules:`, and each override's `rules:`).
        mutating func ruleLevels(_ node: Node?, what: String) -> [String: Severity] {
            var levels: [String: Severity] = [:]
            guard let rs = node else { return levels }
            guard let members = rs.members else {
                error("\(what) must be a mapping of rules to levels", at: rs.offset); return levels
            }
            let known = RuleRegistry.all.flatMap { [$0.code, $0.name, $0.family] }
            for m in members {
                if !known.contains(m.key) {
                    error(
                        "unknown rule '\(m.key)'", at: m.keyOffset,
                        hint: NearMiss.hint(for: m.key, in: Array(Set(known)).sorted()))
                }
                if case .bool(false) = m.node.value { levels[m.key] = .off; continue }
                guard let s = m.node.string, let sev = Severity(configValue: s) else {
                    error(
                        "rule level must be error, warning, note (or info) or off", at: m.node.offset,
                        hint: NearMiss.hint(for: m.node.string ?? "", in: ["error", "warning", "note", "info", "off"]))
                    continue
                }
                levels[m.key] = sev
            }
            return levels
        }

        mutating func readKind(_ m: Member, targets: inout [(String, Int)]) -> Kind? {
            let n = m.node
            guard n.members != nil else { error("kind \(m.key) must be a mapping", at: n.offset); return nil }
            checkKeys(n, allowed: Reader.kindKeys, context: "kind \(m.key)")
            guard let prefix = n["prefix"]?.string else {
                error("kind \(m.key) needs a prefix", at: m.keyOffset, hint: "add 'prefix: ABC'")
                return nil
            }
            let alt = strings(n["alternate_prefixes"], what: "alternate_prefixes")
            for p in [prefix] + alt where !isPrefix(p) {
                error(
                    "prefix '\(p)' must be 1 to 12 capital letters or digits, starting with a letter",
                    at: n["prefix"]?.offset ?? n.offset)
            }
            let (digits, maxDigits) = readDigits(n)
            let caseSensitive = choice(
                n["legacy_case"], what: "legacy_case", options: ["insensitive": false, "sensitive": true],
                default: false)
            var kind = Kind(
                name: m.key, prefix: prefix, alternatePrefixes: alt, department: readDepartmentSegment(n),
                minDigits: max(1, digits), maxDigits: max(digits, maxDigits),
                files: globs(n["files"], what: "files of \(m.key)"),
                records: fieldPath(n["records"], what: "records", example: "objects[]"),
                idFields: strings(n["id_fields"], what: "id_fields").nonEmpty ?? ["id"],
                nameFields: strings(n["name_fields"], what: "name_fields").nonEmpty ?? ["name"],
                legacyIdFields: strings(n["legacy_id_fields"], what: "legacy_id_fields"),
                legacyPatterns: legacyPatterns(n["legacy_patterns"], caseSensitive: caseSensitive),
                idFromFilename: bool(n["id_from_filename"], what: "id_from_filename", default: false),
                links: readLinks(n["links"], of: m.key, targets: &targets),
                scoped: bool(n["scoped"], what: "scoped", default: false))
            kind.legacyCaseSensitive = caseSensitive
            if let sg = n["segments"] {
                let v = int(sg, what: "segments", default: 1)
                if (1...4).contains(v) { kind.segments = v } else { error("segments must be 1 to 4", at: sg.offset) }
            }
            if let fk = n["file_kind"] {
                if let s = fk.string {
                    kind.fileKind = s; targets.append((s, fk.offset))
                } else {
                    error("file_kind must be a kind name", at: fk.offset)
                }
            }
            kind.freeTextReferences = bool(n["free_text_references"], what: "free_text_references", default: true)
            kind.children = fieldPath(n["children"], what: "children", example: "steps[]")
            if let em = n["embedded"] { kind.embedded = readEmbedded(em, of: m.key) }
            kind.schema = readSchema(n, of: m.key)?.admitting(kind)
            return kind
        }

        /// `department: none | optional | required | free` (default optional).
        mutating func readDepartmentSegment(_ n: Node) -> DepartmentSegment {
            guard let d = n["department"] else { return .optional }
            if let s = d.string, let v = DepartmentSegment(rawValue: s) { return v }
            error(
                "department must be none, optional, required or free", at: d.offset,
                hint: NearMiss.hint(for: d.string ?? "", in: ["none", "optional", "required", "free"]))
            return .optional
        }

        /// `digits` (default 3) and `max_digits` (default 9), each 1 to the grammar's limit.
        mutating func readDigits(_ n: Node) -> (Int, Int) {
            var digits = int(n["digits"], what: "digits", default: 3)
            var maxDigits = int(n["max_digits"], what: "max_digits", default: 9)
            if !(1...IDGrammar.digitLimit).contains(digits) {
                error("digits must be 1 to \(IDGrammar.digitLimit)", at: n["digits"]?.offset ?? n.offset)
                digits = 3
            }
            if !(1...IDGrammar.digitLimit).contains(maxDigits) {
                error("max_digits must be 1 to \(IDGrammar.digitLimit)", at: n["max_digits"]?.offset ?? n.offset)
                maxDigits = 9
            }
            return (digits, maxDigits)
        }

        /// A field path setting (`records: objects[]`); nil when absent or invalid (an error).
        mutating func fieldPath(_ node: Node?, what: String, example: String) -> FieldPath? {
            guard let node else { return nil }
            if let s = node.string, let p = FieldPath(s) { return p }
            error("\(what) must be a field path such as '\(example)'", at: node.offset)
            return nil
        }

        /// One of a few words, each standing for a value (the first is the default); an error naming them
        /// otherwise.
        mutating func choice<T>(_ node: Node?, what: String, options: KeyValuePairs<String, T>, default fallback: T)
            -> T
        {
            guard let node else { return fallback }
            if let s = node.string, let v = options.first(where: { $0.key == s })?.value { return v }
            let words = options.map(\.key)
            let listed = words.enumerated().map { i, w in i == 0 ? "'\(w)' (the default)" : "'\(w)'" }
            error(
                "\(what) must be " + listed.joined(separator: " or "), at: node.offset,
                hint: NearMiss.hint(for: node.string ?? "", in: words))
            return fallback
        }

        /// `links:` of a kind: field path -> target kind, or a mapping with target, many, acyclic, local, by.
        mutating func readLinks(_ ls: Node?, of kind: String, targets: inout [(String, Int)]) -> [LinkField] {
            guard let ls else { return [] }
            if ls.members == nil {
                error("links of \(kind) must be a mapping of field paths to target kinds", at: ls.offset)
            }
            var links: [LinkField] = []
            for lm in ls.members ?? [] {
                if let link = readLink(lm, targets: &targets) { links.append(link) }
            }
            return links
        }

        mutating func readLink(_ lm: Member, targets: inout [(String, Int)]) -> LinkField? {
            guard let path = FieldPath(lm.key) else {
                error("invalid field path '\(lm.key)'", at: lm.keyOffset); return nil
            }
            var target: String?
            var many = lm.key.contains("[]")
            var acyclic = false, local = false, byPath = false, byName = true
            if let s = lm.node.string {
                target = s; targets.append((s, lm.node.offset))
            } else if lm.node.members != nil {
                checkKeys(lm.node, allowed: Reader.linkKeys, context: "link \(lm.key)")
                if let t = lm.node["target"]?.string {
                    target = t; targets.append((t, lm.node["target"]!.offset))
                }
                many = bool(lm.node["many"], what: "many", default: many)
                acyclic = bool(lm.node["acyclic"], what: "acyclic", default: false)
                local = bool(lm.node["local"], what: "local", default: false)
                let by = choice(lm.node["by"], what: "by", options: ["name": 1, "id": 0, "path": 2], default: 1)
                (byPath, byName) = (by == 2, by == 1)
            }
            guard let target else { error("link \(lm.key) needs a target kind", at: lm.node.offset); return nil }
            var link = LinkField(path: path, target: target, many: many, acyclic: acyclic)
            (link.local, link.byPath, link.byName) = (local, byPath, byName && !local)
            return link
        }

        /// `embedded:` sources of a kind's records inside other files (files and a records path each).
        mutating func readEmbedded(_ em: Node, of kind: String) -> [EmbeddedRecords] {
            var out: [EmbeddedRecords] = []
            for item in em.array ?? [em] {
                guard item.members != nil else {
                    error("each embedded source must be a mapping with files and records", at: item.offset)
                    continue
                }
                checkKeys(item, allowed: ["files", "records"], context: "embedded records of \(kind)")
                guard let r = item["records"]?.string, let path = FieldPath(r) else {
                    error("embedded records need 'records', a field path such as 'milestones[]'", at: item.offset)
                    continue
                }
                out.append(
                    EmbeddedRecords(files: globs(item["files"], what: "files of embedded records"), records: path))
            }
            return out
        }

        mutating func legacyPatterns(_ node: Node?, caseSensitive: Bool = false) -> [LegacyPattern] {
            guard let node else { return [] }
            var out: [LegacyPattern] = []
            for item in node.array ?? [node] {
                guard let s = item.string else { error("legacy_patterns must hold strings", at: item.offset); continue }
                if let p = LegacyPattern(s, caseSensitive: caseSensitive) {
                    out.append(p)
                } else {
                    error(
                        "invalid legacy pattern '\(s)'", at: item.offset,
                        hint:
                            "write literal text with {n} for the number and {a} for a letter segment, e.g. 'Task-Template-{n}'"
                    )
                }
            }
            return out
        }

        func isPrefix(_ s: String) -> Bool {
            guard let f = s.unicodeScalars.first, ("A"..."Z").contains(f), s.count <= 12 else { return false }
            return s.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}

extension Array {
    var nonEmpty: Self? { isEmpty ? nil : self }
}
