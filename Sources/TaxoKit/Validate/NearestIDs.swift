/// The existing IDs a missing one may have meant, looked up in the ID table (so it costs the same in a library
/// of any size): one edit of its number (a digit changed, dropped, added or two swapped), or, when its
/// department segment is no department (`TOL-SCE-124`), the same ID in a department that has it
/// (`TOL-SEC-124`). The unknown department is said in the hint, once, not as a second error at the reference
/// (the declaration of an ID reports its own).
struct NearestIDs {
    let lib: Library
    /// What `lookUp` found per ID as written and label: a missing ID cited in thousands of documents is
    /// looked up once (the lookup is about 60 table probes and an edit distance per candidate).
    private var found: [String: (suggestions: [String], hint: String?)] = [:]
    /// The IDs one edit away per missing ID (`nearby`), loaded from the library's memo and added to.
    private var near: [String: [String]] = [:]
    /// How many `near` held when it was loaded from the memo.
    private var loaded = 0

    init(_ lib: Library) {
        self.lib = lib
        if let memo = lib.nearestMemo {
            near = memo.load(print: lib.nearestPrint)
            loaded = near.count
        }
    }

    /// Hands what this pass looked up to the library's memo, for the next compile (the first pass of a
    /// compile to finish adds its lookups; another's add those the memo lacks).
    func keep() {
        guard let memo = lib.nearestMemo, near.count > loaded else { return }
        memo.store(print: lib.nearestPrint, near: near)
    }

    /// The IDs one edit away of missing IDs, kept from one compile to the next: the editor and `taxo mcp`
    /// compile again after every change, and a library with 35,000 dangling references spent a quarter of
    /// each keystroke's compile probing the table for the same IDs again. They hold while the library's IDs
    /// and configuration are those they were found in (`Library.nearestPrint`; names are left out of it, and
    /// the suggestions' names and the labels' agreement are looked at anew by each compile, so that typing
    /// in a name field keeps them); the compile that finds another print starts afresh.
    final class Memo: Sendable {
        private let state = Locked<(print: String, near: [String: [String]])>(("", [:]))

        init() {}

        func load(print: String) -> [String: [String]] { state.withLock { $0.print == print ? $0.near : [:] } }

        func store(print: String, near: [String: [String]]) {
            state.withLock { s in
                if s.print == print {
                    s.near.merge(near) { kept, _ in kept }
                } else {
                    s = (print, near)
                }
            }
        }
    }

    /// What the IDs one edit away depend on: the configuration (kinds, departments), and every entity's kind,
    /// ID key, ID as shown and file (whether the ID table takes it), in library order (the first entity of a
    /// key is the one suggested).
    static func print(_ lib: Library) -> String {
        var h = StreamHash()
        h.add(lib.config.hash)
        for e in lib.entities {
            h.add(e.kind); h.add(e.id?.key ?? ""); h.add(lib.displayID(e)); h.add(e.file)
        }
        return h.hex
    }

    /// `suggestions(for:)`, each missing ID (as written, of its kind) worked out once per memo.
    mutating func nearby(_ id: ParsedID) -> [String] {
        let key = id.written + "\u{0}" + String(id.kind)
        if let known = near[key] { return known }
        let made = suggestions(for: id)
        near[key] = made
        return made
    }

    /// The suggestions for a missing ID with the label written after it, and the hint saying them.
    mutating func lookUp(_ id: ParsedID, label: String?) -> (suggestions: [String], hint: String?) {
        let key = id.written + "\u{0}" + (label ?? "")
        if let f = found[key] { return f }
        let oneEdit = nearby(id)
        let suggested = suggestions(for: id, label: label, oneEdit: oneEdit)
        let f = (suggested, hint(for: id, suggestions: suggested))
        found[key] = f
        return f
    }

    /// Calls `body` with each number one edit away from `number` (ASCII digits): a digit changed, dropped,
    /// added, or two neighbours swapped; some more than once, never `number` itself. Bytes, no strings or
    /// sets: a library with many missing IDs looks up about 60 of these for each.
    static func forEachVariant(_ number: [UInt8], _ body: ([UInt8]) -> Void) {
        var v = number
        for i in number.indices {
            for c in UInt8(ascii: "0")...UInt8(ascii: "9") where c != number[i] {
                v[i] = c
                body(v)
            }
            v[i] = number[i]
            if number.count > 1 {
                v.remove(at: i)
                body(v)
                v.insert(number[i], at: i)
            }
            if i + 1 < number.count, number[i] != number[i + 1] {
                v.swapAt(i, i + 1)
                body(v)
                v.swapAt(i, i + 1)
            }
        }
        for i in 0...number.count {
            for c in UInt8(ascii: "0")...UInt8(ascii: "9") {
                v.insert(c, at: i)
                body(v)
                v.remove(at: i)
            }
        }
    }

    /// At most three IDs the missing one may have meant, given the label written after it (`SKL-006 (API
    /// Configuration)`): the entities of its kind named so, then the IDs one edit away whose entity's name
    /// agrees with the label. An ID one edit away whose entity is named otherwise is no suggestion: the label
    /// says the writer meant something else. Without a label (or with a remark such as `(missing)`), the IDs
    /// one edit away.
    func suggestions(for id: ParsedID, label: String?, oneEdit: [String]? = nil) -> [String] {
        let oneEdit = oneEdit ?? suggestions(for: id)
        guard let label = NearestIDs.name(in: label, id: id) else { return oneEdit }
        var out = lib.entities(kind: id.kind, named: label).map { lib.displayID(lib.entities[$0]) }
        for s in oneEdit where !out.contains(s) {
            if let name = name(of: s), Labels.agrees(label, name) { out.append(s) }
        }
        return Array(out.prefix(3))
    }

    /// The label as a name to look up: not a remark about the entity's state or a sentence (`WRF-003: Can be
    /// combined with video generation`), nor text holding the ID.
    static func name(in label: String?, id: ParsedID) -> String? {
        guard let l = label?.trimmingSpaces(), !l.isEmpty, !Labels.isStatusRemark(l), !l.contains(id.written),
            !GapNames.isSentence(l), !Labels.normalized(l).isEmpty
        else { return nil }
        return l
    }

    /// The name of the entity a suggestion (an ID as the library displays it) names, when it has one.
    func name(of suggestion: String) -> String? {
        let key: String
        switch lib.grammar.check(suggestion) {
        case .valid(let p), .legacy(let p): key = p.key
        default: key = suggestion
        }
        guard let e = lib.table[key]?.first, let name = lib.entities[e].name, !name.isEmpty else { return nil }
        return name
    }

    /// At most three IDs, closest to the one written first: one edit of its number, else (for an unknown
    /// department segment) the same number in the departments that have it.
    func suggestions(for id: ParsedID) -> [String] {
        guard !id.legacy, id.number.count <= 12, let dash = id.key.lastIndex(of: "-") else { return [] }
        let base = id.key[..<dash]
        var found: [String: Int] = [:]
        func look(_ key: String) {
            guard let e = lib.table[key]?.first else { return }
            let written = lib.displayID(lib.entities[e])
            if found[written] == nil { found[written] = NearMiss.distance(id.written, written) }
        }
        // Keys as the table holds them: the base, a dash, the number without leading zeros.
        var key = Array(base.utf8) + [UInt8(ascii: "-")]
        let stem = key.count
        NearestIDs.forEachVariant(Array(id.number.utf8)) { v in
            var s = 0
            while s + 1 < v.count, v[s] == UInt8(ascii: "0") { s += 1 }
            key.removeSubrange(stem...)
            key.append(contentsOf: v[s...])
            look(String(decoding: key, as: UTF8.self))
        }
        if found.isEmpty, unknownDepartment(id) != nil {
            let number = id.key[id.key.index(after: dash)...]
            let prefix = lib.config.kinds[id.kind].prefix
            for code in lib.grammar.canonicalDepartmentCodes { look(prefix + "-" + code + "-" + number) }
        }
        return found.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }.prefix(3).map(\.key)
    }

    /// The department segment of an ID that is no department code or alias, if it has one.
    func unknownDepartment(_ id: ParsedID) -> String? {
        guard !id.legacy, let dept = id.department, id.canonicalDepartment == nil else { return nil }
        return dept
    }

    /// "did you mean ...?" for the suggestions, and that the ID's department segment is no department.
    func hint(for id: ParsedID, suggestions: [String]) -> String? {
        let dept = unknownDepartment(id)
        let unknown = dept.map { "'\($0)' is not a department code" }
        guard !suggestions.isEmpty else {
            guard let dept, let unknown else { return nil }
            return unknown + (NearMiss.hint(for: dept, in: lib.grammar.departmentCodes).map { "; \($0)" } ?? "")
        }
        // Each with its name, so that the guess can be judged: `'SKL-014' (API Configuration)`.
        let named = suggestions.map { s in "'\(s)'" + (name(of: s).map { " (\(Labels.quoted($0)))" } ?? "") }
        return "did you mean " + named.joined(separator: " or ") + "?" + (unknown.map { " (\($0))" } ?? "")
    }
}
