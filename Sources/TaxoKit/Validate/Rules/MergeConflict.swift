/// TAX0508: a file committed with git's merge-conflict markers still in it.
enum MergeConflict {
    static let info = RuleInfo(
        code: "TAX0508", name: "merge-conflict", family: "hygiene", severity: .error,
        summary: "A file holds unresolved merge-conflict markers (<<<<<<<, =======, >>>>>>>).",
        explanation: """
            When two branches change the same lines, git writes both versions into the file between marker lines
            and leaves the choice to a person. Committed as it is, a JSON or YAML file no longer parses, and a
            Markdown file shows both versions (the `=======` line even turns the line above it into a heading).
            taxo reads the first side of each conflict (the branch merged into, usually `HEAD`) so that the
            file's entities and links still count, and reports each conflict once at its first marker; of a CSV
            master list, whose usual conflict is two branches each adding rows, it reads the rows of both. Keep the
            right version (or merge the two) and delete the marker lines. Markers inside a Markdown code block are
            an example, not a conflict.
            """,
        triggering: [
            RuleExample([
                (
                    "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json",
                    "{\n  \"tool_id\": \"TOL-001\",\n<<<<<<< HEAD\n  \"name\": \"Figma\"\n=======\n  \"name\": \"Figma Design\"\n>>>>>>> feature/rename\n}\n"
                )
            ]),
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\n<<<<<<< HEAD\nUses TOL-001.\n||||||| base\nUses a tool.\n=======\nUses TOL-002.\n>>>>>>> main\n"
                ),
                Ex.tool("TOL-001", "Figma"), Ex.tool("TOL-002", "Sketch"),
            ]),
            RuleExample(
                MasterListExamples.files(
                    rows:
                        "<<<<<<< HEAD\nTOL-001,Figma,TOL-001_Figma.json\n=======\nTOL-009,Extra,TOL-009_Extra.json\n>>>>>>> other\n",
                    extra: true)),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Git_Notes.md",
                    "# Resolving conflicts\n\n```text\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> branch\n```\n"
                )
            ]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Setext.md", "Title\n=======\n\nText.\n")]),
        ])

    /// One conflict: the lines (0-based) of its markers, and the names git wrote after the first and last.
    struct Block: Equatable {
        var start: Int
        var base: Int?
        var middle: Int
        var end: Int
        var ours: String
        var theirs: String
    }

    /// The conflicts of a text, in order; in Markdown, markers inside fenced code blocks are left alone.
    static func blocks(_ bytes: [UInt8], lines: LineTable, markdown: Bool) -> [Block] {
        guard ByteSearch.contains(bytes, Array("<<<<<<<".utf8)) else { return [] }
        var out: [Block] = []
        var open: (start: Int, base: Int?, middle: Int?, ours: String)?
        var fence: (char: UInt8, count: Int, bare: Bool)?
        for i in 0..<lines.lineCount {
            let line = bytes[range(ofLine: i, lines, bytes.count)]
            if markdown, let f = fenceMark(line) {
                if let o = fence {
                    // A closing fence is as long as the opening one at least, and carries no info string.
                    if f.char == o.char && f.count >= o.count && f.bare { fence = nil }
                } else {
                    fence = f
                }
                continue
            }
            if fence != nil { continue }
            if let label = marker(line, 60) {  // <<<<<<<
                open = (i, nil, nil, label)
            } else if var o = open, o.middle == nil, o.base == nil, marker(line, 124) != nil {  // |||||||
                o.base = i
                open = o
            } else if var o = open, o.middle == nil, isSeparator(line) {
                o.middle = i
                open = o
            } else if let o = open, let middle = o.middle, let label = marker(line, 62) {  // >>>>>>>
                out.append(Block(start: o.start, base: o.base, middle: middle, end: i, ours: o.ours, theirs: label))
                open = nil
            }
        }
        return out
    }

    /// A 0-based line's bytes, without its newline.
    static func range(ofLine i: Int, _ lines: LineTable, _ count: Int) -> Range<Int> {
        let start = lines.lineStarts[i]
        let end = i + 1 < lines.lineCount ? lines.lineStarts[i + 1] - 1 : count
        return start..<max(start, end)
    }

    /// The label after a marker of seven `char`s at the start of a line (empty when none), or nil.
    static func marker(_ line: ArraySlice<UInt8>, _ char: UInt8) -> String? {
        guard line.count >= 7, line.prefix(7).allSatisfy({ $0 == char }) else { return nil }
        let rest = line.dropFirst(7)
        guard let first = rest.first else { return "" }
        guard first == 32 || first == 9 || first == 13 else { return nil }
        return String(decoding: rest, as: UTF8.self).trimmingSpaces()
    }

    /// `=======` alone on its line.
    static func isSeparator(_ line: ArraySlice<UInt8>) -> Bool {
        var l = line
        while let last = l.last, last == 32 || last == 9 || last == 13 { l.removeLast() }
        return l.count == 7 && l.allSatisfy { $0 == 61 }
    }

    /// A Markdown fence line (up to three spaces, then three or more backticks or tildes), and whether
    /// nothing but spaces follows them.
    static func fenceMark(_ line: ArraySlice<UInt8>) -> (char: UInt8, count: Int, bare: Bool)? {
        let body = line.drop { $0 == 32 }
        guard line.count - body.count <= 3, let c = body.first, c == 96 || c == 126 else { return nil }
        let n = body.prefix { $0 == c }.count
        return n >= 3 ? (c, n, body.dropFirst(n).allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }) : nil
    }

    /// The text as its first side has it (with `bothSides`, its first and last sides: a CSV list's rows): the
    /// marker lines and the other sides emptied (their line ends kept, so every remaining line keeps its
    /// number and columns).
    static func readable(_ bytes: [UInt8], lines: LineTable, blocks: [Block], bothSides: Bool = false) -> [UInt8] {
        var dropped = Set<Int>()
        for b in blocks {
            dropped.insert(b.start)
            let last = bothSides ? b.middle : b.end
            for line in (b.base ?? b.middle)...last { dropped.insert(line) }
            dropped.insert(b.end)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for i in 0..<lines.lineCount {
            let r = range(ofLine: i, lines, bytes.count)
            if !dropped.contains(i) { out += bytes[r] }
            if r.upperBound < bytes.count { out.append(10) }
        }
        return out
    }

    static func diagnostic(_ b: Block, in file: SourceFile, bothSides: Bool = false) -> Diagnostic {
        let side =
            bothSides ? "the rows of both sides" : b.ours.isEmpty ? "the first side" : "the first side ('\(b.ours)')"
        return info.diagnostic(
            "unresolved merge conflict (lines \(b.start + 1)-\(b.end + 1)): both versions are in the file",
            at: file.location(line: b.start + 1),
            notes: [
                .init(
                    "the conflict ends here" + (b.theirs.isEmpty ? "" : " ('\(b.theirs)')"),
                    at: file.location(line: b.end + 1))
            ],
            hint: "keep the right version (or merge the two) and delete the marker lines; taxo read \(side)")
    }
}

extension MergeConflict: Rule {
    static let stage = RuleStage.parse
}

extension MergeConflict {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:3:1 unresolved merge conflict (lines 3-7): both versions are in the file",
        "1 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:3:1 unresolved merge conflict (lines 3-9): both versions are in the file",
        "2 tools/Tools_Master.csv:2:1 unresolved merge conflict (lines 2-6): both versions are in the file",
    ]
}
