/// An RFC 4180 CSV table (quotes, doubled quotes, CRLF) with the line each row starts on.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [(line: Int, cells: [String])]
    /// For each row, the 1-based column at which each of its cells starts on the row's line.
    public var cellColumns: [[Int]] = []

    /// The column of a row's cell (1 when unknown).
    public func column(row: Int, cell: Int) -> Int {
        guard row < cellColumns.count, cell < cellColumns[row].count else { return 1 }
        return cellColumns[row][cell]
    }

    /// The index of a column by its header (case and spacing ignored).
    public func column(_ name: String) -> Int? {
        let n = FieldKey.normalize(name)
        return header.firstIndex { FieldKey.normalize($0) == n }
    }
}

/// Reads CSV (RFC 4180, with the sloppiness real files have), keeping each cell's position.
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
        var records: [(Int, [String], [Int])] = []
        var cells: [String] = []
        var columns: [Int] = []
        var rowStart = 0
        var cellStart = 0
        var cell: [UInt8] = []
        var line = 1
        var rowLine = 1
        var inQuotes = false
        let b = file.bytes
        var i = 0
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            columns.append(cellStart - rowStart + 1)
            cell.removeAll(keepingCapacity: true)
        }
        while i < b.count {
            let c = b[i]
            if inQuotes {
                if c == 34 {
                    if i + 1 < b.count, b[i + 1] == 34 { cell.append(34); i += 2; continue }
                    inQuotes = false
                } else {
                    if c == 10 { line += 1 }
                    cell.append(c)
                }
                i += 1
                continue
            }
            switch c {
            case 34 where cell.isEmpty: inQuotes = true; openQuote = i
            case 44: endCell(); cellStart = i + 1
            case 13 where i + 1 < b.count && b[i + 1] == 10: break
            case 10:
                endCell()
                if !(cells.count == 1 && cells[0].isEmpty) { records.append((rowLine, cells, columns)) }
                cells = []
                columns = []
                line += 1
                rowLine = line
                rowStart = i + 1
                cellStart = i + 1
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
        if !cell.isEmpty || !cells.isEmpty { endCell(); records.append((rowLine, cells, columns)) }
        guard let first = records.first else { return CSVTable(header: [], rows: []) }
        var table = CSVTable(
            header: first.1.map { $0.trimmingSpaces() }, rows: records.dropFirst().map { (line: $0.0, cells: $0.1) })
        table.cellColumns = records.dropFirst().map(\.2)
        return table
    }
}
