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
            file's entities and links still count, and reports each conflict once at its first marker; of a JSON
            or YAML file whose first side does not parse on its own, it reads the last; of a CSV master list,
            whose usual conflict is two branches each adding rows, it reads the rows of both. Keep the
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

    static let opening = Array("<<<<<<<".utf8)

    /// The conflicts of a file, in order. In Markdown, markers inside code blocks (as the Markdown parser
    /// finds them, parsed only for a file holding `<<<<<<<`) are an example and left alone.
    static func blocks(in file: SourceFile, markdown: Bool) -> [Block] {
        guard ByteSearch.contains(file.bytes, opening) else { return [] }
        let lines = file.lines
        let code = markdown ? MarkdownParser.parse(file).codeLines(count: lines.lineCount) : []
        var out: [Block] = []
        var open: (start: Int, base: Int?, middle: Int?, ours: String)?
        for i in 0..<lines.lineCount where code.isEmpty || !code[i + 1] {
            let line = file.bytes[lines.range(ofLine: i + 1)]
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

    /// The label after a marker of seven `char`s at the start of a line (empty when none), or nil.
    static func marker(_ line: ArraySlice<UInt8>, _ char: UInt8) -> String? {
        guard line.count >= 7, line.prefix(7).allSatisfy({ $0 == char }) else { return nil }
        let rest = line.dropFirst(7)
        guard let first = rest.first else { return "" }
        guard first == 32 || first == 9 else { return nil }
        return String(decoding: rest, as: UTF8.self).trimmingSpaces()
    }

    /// `=======` alone on its line.
    static func isSeparator(_ line: ArraySlice<UInt8>) -> Bool {
        var l = line
        while let last = l.last, last == 32 || last == 9 { l.removeLast() }
        return l.count == 7 && l.allSatisfy { $0 == 61 }
    }

    /// Which version of each conflict taxo reads: the first (the branch merged into), the last (the branch
    /// merged, when the first alone does not parse), or both (a CSV list's rows).
    enum Side { case first, last, both }

    /// The text as `side` has it: the marker lines and the other versions emptied (their line ends kept, so
    /// every remaining line keeps its number and columns).
    static func readable(_ file: SourceFile, blocks: [Block], side: Side = .first) -> [UInt8] {
        var dropped = Set<Int>()
        for b in blocks {
            let (from, to) =
                switch side {
                case .first: (b.base ?? b.middle, b.end)
                case .both: (b.base ?? b.middle, b.middle)
                case .last: (b.start, b.middle)
                }
            dropped.insert(b.start)
            for line in from...to { dropped.insert(line) }
            dropped.insert(b.end)
        }
        let starts = file.lines.lineStarts, bytes = file.bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for i in starts.indices {
            let next = i + 1 < starts.count ? starts[i + 1] : bytes.count
            if !dropped.contains(i) {
                out += bytes[starts[i]..<next]
            } else if next > starts[i], bytes[next - 1] == 10 {
                out.append(10)
            }
        }
        return out
    }

    /// What to do about a conflict, in a file's findings and in `taxonomy.yaml`'s.
    static let advice = "keep the right version (or merge the two) and delete the marker lines"

    /// What a conflict is called, in a file's findings and in `taxonomy.yaml`'s.
    static func message(_ b: Block) -> String {
        "unresolved merge conflict (lines \(b.start + 1)-\(b.end + 1)): both versions are in the file"
    }

    static func diagnostic(_ b: Block, in file: SourceFile, side read: Side = .first) -> Diagnostic {
        let side =
            switch read {
            case .both: "the rows of both sides"
            case .first: b.ours.isEmpty ? "the first side" : "the first side ('\(b.ours)')"
            case .last:
                (b.theirs.isEmpty ? "the last side" : "the last side ('\(b.theirs)')")
                    + ", since the first alone does not parse"
            }
        return info.diagnostic(
            message(b),
            at: file.location(line: b.start + 1),
            notes: [
                .init(
                    "the conflict ends here" + (b.theirs.isEmpty ? "" : " ('\(b.theirs)')"),
                    at: file.location(line: b.end + 1))
            ],
            hint: "\(advice); taxo read \(side)")
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
