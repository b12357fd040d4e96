/// One row of a CSV master list, matched to the file and entity it names.
public struct MasterRow: Sendable {
    public var list: Int
    public var csv: String
    public var line: Int
    public var id: String
    public var name: String?
    /// The file path as written in the row.
    public var path: String?
    /// The row's file, found in the library (after the path prefix and a look-up by file name).
    public var file: String?
    /// The entity of the list's kind in that file, or the one with the row's ID.
    public var entity: Int?
    public var currentID: String?
    /// Where the row's file is now, when it is missing at the path the row gives but its name is unique.
    public var movedTo: String?

    /// The line and column of the row's path cell (the row's line and 1 when the list has no path column).
    public var pathLine: Int?
    public var pathColumn: Int = 1

    public var location: SourceLocation { SourceLocation(file: csv, line: line, column: 1) }
    /// Where the row's path cell is.
    public var pathLocation: SourceLocation { SourceLocation(file: csv, line: pathLine ?? line, column: pathColumn) }
}

enum MasterRows {
    /// Reads the rows of every master list and matches them to files and entities.
    static func match(
        config: Config, grammar: IDGrammar, files: [FileResult], entities: [Entity],
        table: [String: [Int]], inventory: FileInventory
    ) -> [MasterRow] {
        guard files.contains(where: { $0.masterList != nil }) else { return [] }
        var byFile: [String: [Int]] = [:]
        for (i, e) in entities.enumerated() { byFile[e.file, default: []].append(i) }
        var rows: [MasterRow] = []
        for f in files {
            guard let (mi, t) = f.masterList else { continue }
            let m = config.masterLists[mi]
            let kind = config.kinds.firstIndex { $0.name == m.kind }
            guard let idc = t.column(m.idColumn) else { continue }
            let nc = m.nameColumn.flatMap(t.column), pc = m.pathColumn.flatMap(t.column),
                cc = m.currentIDColumn.flatMap(t.column)
            let dir = f.path.split(separator: "/").dropLast().joined(separator: "/")
            for (rowIndex, (line, cells)) in t.rows.enumerated() {
                func cell(_ i: Int?) -> String? {
                    guard let i, i < cells.count else { return nil }
                    let v = cells[i].trimmingSpaces()
                    return v.isEmpty ? nil : v
                }
                guard let id = cell(idc) else { continue }
                var row = MasterRow(
                    list: mi, csv: f.path, line: line, id: id, name: cell(nc), path: cell(pc), currentID: cell(cc))
                if let pc {
                    row.pathLine = t.line(row: rowIndex, cell: pc)
                    row.pathColumn = t.column(row: rowIndex, cell: pc)
                }
                if let p = row.path {
                    row.file = locate(p, prefix: m.pathPrefix, dir: dir, inventory: inventory, config: config)
                    if row.file == nil { row.movedTo = inventory.movedFile(named: p, config: config) }
                }
                if let file = row.file ?? row.movedTo {
                    row.entity = byFile[file]?.first { kind == nil || entities[$0].kind == kind }
                }
                if row.entity == nil, case .valid(let p) = grammar.check(id) { row.entity = table[p.key]?.first }
                rows.append(row)
            }
        }
        return rows
    }

    /// The library path a row's file column names, if that file exists. A bare file name is a name, not a
    /// path: the file beside the list, else the one file of that name in the list's folder or below
    /// (`Tools_Master_Inventory.csv` naming `TOL-001_99designs.json`, kept in `Design/`).
    static func locate(
        _ raw: String, prefix: String?, dir: String, inventory: FileInventory, config: Config
    ) -> String? {
        var p = raw.replacingAll("\\", with: "/")
        if let prefix, p.hasPrefix(prefix) { p = String(p.dropFirst(prefix.count)) }
        if p.hasPrefix("/") { p.removeFirst() }
        if !p.contains("/") {
            let local = dir.isEmpty ? p : dir + "/" + p
            if inventory.files.contains(local) { return local }
            return inventory.file(named: p, under: dir, config: config)
        }
        return inventory.files.contains(p) ? p : nil
    }
}
