/// The names a library gives its departments, to read a department field written as a name
/// (`"department": "Developers"`, `"Managers (HR)"`) as its code: the configuration's names and those of the
/// library's department records (a record's code, name, full name ... are its aliases), compared by their
/// words without order, case, plural `s` or filler words (`AI & Automations Department` = `AI automation`).
/// A name two departments share names neither.
public struct DepartmentNames: Sendable {
    private var codes: [String: String] = [:]
    /// Department fields as written in the library -> code ("" for none).
    private var written: [String: String] = [:]

    init(config: Config, grammar: IDGrammar, entities: [Entity]) {
        var found: [String: Set<String>] = [:]
        func add(_ name: String, _ code: String) {
            let k = DepartmentNames.key(name)
            if !k.isEmpty { found[k, default: []].insert(code) }
        }
        for d in config.departments { for n in [d.name] + d.names { add(n, d.code) } }
        let kind = config.kindIndex(role: .department)
        if let kind {
            for e in entities where e.kind == kind {
                guard let code = DepartmentNames.recordCode(e, grammar: grammar) else { continue }
                for n in [e.name].compactMap({ $0 }) + e.aliases { add(n, code) }
            }
        }
        for (k, cs) in found where cs.count == 1 { codes[k] = cs.first }
        // The department fields the library holds, looked up once each (pages ask for them by the thousand).
        for e in entities {
            guard let v = e.department, written[v] == nil else { continue }
            written[v] = codes[DepartmentNames.key(v)] ?? ""
        }
    }

    /// A department record's code: the first of its names and aliases that is a configured code or alias.
    static func recordCode(_ e: Entity, grammar: IDGrammar) -> String? {
        ([e.name].compactMap { $0 } + e.aliases).lazy.compactMap { grammar.canonicalDepartment($0.uppercased()) }
            .first
    }

    /// The code a department name stands for, or nil.
    public func code(for name: String) -> String? {
        if let known = written[name] { return known.isEmpty ? nil : known }
        return codes[DepartmentNames.key(name)]
    }

    /// The codes of the departments one of whose names holds every word of a value (`Video` is in `Video
    /// Production`), sorted.
    public func codes(withNameContaining value: String) -> [String] {
        let words = DepartmentNames.key(value).split(separator: " ")
        guard !words.isEmpty else { return [] }
        var out = Set<String>()
        for (key, code) in codes where !out.contains(code) {
            let have = Set(key.split(separator: " "))
            if words.allSatisfy(have.contains) { out.insert(code) }
        }
        return out.sorted()
    }

    static let filler: Set<String> = ["department", "dept", "team", "and", "the", "of"]

    /// A name's words, lowercased, singular, without filler words, sorted.
    static func key(_ name: String) -> String {
        var words: [String] = []
        for w in name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            var word = String(w)
            if filler.contains(word) { continue }
            if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { word.removeLast() }
            words.append(word)
        }
        return words.sorted().joined(separator: " ")
    }
}
