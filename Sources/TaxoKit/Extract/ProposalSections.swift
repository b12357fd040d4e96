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

    static let lineWords: [[UInt8]] = ["propos", "suggested", "new_id", "placeholder"].map { Array($0.utf8) }

    init(file: SourceFile, syntax: MarkdownSyntax, markers: [String]) {
        let count = file.lines.lineCount
        lines = [Bool](repeating: false, count: count + 2)
        func mark(_ a: Int, _ z: Int) {
            guard a <= z else { return }
            for l in max(1, a)...min(z, count) { lines[l] = true }
        }
        // Code blocks that are proposal lists (a CSV of New_ID rows).
        for c in syntax.codeBlocks {
            let head = c.literal.prefix(200).lowercased()
            if head.hasPrefix("new_id") || head.hasPrefix("new id") || ByteSearch.containsIgnoringCase(c.info, "propos") {
                mark(c.startLine, max(c.startLine, c.endLine))
            }
        }
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
        let code = syntax.codeLines(count: count)
        let headingLines = Set(headings.map(\.line))
        var l = 1
        while l <= count {
            defer { l += 1 }
            guard !code[l], !headingLines.contains(l) else { continue }
            // The line's bytes, without building a String: most lines do not end in ':'.
            let a = file.lines.lineStarts[l - 1]
            var z = l < count ? file.lines.lineStarts[l] : file.bytes.count
            while z > a, let c = Optional(file.bytes[z - 1]), c == 10 || c == 32 || c == 9 || c == 13 || c == 42 || c == 95 { z -= 1 }
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
}
