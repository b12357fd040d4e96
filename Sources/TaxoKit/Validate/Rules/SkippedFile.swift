/// TAX0003: a file or folder taxo did not read.
enum SkippedFile {
    static let info = RuleInfo(
        code: "TAX0003", name: "skipped-file", family: "discovery", severity: .note,
        summary: "A file or folder was not read (binary, too large, unreadable, missing root).",
        explanation: """
            taxo reads JSON, YAML, Markdown and CSV files under the configured roots. A file that holds NUL
            bytes, is larger than `max_file_bytes`, cannot be opened, or whose name (or its folder's) is not
            valid UTF-8, or a root folder that does not exist, is reported once as a note and skipped.
            Symbolic links to folders are never followed.
            """,
        triggering: [
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/blob.md", "PK\u{0}\u{0}binary")]),
            RuleExample(bytes: [
                (
                    "LIBRARIES/LBS_003_Tools/TOL-001_Figma.json",
                    Array("{\"tool_id\": \"TOL-001\",".utf8) + [0, 0] + Array("}".utf8)
                )
            ]),
        ],
        nonTriggering: [
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Small.md", "# Small\n\nPlain text.\n")]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/ok.md", "# Fine\n")]),
        ])

    static func diagnostic(path: String, reason: String) -> Diagnostic {
        info.diagnostic("skipped: \(reason)", at: SourceLocation(file: path, line: 1, column: 1))
    }

    /// A path given on the command line that is not under the library's roots (a README, `.github/`):
    /// skipped, so that pre-commit may pass any staged file.
    static func outsideRoots(_ path: String) -> Diagnostic {
        info.diagnostic("skipped: '\(path)' is not under the library's roots", at: nil)
    }
}

extension Diagnostic {
    /// The note for a command-line path outside the library's roots (TAX0003).
    public static func skippedOutsideRoots(_ path: String) -> Diagnostic { SkippedFile.outsideRoots(path) }
}

extension SkippedFile: Rule {
    static let stage = RuleStage.discovery
}

extension SkippedFile {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/blob.md:1:1 skipped: it looks binary (it holds NUL bytes)",
        "1 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:1:1 skipped: it looks binary (it holds NUL bytes)",
    ]
}
