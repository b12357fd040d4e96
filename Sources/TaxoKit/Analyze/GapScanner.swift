import Foundation

/// What a gap scan needs to know about the library's kinds, made once per analysis.
struct GapKinds {
    /// The kind that holds tools (role `tool`): structured names default to it.
    let tool: Int?
    /// Bold or plain keys whose value lists names of a kind (`**Tools Mentioned:**`, `TOOLS_REQUIRED:`),
    /// normalised, and whether the list says what a workflow, milestone, task or step needs.
    let listKeys: [String: (kind: Int?, required: Bool)]
    /// Lower-cased names of the work-hierarchy kinds: a code block under a heading naming one says what it needs.
    let neededHeadings: [String]

    init(config: Config) {
        tool = config.kindIndex(role: .tool)
        var keys: [String: (Int?, Bool)] = [:]
        for k in GapVocabulary.toolListKeys { keys[k] = (tool, false) }
        keys[GapVocabulary.toolsRequiredKey] = (tool, true)
        keys[GapVocabulary.skillsRequiredKey] = (config.kindIndex(role: .skill), true)
        listKeys = keys
        neededHeadings = Role.needing.compactMap { config.kindIndex(role: $0) }.map {
            config.kinds[$0].name.lowercased()
        }
    }
}

/// Reads one document for gap analysis and yields one occurrence per entity mention: an ID with its label,
/// a placeholder with its label, a library name, or a name in a structured place (a tool heading, a name
/// cell of a tool table, an item of a tool list or `TOOLS_REQUIRED:`, a CSV ID block, a product written with
/// a version). A token that is an ID is never a name; paths, URLs, code and sentences are never names.
struct GapScanner {
    let grammar: IDGrammar
    let matcher: NameMatcher
    let kinds: GapKinds
    let file: SourceFile
    /// The document's video and the prefixes scoped to it (`scoped` kinds and the type's `scoped_prefixes`).
    var video: String? = nil
    var scopedPrefixes: Set<String> = []
    /// Near matches of capitalised phrases in prose (nil: not looked for).
    var prose: ProseNames? = nil
    /// The document's Markdown structure, when the compile kept it (else parsed here).
    var syntax: MarkdownSyntax? = nil

    static let requiredNeedles = [
        "tools_required", "skills_required", "responsibility:", "responsibilities:", "tool:", "skills:",
        "tasks:", "steps:", "parent_task", "parent_milestone", "object:", "action:",
    ].map { Array($0.utf8) }
    /// The required needles by the `:` or `_` each holds (its first one, and where): a line is searched
    /// only around its own colons and underscores, which are few. A needle without either is searched for
    /// on every line.
    static let requiredAnchors: [(needle: [UInt8], anchor: UInt8, offset: Int)] = requiredNeedles.compactMap { n in
        n.firstIndex { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "_") }.map { (n, n[$0], $0) }
    }
    static let unanchoredNeedles = requiredNeedles.filter {
        !$0.contains(UInt8(ascii: ":")) && !$0.contains(UInt8(ascii: "_"))
    }

    /// Whether a line holds a required needle, ignoring ASCII case (what searching it for each would say).
    static func holdsRequired(_ bytes: ArraySlice<UInt8>) -> Bool {
        let anchored = bytes.withUnsafeBufferPointer { b in
            // The line's colons and underscores, found eight bytes at a time.
            var next = 0
            while let p = ByteSearch.firstByte(
                in: b, from: next, through: b.count - 1,
                word: { ByteSearch.equal($0, 58) | ByteSearch.equal($0, 95) },
                byte: { $0 == 58 || $0 == 95 })
            {
                next = p + 1
                for (needle, anchor, offset) in requiredAnchors where anchor == b[p] {
                    let start = p - offset
                    guard start >= 0, start + needle.count <= b.count else { continue }
                    if needle.withUnsafeBufferPointer({ ByteSearch.matchesIgnoringCase(b, at: start, $0) }) {
                        return true
                    }
                }
            }
            return false
        }
        return anchored || unanchoredNeedles.contains { ByteSearch.containsIgnoringCase(bytes: bytes, $0) }
    }
    static let proposNeedle = Array("propos".utf8), newIDNeedle = Array("new_id".utf8)
    static let toolIDNeedle = Array("tool id".utf8), libraryIDNeedle = Array("library id".utf8)

    /// One ID or placeholder written on a line.
    struct Token {
        var what: GapOccurrence.What
        var start: Int
        var end: Int
        var column: Int
        var label: String?
        var text: String
    }

    /// A tool heading's section: its candidate, waiting for an ID line or a department field.
    struct Section {
        var name: String
        var index: Int
    }

    /// A table whose header names a name column (Tool, Tool Name) and maybe ID, type and department columns.
    struct Table {
        var nameColumn: Int?
        var idColumn: Int?
        var typeColumn: Int?
        var departmentColumn: Int?
        /// The name column is a Tool column (names are tools unless a type or ID says otherwise).
        var namesTools: Bool
    }

    func scan() -> [GapOccurrence] {
        var state = ScanState(scanner: self)
        state.run()
        return state.out
    }

    func kindIndex(forType t: String) -> Int? {
        let n = FieldKey.normalize(t)
        return grammar.kinds.firstIndex {
            FieldKey.normalize($0.name) == n || $0.allPrefixes.contains(t.trimmingSpaces().uppercased())
        }
    }

    /// The department code a piece of text names first (`AID primarily; SEC for ...` -> AID).
    func department(in text: String) -> String? {
        for w in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            if let d = grammar.canonicalDepartment(String(w)) ?? grammar.canonicalDepartment(w.uppercased()),
                w.uppercased() == w || w.count > 3
            {
                return d
            }
        }
        return nil
    }

    /// `KEY: value` and `**Key**: value` lines: the key and the value.
    static func field(_ line: Substring) -> (key: String, value: String)? {
        if let f = HeaderFields.bold(line) { return (f.key, f.value) }
        // Most other lines with a colon are no field: their bytes say so without reading characters.
        switch plainField(line) {
        case .no: return nil
        case .plain(let key, let valueStart): return (key, String(line[valueStart...]).trimmingSpaces())
        case .unknown: break
        }
        var s = line.drop { $0 == " " }
        if s.hasPrefix("- ") || s.hasPrefix("* ") { s = s.dropFirst(2) }
        guard let colon = s.firstIndex(of: ":") else { return nil }
        let key = s[..<colon]
        guard key.count >= 3, key.count <= 40, key.allSatisfy({ $0.isLetter || $0 == "_" || $0 == " " }) else {
            return nil
        }
        return (String(key), String(s[s.index(after: colon)...]).trimmingSpaces())
    }

    /// What a line's bytes say of it as a `key: value` field: none; one with an ASCII key (the key, and where
    /// the value starts); or undecided (a multi-byte character in or right after the key: read by characters).
    enum PlainField {
        case no
        case plain(key: String, valueStart: String.Index)
        case unknown
    }

    /// The bytes' reading of what `field` reads by characters after the bold form: spaces, an optional
    /// `- ` or `* `, then a key of 3 to 40 letters, `_` and spaces up to the first colon.
    static func plainField(_ line: Substring) -> PlainField {
        let u = line.utf8
        let found: PlainField? = u.withContiguousStorageIfAvailable { b -> PlainField in
            let n = b.count
            var j = 0
            while j < n, b[j] == 32 { j += 1 }
            if j + 1 < n, b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: "*"), b[j + 1] == 32 { j += 2 }
            let keyStart = j
            while j < n, b[j] != UInt8(ascii: ":") {
                let c = b[j]
                if c >= 0x80 { return .unknown }
                if !ByteSearch.isASCIILetter(c) && c != UInt8(ascii: "_") && c != 32 { return .no }
                j += 1
            }
            guard j < n else { return .no }
            if j + 1 < n, b[j + 1] >= 0x80 { return .unknown }
            guard j - keyStart >= 3, j - keyStart <= 40 else { return .no }
            let key = String(decoding: UnsafeBufferPointer(rebasing: b[keyStart..<j]), as: UTF8.self)
            return .plain(key: key, valueStart: u.index(u.startIndex, offsetBy: j + 1))
        }
        return found ?? .unknown
    }

    /// A table row's cells: split on `|` except an escaped `\|` (unescaped in the cell) or one inside a code
    /// span, as `TableCellCount` counts them (taxo's own tracker escapes pipes in titles).
    static func cells(_ row: Substring) -> [String] {
        var s = row.trimmingSpacesSubstring()
        if s.hasPrefix("|") { s = s.dropFirst() }
        if s.hasSuffix("|"), !s.hasSuffix("\\|") { s = s.dropLast() }
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "`") }) else {
            // Split on the byte: `|` is never part of a longer UTF-8 sequence.
            return s.utf8.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map {
                Substring($0).trimmingSpaces()
            }
        }
        // By bytes: `\\`, `` ` `` and `|` are never part of a longer UTF-8 sequence.
        let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\"), backtick = UInt8(ascii: "`")
        var out: [String] = []
        var cell: [UInt8] = []
        var inCode = false
        var escaped = false
        for b in s.utf8 {
            if escaped {
                if b != pipe { cell.append(backslash) }
                cell.append(b)
                escaped = false
            } else if b == backslash {
                escaped = true
            } else if b == backtick {
                inCode.toggle()
                cell.append(b)
            } else if b == pipe, !inCode {
                out.append(String(decoding: cell, as: UTF8.self).trimmingSpaces())
                cell.removeAll(keepingCapacity: true)
            } else {
                cell.append(b)
            }
        }
        if escaped { cell.append(backslash) }
        out.append(String(decoding: cell, as: UTF8.self).trimmingSpaces())
        return out
    }
}

extension IDCheck {
    var isNotAnID: Bool {
        switch self {
        case .valid, .placeholder, .legacy: return false
        default: return true
        }
    }
}
