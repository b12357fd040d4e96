/// Where a Markdown file announces IDs rather than claiming they exist.
///
/// Three patterns make a line's ID mentions proposals: a line with a proposal word ("Proposed Tool ID:",
/// `new_id`, "suggested", "placeholder"); a code block that is a New_ID list; and, with the configured
/// `proposal_markers` ("next available", "reserved", "planned", ...), a heading holding a marker (its
/// section, up to the next heading of the same or a higher level) or a lead-in line holding a marker and
/// ending in `:` (the list, table or code block right after it).
struct ProposalSections {
    /// Indexed by 1-based line.
    private(set) var lines: [Bool]
    /// Table rows whose table has proposal columns (a header cell "Suggested ID", "Proposed ID", "Next free
    /// ID", "New ID" or with a marker): line -> the 0-based indexes of those columns.
    private(set) var columns: [Int: Set<Int>] = [:]

    static let columnWords: [[UInt8]] = ["suggest", "propos", "next free", "new id", "new_id"].map { Array($0.utf8) }

    static let lineWords: [[UInt8]] = ["propos", "suggested", "new_id", "placeholder"].map { Array($0.utf8) }

    /// `code` marks the lines inside code blocks (`MarkdownSyntax.codeLines`), made once per file by the caller.
    init(file: SourceFile, syntax: MarkdownSyntax, code: [Bool], markers: [String]) {
        let count = file.lines.lineCount
        lines = [Bool](repeating: false, count: count + 2)
        func mark(_ a: Int, _ z: Int) {
            let a = max(1, a), z = min(z, count)
            guard a <= z else { return }
            for l in a...z { lines[l] = true }
        }
        // Code blocks that are proposal lists (a CSV of New_ID rows).
        for c in syntax.codeBlocks {
            let head = c.literal.prefix(200).lowercased()
            if head.hasPrefix("new_id") || head.hasPrefix("new id") || ByteSearch.containsIgnoringCase(c.info, "propos")
            {
                mark(c.startLine, max(c.startLine, c.endLine))
            }
        }
        findProposalColumns(file, markers: markers)
        guard !markers.isEmpty else { return }
        let markerBytes = markers.map { Array($0.utf8) }
        func hasMarker(_ text: ArraySlice<UInt8>) -> Bool {
            markerBytes.contains { ByteSearch.containsIgnoringCase(bytes: text, $0) }
        }
        // Sections under a marked heading.
        let headings = syntax.headings.sorted { $0.line < $1.line }
        for (i, h) in headings.enumerated() where hasMarker(Array(h.text.utf8)[...]) {
            let end = headings[(i + 1)...].first { $0.level <= h.level }.map { $0.line - 1 } ?? count
            mark(h.line, end)
        }
        func isBlank(_ line: Int) -> Bool {
            let a = file.lines.lineStarts[line - 1], z = line < count ? file.lines.lineStarts[line] : file.bytes.count
            return file.bytes[a..<z].allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        }
        // Lead-in lines ending in ':' and the block after them.
        // Heading lines by line number (a set of them was hashed for every line).
        var headingLines = [Bool](repeating: false, count: count + 2)
        for h in headings where h.line >= 0 && h.line < headingLines.count { headingLines[h.line] = true }
        var l = 1
        while l <= count {
            defer { l += 1 }
            guard !code[l], !headingLines[l] else { continue }
            // The line's bytes, without building a String: most lines do not end in ':'.
            let a = file.lines.lineStarts[l - 1]
            var z = l < count ? file.lines.lineStarts[l] : file.bytes.count
            while z > a, let c = Optional(file.bytes[z - 1]),
                c == 10 || c == 32 || c == 9 || c == 13 || c == 42 || c == 95
            { z -= 1 }
            guard z > a, file.bytes[z - 1] == 58, hasMarker(file.bytes[a..<z]) else { continue }
            // The block right after: skip blank lines, then a code block, a list, or lines up to a blank one.
            var s = l + 1
            while s <= count, isBlank(s) { s += 1 }
            guard s <= count else { continue }
            if let c = syntax.codeBlocks.first(where: { $0.startLine == s }) {
                mark(s, c.endLine)
            } else if let list = syntax.lists.first(where: { $0.startLine == s }) {
                mark(s, list.endLine)
            } else {
                var e = s
                while e + 1 <= count, !isBlank(e + 1) { e += 1 }
                mark(s, e)
            }
            mark(l, l)
        }
    }

    /// Whether an ID on this line is announced; `bytes` is the line's text.
    func isProposal(line: Int, bytes: ArraySlice<UInt8>) -> Bool {
        if line < lines.count, lines[line] { return true }
        return ProposalSections.lineWords.contains { ByteSearch.containsIgnoringCase(bytes: bytes, $0) }
    }

    /// Whether an ID on this line is announced by itself, not only by a line that speaks of a proposal: the
    /// line is in a proposal section, list or code block, or a proposal word stands in `before` (the text
    /// between the previous ID on the line, or its start, and this one), or the line holds no other ID.
    func announces(line: Int, before: ArraySlice<UInt8>, alone: Bool) -> Bool {
        if line < lines.count, lines[line] { return true }
        return alone || ProposalSections.lineWords.contains { ByteSearch.containsIgnoringCase(bytes: before, $0) }
    }

    /// Whether the ID at `offset` of the row (`bytes`) stands in one of its table's proposal columns.
    func inProposalColumn(line: Int, bytes: ArraySlice<UInt8>, offset: Int) -> Bool {
        guard let cols = columns[line] else { return false }
        return cols.contains(ProposalSections.column(of: offset, in: bytes))
    }

    /// The 0-based cell index of a byte offset in a table row (pipes escaped or in code spans do not count).
    static func column(of offset: Int, in row: ArraySlice<UInt8>) -> Int {
        var i = row.startIndex
        while i < row.endIndex, row[i] == 32 || row[i] == 9 { i += 1 }
        if i < row.endIndex, row[i] == 124 { i += 1 }
        var col = 0, inCode = false, prev: UInt8 = 0
        while i < min(row.endIndex, offset) {
            let c = row[i]
            if c == 96 { inCode.toggle() } else if c == 124, !inCode, prev != 92 { col += 1 }
            prev = c
            i += 1
        }
        return col
    }

    mutating func findProposalColumns(_ file: SourceFile, markers: [String]) {
        let count = file.lines.lineCount
        let words = ProposalSections.columnWords + markers.map { Array($0.utf8) }
        func bytes(_ l: Int) -> ArraySlice<UInt8> {
            let a = file.lines.lineStarts[l - 1], z = l < count ? file.lines.lineStarts[l] : file.bytes.count
            return file.bytes[a..<z]
        }
        var l = 1
        while l < count {
            let head = bytes(l)
            guard TableCellCount.startsWithBar(head), TableCellCount.isSeparator(bytes(l + 1)) else { l += 1; continue }
            let cells = GapScanner.cells(Substring(String(decoding: head, as: UTF8.self)))
            var cols = Set<Int>()
            for (i, c) in cells.enumerated()
            where words.contains(where: { ByteSearch.containsIgnoringCase(bytes: Array(c.utf8)[...], $0) }) {
                cols.insert(i)
            }
            var r = l + 2
            while r <= count, TableCellCount.startsWithBar(bytes(r)) {
                if !cols.isEmpty { columns[r] = cols }
                r += 1
            }
            l = r
        }
    }
}
