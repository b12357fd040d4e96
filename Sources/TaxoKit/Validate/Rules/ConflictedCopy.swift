/// TAX0503: a sync tool's conflicted copy.
enum ConflictedCopy {
    static let info = RuleInfo(
        code: "TAX0503", name: "conflicted-copy", family: "hygiene", severity: .warning,
        summary: "A file is a sync tool's conflicted copy.",
        explanation: """
            Dropbox, Google Drive and OneDrive leave `name (conflicted copy 2025-11-02).json`, `name (Спірна
            копія ...)` or `name (Case Conflict)` files when two edits collide. One of the versions is stale;
            merge them and delete the copy.
            """,
        triggering: [
            RuleExample([
                (
                    "LIBRARIES/LBS_003_Tools/TOL-001_Figma (conflicted copy 2025-11-02).json",
                    "{\"tool_id\": \"TOL-901\", \"name\": \"Figma\"}"
                )
            ]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes (Case Conflict).md", "# Notes\n")]),
        ],
        nonTriggering: [
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes (final).md", "# Notes\n")]),
            RuleExample([Ex.tool("TOL-001", "Figma")]),
        ])

    static let markers = [
        "conflicted copy", "спірна копія", "конфликтующая копия", "case conflict", "konfliktkopie", "copie en conflit",
    ]

    static let asciiMarkers = markers.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
    static let otherMarkers = markers.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }

    static func check(path: String) -> Diagnostic? {
        // Every marker has "co" or "ко"/"кон" in it; most paths have neither a parenthesis nor those.
        // One pass over the bytes in place (iterating the string's UTF-8 view cost dozens of instructions a byte).
        var p = path
        guard p.withUTF8({ $0.contains { $0 == 40 || $0 >= 0x80 } }) else { return nil }
        let bytes = Array(path.utf8)[...]
        var hit = asciiMarkers.contains { ByteSearch.containsIgnoringCase(bytes: bytes, $0) }
        if !hit, bytes.contains(where: { $0 >= 0x80 }) {
            let lower = path.lowercased()
            hit = otherMarkers.contains { lower.contains($0) }
        }
        guard hit else { return nil }
        return info.diagnostic(
            "conflicted copy left by a sync tool", at: SourceLocation(file: path, line: 1, column: 1),
            hint: "merge it with the original and delete it")
    }

    /// The path of the original a conflicted copy was made from (the parenthetical with a marker taken out,
    /// or Syncthing's `.sync-conflict-...` part), or nil when the path is not a conflicted copy.
    static let syncConflict = Array(".sync-conflict-".utf8)

    static func original(of path: String) -> String? {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        // The regular expression only for names that hold its fixed part (it is compiled on every call).
        if ByteSearch.contains(name.utf8, ConflictedCopy.syncConflict),
            let r = name.range(of: #"\.sync-conflict-[0-9]{8}-[0-9]{6}(-[A-Za-z0-9]+)?"#, options: .regularExpression)
        {
            return String(path[..<slash]) + name[..<r.lowerBound] + name[r.upperBound...]
        }
        let lower = name.lowercased()
        guard markers.contains(where: { lower.contains($0) }) else { return nil }
        var search = name.startIndex
        while let open = name[search...].firstIndex(of: "("), let close = name[open...].firstIndex(of: ")") {
            let inner = name[name.index(after: open)..<close].lowercased()
            if markers.contains(where: { inner.contains($0) }) {
                var before = name[..<open]
                while before.hasSuffix(" ") { before = before.dropLast() }
                return String(path[..<slash]) + before + name[name.index(after: close)...]
            }
            search = name.index(after: close)
        }
        return nil
    }
}

extension ConflictedCopy: Rule {
    static let stage = RuleStage.parse
}

extension ConflictedCopy {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-001_Figma (conflicted copy 2025-11-02).json:1:1 conflicted copy left by a sync tool",
        "1 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes (Case Conflict).md:1:1 conflicted copy left by a sync tool",
    ]
}
