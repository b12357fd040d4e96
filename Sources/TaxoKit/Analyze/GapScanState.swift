import Foundation

/// The walk over one document's lines for `GapScanner`: the heading, tool section and table it is in,
/// and the occurrences found so far.
struct ScanState {
    let s: GapScanner
    let file: SourceFile
    let syntax: MarkdownSyntax
    let lineCount: Int
    var out: [GapOccurrence] = []
    /// By line number: the heading on it, and the code block starting on it (an index into the syntax's).
    var headingAt: [Heading?]
    var codeAt: [Int?]
    var inCode: [Bool]
    var current: Heading?
    var toolSection = false
    /// Under a tool section's own heading or a heading that titles a list of tools (`Other Tools Mentioned`):
    /// `- **Name**: text` items name tools (under a tool's heading they are its fields).
    var toolList = false
    var section: GapScanner.Section?
    var table: GapScanner.Table?
    /// Byte ranges of the IDs and placeholders found (library names inside them are not names).
    var idSpans: [Range<Int>] = []
    /// Many candidates share a line: its snippet and timestamp are made once.
    var lineInfo: [(snippet: String, timestamp: String?)?]
    /// Headings without their numbering, by line (made when first needed).
    var strippedHeadings: [String?]
    /// An `X_ID:` line's ID waiting for its `X_NAME:` line: the occurrence, its line and the key's stem.
    var pendingID: (index: Int, line: Int, stem: String)?

    init(scanner: GapScanner) {
        s = scanner
        file = scanner.file
        syntax = scanner.syntax ?? MarkdownParser.parse(file)
        lineCount = file.lines.lineCount
        headingAt = [Heading?](repeating: nil, count: lineCount + 2)
        lineInfo = .init(repeating: nil, count: lineCount + 2)
        strippedHeadings = .init(repeating: nil, count: lineCount + 2)
        codeAt = [Int?](repeating: nil, count: lineCount + 2)
        for h in syntax.headings where h.line >= 0 && h.line < headingAt.count { headingAt[h.line] = h }
        inCode = syntax.codeLines(count: lineCount)
        for (i, c) in syntax.codeBlocks.enumerated() where c.startLine >= 0 && c.startLine < codeAt.count {
            codeAt[c.startLine] = i
        }
    }

    mutating func stripped(_ h: Heading) -> String {
        let inTable = h.line >= 0 && h.line < strippedHeadings.count
        if inTable, let known = strippedHeadings[h.line] { return known }
        let t = GapNames.stripNumbering(h.text)
        if inTable { strippedHeadings[h.line] = t }
        return t
    }

    mutating func occ(
        _ what: GapOccurrence.What, line: Int, column: Int, text: @autoclosure () -> Substring, required: Bool = false,
        proposal: Bool = false, pairedName: String? = nil, pairedID: GapOccurrence.What? = nil
    ) -> GapOccurrence {
        let info: (snippet: String, timestamp: String?)
        let inTable = line >= 0 && line < lineInfo.count
        if inTable, let known = lineInfo[line] {
            info = known
        } else {
            info = GapOccurrence.shown(text())
            if inTable { lineInfo[line] = info }
        }
        let heading = current.map { stripped($0) }
        return GapOccurrence(
            what: what, pairedName: pairedName, pairedID: pairedID, file: file.path, line: line, column: column,
            heading: heading, snippet: info.snippet, timestamp: info.timestamp, required: required, proposal: proposal)
    }

    /// Adds a name occurrence when the text is a name (with its version split off).
    mutating func addName(
        _ raw: String, kind: Int?, line: Int, column: Int, text: Substring, required: Bool = false,
        proposal: Bool = false,
        pairedID: GapOccurrence.What? = nil, department: String? = nil, maxLength: Int = 80
    ) {
        guard let (name, version) = GapNames.candidate(raw, maxLength: maxLength) else { return }
        guard s.grammar.check(name).isNotAnID else { return }
        var o = occ(
            .name(name, kind: kind), line: line, column: column, text: text, required: required, proposal: proposal,
            pairedID: pairedID)
        o.version = version
        o.department = department
        out.append(o)
    }

    /// The column of a piece of a line (1 when it is not found).
    func column(of piece: String, in text: Substring, line: Int) -> Int {
        // The piece is a part of the line as written: found by its bytes.
        let needle = Array(piece.utf8)
        let found = Array(text.utf8).withUnsafeBufferPointer { ByteSearch.find(needle, in: $0) }
        guard let offset = found else { return 1 }
        return file.location(file.lines.lineStarts[line - 1] + offset).column
    }

    mutating func run() {
        for l in 1...max(1, lineCount) { line(l) }
        libraryNames()
        if let prose = s.prose {
            out += prose.occurrences(in: file, syntax: syntax, inCode: inCode, idSpans: idSpans, known: out)
        }
    }

    /// The IDs and placeholders of a line, with their labels.
    mutating func tokens(_ l: Int, bytes lineBytes: [UInt8], required: Bool, proposal: Bool, text: Substring)
        -> [GapScanner.Token]
    {
        guard lineBytes.contains(UInt8(ascii: "-")) else { return [] }
        var raw: [(IDToken, Int, Int)] = []
        lineBytes.withUnsafeBufferPointer { b in
            s.grammar.scan(b) { raw.append(($0, $1, $2)) }
            raw = s.grammar.withRanges(raw, in: b, limit: 500).tokens
        }
        let ls = file.lines.lineStarts[l - 1]
        var found: [GapScanner.Token] = []
        for (tok, a, z) in raw {
            let col = file.location(ls + a).column
            var label = Labels.after(lineBytes[...], start: a, end: z)
            if let t = label, GapNames.isSentence(t) || GapNames.isPath(t) || GapNames.isURL(t) { label = nil }
            let written = String(decoding: lineBytes[a..<z], as: UTF8.self)
            switch tok {
            case .id(let p):
                var o = occ(
                    .id(p), line: l, column: col, text: text, required: required, proposal: proposal, pairedName: label)
                o.department = p.canonicalDepartment ?? p.department
                if let v = s.video, s.grammar.kinds[p.kind].scoped || s.scopedPrefixes.contains(p.prefix) {
                    o.scopedTo = v
                }
                out.append(o)
                found.append(GapScanner.Token(what: .id(p), start: a, end: z, column: col, label: label, text: written))
            case .placeholder(let k, let t):
                var o = occ(
                    .placeholder(kind: k, text: t), line: l, column: col, text: text, required: required,
                    proposal: true, pairedName: label)
                let parts = t.split(separator: "-")
                if parts.count == 3 { o.department = s.grammar.canonicalDepartment(String(parts[1])) }
                out.append(o)
                found.append(
                    GapScanner.Token(
                        what: .placeholder(kind: k, text: t), start: a, end: z, column: col, label: label, text: written
                    ))
            case .unknownPrefix:
                continue
            }
            idSpans.append((ls + a)..<(ls + z))
        }
        return found
    }

    mutating func line(_ l: Int) {
        let text = file.lines.lineText(l)
        // The line's bytes copied from the file's (valid UTF-8, so the text's own), not read from the text.
        let lineBytes = Array(file.bytes[file.lines.range(ofLine: l)])
        let bytes = lineBytes[...]
        let heading = headingAt[l]
        if let h = heading {
            current = h
            let name = GapNames.stripNumbering(h.text)
            if h.level <= 2 { toolSection = name.lowercased().contains(GapVocabulary.toolSectionWord) }
            toolList = toolSection && (h.level <= 2 || GapNames.isSectionTitle(name))
            section = nil
            table = nil
        }
        let required =
            GapScanner.holdsRequired(bytes)
            || (inCode[l] && s.kinds.neededHeadings.contains { (current?.text.lowercased() ?? "").contains($0) })
        let proposal =
            ByteSearch.containsIgnoringCase(bytes: bytes, GapScanner.proposNeedle)
            || (bytes.contains(UInt8(ascii: "_"))
                && ByteSearch.containsIgnoringCase(bytes: bytes, GapScanner.newIDNeedle))
        let toks = tokens(l, bytes: lineBytes, required: required, proposal: proposal, text: text)
        if let h = heading {
            // A tool heading names a candidate: `### 1.3 ScaleKit Python SDK`, `### LangChain v0.3.1`.
            if h.level >= 3, toolSection, !toolList {
                var name = GapNames.stripNumbering(h.text)
                for t in toks { name = name.replacingAll(t.text, with: " ") }
                let paired = toks.first?.what
                let before = out.count
                addName(name, kind: s.kinds.tool, line: l, column: 1, text: text, pairedID: paired)
                if out.count > before {
                    section = GapScanner.Section(name: out[before].nameText ?? name, index: before)
                }
            }
            return
        }
        if let sec = section { pairWithSection(sec, line: l, bytes: bytes, tokens: toks, text: text) }
        if !inCode[l], GapNames.mayStart(bytes, with: UInt8(ascii: "|")) {
            let trimmed = text.trimmingSpacesSubstring()
            if trimmed.hasPrefix("|") {
                tableRow(l, trimmed: trimmed, tokens: toks, text: text, required: required)
                return
            }
        }
        table = nil
        // Bold items in a tool list: "- **Google OAuth / Google Login** – identity provider".
        // A field has a colon (most lines have none).
        let field = bytes.contains(UInt8(ascii: ":")) ? GapScanner.field(text) : nil
        let fieldKey = field.map { FieldKey.normalize($0.key) }
        if toolSection, !inCode[l], let item = GapNames.boldItem(text, keysToo: toolList),
            !toks.contains(where: { item.contains($0.text) })
        {
            let key = FieldKey.normalize(item)
            if !GapNames.fieldKeys.contains(key), s.kinds.listKeys[key] == nil {
                addName(item, kind: s.kinds.tool, line: l, column: column(of: item, in: text, line: l), text: text)
            }
        }
        // "**Tools Mentioned:** FastAPI, FastMCP" and "TOOLS_REQUIRED: TOL-AID-205, Notion" list names.
        var listed = false
        if let f = field, let list = s.kinds.listKeys[fieldKey!], !f.value.isEmpty {
            listed = true
            for item in GapNames.items(f.value) where !toks.contains(where: { item.contains($0.text) }) {
                addName(
                    item, kind: list.kind, line: l, column: column(of: item, in: text, line: l), text: text,
                    required: required || list.required, maxLength: 60)
            }
        }
        // `MILESTONE_ID: MLS-001` then `MILESTONE_NAME: Build the Research Graph`: the name is the ID's label.
        if let key = fieldKey {
            if key.hasSuffix("id"), toks.count == 1, toks[0].label == nil,
                let i = out.lastIndex(where: { $0.line == l && $0.column == toks[0].column })
            {
                pendingID = (i, l, String(key.dropLast(2)))
            } else if key.hasSuffix("name"), let p = pendingID, l - p.line <= 3, String(key.dropLast(4)) == p.stem,
                let f = field, let (name, _) = GapNames.candidate(f.value)
            {
                out[p.index].pairedName = name
                pendingID = nil
            }
        }
        // Products written with a version (`Better-Auth v1.3.9`, `**Redis**: v8`, `"fastmcp>=0.4.0"`).
        if !listed, GapNames.mayHoldVersion(bytes) {
            for name in GapNames.versionedNames(text)
            where !toks.contains(where: { $0.text.contains(name) || name.contains($0.text) }) {
                addName(name, kind: s.kinds.tool, line: l, column: column(of: name, in: text, line: l), text: text)
            }
        }
        // CSV ID blocks: New_ID,Entity_Type,Name rows.
        if let ci = codeAt[l - 1], case let c = syntax.codeBlocks[ci],
            c.info.lowercased().contains("csv") || c.literal.hasPrefix("New_ID")
        {
            csvRows(c, first: l)
        }
    }

    /// Under a tool heading, `Proposed Tool ID: X` or `Library ID: X` pairs the heading's name with X, unless
    /// X carries a label naming something else (`Proposed Tool ID: TOL-QA-040 (Playwright)` under
    /// `### LangChain`); a Department field gives the section's department.
    mutating func pairWithSection(
        _ sec: GapScanner.Section, line l: Int, bytes: ArraySlice<UInt8>, tokens toks: [GapScanner.Token],
        text: Substring
    ) {
        if let first = toks.first, out[sec.index].pairedID == nil,
            ByteSearch.containsIgnoringCase(bytes: bytes, GapScanner.toolIDNeedle)
                || ByteSearch.containsIgnoringCase(bytes: bytes, GapScanner.libraryIDNeedle),
            first.label.map({ Labels.agrees($0, sec.name) }) ?? true
        {
            out[sec.index].pairedID = first.what
            if let i = out.lastIndex(where: { $0.line == l && $0.column == first.column }) {
                out[i].pairedName = out[i].pairedName ?? sec.name
            }
        }
        if out[sec.index].department == nil, let f = GapScanner.field(text),
            GapVocabulary.departmentFields.contains(FieldKey.normalize(f.key))
        {
            out[sec.index].department = s.department(in: f.value)
        }
    }

    /// A table row: the header decides which cell names the candidate; a cell holding an ID pairs with it.
    mutating func tableRow(
        _ l: Int, trimmed: Substring, tokens toks: [GapScanner.Token], text: Substring, required: Bool
    ) {
        guard let t = table else {
            if l + 1 <= lineCount, TableCellCount.isSeparator(Array(file.lines.lineText(l + 1).utf8)[...]) {
                let cells = GapScanner.cells(trimmed)
                let norm = cells.map { FieldKey.normalize($0) }
                // An ID column: a header with the word ID (`Tool_ID`, `Object ID (proposed)`, `New ID`).
                let idCol = cells.firstIndex {
                    $0.split { !($0.isLetter || $0.isNumber) }.contains { $0.lowercased() == "id" }
                }
                let typeCol = norm.firstIndex { GapVocabulary.typeColumns.contains($0) }
                let toolCol = norm.firstIndex { GapVocabulary.toolColumns.contains($0) }
                let nameCol =
                    toolCol
                    ?? (idCol != nil || typeCol != nil
                        ? norm.firstIndex { GapVocabulary.nameColumns.contains($0) } : nil)
                table = GapScanner.Table(
                    nameColumn: nameCol, idColumn: idCol, typeColumn: typeCol,
                    departmentColumn: norm.firstIndex { GapVocabulary.departmentColumns.contains($0) },
                    namesTools: toolCol != nil)
            }
            return
        }
        // A row is split into cells only when its table has a name column (most tables have none).
        guard let nc = t.nameColumn, !TableCellCount.isSeparator(Array(trimmed.utf8)[...]) else { return }
        let cells = GapScanner.cells(trimmed)
        guard nc < cells.count else { return }
        var name = cells[nc]
        let inCell = toks.filter { name.contains($0.text) }
        // `MCP Inspector / VS Code client (TOL-QA-031)`: the name pairs with the ID in its cell.
        for tok in inCell {
            name = name.replacingAll("(" + tok.text + ")", with: " ").replacingAll(tok.text, with: " ")
        }
        var paired = inCell.first?.what
        if paired == nil, let ic = t.idColumn, ic < cells.count {
            paired = toks.first { cells[ic].contains($0.text) }?.what
        }
        let typed = t.typeColumn.flatMap { $0 < cells.count ? s.kindIndex(forType: cells[$0]) : nil }
        // A generic Name column names an entity only with an ID or a type that is a kind (`| Name | Type |` of
        // objects whose types are Configuration, Secret ... is not a list of tools).
        guard t.namesTools || typed != nil || paired != nil else { return }
        let kind = typed ?? (paired == nil ? s.kinds.tool : nil)
        let dept = t.departmentColumn.flatMap { $0 < cells.count ? s.department(in: cells[$0]) : nil }
        addName(
            name, kind: kind, line: l, column: column(of: cells[nc], in: text, line: l), text: text, required: required,
            pairedID: paired,
            department: dept)
    }

    /// Rows of a CSV code block with an ID column and a name column; the block starts on the line before `first`.
    mutating func csvRows(_ c: MarkdownSyntax.CodeBlock, first: Int) {
        let f = SourceFile(path: file.path, text: c.literal)
        let t = CSVReader.parse(f)
        guard let idc = t.column("New_ID") ?? t.column("ID"), let nc = t.column("Name") else { return }
        let tc = t.column("Entity_Type") ?? t.column("Type")
        let dc = t.column("Department")
        for (line, cells) in t.rows where idc < cells.count && nc < cells.count {
            let l = first + line - 1
            let name = cells[nc].trimmingSpaces()
            guard !name.isEmpty else { continue }
            var paired: GapOccurrence.What?
            switch s.grammar.check(cells[idc]) {
            case .valid(let p): paired = .id(p)
            case .placeholder(let k): paired = .placeholder(kind: k, text: cells[idc])
            default: break
            }
            let kind = tc.flatMap { $0 < cells.count ? s.kindIndex(forType: cells[$0]) : nil }
            let dept = dc.flatMap { $0 < cells.count ? s.department(in: cells[$0]) : nil }
            let text = file.lines.lineText(l)
            let saved = current
            current = nil
            addName(
                name, kind: kind, line: l, column: 1, text: text, proposal: true, pairedID: paired, department: dept)
            current = saved
        }
    }

    /// A name of one capitalised word of letters (`Make`, `Linear`): also an English word.
    static func isCapitalizedWord(_ name: String) -> Bool {
        var first = true
        for b in name.utf8 {
            if first {
                guard b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") else { return false }
                first = false
            } else {
                guard b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") else { return false }
            }
        }
        return name.utf8.count >= 2
    }

    /// Whether the word at `start` opens a sentence: first on its line (after list, quote and heading
    /// markers, a number, emphasis), or after `.`, `!`, `?` or `:` (`**Speaker**: Make sure ...`).
    static func opensSentence(_ bytes: [UInt8], at start: Int) -> Bool {
        var i = start - 1
        // Emphasis and spaces just before the word.
        while i >= 0, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == UInt8(ascii: "*") || bytes[i] == UInt8(ascii: "_")
        {
            i -= 1
        }
        guard i >= 0 else { return true }
        switch bytes[i] {
        // A list number (`1. Make`) ends like a sentence.
        case 10, 13, UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"): return true
        default: break
        }
        // Only markers before it on its line: `- `, `> `, `## `, `- [ ] `.
        while i >= 0, bytes[i] != 10, bytes[i] != 13 {
            switch bytes[i] {
            case 32, 9, UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "x"), UInt8(ascii: "*"):
                i -= 1
            default: return false
            }
        }
        return true
    }

    /// Bytes that end the whitespace-delimited word around a name (`(`, `|`, brackets, backticks too).
    static func isWordStop(_ c: UInt8) -> Bool {
        switch c {
        case 32, 9, 10, 13, UInt8(ascii: "`"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"),
            UInt8(ascii: "["), UInt8(ascii: "]"):
            return true
        default: return false
        }
    }

    /// Library names anywhere in the text, except inside IDs, paths and URLs, and except a one-word name
    /// that is a capitalised word (`Make`, `Linear`, `Cursor`) where the text uses the word: written in lower
    /// case, or opening a sentence in a document that also writes it in lower case (`Make sure ...` beside
    /// `we make it`); `automate it with Make` and `Make is what we use` (no lower-case `make` anywhere) stay.
    mutating func libraryNames() {
        let headings = syntax.headings
        let bytes = file.bytes
        let ids = SpanSet(idSpans)
        let lines = file.lines
        let matches = bytes.withUnsafeBufferPointer { s.matcher.matches(in: $0) }.filter { m in
            if ids.overlaps(m.start..<m.end) { return false }
            // The whitespace-delimited word around the match: `LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json` is a path.
            var a = m.start, z = m.end
            while a > 0, !ScanState.isWordStop(bytes[a - 1]) { a -= 1 }
            while z < bytes.count, !ScanState.isWordStop(bytes[z]) { z += 1 }
            guard a < m.start || z > m.end else { return true }
            let word = String(decoding: bytes[a..<z], as: UTF8.self)
            return !GapNames.isPath(word) && !GapNames.isURL(word)
        }
        var wordNames: [String: Bool] = [:]
        func isWord(_ name: String) -> Bool {
            if let known = wordNames[name] { return known }
            let w = ScanState.isCapitalizedWord(name)
            wordNames[name] = w
            return w
        }
        let lowerCase = UInt8(ascii: "a")...UInt8(ascii: "z")
        var writtenLower = Set<String>()
        for m in matches where lowerCase.contains(bytes[m.start]) && isWord(m.name) { writtenLower.insert(m.name) }
        // Matches come in text order: the heading above each is found by walking forward.
        var h = -1
        for m in matches {
            if isWord(m.name) {
                if lowerCase.contains(bytes[m.start]) { continue }
                if writtenLower.contains(m.name), ScanState.opensSentence(bytes, at: m.start) { continue }
            }
            let loc = file.location(m.start)
            // The line's text is made only for its first occurrence (`occ` keeps its snippet).
            var o = occ(
                .libraryName(m.name, entities: m.entities), line: loc.line, column: loc.column,
                text: lines.lineText(loc.line))
            while h + 1 < headings.count, headings[h + 1].line <= loc.line { h += 1 }
            o.heading = h >= 0 ? stripped(headings[h]) : nil
            out.append(o)
        }
    }
}

extension GapOccurrence {
    /// The name a name occurrence carries.
    var nameText: String? {
        if case .name(let n, _) = self.what { return n }
        return nil
    }
}
