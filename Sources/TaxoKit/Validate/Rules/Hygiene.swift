/// TAX0501: a doubled prefix or path segment (`VIDEO-VIDEO-001-02`, `LBS_003_LBS_003_Tools`).
enum DoubledSegment {
    static let info = RuleInfo(
        code: "TAX0501", name: "doubled-segment", family: "hygiene", severity: .warning,
        summary: "A name or ID repeats its leading segment (`VIDEO-VIDEO-001`, `LBS_003_LBS_003_Tools`).",
        explanation: """
        Scripts that add a prefix twice leave IDs such as `VIDEO-VIDEO-001-02` and folders such as
        `LBS_003_LBS_003_Tools` behind. taxo looks for an immediately repeated segment (or pair of
        segments) in file paths, entity field values and Markdown text.
        """,
        triggering: [RuleExample([("LIBRARIES/Responsibilities/Objects/AI.json",
                                   "{\"objects\": [{\"object_id\": \"OBJ-AI-001\", \"name\": \"x\", \"related\": [\"LIBRARIES/LBS_003_LBS_003_Tools/Claude\"]}]}")])],
        nonTriggering: [RuleExample([("LIBRARIES/Responsibilities/Objects/AI.json",
                                      "{\"objects\": [{\"object_id\": \"OBJ-AI-001\", \"name\": \"x\", \"related\": [\"LIBRARIES/LBS_003_Tools/Claude\", \"MLS-001-MLS\"]}]}")])])

    /// Repeated one- or two-segment runs in UTF-8 text: the offsets and the repeated text. Only code-like
    /// segments count (capital letters and digits, with a letter), so `Sync_Sync` in a title is not one.
    static func find(_ b: UnsafeBufferPointer<UInt8>) -> [(Int, String)] {
        @inline(__always) func isAlnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        @inline(__always) func isSep(_ c: UInt8) -> Bool { c == 45 || c == 95 }
        var out: [(Int, String)] = []
        var i = 0
        let n = b.count
        // Up to four segments of the current word, without allocating.
        var s0 = 0, e0 = 0, s1 = 0, e1 = 0, s2 = 0, e2 = 0, s3 = 0, e3 = 0
        func eq(_ a0: Int, _ a1: Int, _ c0: Int, _ c1: Int) -> Bool {
            guard a1 - a0 == c1 - c0 else { return false }
            for k in 0..<(a1 - a0) where b[a0 + k] != b[c0 + k] { return false }
            return true
        }
        func codeLike(_ a0: Int, _ a1: Int) -> Bool {
            var letter = false
            for k in a0..<a1 {
                let c = b[k]
                if c >= 65 && c <= 90 { letter = true } else if !(c >= 48 && c <= 57) { return false }
            }
            return letter
        }
        while i < n {
            let c = b[i]
            guard c >= 65 && c <= 90, i == 0 || !(isAlnum(b[i - 1]) || isSep(b[i - 1])) else { i += 1; continue }
            var count = 0
            var j = i
            while j < n, count < 4 {
                let s = j
                while j < n, isAlnum(b[j]) { j += 1 }
                if j == s { break }
                switch count {
                case 0: s0 = s; e0 = j
                case 1: s1 = s; e1 = j
                case 2: s2 = s; e2 = j
                default: s3 = s; e3 = j
                }
                count += 1
                if j + 1 < n, isSep(b[j]), isAlnum(b[j + 1]) { j += 1 } else { break }
            }
            if count >= 2, e0 - s0 >= 3, codeLike(s0, e0), eq(s0, e0, s1, e1) {
                out.append((s0, String(decoding: UnsafeBufferPointer(rebasing: b[s0..<e1]), as: UTF8.self)))
            } else if count >= 4, codeLike(s0, e0), eq(s0, e0, s2, e2), eq(s1, e1, s3, e3), b[e0] == b[e2] {
                out.append((s0, String(decoding: UnsafeBufferPointer(rebasing: b[s0..<e3]), as: UTF8.self)))
            }
            // Skip the rest of this word.
            while j < n, isAlnum(b[j]) || isSep(b[j]) { j += 1 }
            i = max(j, i + 1)
        }
        return out
    }

    static func diagnostic(_ text: String, at loc: SourceLocation) -> Diagnostic {
        info.diagnostic("'\(text)' repeats its first segment", at: loc, hint: "remove the doubled segment")
    }
}

/// TAX0502: a single string field holding several IDs joined by commas.
enum CommaJoinedIDs {
    static let info = RuleInfo(
        code: "TAX0502", name: "comma-joined-ids", family: "hygiene", severity: .warning,
        summary: "A string field holds a comma-joined list of IDs instead of a list.",
        explanation: """
        `"related_tools": "TOL-001, TOL-002"` is one string: tools and scripts that read the field as an ID
        get `TOL-001, TOL-002`. Write a list: `["TOL-001", "TOL-002"]`.
        """,
        triggering: [RuleExample([Ex.tool("TOL-001", "A", extra: "\"alternatives\": \"TOL-002, TOL-003\""), Ex.tool("TOL-002", "B"), Ex.tool("TOL-003", "C")])],
        nonTriggering: [RuleExample([Ex.tool("TOL-001", "A", extra: "\"alternatives\": [\"TOL-002\", \"TOL-003\"]"), Ex.tool("TOL-002", "B"), Ex.tool("TOL-003", "C")])])

    static func diagnostic(field: String, at loc: SourceLocation) -> Diagnostic {
        info.diagnostic("field '\(field)' joins several IDs in one string", at: loc, hint: "write them as a list")
    }

    /// Whether the string is nothing but the IDs and separators (commas, semicolons, spaces).
    static func onlyIDs(_ s: String, tokens: [(IDToken, Int, Int)]) -> Bool {
        let u = Array(s.utf8)
        var covered = [Bool](repeating: false, count: u.count)
        for (_, a, b) in tokens where b <= u.count { for i in a..<b { covered[i] = true } }
        var sawSeparator = false
        for i in 0..<u.count where !covered[i] {
            switch u[i] {
            case 44, 59: sawSeparator = true
            case 32, 9: continue
            default: return false
            }
        }
        return sawSeparator
    }
}

/// TAX0503: a sync tool's conflicted copy.
enum ConflictedCopy {
    static let info = RuleInfo(
        code: "TAX0503", name: "conflicted-copy", family: "hygiene", severity: .warning,
        summary: "A file is a sync tool's conflicted copy.",
        explanation: """
        Dropbox, Google Drive and OneDrive leave `name (conflicted copy 2025-11-02).json`, `name (Спірна
        копія ...)` or `name (Case Conflict)` files when two edits collide. One of the versions is stale;
        merge them and delete the copy.
        """,
        triggering: [RuleExample([("LIBRARIES/LBS_003_Tools/TOL-001_Figma (conflicted copy 2025-11-02).json", "{\"tool_id\": \"TOL-901\", \"name\": \"Figma\"}")])],
        nonTriggering: [RuleExample([Ex.tool("TOL-001", "Figma")])])

    static let markers = ["conflicted copy", "спірна копія", "конфликтующая копия", "case conflict", "konfliktkopie", "copie en conflit"]

    static let asciiMarkers = markers.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
    static let otherMarkers = markers.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }

    static func check(path: String) -> Diagnostic? {
        // Every marker has "co" or "ко"/"кон" in it; most paths have neither a parenthesis nor those.
        guard path.utf8.contains(40) || path.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        let bytes = Array(path.utf8)[...]
        var hit = asciiMarkers.contains { ByteSearch.containsIgnoringCase(bytes: bytes, $0) }
        if !hit, bytes.contains(where: { $0 >= 0x80 }) {
            let lower = path.lowercased()
            hit = otherMarkers.contains { lower.contains($0) }
        }
        guard hit else { return nil }
        return info.diagnostic("conflicted copy left by a sync tool", at: SourceLocation(file: path, line: 1, column: 1),
                               hint: "merge it with the original and delete it")
    }

    /// The path of the original a conflicted copy was made from (the parenthetical with a marker taken out,
    /// or Syncthing's `.sync-conflict-...` part), or nil when the path is not a conflicted copy.
    static func original(of path: String) -> String? {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        if let r = name.range(of: #"\.sync-conflict-[0-9]{8}-[0-9]{6}(-[A-Za-z0-9]+)?"#, options: .regularExpression) {
            return String(path[..<slash]) + name[..<r.lowerBound] + name[r.upperBound...]
        }
        let lower = name.lowercased()
        guard markers.contains(where: { lower.contains($0) }) else { return nil }
        var search = name.startIndex
        while let open = name[search...].firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") {
            let inner = name[name.index(after: open)..<close].lowercased()
            if markers.contains(where: { inner.contains($0) }) {
                var before = name[..<open]
                while before.hasSuffix(" ") { before = before.dropLast() }
                return String(path[..<slash]) + before + name[name.index(after: close)...]
            }
            search = name.index(after: close)
        }
        return nil
    }
}

/// TAX0504: a `.md` file whose content is JSON.
enum JSONInMarkdown {
    static let info = RuleInfo(
        code: "TAX0504", name: "json-in-markdown", family: "hygiene", severity: .warning,
        summary: "A Markdown file holds JSON.",
        explanation: """
        A `.md` file that is one JSON value renders as a wall of text and is not read as an entity. Rename it
        to `.json` (or convert it to Markdown).
        """,
        triggering: [RuleExample([("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_021.md", "{\n  \"Video Title\": \"n8n Quickstart\"\n}\n")])],
        nonTriggering: [RuleExample([("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_021.md", "# Video_021\n\n{not json}\n")])])

    static func check(_ file: SourceFile) -> Diagnostic? {
        guard let first = file.bytes.first(where: { $0 != 32 && $0 != 10 && $0 != 13 && $0 != 9 }), first == 123 || first == 91,
              case .success = JSONParser.parse(file.bytes) else { return nil }
        return info.diagnostic("this Markdown file is JSON", at: file.location(line: 1), hint: "rename it to .json")
    }
}

/// TAX0505: a Markdown table row with another number of cells than its header.
enum TableCellCount {
    static let info = RuleInfo(
        code: "TAX0505", name: "table-cell-count", family: "hygiene", severity: .warning,
        summary: "A Markdown table row has a different number of cells than the header.",
        explanation: """
        A row with a missing or extra `|` shifts every later cell into the wrong column (a Duration under
        Channel URL). Renderers silently drop or pad cells, so the error survives review. When the header
        and the delimiter row disagree, the table does not render at all: that is one warning, at the
        header, saying which cell count the rest of the table has.
        """,
        triggering: [RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Index.md", "# Index\n\n| Video | Title | Duration |\n|---|---|---|\n| Video_003 | Kimi | 14:31 | extra |\n")])],
        nonTriggering: [RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Index.md", "# Index\n\n| Video | Title | Duration |\n|---|---|---|\n| Video_003 | Kimi `a|b` | 14:31 |\n")])])

    /// Cells of a table row, ignoring pipes in code spans and escaped pipes.
    static func cells(_ line: Substring) -> Int { cells(Array(line.utf8)[...]) }

    static func cells(_ u: ArraySlice<UInt8>) -> Int {
        var a = u.startIndex, z = u.endIndex
        while a < z, u[a] == 32 || u[a] == 9 { a += 1 }
        while z > a, u[z - 1] == 32 || u[z - 1] == 9 || u[z - 1] == 13 { z -= 1 }
        if a < z, u[a] == 124 { a += 1 }
        if z > a, u[z - 1] == 124, !(z - 2 >= a && u[z - 2] == 92) { z -= 1 }
        var count = 1
        var inCode = false
        var prev: UInt8 = 32
        var k = a
        while k < z {
            let c = u[k]
            if c == 96 { inCode.toggle() } else if c == 124, !inCode, prev != 92 { count += 1 }
            prev = c
            k += 1
        }
        return count
    }

    static func isSeparator(_ u: ArraySlice<UInt8>) -> Bool {
        var dash = false
        for c in u {
            if c == 45 { dash = true } else if c != 124 && c != 58 && c != 32 && c != 9 && c != 13 && c != 10 { return false }
        }
        return dash
    }

    static func startsWithBar(_ u: ArraySlice<UInt8>) -> Bool {
        for c in u { if c == 32 || c == 9 { continue }; return c == 124 }
        return false
    }

    /// The one warning of a table whose header and delimiter row have different cell counts.
    static func headerMismatch(width: Int, delimiter: Int, rows: [Int], at loc: SourceLocation) -> Diagnostic {
        let rowsAgree = !rows.isEmpty && rows.allSatisfy { $0 == delimiter }
        var message = "this table does not render: the header has \(width) cells, the delimiter row \(delimiter)"
        if rowsAgree { message = "this table does not render: the header has \(width) cells, the delimiter row and rows \(delimiter)" }
        let target = rowsAgree || rows.isEmpty ? delimiter : width
        let hint: String
        if target == delimiter {
            hint = width < delimiter ? "add the missing header cell\(delimiter - width == 1 ? "" : "s")"
                : "remove the extra header cell\(width - delimiter == 1 ? "" : "s") or escape '|' as '\\|'"
        } else {
            hint = "give the delimiter row \(width) cells"
        }
        return info.diagnostic(message, at: loc, hint: hint)
    }

    static func check(_ file: SourceFile, skip: [Bool]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let n = file.lines.lineCount
        func line(_ l: Int) -> ArraySlice<UInt8> {
            let s = file.lines.lineStarts[l - 1]
            let e = l < n ? file.lines.lineStarts[l] - 1 : file.bytes.count
            return file.bytes[s..<max(s, e)]
        }
        var l = 1
        while l < n {
            defer { l += 1 }
            guard l + 1 < skip.count, !skip[l], !skip[l + 1] else { continue }
            let head = line(l)
            guard startsWithBar(head), isSeparator(line(l + 1)) else { continue }
            let width = cells(head), delimiter = cells(line(l + 1))
            var r = l + 2
            if width != delimiter {
                // Header and delimiter row disagree: the table does not render at all. One warning, at the header.
                var rows: [Int] = []
                while r <= n, r < skip.count, !skip[r], startsWithBar(line(r)) { rows.append(cells(line(r))); r += 1 }
                out.append(headerMismatch(width: width, delimiter: delimiter, rows: rows, at: file.location(line: l)))
                l = r - 1
                continue
            }
            while r <= n, r < skip.count, !skip[r] {
                let row = line(r)
                guard startsWithBar(row) else { break }
                let c = cells(row)
                if c != width {
                    out.append(info.diagnostic("table row has \(c) cells; the header has \(width)", at: file.location(line: r),
                                               notes: [.init("the header is here", at: file.location(line: l))],
                                               hint: c < width ? "add the missing cells" : "remove the extra cells or escape '|' as '\\|'"))
                }
                r += 1
            }
            l = r - 1
        }
        return out
    }
}
