import Foundation

/// The departments a library's own department records declare (`{"department_id": "DPT-009", "code": "FIN",
/// "name": "Finance Managers", "full_name": "Finance & Accounting"}` in the departments master).
///
/// With no `taxonomy.yaml`, the built-in configuration's department list is a guess made for the seeds'
/// library; the library's own master is better evidence. So the built-in configuration takes the records'
/// departments as declared: a code it does not know becomes a department (or an alias of the configured
/// department that has the record's name), and the record's other names become names a department link may
/// use. A library's own `taxonomy.yaml` is the authority and is never changed this way (TAX0106's hint then
/// points at the record instead); `taxo init` writes what the records declare into the file it proposes.
public enum DepartmentRecords {
    /// One department record: its code, its names (the first is its name) and where it is.
    public struct Found: Sendable, Equatable {
        public var code: String
        public var names: [String]
        public var id: String?
        public var file: String
    }

    /// The most files read: a departments master is one file or a handful.
    static let maxFiles = 64

    /// The department records among the files the department kind's globs take, read from the library at `root`.
    public static func read(root: String, config: Config) -> [Found] {
        guard let kind = config.kindIndex(role: .department) else { return [] }
        let globs = config.kinds[kind].files
        var files: [(path: String, bytes: [UInt8])] = []
        var seen = Set<String>()
        for base in Set(globs.flatMap(\.literalDirectories)).sorted() {
            guard let walker = FileManager.default.enumerator(atPath: root + "/" + base) else { continue }
            while let rel = walker.nextObject() as? String, files.count < maxFiles {
                let path = base.isEmpty ? rel : base + "/" + rel
                guard !seen.contains(path), globs.contains(where: { $0.matches(path) }), !config.isExcluded(path),
                    !config.looksArchived(path), Discovery.format(of: path) != nil
                else { continue }
                seen.insert(path)
                guard let bytes = FileReader.read(root + "/" + path), bytes.count <= config.maxFileBytes else {
                    continue
                }
                files.append((path, bytes))
            }
        }
        return found(in: files.sorted { $0.path < $1.path }, config: config)
    }

    /// The department records in some files (path relative to the library root, content).
    public static func found(in files: [(path: String, bytes: [UInt8])], config: Config) -> [Found] {
        guard let kind = config.kindIndex(role: .department) else { return [] }
        let processor = FileProcessor(config: config, grammar: IDGrammar(config: config), keepContent: false)
        var out: [Found] = []
        var codes = Set<String>()
        for f in files {
            guard let format = Discovery.format(of: f.path) else { continue }
            for e in processor.process(path: f.path, format: format, bytes: f.bytes).entities where e.kind == kind {
                let all = [e.name].compactMap { $0 } + e.aliases
                guard let code = all.first(where: Department.isCode), !codes.contains(code) else { continue }
                codes.insert(code)
                out.append(Found(code: code, names: all.filter { $0 != code }, id: e.rawID, file: f.path))
            }
        }
        return out
    }

    /// The configuration with the records' departments declared: an unknown code becomes a department, or an
    /// alias of the configured department one of its names names; every record's names become names of its
    /// department. The hash changes with what was added (caches made without it are not reused).
    public static func declaring(_ found: [Found], in config: Config) -> Config {
        guard !found.isEmpty else { return config }
        var c = config
        var added: [String] = []
        for r in found {
            let lowered = Set(r.names.map { $0.lowercased() })
            let j: Int
            if let known = c.departments.firstIndex(where: { $0.code == r.code || $0.aliases.contains(r.code) }) {
                j = known
            } else if let named = c.departments.firstIndex(where: { d in
                ([d.name] + d.names).contains { lowered.contains($0.lowercased()) }
            }) {
                j = named
                c.departments[j].aliases.append(r.code)
                added.append(r.code)
            } else {
                j = c.departments.count
                c.departments.append(Department(code: r.code, name: r.names.first ?? r.code, aliases: []))
                added.append(r.code)
            }
            for n in r.names where !([c.departments[j].name] + c.departments[j].names).contains(n) {
                c.departments[j].names.append(n)
                added.append(r.code + "=" + n)
            }
        }
        if !added.isEmpty { c.hash = Hashing.fnv1aHex(Array((c.hash + "\n" + added.joined(separator: "\n")).utf8)) }
        return c
    }
}
