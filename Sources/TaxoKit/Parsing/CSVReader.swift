/// An RFC 4180 CSV table (quotes, doubled quotes, CRLF) with the line each row starts on.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [(line: Int, cells: [String])]

    public func column(_ name: String) -> Int? {
        let n = FieldKey.normalize(name)
        return header.firstIndex { FieldKey.normalize($0) == n }
    }
}

public enum CSVReader {
    public static func parse(_ file: SourceFile) -> CSVTable {
        var records: [(Int, [String])] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var line = 1
        var rowLine = 1
        var inQuotes = false
        let b = file.bytes
        var i = 0
        func endCell() { cells.append(String(decoding: cell, as: UTF8.self)); cell.removeAll(keepingCapacity: true) }
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
            case 34 where cell.isEmpty: inQuotes = true
            case 44: endCell()
            case 13 where i + 1 < b.count && b[i + 1] == 10: break
            case 10:
                endCell()
                if !(cells.count == 1 && cells[0].isEmpty) { records.append((rowLine, cells)) }
                cells = []
                line += 1
                rowLine = line
            default: cell.append(c)
            }
            i += 1
        }
        if !cell.isEmpty || !cells.isEmpty { endCell(); records.append((rowLine, cells)) }
        guard let first = records.first else { return CSVTable(header: [], rows: []) }
        return CSVTable(header: first.1.map { $0.trimmingSpaces() }, rows: Array(records.dropFirst()).map { (line: $0.0, cells: $0.1) })
    }
}
