import Foundation

/// Reads one document for gap analysis: every ID (with its label), every placeholder, every library
/// name, and names in structured places (tool headings, tool tables, CSV ID blocks, bold items in tool
/// lists, `Proposed Tool ID:` lines). Section headings count whether numbered or not.
struct GapScanner {
    let grammar: IDGrammar
    let matcher: NameMatcher
    let toolKind: Int?
    let file: SourceFile

    /// `## 5. Action Verbs` -> `Action Verbs`; `### 1.3 ScaleKit Python SDK` -> `ScaleKit Python SDK`.
    static func stripNumbering(_ s: String) -> String {
        var t = Substring(s.trimmingSpaces())
        let numbering = t.prefix { $0.isNumber || $0 == "." || $0 == ")" }
        if !numbering.isEmpty, numbering.contains(where: \.isNumber) { t = t.dropFirst(numbering.count) }
        return String(t).trimmingSpaces()
    }

    static func cleanName(_ s: String) -> String {
        var t = s.trimmingSpaces()
        for ch in ["`", "*", "_"] { while t.hasPrefix(ch) && t.hasSuffix(ch) && t.count > 2 { t = String(t.dropFirst().dropLast()) } }
        t = t.replacingAll("**", with: "").replacingAll("`", with: "")
        // Drop a trailing parenthetical: "FastAPI + FastMCP (Hosting Stack)" -> "FastAPI + FastMCP".
        if t.hasSuffix(")"), let open = t.lastIndex(of: "("), open > t.startIndex { t = String(t[..<open]) }
        return t.trimmingSpaces()
    }

    static let requiredMarkers = ["tools_required", "skills_required", "responsibility:", "responsibilities:", "tool:", "skills:",
                                  "tasks:", "steps:", "parent_task", "parent_milestone", "object:", "action:"]
    static let neededHeadings = ["workflow", "milestone", "task", "step"]
    /// Bold keys whose value is a comma-separated list of tool names.
    static let toolListKeys: Set<String> = ["tools", "tool", "toolsmentioned", "toolsused", "keytools", "toolsandplatforms", "notabletools"]
    static let requiredNeedles = requiredMarkers.map { Array($0.utf8) }
    static let proposNeedle = Array("propos".utf8), newIDNeedle = Array("new_id".utf8)
    static let toolIDNeedle = Array("tool id".utf8), libraryIDNeedle = Array("library id".utf8)

    /// A cheap test before looking for versions: `v`+digit, or `>=`, `^`, `~` before a digit.
    static func mayHoldVersion(_ b: ArraySlice<UInt8>) -> Bool {
        var prev: UInt8 = 32
        for c in b {
            if c >= 48 && c <= 57, prev == 118 || prev == 86 || prev == 61 || prev == 94 || prev == 126 { return true }
            prev = c
        }
        return false
    }

    static func timestamp(_ line: Substring) -> String? {
        let t = line.trimmingSpacesSubstring()
        guard t.hasPrefix("["), let close = t.firstIndex(of: "]") else { return nil }
        let inner = t[t.index(after: t.startIndex)..<close]
        guard inner.contains(":"), inner.allSatisfy({ $0.isNumber || $0 == ":" }) else { return nil }
        return String(inner)
    }

    func scan() -> [GapOccurrence] {
        let syntax = MarkdownParser.parse(file)
        let n = file.lines.lineCount
        var headingAt: [Int: Heading] = [:]
        for h in syntax.headings { headingAt[h.line] = h }
        var codeAt: [Int: MarkdownSyntax.CodeBlock] = [:]
        var inCode = [Bool](repeating: false, count: n + 2)
        for c in syntax.codeBlocks {
            codeAt[c.startLine] = c
            for l in c.startLine...max(c.startLine, min(c.endLine, n)) { inCode[l] = true }
        }
        var out: [GapOccurrence] = []
        var current: Heading?
        var h2: String = ""
        var toolSection = false
        var sectionName: (name: String, index: Int)?   // the H3 tool heading's candidate, to pair with an ID line
        var table: (cols: [String], nameCol: Int?, idCol: Int?, typeCol: Int?)?

        // Many candidates share a line (library names above all): its snippet and timestamp are made once.
        var lineInfo: [Int: (snippet: String, timestamp: String?)] = [:]
        var strippedHeadings: [Int: String] = [:]
        func stripped(_ h: Heading) -> String {
            if let s = strippedHeadings[h.line] { return s }
            let s = GapScanner.stripNumbering(h.text)
            strippedHeadings[h.line] = s
            return s
        }
        func occ(_ what: GapOccurrence.What, line: Int, column: Int, text: @autoclosure () -> Substring, required: Bool = false, proposal: Bool = false,
                 pairedName: String? = nil, pairedID: GapOccurrence.What? = nil) -> GapOccurrence {
            let info: (snippet: String, timestamp: String?)
            if let known = lineInfo[line] { info = known } else {
                let whole = text()
                let t = whole.trimmingSpaces()
                info = (t.utf8.count <= 200 ? t : String(t.prefix(200)), GapScanner.timestamp(whole))
                lineInfo[line] = info
            }
            let heading = current.map(stripped)
            return GapOccurrence(what: what, pairedName: pairedName, pairedID: pairedID, file: file.path, line: line, column: column,
                                 heading: heading, snippet: info.snippet, timestamp: info.timestamp, required: required, proposal: proposal)
        }

        for l in 1...max(1, n) {
            let text = file.lines.lineText(l)
            if let h = headingAt[l] {
                current = h
                let name = GapScanner.stripNumbering(h.text)
                if h.level <= 2 {
                    h2 = name.lowercased()
                    toolSection = h2.contains("tool")
                }
                sectionName = nil
                if h.level >= 3, toolSection {
                    let candidate = GapScanner.cleanName(name)
                    if !candidate.isEmpty, candidate.count <= 80 {
                        out.append(occ(.name(candidate, kind: toolKind), line: l, column: 1, text: text))
                        sectionName = (candidate, out.count - 1)
                    }
                }
                table = nil
                continue
            }
            let lineBytes = Array(text.utf8)
            let bytes = lineBytes[...]
            let required = GapScanner.requiredNeedles.contains { ByteSearch.containsIgnoringCase(bytes: bytes, $0) }
                || (inCode[l] && GapScanner.neededHeadings.contains { (current?.text.lowercased() ?? "").contains($0) })
            let proposal = ByteSearch.containsIgnoringCase(bytes: bytes, GapScanner.proposNeedle)
                || ByteSearch.containsIgnoringCase(bytes: bytes, GapScanner.newIDNeedle)
            let ls = file.lines.lineStarts[l - 1]
            // IDs and placeholders on this line.
            var tokens: [(IDToken, Int, Int)] = []
            if lineBytes.contains(45) {
                lineBytes.withUnsafeBufferPointer { b in
                    grammar.scan(b) { tokens.append(($0, $1, $2)) }
                    tokens = grammar.withRanges(tokens, in: b, limit: 500).tokens
                }
            }
            var lineIDs: [(GapOccurrence.What, String?)] = []
            for (tok, a, z) in tokens {
                let col = file.location(ls + a).column
                switch tok {
                case .id(let p):
                    let label = Labels.after(lineBytes[...], start: a, end: z)
                    out.append(occ(.id(p), line: l, column: col, text: text, required: required, proposal: proposal, pairedName: label))
                    lineIDs.append((.id(p), label))
                case .placeholder(let k, let t):
                    let label = Labels.after(lineBytes[...], start: a, end: z)
                    out.append(occ(.placeholder(kind: k, text: t), line: l, column: col, text: text, required: required, proposal: true, pairedName: label))
                    lineIDs.append((.placeholder(kind: k, text: t), label))
                case .unknownPrefix:
                    break
                }
            }
            // "Proposed Tool ID: X" / "Library ID: X" under a tool heading pairs the heading's name with X.
            if let s = sectionName, ByteSearch.containsIgnoringCase(bytes: bytes, GapScanner.toolIDNeedle)
                || ByteSearch.containsIgnoringCase(bytes: bytes, GapScanner.libraryIDNeedle), let first = lineIDs.first {
                out[s.index].pairedID = first.0
                if let i = out.lastIndex(where: { $0.line == l }) { out[i].pairedName = out[i].pairedName ?? s.name }
            }
            // Tables: a header with a Tool / Tool Name / Name column names candidates row by row.
            let trimmed = text.trimmingSpacesSubstring()
            if !inCode[l], trimmed.hasPrefix("|") {
                let cells = GapScanner.cells(trimmed)
                if let t = table {
                    if TableCellCount.isSeparator(Array(trimmed.utf8)[...]) { continue }
                    if let nc = t.nameCol, nc < cells.count {
                        let name = GapScanner.cleanName(cells[nc])
                        if !name.isEmpty, grammar.check(name).isNotAnID {
                            var paired: GapOccurrence.What?
                            if let ic = t.idCol, ic < cells.count { paired = lineIDs.first?.0 }
                            let kind = t.typeCol.flatMap { $0 < cells.count ? kindIndex(forType: cells[$0]) : nil } ?? toolKind
                            out.append(occ(.name(name, kind: kind), line: l, column: 1, text: text, required: required, pairedID: paired))
                        }
                    }
                } else if l + 1 <= n, TableCellCount.isSeparator(Array(file.lines.lineText(l + 1).utf8)[...]) {
                    let norm = cells.map { FieldKey.normalize($0) }
                    let nameCol = norm.firstIndex { $0 == "tool" || $0 == "toolname" || $0 == "tools" }
                        ?? (norm.contains { $0 == "toolid" } ? norm.firstIndex { $0 == "name" } : nil)
                    table = (cells, nameCol, norm.firstIndex { $0 == "toolid" || $0 == "id" }, norm.firstIndex { $0 == "type" || $0 == "entitytype" })
                }
                continue
            } else {
                table = nil
            }
            // Bold items in a tool list: "- **Google OAuth / Google Login** – identity provider".
            if toolSection, !inCode[l], let item = GapScanner.boldItem(text) {
                out.append(occ(.name(item, kind: toolKind), line: l, column: 1, text: text))
            }
            // "**Tools Mentioned:** FastAPI, FastMCP, ScaleKit Dashboard" lists tools by name.
            if !inCode[l], let f = HeaderFields.bold(text), GapScanner.toolListKeys.contains(FieldKey.normalize(f.key)),
               !f.value.isEmpty, grammar.check(f.value).isNotAnID {
                for part in f.value.split(whereSeparator: { $0 == "," || $0 == ";" }) {
                    let name = GapScanner.cleanName(String(part))
                    let balanced = name.filter { $0 == "(" }.count == name.filter { $0 == ")" }.count
                    if balanced, name.count >= 2, name.count <= 60, name.first?.isLetter == true, !name.contains(".md") {
                        out.append(occ(.name(name, kind: toolKind), line: l, column: 1, text: text))
                    }
                }
            }
            // Products written with a version (`Better-Auth v1.3.9`, `**Redis**: v8`, `"fastmcp>=0.4.0"`).
            for name in GapScanner.mayHoldVersion(bytes) ? GapScanner.versionedNames(text) : [] {
                out.append(occ(.name(name, kind: toolKind), line: l, column: 1, text: text))
            }
            // CSV ID blocks: New_ID,Entity_Type,Name rows.
            if let c = codeAt[l - 1], c.info.lowercased().contains("csv") || c.literal.hasPrefix("New_ID") {
                out += csvRows(c, lines: l)
            }
        }
        // Library names anywhere in the text.
        let text = file.text
        for m in matcher.matches(in: text) {
            let loc = file.location(m.start)
            // The line's text is made only for the first name found on it (occ keeps what it needs).
            var o = occ(.libraryName(m.name, entities: m.entities), line: loc.line, column: loc.column, text: file.lines.lineText(loc.line))
            o.heading = headingAbove(loc.line, syntax.headings).map(stripped)
            out.append(o)
        }
        return out
    }

    func headingAbove(_ line: Int, _ hs: [Heading]) -> Heading? {
        hs.last { $0.line <= line }
    }

    func kindIndex(forType t: String) -> Int? {
        let n = FieldKey.normalize(t)
        return grammar.kinds.firstIndex { FieldKey.normalize($0.name) == n }
    }

    /// Rows of a CSV code block with an ID column and a name column; the block starts on the line before `lines`.
    func csvRows(_ c: MarkdownSyntax.CodeBlock, lines first: Int) -> [GapOccurrence] {
        let f = SourceFile(path: file.path, text: c.literal)
        let t = CSVReader.parse(f)
        guard let idc = t.column("New_ID") ?? t.column("ID"), let nc = t.column("Name") else { return [] }
        let tc = t.column("Entity_Type") ?? t.column("Type")
        var out: [GapOccurrence] = []
        for (line, cells) in t.rows where idc < cells.count && nc < cells.count {
            let l = first + line - 1
            let text = file.lines.lineText(l)
            let name = cells[nc].trimmingSpaces()
            guard !name.isEmpty else { continue }
            var paired: GapOccurrence.What?
            switch grammar.check(cells[idc]) {
            case .valid(let p): paired = .id(p)
            case .placeholder(let k): paired = .placeholder(kind: k, text: cells[idc])
            default: break
            }
            let kind = tc.flatMap { $0 < cells.count ? kindIndex(forType: cells[$0]) : nil }
            out.append(GapOccurrence(what: .name(name, kind: kind), pairedName: nil, pairedID: paired, file: file.path, line: l, column: 1,
                                     heading: nil, snippet: String(text.trimmingSpaces().prefix(200)), timestamp: nil, required: false, proposal: true))
        }
        return out
    }

    /// Names written right before a version: `Name v1.2`, `**Name**: v8`, `"name>=0.19.0"`, `"name": "^1.3.9"`.
    static func versionedNames(_ line: Substring) -> [String] {
        var out: [String] = []
        // "- **PostgreSQL**: Ready for v17+": a bold key whose value holds a version names a product.
        let trimmed = line.trimmingSpacesSubstring()
        if trimmed.hasPrefix("- **") || trimmed.hasPrefix("* **"), let f = HeaderFields.bold(line),
           f.value.range(of: #"(^|[^A-Za-z0-9])v[0-9]"#, options: .regularExpression) != nil,
           f.key.count >= 3, f.key.count <= 40, f.key.first?.isUppercase == true, GapScanner.productLike(f.key) {
            return [cleanName(f.key)]
        }
        let t = String(line).replacingAll("**", with: "").replacingAll("`", with: "")
        let u = Array(t.utf8)
        func isNameByte(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45 || c == 46 || c == 95 }
        var i = 0
        while i < u.count {
            // A version starts with v<digit>, or a specifier (>=, ^, ~) followed by a digit.
            var vStart = -1
            if (u[i] == 118 || u[i] == 86), i + 1 < u.count, u[i + 1] >= 48 && u[i + 1] <= 57, i == 0 || !isNameByte(u[i - 1]) { vStart = i }
            if (u[i] == 62 || u[i] == 94 || u[i] == 126), i + 1 < u.count, (u[i + 1] >= 48 && u[i + 1] <= 57) || u[i + 1] == 61 { vStart = i }
            guard vStart >= 0 else { i += 1; continue }
            // Walk back over separators (space, colon, quote, '=', '>') to the name.
            var e = vStart
            while e > 0, [32, 58, 34, 39, 61, 62, 60].contains(u[e - 1]) { e -= 1 }
            var s0 = e
            while s0 > 0, isNameByte(u[s0 - 1]) { s0 -= 1 }
            if e > s0 {
                var name = String(decoding: u[s0..<e], as: UTF8.self)
                while name.hasSuffix(".") || name.hasSuffix("-") { name.removeLast() }
                let lower = name.lowercased()
                let hasLetter = name.contains { $0.isLetter }
                if hasLetter, name.count >= 3, !["version", "ready", "for", "with", "and", "the", "from", "requirement", "current", "exceeds", "matches"].contains(lower),
                   (name.first?.isUppercase == true || t.contains("\"" + name)), GapScanner.productLike(name),
                   name.dropFirst().contains(where: { $0.isUppercase || $0.isNumber || $0 == "." || $0 == "-" }) || t.contains("\"" + name) {
                    out.append(name)
                }
            }
            i = vStart + 2
        }
        return out
    }

    /// Not a metadata key (`EXTRACTOR_VERSION`, `Duration`, `Status`).
    static func productLike(_ name: String) -> Bool {
        if name.contains("_") || name.unicodeScalars.contains(where: { !$0.isASCII }) { return false }
        if name.split(separator: " ").count > 4 { return false }
        return !["duration", "date", "version", "status", "phase", "prompt", "python", "node", "schema", "timeline", "total"].contains(name.lowercased())
    }

    /// A table row's cells: split on `|` except an escaped `\|` (unescaped in the cell) or one inside a code
    /// span, as `TableCellCount` counts them (taxo's own tracker escapes pipes in titles).
    static func cells(_ row: Substring) -> [String] {
        var s = row.trimmingSpacesSubstring()
        if s.hasPrefix("|") { s = s.dropFirst() }
        if s.hasSuffix("|"), !s.hasSuffix("\\|") { s = s.dropLast() }
        guard s.contains("\\") || s.contains("`") else {
            return s.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        }
        var out: [String] = []
        var cell = ""
        var inCode = false
        var escaped = false
        for ch in s {
            if escaped {
                if ch != "|" { cell.append("\\") }
                cell.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "`" {
                inCode.toggle()
                cell.append(ch)
            } else if ch == "|", !inCode {
                out.append(cell.trimmingSpaces())
                cell = ""
            } else {
                cell.append(ch)
            }
        }
        if escaped { cell.append("\\") }
        out.append(cell.trimmingSpaces())
        return out
    }

    /// `- **Name** – text` (not `- **Key**: value`).
    static func boldItem(_ line: Substring) -> String? {
        var s = line.trimmingSpacesSubstring()
        guard s.hasPrefix("- **") || s.hasPrefix("* **") else { return nil }
        s = s.dropFirst(4)
        guard let close = s.range(of: "**") else { return nil }
        let name = s[..<close.lowerBound]
        let rest = s[close.upperBound...].trimmingSpacesSubstring()
        if name.hasSuffix(":") || rest.hasPrefix(":") { return nil }
        let n = cleanName(String(name))
        return n.isEmpty || n.count > 80 ? nil : n
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
