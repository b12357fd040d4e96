/// A JSON Schema (draft 2020-12) of a kind's files, made from the configuration: the ID field's grammar,
/// name and link fields, and the kind's `fields:` (required, types, values, patterns, deprecated). Editors
/// validate as one types with it (VS Code's `json.schemas`); taxo's own check stays the reference (it
/// compares keys without case or separators, which JSON Schema cannot).
public enum JSONSchema {
    /// The schema of the files of kind `kind`.
    public static func of(_ kind: Kind, config: Config) -> String {
        let record = recordSchema(kind)
        var file: [(String, J)] = [
            ("$schema", .s("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .s("taxo:kind/\(kind.name)")),
            ("title", .s("\(kind.name) (\(kind.grammarDescription))")),
            (
                "description",
                .s(
                    "A file of \(kind.name) records, as this library's taxonomy.yaml declares them. Made by taxo schema --json-schema."
                )
            ),
        ]
        if let path = kind.records {
            // Records inside the file (`objects[]`): the file is an object leading to them.
            let tree = Tree.path(segments(path.text), leaf: .o([("$ref", .s("#/$defs/record"))]))
            file += tree.members
        } else {
            file.append(
                (
                    "anyOf",
                    .a([
                        .o([("$ref", .s("#/$defs/record"))]),
                        .o([("type", .s("array")), ("items", .o([("$ref", .s("#/$defs/record"))]))]),
                    ])
                ))
        }
        file.append(("$defs", .o([("record", record)])))
        return J.o(file).node.prettyJSON() + "\n"
    }

    /// VS Code's `json.schemas` setting for the kinds' schemas written to `folder` (relative to the library
    /// root, or absolute; `<kind>.schema.json`):
    /// each kind's JSON files by its globs, braces expanded (`*.{json,yaml}` -> `*.json`).
    public static func editorSettings(_ kinds: [Kind], folder: String) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.beginArray("json.schemas")
        for k in kinds {
            let json = k.files.flatMap { Glob.expandBraces($0.pattern) }.filter { $0.hasSuffix(".json") }
            guard !json.isEmpty else { continue }
            w.beginObject()
            w.beginArray("fileMatch")
            for g in json { w.string(nil, g) }
            w.endArray()
            let explicit = folder == "." || ["./", "../", "/"].contains { folder.hasPrefix($0) }
            w.string("url", (explicit ? "" : "./") + folder + "/\(k.name).schema.json")
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.out + "\n"
    }

    /// One record: its fields as properties, required ones listed, closed when the schema says so.
    static func recordSchema(_ kind: Kind) -> J {
        var tree = Tree()
        let idPattern = J.s(idPattern(kind))
        for f in kind.idFields {
            tree.add(
                [f],
                leaf: .o([
                    ("type", .s("string")), ("pattern", idPattern),
                    ("description", .s("The \(kind.name)'s ID: \(kind.grammarDescription).")),
                ]))
        }
        for f in kind.nameFields { tree.add([f], leaf: .o([("type", .s("string"))])) }
        for f in kind.legacyIdFields {
            tree.add([f], leaf: .o([("description", .s("An older ID of this \(kind.name)."))]))
        }
        for l in kind.links {
            let about =
                l.byPath
                ? "The path of a \(l.target)'s file, relative to this file."
                : l.byName
                    ? "The ID of a \(l.target) (a label may follow it), or its name."
                    : "The ID of a \(l.target) (a label may follow it)."
            // No type: taxo reads a link from text, and skips what is not text without a finding.
            tree.add(segments(l.path.text), leaf: .o([("description", .s(about))]))
        }
        for rule in kind.schema?.fields ?? [] {
            tree.add(segments(rule.path.text), leaf: leaf(rule), required: rule.required)
        }
        if kind.idFields.count == 1, !kind.idFromFilename { tree.required.insert(kind.idFields[0]) }
        var members = [("type", J.s("object"))] + tree.members
        if kind.schema?.closed == true {
            if let c = kind.children?.text { tree.add(segments(c), leaf: .o([])) }
            members = [("type", J.s("object"))] + tree.members + [("additionalProperties", .b(false))]
        }
        return .o(members)
    }

    /// What a field rule allows, as schema keywords. As taxo judges them: an empty value (null, blank text,
    /// `[]`, `{}`) is missing when the field is required and as good as absent when it is not.
    static func leaf(_ rule: FieldRule) -> J {
        var value: [(String, J)] = []
        var patterns: [String] = []
        var itemPatterns: [String] = []
        var text: [(String, J)] = []
        switch rule.type {
        case .string?: value.append(("type", .s("string")))
        case .number?: value.append(("type", .s("number")))
        case .integer?: value.append(("type", .s("integer")))
        case .boolean?: value.append(("type", .s("boolean")))
        case .object?: value.append(("type", .s("object")))
        case .list?: value.append(("type", .s("array")))
        case .date?: value.append(("type", .s("string"))); patterns.append(datePattern)
        case .url?: value.append(("type", .s("string"))); patterns.append(urlPattern)
        case nil: break
        }
        if !rule.values.isEmpty { text.append(("enum", .a(rule.values.map { .s($0) }))) }
        if rule.type == .list {
            var items: [(String, J)] = []
            switch rule.items {
            case .date?: items.append(("type", .s("string"))); itemPatterns.append(datePattern)
            case .url?: items.append(("type", .s("string"))); itemPatterns.append(urlPattern)
            case let t?: items.append(("type", .s(t == .list ? "array" : t == .boolean ? "boolean" : t.rawValue)))
            case nil: break
            }
            if let p = rule.pattern { itemPatterns.append(p.text) }
            items += text + patternKeywords(itemPatterns)
            if !items.isEmpty { value.append(("items", .o(items))) }
        } else {
            if let p = rule.pattern { patterns.append(p.text) }
            value += text
        }
        var m: [(String, J)]
        if rule.required {
            m =
                value + patternKeywords(patterns + ["\\S"]) + [
                    ("not", .o([("enum", .a([.null, .s(""), .a([]), .o([])]))]))
                ]
        } else if !value.isEmpty || !patterns.isEmpty {
            m = [
                (
                    "anyOf",
                    .a([
                        .o([("enum", .a([.null, .a([]), .o([])]))]),
                        .o([("type", .s("string")), ("pattern", .s("^\\s*$"))]),
                        .o(value + patternKeywords(patterns)),
                    ])
                )
            ]
        } else {
            m = []
        }
        if let d = rule.deprecated {
            m.append(("deprecated", .b(true)))
            m.append(("description", .s("Deprecated" + (d.isEmpty ? "." : ": \(d)"))))
        }
        return .o(m)
    }

    /// One pattern as `pattern`, several as `allOf` (a value must match each).
    static func patternKeywords(_ p: [String]) -> [(String, J)] {
        switch p.count {
        case 0: return []
        case 1: return [("pattern", .s(p[0]))]
        default: return [("allOf", .a(p.map { .o([("pattern", .s($0))]) }))]
        }
    }

    static let urlPattern = "^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+[^\\s]*\\s*$"
    static let datePattern =
        "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?\\s*$"

    /// The kind's IDs as a regular expression: its prefixes, department segments, digits, and older spellings.
    static func idPattern(_ kind: Kind) -> String {
        let segment = "[A-Z][A-Z0-9]*-"
        let dept: String
        switch kind.department {
        case .none: dept = ""
        case .required: dept = "(\(segment)){1,\(kind.segments)}"
        case .optional, .free: dept = "(\(segment)){0,\(kind.segments)}"
        }
        var alternatives = [
            "(" + kind.allPrefixes.joined(separator: "|") + ")-\(dept)[0-9]{\(kind.minDigits),\(kind.maxDigits)}"
        ]
        for p in kind.legacyPatterns {
            var re = ""
            var rest = Substring(p.text)
            while let c = rest.first {
                if rest.hasPrefix("{n}") {
                    re += "[0-9]+"; rest = rest.dropFirst(3)
                } else if rest.hasPrefix("{a}") {
                    re += "[A-Za-z]+"; rest = rest.dropFirst(3)
                } else {
                    re += c.isLetter || c.isNumber ? String(c) : "\\" + String(c)
                    rest = rest.dropFirst()
                }
            }
            alternatives.append(re)
        }
        return "^(" + alternatives.joined(separator: "|") + ")$"
    }

    /// The keys of a field path as written (`steps[].name` -> steps, [], name).
    static func segments(_ text: String) -> [String] {
        var out: [String] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var p = Substring(part)
            var eaches = 0
            while p.hasSuffix("[]") { p = p.dropLast(2); eaches += 1 }
            if !p.isEmpty { out.append(String(p)) }
            out += Array(repeating: "[]", count: eaches)
        }
        return out
    }

    /// Properties built from paths: each key a property, each `[]` the items of a list.
    struct Tree {
        var properties: [(String, Tree)] = []
        var items: [Tree] = []
        var leaf: J?
        var required: Set<String> = []

        static func path(_ segs: [String], leaf: J) -> Tree {
            var t = Tree()
            t.add(segs, leaf: leaf)
            return t
        }

        mutating func add(_ segs: [String], leaf: J, required req: Bool = false) {
            guard let first = segs.first else {
                self.leaf = leaf.merged(with: self.leaf)
                return
            }
            let rest = Array(segs.dropFirst())
            if first == "[]" {
                if items.isEmpty { items = [Tree()] }
                items[0].add(rest, leaf: leaf, required: req)
                return
            }
            if req, rest.isEmpty { required.insert(first) }
            if let i = properties.firstIndex(where: { $0.0 == first }) {
                properties[i].1.add(rest, leaf: leaf, required: req)
            } else {
                var t = Tree()
                t.add(rest, leaf: leaf, required: req)
                properties.append((first, t))
            }
        }

        var members: [(String, J)] {
            var m: [(String, J)] = leaf?.members ?? []
            if !properties.isEmpty { m.append(("properties", .o(properties.map { ($0.0, J.o($0.1.members)) }))) }
            if !required.isEmpty {
                let order = properties.map(\.0).filter { required.contains($0) }
                m.append(("required", .a(order.map { .s($0) })))
            }
            if let it = items.first {
                // `items` from a leaf (a typed list) and from deeper paths merge.
                let fromLeaf = m.firstIndex { $0.0 == "items" }
                if let i = fromLeaf, case .o(let existing) = m[i].1 {
                    m[i].1 = .o(existing + it.members.filter { k in !existing.contains { $0.0 == k.0 } })
                } else {
                    m.append(("items", .o(it.members)))
                }
            }
            return m
        }
    }

    /// A JSON value being built, keys in the order given.
    indirect enum J {
        case s(String), b(Bool), null, a([J]), o([(String, J)])

        var members: [(String, J)] {
            if case .o(let m) = self { return m }
            return []
        }

        /// This object's members, then those of `other` it does not have.
        func merged(with other: J?) -> J {
            guard let other else { return self }
            let mine = members
            return .o(mine + other.members.filter { k in !mine.contains { $0.0 == k.0 } })
        }

        /// The value as a JSON node (printed by `Node.prettyJSON`, as every record taxo writes).
        var node: Node {
            switch self {
            case .s(let v): return Node(.string(v), at: 0)
            case .b(let v): return Node(.bool(v), at: 0)
            case .null: return Node(.null, at: 0)
            case .a(let items): return Node(.array(items.map(\.node)), at: 0)
            case .o(let m): return Node(.object(m.map { Member(key: $0.0, keyOffset: 0, node: $0.1.node) }), at: 0)
            }
        }
    }
}
