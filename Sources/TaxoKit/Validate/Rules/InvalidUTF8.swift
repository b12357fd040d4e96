/// TAX0002: a file that is not valid UTF-8.
enum InvalidUTF8 {
    static let info = RuleInfo(
        code: "TAX0002", name: "invalid-utf8", family: "syntax", severity: .error,
        summary: "A file holds bytes that are not valid UTF-8.",
        explanation: """
            Library files must be UTF-8. Files saved as Latin-1 or Windows-1252 by an old editor, or as "CSV" by
            Excel in a Western locale, are the usual cause, and UTF-8 files with such text pasted in. taxo reads
            every byte that is not part of valid UTF-8 as Windows-1252 (the byte E9 after "caf" is "café", not a
            replacement character), reports the first such byte and how many there are, and goes on: the names
            and IDs in the file are read as they were meant. `taxo fix` re-saves the file as UTF-8; `taxo new`
            keeps a Windows-1252 master list in Windows-1252 when it adds a row.
            """,
        triggering: [
            RuleExample(bytes: [
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", Array("# Notes\n\ncaf".utf8) + [0xE9, 0x0A])
            ]),
            RuleExample(bytes: [
                (
                    "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json",
                    Array("{\"tool_id\": \"TOL-001\", \"name\": \"Fig".utf8) + [0xFF] + Array("ma\"}\n".utf8)
                )
            ]),
        ],
        nonTriggering: [
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nMüller, Zoë and 北京 ✅\n")]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\ncafé ✅\n")]),
        ])

    /// The finding of a file some of whose bytes were read as Windows-1252 (`SourceFile.windows1252`).
    static func diagnostic(_ file: SourceFile, _ legacy: (first: Int, count: Int)) -> Diagnostic {
        var end = legacy.first + 1
        while end < file.bytes.count, file.bytes[end] & 0xC0 == 0x80 { end += 1 }
        let shown = String(decoding: file.bytes[legacy.first..<min(end, file.bytes.count)], as: UTF8.self)
        let bytes = legacy.count == 1 ? "1 byte" : "\(legacy.count) bytes"
        return info.diagnostic(
            "the file is not UTF-8: \(bytes) read as Windows-1252, the first '\(shown)'",
            at: file.location(legacy.first), hint: "re-save the file as UTF-8 (taxo fix does it)")
    }
}

extension InvalidUTF8: Rule {
    static let stage = RuleStage.parse
}

extension InvalidUTF8 {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:3:4 the file is not UTF-8: 1 byte read as Windows-1252, the first 'é'",
        "1 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:1:36 the file is not UTF-8: 1 byte read as Windows-1252, the first 'ÿ'",
    ]
}
