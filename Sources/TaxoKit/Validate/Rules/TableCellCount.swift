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
        triggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Index.md",
                    "# Index\n\n| Video | Title | Duration |\n|---|---|---|\n| Video_003 | Kimi | 14:31 | extra |\n"
                )
            ]),
            RuleExample([
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Index.md", "# Index\n\n| A | B |\n|---|---|\n| 1 | 2 | 3 |\n")
            ]),
        ],
        nonTriggering: [
            RuleExample([
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Table.md", "# Table\n\n| A | B |\n|---|---|\n| x \\| y | z |\n")
            ]),
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Index.md",
                    "# Index\n\n| Video | Title | Duration |\n|---|---|---|\n| Video_003 | Kimi `a|b` | 14:31 |\n"
                )
            ]),
        ])

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
            if c == 45 {
                dash = true
            } else if c != 124 && c != 58 && c != 32 && c != 9 && c != 13 && c != 10 {
                return false
            }
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
        if rowsAgree {
            message =
                "this table does not render: the header has \(width) cells, the delimiter row and rows \(delimiter)"
        }
        let target = rowsAgree || rows.isEmpty ? delimiter : width
        let hint: String
        if target == delimiter {
            hint =
                width < delimiter
                ? "add the missing header cell\(delimiter - width == 1 ? "" : "s")"
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
                    out.append(
                        info.diagnostic(
                            "table row has \(c) cells; the header has \(width)", at: file.location(line: r),
                            notes: [.init("the header is here", at: file.location(line: l))],
                            hint: c < width ? "add the missing cells" : "remove the extra cells or escape '|' as '\\|'")
                    )
                }
                r += 1
            }
            l = r - 1
        }
        return out
    }
}

extension TableCellCount: Rule {
    static let stage = RuleStage.extract
}

extension TableCellCount {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Index.md:5:1 table row has 4 cells; the header has 3",
        "1 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Index.md:5:1 table row has 3 cells; the header has 2",
    ]
}
