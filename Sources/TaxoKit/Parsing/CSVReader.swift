/// An RFC 4180 CSV table (quotes, doubled quotes, CRLF) with the line each row starts on.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [(line: Int, cells: [String])]
    /// For each row, the 1-based column at which each of its cells starts on its line.
    public var cellColumns: [[Int]] = []
    /// For each row, the line each of its cells starts on (after a quoted cell holding line breaks, a later
    /// line than the row's).
    public var cellLines: [[Int]] = []
    /// The byte that separates cells (`,`, or `;` or a tab: `CSVReader.separator`).
    public var separator: UInt8 = 44

    public init(header: [String], rows: [(line: Int, cells: [String])], separator: UInt8 = 44) {
        self.header = header
        self.rows = rows
        self.separator = separator
    }

    /// The column of a row's cell (1 when unknown).
    public func column(row: Int, cell: Int) -> Int {
        guard row < cellColumns.count, cell < cellColumns[row].count else { return 1 }
        return cellColumns[row][cell]
    }

    /// The line a row's cell starts on (the row's when unknown).
    public func line(row: Int, cell: Int) -> Int {
        guard row < cellLines.count, cell < cellLines[row].count else { return row < rows.count ? rows[row].line : 1 }
        return cellLines[row][cell]
    }

    /// The index of a column by its header (case and spacing ignored).
    public func column(_ name: String) -> Int? {
        let n = FieldKey.normalize(name)
        return header.firstIndex { FieldKey.normalize($0) == n }
    }
}

/// Reads CSV (RFC 4180, with the sloppiness real files have), keeping each cell's position. Cells are
/// separated by commas, or by the semicolons or tabs of the header line when it has more of those (Excel
/// writes `;` where the decimal mark is a comma; TSV exports use tabs).
public enum CSVReader {
    /// Where a CSV file breaks its format: a quoted cell never closed (its opening quote's offset).
    public struct Problem: Sendable { public var message: String; public var offset: Int; public var hint: String? }

    /// Parses a CSV file.
    public static func parse(_ file: SourceFile) -> CSVTable {
        parse(file, problems: nil)
    }

    /// Parses a CSV file, collecting what is wrong with it into `problems`.
    public static func parse(_ file: SourceFile, problems: UnsafeMutablePointer<[Problem]>?) -> CSVTable {
        var openQuote = -1
        var records: [(Int, [String], [Int], [Int])] = []
        var cells: [String] = []
        var columns: [Int] = []
        var lines: [Int] = []
        // Where the current line starts; where the cell being read starts (line and column).
        var lineStart = 0
        var cellLine = 1
        var cellColumn = 1
        var cell: [UInt8] = []
        var line = 1
        var rowLine = 1
        var inQuotes = false
        let b = file.bytes
        let separator = CSVReader.separator(b)
        var i = 0
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            columns.append(cellColumn)
            lines.append(cellLine)
            cell.removeAll(keepingCapacity: true)
        }
        /// The next cell starts at offset `at`, on the current line.
        func startCell(_ at: Int) {
            cellColumn = at - lineStart + 1
            cellLine = line
        }
        while i < b.count {
            let c = b[i]
            if inQuotes {
                if c == 34 {
                    if i + 1 < b.count, b[i + 1] == 34 { cell.append(34); i += 2; continue }
                    inQuotes = false
                } else {
                    if c == 10 {
                        line += 1
                        lineStart = i + 1
                    }
                    cell.append(c)
                }
                i += 1
                continue
            }
            if c == separator {
                endCell()
                startCell(i + 1)
                i += 1
                continue
            }
            switch c {
            case 34 where cell.isEmpty: inQuotes = true; openQuote = i
            case 13 where i + 1 < b.count && b[i + 1] == 10: break
            case 10:
                endCell()
                if !(cells.count == 1 && cells[0].isEmpty) { records.append((rowLine, cells, columns, lines)) }
                cells = []
                columns = []
                lines = []
                line += 1
                lineStart = i + 1
                rowLine = line
                startCell(i + 1)
            default: cell.append(c)
            }
            i += 1
        }
        if inQuotes {
            problems?.pointee.append(
                Problem(
                    message: "a quoted cell is never closed", offset: max(0, openQuote),
                    hint: "close the quote, or double a quote inside the cell (\"\")"))
        }
        if !cell.isEmpty || !cells.isEmpty { endCell(); records.append((rowLine, cells, columns, lines)) }
        guard let first = records.first else { return CSVTable(header: [], rows: [], separator: separator) }
        var table = CSVTable(
            header: first.1.map { $0.trimmingSpaces() }, rows: records.dropFirst().map { (line: $0.0, cells: $0.1) },
            separator: separator)
        table.cellColumns = records.dropFirst().map(\.2)
        table.cellLines = records.dropFirst().map(\.3)
        return table
    }

    /// The byte separating cells: of `,` `;` and tab, the one the header line (outside quotes) holds most
    /// of; a comma when none, or on a tie with it.
    static func separator(_ b: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0, tabs = 0
        var inQuotes = false
        for c in b {
            if c == 34 { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if c == 10 { break }
            switch c {
            case 44: commas += 1
            case 59: semicolons += 1
            case 9: tabs += 1
            default: break
            }
        }
        if semicolons > commas && semicolons >= tabs { return 59 }
        if tabs > commas && tabs > semicolons { return 9 }
        return 44
    }
}
