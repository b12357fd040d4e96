import Foundation

/// `taxo new`: a new entry with the next free ID, where and as the library keeps that kind's entries.
///
/// The plan is computed from the compiled library and returned as texts; the command writes them (the new
/// file never over an existing one). The ID comes from the allocator gap analysis uses (announced IDs are
/// taken); the folder is the one holding most of the kind's files (of the department, when given); the
/// file is named by ID and name (`TSK-013_Name.json`) or by name (`Playwright.json`) as most of the kind's
/// files are; its text comes from `templates/entries/<kind>.json` (a library's own templates win), or for
/// Markdown kinds a header with the ID field. With a parent, the parent's child list gets the new ID, and a
/// master list of the kind gets a row.
public enum NewEntry {
    /// A file's new text, and the encoding it is written in.
    public struct Edit: Sendable {
        public var path: String
        public var text: String
        public var encoding = FileEncoding.utf8
    }

    /// What `taxo new` writes: the new entry and the files it updates.
    public struct Plan: Sendable {
        public var id: String
        /// The new file, relative to the library root.
        public var file: Edit
        /// The parent's file with the new ID in its child list, and the master list with a new row.
        public var updates: [Edit]
        /// Fields the kind's schema requires that the entry leaves empty (added empty, to be filled in).
        public var unfilled: [String] = []
        /// IDs that would have been next but other branches take (see `BranchIDs`).
        public var skipped: [BranchIDs.Taken] = []
    }

    /// Plans a new entry. `allocator` gives the ID (a session's allocator skips the IDs it handed out); `id`
    /// asks for a given free ID of the kind instead (one `next_id` reserved). IDs in `elsewhere` (other
    /// branches') are not handed out, and a given one of them is refused.
    public static func plan(
        kind kindName: String, name: String, department: String?, parent: String?, dir: String?,
        library lib: Library, root: String, templates: Templates, allocator: IDAllocator? = nil,
        id given: String? = nil, elsewhere: BranchIDs? = nil,
        fields: [(String, String)] = []
    ) throws -> Plan {
        let config = lib.config
        let k = try kindIndex(kindName, config: config)
        let kind = config.kinds[k]
        let trimmed = name.trimmingSpaces()
        guard !trimmed.isEmpty else { throw TaxoError.badArgument("--name must not be empty") }
        var dept = try self.department(department, kind: k, library: lib)
        var alloc = allocator ?? IDAllocator(library: lib)
        let elsewhere = elsewhere?.ofKind(k).filter { alloc.isFree($0.id) } ?? []
        var chosen: String?
        if let given {
            guard case .valid(let p) = lib.grammar.check(given.trimmingSpaces()), p.kind == k else {
                throw TaxoError.badArgument("'\(given)' is not an ID of kind \(kind.name)")
            }
            guard alloc.isFree(p) else { throw TaxoError.badArgument("\(p.written) is taken already") }
            if let t = elsewhere.first(where: { $0.id.key == p.key }) {
                throw TaxoError.badArgument(
                    "\(p.written) is taken on \(branchList(t.branches)), not merged here: give another --id")
            }
            if let d = p.canonicalDepartment ?? p.department { dept = d }
            chosen = p.written
        }
        if dept == nil, kind.department == .required {
            throw TaxoError.badArgument("kind \(kind.name) needs --department")
        }
        let mine = try siblings(of: k, named: trimmed, department: dept, library: lib)
        // The ID this branch alone would give, then the one every branch leaves free.
        var alone = alloc
        let first = chosen ?? alone.next(kind: k, department: dept)
        for t in elsewhere { alloc.reserve(t.id) }
        let id = chosen ?? alloc.next(kind: k, department: dept)
        let skipped = skippedIDs(elsewhere, from: first, to: id, grammar: lib.grammar)
        let path = try newPath(kind: k, id: id, name: trimmed, department: dept, dir: dir, siblings: mine, library: lib)
        let ext = (path as NSString).pathExtension
        let (text, unfilled) = try filling(
            try render(kind: kind, id: id, name: trimmed, department: dept, ext: ext, templates: templates), ext: ext,
            kind: kind, set: fields)
        var updates: [Edit] = []
        if let parent { updates.append(try parentEdit(parent, child: id, childKind: k, library: lib, root: root)) }
        if let row = masterRow(kind: kind, id: id, name: trimmed, path: path, library: lib, root: root) {
            updates.append(row)
        }
        return Plan(id: id, file: Edit(path: path, text: text), updates: updates, unfilled: unfilled, skipped: skipped)
    }

    /// The IDs taken elsewhere that were passed over: those of the new ID's kind and department numbered
    /// from the one this branch alone would give up to the one given.
    static func skippedIDs(_ taken: [BranchIDs.Taken], from first: String, to id: String, grammar: IDGrammar)
        -> [BranchIDs.Taken]
    {
        guard case .valid(let a) = grammar.check(first), case .valid(let b) = grammar.check(id),
            let lo = Int(a.number), let hi = Int(b.number)
        else { return [] }
        let dept = b.canonicalDepartment ?? b.department
        return taken.filter {
            guard let n = Int($0.id.number) else { return false }
            return ($0.id.canonicalDepartment ?? $0.id.department) == dept && n >= lo && n < hi
        }.sorted { Int($0.id.number) ?? 0 < Int($1.id.number) ?? 0 }
    }

    /// `branch 'a'`, `branches 'a' and 'b'`, `branches 'a', 'b' and 2 more`.
    public static func branchList(_ names: [String]) -> String {
        let q = names.prefix(2).map { "'\($0)'" }
        switch names.count {
        case 0: return "another branch"
        case 1: return "branch " + q[0]
        case 2: return "branches \(q[0]) and \(q[1])"
        default: return "branches \(q[0]), \(q[1]) and \(names.count - 2) more"
        }
    }

    /// The kind's live entities, after checking that none has the name already (in the department) and
    /// that the kind keeps one record per file (list files are edited by hand).
    static func siblings(of k: Int, named name: String, department dept: String?, library lib: Library) throws
        -> [Entity]
    {
        let kind = lib.config.kinds[k]
        let mine = lib.entities.filter { $0.kind == k && !lib.config.looksArchived($0.file) }
        if mine.contains(where: {
            $0.name.map(Labels.normalized) == Labels.normalized(name)
                && (dept == nil || $0.id?.canonicalDepartment == dept)
        }) {
            throw TaxoError.badArgument("a \(kind.name) named '\(name)' exists already")
        }
        let perFile = Dictionary(grouping: mine, by: \.file)
        if !perFile.isEmpty, perFile.values.filter({ $0.count > 1 }).count * 2 > perFile.count {
            throw TaxoError.badArgument(
                "kind \(kind.name) keeps its records in list files; add the record to one of them")
        }
        return mine
    }

    /// Where the new entry goes and how its file is named, as the kind's (and department's) files are:
    /// their usual folder (or `dir`), extension, and naming by ID and name or by name alone.
    static func newPath(
        kind k: Int, id: String, name: String, department dept: String?, dir: String?, siblings mine: [Entity],
        library lib: Library
    ) throws -> String {
        let config = lib.config, kind = config.kinds[k]
        let sameDept = dept.map { d in mine.filter { $0.id?.canonicalDepartment == d } } ?? []
        let models = sameDept.isEmpty ? mine : sameDept
        let folder: String
        if let dir {
            folder = dir
        } else if let common = mostCommon(models.map { ($0.file as NSString).deletingLastPathComponent }) {
            folder = common
        } else {
            folder = defaultFolder(kind) ?? ""
        }
        let ext = mostCommon(models.map { ($0.file as NSString).pathExtension.lowercased() }) ?? "json"
        let byID =
            models.isEmpty
            || models.filter { e in
                e.id.map { ($0.written as NSString).length > 0 && e.file.contains($0.written) } ?? false
            }.count * 2 >= models.count
        let safe = String(
            name.unicodeScalars.map {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") ? Character($0) : "_"
            }
        )
        .split(separator: "_").joined(separator: "_").prefix(80)
        let fileName = (byID ? "\(id)_\(safe)" : String(safe)) + "." + ext
        let path = folder.isEmpty ? fileName : folder + "/" + fileName
        guard config.kindIndex(forPath: path) == k else {
            throw TaxoError.badArgument(
                "\(path) is not where kind \(kind.name)'s files are read (its files: \(kind.files.map(\.pattern).joined(separator: ", ")))"
            )
        }
        guard !ConfigLoader.leavesLibrary(path), config.isUnderRoots(path) else {
            throw TaxoError.badArgument("\(path) is outside the library's roots")
        }
        return path
    }

    /// The kind a name or prefix names (`tool`, `TOL`), with a hint when none does.
    public static func kindIndex(_ kindName: String, config: Config) throws -> Int {
        let trimmed = kindName.trimmingSpaces()
        if let k = config.kinds.firstIndex(where: {
            $0.name == trimmed || $0.name == trimmed.lowercased() || $0.allPrefixes.contains(trimmed.uppercased())
        }) {
            return k
        }
        throw TaxoError.badArgument(
            "no kind '\(kindName)'"
                + (NearMiss.hint(for: kindName, in: config.kinds.map(\.name)).map { "; \($0)" } ?? ""))
    }

    /// A department code as the kind's IDs write it (aliases mapped to their code), nil when none is given.
    public static func department(_ given: String?, kind k: Int, library lib: Library) throws -> String? {
        guard let d = given?.trimmingSpaces(), !d.isEmpty else { return nil }
        let kind = lib.config.kinds[k]
        guard kind.department != .none else {
            throw TaxoError.badArgument("kind \(kind.name) takes no department segment")
        }
        guard
            let canonical = kind.department == .free ? d.uppercased() : lib.grammar.canonicalDepartment(d.uppercased())
        else {
            throw TaxoError.badArgument(
                "unknown department '\(d)'"
                    + (NearMiss.hint(for: d, in: lib.grammar.departmentCodes).map { "; \($0)" } ?? ""))
        }
        return canonical
    }

    /// Writes a plan into the library: the new file (never over an existing one), then the updated files.
    /// Returns the paths written, relative to the root.
    @discardableResult
    public static func write(_ plan: Plan, root: String) throws -> [String] {
        let url = URL(fileURLWithPath: root).appendingPathComponent(plan.file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw TaxoError.io("\(plan.file.path) exists already; nothing was written") }
        let bytes = Array(plan.file.text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { throw TaxoError.io("cannot write \(plan.file.path)") }
        for e in plan.updates {
            try Data(e.encoding.encode(e.text) ?? Array(e.text.utf8)).write(
                to: URL(fileURLWithPath: root).appendingPathComponent(e.path), options: .atomic)
        }
        return [plan.file.path] + plan.updates.map(\.path)
    }

    static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// The literal folder a kind's first glob names (`LIBRARIES/LBS_003_Tools` of `LIBRARIES/LBS_003_Tools/**/*.json`).
    static func defaultFolder(_ kind: Kind) -> String? {
        guard let g = kind.files.first?.pattern else { return nil }
        let literal = g.split(separator: "/").prefix { !$0.contains("*") && !$0.contains("{") && !$0.contains("?") }
        return literal.isEmpty ? nil : literal.joined(separator: "/")
    }

    static func render(kind: Kind, id: String, name: String, department: String?, ext: String, templates: Templates)
        throws -> String
    {
        let idField = kind.idFields.first { !$0.contains(" ") && !$0.contains(".") } ?? "id"
        let nameField = kind.nameFields.first { !$0.contains(" ") && !$0.contains(".") } ?? "name"
        switch ext {
        case "md":
            let label = kind.idFields.first { $0.contains(" ") } ?? idField
            return "# \(name)\n\n**\(label):** \(id)\n**Status:** draft\n"
        case "yaml", "yml":
            return "\(idField): \(id)\n\(nameField): \"\(name.replacingAll("\"", with: "\\\""))\"\n"
                + (department.map { "department: \($0)\n" } ?? "") + "status: draft\n"
        default:
            return try EntryStubContext(
                kind: kind, id: id, name: name, department: department, source: "taxo new", evidence: [],
                generatedBy: "taxo new"
            ).render(templates: templates)
        }
    }
}

extension NewEntry {
    /// The parent's JSON file with the new ID added to its child list (the link field of the parent's kind
    /// that targets the new entry's kind), its formatting kept.
    static func parentEdit(_ parentID: String, child: String, childKind: Int, library lib: Library, root: String) throws
        -> Edit
    {
        let parsed: ParsedID
        switch lib.grammar.check(parentID) {
        case .valid(let p), .legacy(let p): parsed = p
        default: throw TaxoError.badArgument("--parent '\(parentID)' is not an ID")
        }
        guard let pi = lib.lookup(parsed) else { throw TaxoError.badArgument("no entity has the ID '\(parentID)'") }
        let parent = lib.entities[pi]
        let (link, key) = try childList(of: parent, childKind: childKind, library: lib)
        guard parent.file.hasSuffix(".json"), let data = FileManager.default.contents(atPath: root + "/" + parent.file)
        else {
            throw TaxoError.badArgument("the parent \(parentID) is not in a JSON file; add \(child) to it by hand")
        }
        let (bytes, encoding) = FileEncoding.decode([UInt8](data))
        let record = try parentRecord(bytes, of: parent, id: parsed, library: lib)
        let quoted = Array(("\"" + child + "\"").utf8)
        let out: [UInt8]
        if let field = record.members?.first(where: { FieldKey.matches($0.key, normalized: key) }) {
            guard field.node.array != nil, let edited = appending(quoted, toListAt: field.node.offset, in: bytes) else {
                throw TaxoError.badArgument("\(parent.file): '\(field.key)' is not a list")
            }
            out = edited
        } else {
            let name = link.path.text.split(separator: "[").first.map(String.init) ?? key
            guard let edited = adding(list: name, holding: quoted, toObjectAt: record.offset, in: bytes) else {
                throw TaxoError.badArgument("cannot edit \(parent.file)")
            }
            out = edited
        }
        return Edit(path: parent.file, text: String(decoding: out, as: UTF8.self), keeping: encoding)
    }

    /// The link field of the parent's kind that lists children of the child's kind (`steps[]`), and its key.
    static func childList(of parent: Entity, childKind: Int, library lib: Library) throws -> (LinkField, String) {
        let pk = lib.config.kinds[parent.kind]
        let childName = lib.config.kinds[childKind].name
        guard
            let link = pk.links.first(where: {
                $0.target == childName && !$0.local && !$0.byPath && $0.path.steps.count == 2
            }),
            case .key(let key)? = link.path.steps.first, case .each? = link.path.steps.last
        else {
            throw TaxoError.badArgument(
                "kind \(pk.name) has no list field of \(childName)s (such as \"\(childName)s[]\" under links:)")
        }
        return (link, key)
    }

    /// The parent's record in its file: the one holding its ID, or the only one.
    static func parentRecord(_ bytes: [UInt8], of parent: Entity, id parsed: ParsedID, library lib: Library) throws
        -> Node
    {
        guard case .success(let rootNode) = JSONParser.parse(bytes) else {
            throw TaxoError.badArgument("\(parent.file) does not parse; repair it first")
        }
        let pk = lib.config.kinds[parent.kind]
        let records = pk.records.map { $0.resolve(in: rootNode) } ?? (rootNode.array ?? [rootNode])
        let holding = records.first { r in
            r.members?.contains { m in
                m.node.string.map {
                    lib.grammar.tokens(in: $0, typos: false).contains { t in
                        if case .id(let p) = t.0 { return p.key == parsed.key } else { return false }
                    }
                } ?? false
            } ?? false
        }
        guard let record = holding ?? (records.count == 1 ? records.first : nil) else {
            throw TaxoError.badArgument("cannot find \(parsed.written)'s record in \(parent.file)")
        }
        return record
    }

    static let whitespace: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")]

    /// The bytes with an item appended to the JSON list opening at `open`: items one per line stay one per
    /// line, at the last item's indentation, with the file's line ends.
    static func appending(_ item: [UInt8], toListAt open: Int, in bytes: [UInt8]) -> [UInt8]? {
        guard let close = closing(bytes, from: open) else { return nil }
        var last = close - 1
        while last > open, whitespace.contains(bytes[last]) { last -= 1 }
        var lineStart = last
        while lineStart > open, bytes[lineStart - 1] != 10, bytes[lineStart - 1] != 13 { lineStart -= 1 }
        let multiline = lineStart > open
        let indent = multiline ? Array(bytes[lineStart..<last].prefix { $0 == 32 || $0 == 9 }) : []
        let insert =
            bytes[last] == UInt8(ascii: "[")
            ? item
            : (multiline ? Array(("," + lineEnd(of: bytes)).utf8) + indent + item : Array(", ".utf8) + item)
        var out = bytes
        out.insert(contentsOf: insert, at: last + 1)
        return out
    }

    /// The bytes with a new list field holding one item added at the end of the JSON object opening at `open`.
    static func adding(list name: String, holding item: [UInt8], toObjectAt open: Int, in bytes: [UInt8]) -> [UInt8]? {
        guard let close = closing(bytes, from: open) else { return nil }
        var last = close - 1
        while last > open, whitespace.contains(bytes[last]) { last -= 1 }
        let insert =
            Array((bytes[last] == UInt8(ascii: "{") ? "" : ",").utf8)
            + Array((lineEnd(of: bytes) + "  \"\(name)\": [").utf8) + item
            + Array("]".utf8)
        var out = bytes
        out.insert(contentsOf: insert, at: last + 1)
        return out
    }

    /// The offset of the bracket or brace closing the one at `open` (strings skipped).
    static func closing(_ b: [UInt8], from open: Int) -> Int? {
        var depth = 0, i = open, inString = false
        while i < b.count {
            let c = b[i]
            if inString {
                if c == 92 { i += 2; continue }
                if c == 34 { inString = false }
            } else if c == 34 {
                inString = true
            } else if c == 91 || c == 123 {
                depth += 1
            } else if c == 93 || c == 125 {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// The kind's master list with a row for the new entry, written as its other rows are.
    static func masterRow(kind: Kind, id: String, name: String, path: String, library lib: Library, root: String)
        -> Edit?
    {
        guard
            let f = lib.files.first(where: {
                $0.masterList.map { lib.config.masterLists[$0.index].kind == kind.name } ?? false
            }),
            let (mi, table) = f.masterList, let data = FileManager.default.contents(atPath: root + "/" + f.path)
        else { return nil }
        let list = lib.config.masterLists[mi]
        let dir = (f.path as NSString).deletingLastPathComponent
        let pc = list.pathColumn.flatMap(table.column)
        let rooted = pc.map { c in table.rows.contains { $0.cells.count > c && $0.cells[c].contains("/") } } ?? false
        let pathCell =
            rooted
            ? (list.pathPrefix ?? "") + path
            : (path.hasPrefix(dir + "/") ? String(path.dropFirst(dir.count + 1)) : path)
        var cells = [String](repeating: "", count: table.header.count)
        if let c = table.column(list.idColumn) { cells[c] = id }
        if let n = list.nameColumn, let c = table.column(n) { cells[c] = name }
        if let pc { cells[pc] = pathCell }
        // Written as the list writes its rows: with its separator, quoted when the cell holds one.
        let separator = String(UnicodeScalar(table.separator))
        func csv(_ s: String) -> String {
            s.contains(separator) || s.contains("\"") || s.contains("\n")
                ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
        }
        let (bytes, encoding) = FileEncoding.decode([UInt8](data))
        var text = String(decoding: bytes, as: UTF8.self)
        // Rows end as the list's do (CRLF from Excel, CR alone from old Macs, else LF); a last row without
        // its line end gets one. (Bytes, not Characters: "\r\n" is one Character, so `hasSuffix("\n")` fails.)
        let newline = NewEntry.lineEnd(of: bytes)
        if let last = bytes.last, last != 10, last != 13 { text += newline }
        text += cells.map(csv).joined(separator: separator) + newline
        return Edit(path: f.path, text: text, keeping: encoding)
    }
}

extension NewEntry {
    /// The line end a file uses: that of its first line (CRLF, LF, or a CR alone), LF when it has one line.
    static func lineEnd(of bytes: [UInt8]) -> String {
        guard let i = bytes.firstIndex(where: { $0 == 10 || $0 == 13 }) else { return "\n" }
        if bytes[i] == 10 { return "\n" }
        return i + 1 < bytes.count && bytes[i + 1] == 10 ? "\r\n" : "\r"
    }
}

extension NewEntry.Edit {
    /// An edited file, written as it was (a Windows-1252 or UTF-16 CSV from Excel stays so) when each
    /// character of the new text has a byte in that encoding, else as UTF-8.
    init(path: String, text: String, keeping old: FileEncoding) {
        self.init(path: path, text: text, encoding: old.encode(text) == nil ? .utf8 : old)
    }
}
