/// The rows of CSV master lists that a change adds, removes or edits, matched by list and ID: a master list
/// holds no entity of its own, so its edits are no entity change, yet they are what an editor reviews.
extension LibraryDiff {
    /// A master list's row added, removed or changed.
    public struct RowChange: Sendable, Equatable {
        /// The list's path.
        public var list: String
        public var id: String
        /// The row's name on the side that has it (the after side, when both do).
        public var name: String?
        /// The row's line on the side that has it (the after side, when both do).
        public var line: Int
        /// Added, removed or changed.
        public var change: String
        /// What changed (changed rows only), one phrase each: `name 'Miro' -> 'Miro Board'`.
        public var changes: [String] = []
    }

    /// The rows whose list, ID, name, path or current ID differ between the sides, by list, then ID. A row
    /// that only moved to another line is no change; of two rows with one ID in one list the first counts.
    static func masterRows(_ b: Library, _ a: Library) -> [RowChange] {
        func byKey(_ lib: Library) -> [String: MasterRow] {
            var out: [String: MasterRow] = [:]
            for r in lib.masterRows where out[r.csv + "\u{0}" + r.id] == nil { out[r.csv + "\u{0}" + r.id] = r }
            return out
        }
        let before = byKey(b), after = byKey(a)
        var out: [RowChange] = []
        for (k, r) in after {
            guard let old = before[k] else {
                out.append(RowChange(list: r.csv, id: r.id, name: r.name, line: r.line, change: "added"))
                continue
            }
            let changes = [
                change("name", old.name, r.name), change("path", old.path, r.path),
                change("current ID", old.currentID, r.currentID),
            ].compactMap { $0 }
            if !changes.isEmpty {
                out.append(
                    RowChange(list: r.csv, id: r.id, name: r.name, line: r.line, change: "changed", changes: changes))
            }
        }
        for (k, r) in before where after[k] == nil {
            out.append(RowChange(list: r.csv, id: r.id, name: r.name, line: r.line, change: "removed"))
        }
        return out.sorted { ($0.list, $0.id) < ($1.list, $1.id) }
    }
}
