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

    /// Repeated one- or two-segment runs in UTF-8 text: the offsets and the repeated text.
    static func find(_ b: UnsafeBufferPointer<UInt8>) -> [(Int, String)] {
        @inline(__always) func isAlnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        @inline(__always) func isSep(_ c: UInt8) -> Bool { c == 45 || c == 95 }
        var out: [(Int, String)] = []
        var i = 0
        let n = b.count
        while i < n {
            guard isAlnum(b[i]), i == 0 || !(isAlnum(b[i - 1]) || isSep(b[i - 1])) else { i += 1; continue }
            // Segments of this word: [start, end) pairs.
            var segs: [(Int, Int)] = []
            var j = i
            while j < n {
                let s = j
                while j < n, isAlnum(b[j]) { j += 1 }
                if j == s { break }
                segs.append((s, j))
                if j < n, isSep(b[j]), j + 1 < n, isAlnum(b[j + 1]) { j += 1 } else { break }
            }
            if segs.count >= 2 {
                func eq(_ a: (Int, Int), _ c: (Int, Int)) -> Bool {
                    a.1 - a.0 == c.1 - c.0 && (0..<(a.1 - a.0)).allSatisfy { b[a.0 + $0] == b[c.0 + $0] }
                }
                func hasLetter(_ a: (Int, Int)) -> Bool { (a.0..<a.1).contains { b[$0] >= 65 } }
                if eq(segs[0], segs[1]), segs[0].1 - segs[0].0 >= 3, hasLetter(segs[0]) {
                    out.append((segs[0].0, String(decoding: UnsafeBufferPointer(rebasing: b[segs[0].0..<segs[1].1]), as: UTF8.self)))
                } else if segs.count >= 4, eq(segs[0], segs[2]), eq(segs[1], segs[3]), hasLetter(segs[0]), b[segs[0].1] == b[segs[2].1] {
                    out.append((segs[0].0, String(decoding: UnsafeBufferPointer(rebasing: b[segs[0].0..<segs[3].1]), as: UTF8.self)))
                }
            }
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

    static func check(path: String) -> Diagnostic? {
        let lower = path.lowercased()
        guard markers.contains(where: { lower.contains($0) }) else { return nil }
        return info.diagnostic("conflicted copy left by a sync tool", at: SourceLocation(file: path, line: 1, column: 1),
                               hint: "merge it with the original and delete it")
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
        Channel URL). Renderers silently drop or pad cells, so the error survives review.
        """,
        triggering: [RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Index.md", "# Index\n\n| Video | Title | Duration |\n|---|---|---|\n| Video_003 | Kimi | 14:31 | extra |\n")])],
        nonTriggering: [RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Index.md", "# Index\n\n| Video | Title | Duration |\n|---|---|---|\n| Video_003 | Kimi `a|b` | 14:31 |\n")])])

    /// Cells of a table row, ignoring pipes in code spans and escaped pipes.
    static func cells(_ line: Substring) -> Int {
        var s = line.trimmingSpacesSubstring()
        if s.hasPrefix("|") { s = s.dropFirst() }
        if s.hasSuffix("|"), !s.hasSuffix("\\|") { s = s.dropLast() }
        var count = 1
        var inCode = false
        var prev: Character = " "
        for c in s {
            if c == "`" { inCode.toggle() } else if c == "|", !inCode, prev != "\\" { count += 1 }
            prev = c
        }
        return count
    }

    static func isSeparator(_ line: Substring) -> Bool {
        let t = line.trimmingSpacesSubstring()
        return t.contains("-") && t.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " }
    }

    static func check(_ file: SourceFile, skip: [Bool]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var l = 1
        let n = file.lines.lineCount
        while l < n {
            defer { l += 1 }
            guard l < skip.count, !skip[l], l + 1 < skip.count, !skip[l + 1] else { continue }
            let head = file.lines.lineText(l)
            guard head.trimmingSpacesSubstring().hasPrefix("|"), isSeparator(file.lines.lineText(l + 1)) else { continue }
            let width = cells(head)
            var r = l + 2
            while r <= n, r < skip.count, !skip[r] {
                let row = file.lines.lineText(r)
                guard row.trimmingSpacesSubstring().hasPrefix("|") else { break }
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
