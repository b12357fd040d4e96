import Foundation

/// What `taxo init` reads off a library before proposing its configuration: every JSON, YAML and Markdown file
/// under the root (the base configuration's excludes kept), each record's own ID as written and the key that
/// holds it, the ID a file name starts with, and which kind each belongs to as far as the base configuration
/// can tell.
struct LibrarySurvey {
    /// One record: its own-ID key and value, and the keys holding a non-empty string (for name fields).
    struct Record {
        var key: String
        var value: String
        var stringKeys: [String]
        /// Fields whose values may be IDs (`tools_required[]`, `parent_task.task_id`): each value's first word.
        var fields: [(path: String, values: [String])] = []
        /// The kind it is attributed to (index into the base kinds, or a new kind's index past them).
        var kind: Int?
    }

    struct File {
        var path: String
        var format: DiscoveredFile.Format
        /// The token a file name starts with (`TST-072` of `TST-072_Write.json`, `Step-Template-155`), if ID-like.
        var nameToken: String?
        var records: [Record] = []
        /// The own ID a Markdown file of a kind's files writes in a header field (`| Step ID | DESIGN-001-01 |`),
        /// with the kind the base configuration gives the file.
        var markdownOwnID: (kind: Int, value: String)?
        var dir: String { path.split(separator: "/").dropLast().joined(separator: "/") }
        var ext: String {
            switch format {
            case .json: return "json"
            case .yaml: return path.hasSuffix(".yml") ? "yml" : "yaml"
            case .markdown: return "md"
            case .csv: return "csv"
            }
        }
    }

    var files: [File] = []
    /// Keys that hold a record's own ID in the base configuration (normalised): every kind's `id_fields`, and `id`.
    let ownKeys: Set<String>

    init(root: String, base: Config) {
        ownKeys = Set(base.kinds.flatMap { $0.idFields.map(FieldKey.normalize) } + ["id"])
        var walk = base
        walk.roots = ["."]
        let found = Discovery.discover(root: root, config: walk).files.filter {
            $0.format != .csv && $0.path != "taxonomy.yaml"
        }
        let keys = ownKeys
        files = Parallel.map(found, minimum: 16) { f in
            LibrarySurvey.read(f, ownKeys: keys, base: base)
        }
    }

    /// The own ID in a Markdown file's header fields, when the base configuration gives the file to a kind.
    static func markdownOwnID(_ d: DiscoveredFile, base: Config) -> (kind: Int, value: String)? {
        guard let k = base.kindIndex(forPath: d.path), let raw = FileReader.read(d.absolutePath) else { return nil }
        let src = SourceFile(path: d.path, rawBytes: raw)
        let keys = base.kinds[k].idFields.map(FieldKey.normalize)
        let fields = HeaderFields.extract(src, syntax: MarkdownParser.parse(src), frontMatter: nil)
        for key in keys {
            if let f = fields.first(where: { $0.normalizedKey == key }) {
                let v = f.value.trimmingSpaces()
                return v.isEmpty || v.utf8.count > 60 ? nil : (k, v)
            }
        }
        return nil
    }

    /// A file's records (JSON and YAML) and its name's leading token.
    static func read(_ d: DiscoveredFile, ownKeys: Set<String>, base: Config) -> File {
        var file = File(path: d.path, format: d.format, nameToken: nameToken(of: d.path))
        if d.format == .markdown {
            file.markdownOwnID = markdownOwnID(d, base: base)
            return file
        }
        guard d.format == .json || d.format == .yaml, let raw = FileReader.read(d.absolutePath) else { return file }
        let src = SourceFile(path: d.path, rawBytes: raw)
        let node: Node?
        if d.format == .json {
            node = try? JSONParser.parse(src.bytes).get()
        } else {
            node = (try? YAMLReader.parse(src.text, lines: src.lines).get()) ?? nil
        }
        guard let node else { return file }
        file.records = records(in: node, ownKeys: ownKeys)
        return file
    }

    /// The records of a parsed file: the top-level object when it has an own-ID key, else the objects of its
    /// arrays (`objects[]`, `data[]`) or of a top-level array that have one.
    static func records(in node: Node, ownKeys: Set<String>) -> [Record] {
        RecordCandidates.first(in: node) { record($0, ownKeys: ownKeys) }.records
    }

    /// A record's own ID: the first member under a known own-ID key, else one of the first three members whose
    /// key ends in `id` (`capability_id`) and holds a string.
    static func record(_ node: Node, ownKeys: Set<String>) -> Record? {
        guard let members = node.members else { return nil }
        let own =
            members.first { ownKeys.contains(FieldKey.normalize($0.key)) && $0.node.string != nil }
            ?? members.prefix(3).first {
                let k = FieldKey.normalize($0.key)
                return k.count > 2 && k.hasSuffix("id") && !k.hasPrefix("parent") && $0.node.string != nil
            }
        guard let own, let value = own.node.string?.trimmingSpaces(), !value.isEmpty, value.utf8.count <= 60
        else { return nil }
        let strings = members.compactMap { m -> String? in
            guard let s = m.node.string, !s.trimmingSpaces().isEmpty else { return nil }
            return m.key
        }
        var r = Record(key: own.key, value: value, stringKeys: strings)
        for m in members where m.key != own.key && plain(m.key) {
            if let s = m.node.string {
                r.add(m.key, [s])
            } else if let items = m.node.array {
                let strings = items.compactMap(\.string)
                if !strings.isEmpty { r.add(m.key + "[]", strings) }
                for item in items {
                    for sub in item.members ?? [] where plain(sub.key) && FieldKey.normalize(sub.key).hasSuffix("id") {
                        if let s = sub.node.string {
                            r.add(m.key + "[]." + sub.key, [s])
                        }
                    }
                }
            } else if let subs = m.node.members {
                for sub in subs where plain(sub.key) && FieldKey.normalize(sub.key).hasSuffix("id") {
                    if let s = sub.node.string {
                        r.add(m.key + "." + sub.key, [s])
                    }
                }
            }
        }
        return r
    }

    /// A key that can be a step of a field path (no dot or bracket in it).
    static func plain(_ key: String) -> Bool {
        !key.isEmpty && !key.contains(".") && !key.contains("[") && !key.contains("]")
    }

    /// The ID-like token a file name starts with: up to the first `_`, `.` or space, with a digit at its end.
    static func nameToken(of path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let token = name.prefix { $0 != "_" && $0 != "." && $0 != " " }
        guard token.contains("-"), token.last?.isASCIIDigit == true, token.first?.isLetter == true else { return nil }
        return String(token)
    }
}

extension LibrarySurvey.Record {
    /// Records a field's values by their first word (`TOL-112 (Dropbox Dash)` -> TOL-112), short ones only.
    mutating func add(_ path: String, _ values: [String]) {
        let words = values.compactMap { v -> String? in
            let w = v.trimmingSpaces().prefix { $0 != " " && $0 != "(" && $0 != "," && $0 != ";" }
            return w.isEmpty || w.count > 40 ? nil : String(w)
        }
        guard !words.isEmpty else { return }
        if let i = fields.firstIndex(where: { $0.path == path }) {
            fields[i].values += words
        } else {
            fields.append((path, words))
        }
    }
}
