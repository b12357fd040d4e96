/// The words analysts write in documents that gap analysis reads: heading words, table headers and field
/// keys. They are document vocabulary, not kind names (a library whose tools are the kind `software` still
/// writes `## 1. Tools Extraction` and `| Tool | Status |`); kinds come from `roles:` (`Config/Roles.swift`).
enum GapVocabulary {
    /// A level-1 or level-2 heading holding this word opens a section that lists tools.
    static let toolSectionWord = "tool"
    /// Table headers (normalised) of a column that names tools.
    static let toolColumns: Set<String> = ["tool", "toolname", "tools"]
    /// Table headers (normalised) of a generic name column (used with an ID or type column).
    static let nameColumns: Set<String> = ["name", "entityname"]
    /// Table headers (normalised) of a column that gives an entity's kind.
    static let typeColumns: Set<String> = ["type", "entitytype", "kind"]
    /// Table headers (normalised) of a department column.
    static let departmentColumns: Set<String> = ["department", "dept", "departments"]
    /// Bold or plain keys (normalised) whose value lists tools by name; `toolsrequired` also says a
    /// workflow, milestone, task or step needs them.
    static let toolListKeys: Set<String> = [
        "tools", "tool", "toolsmentioned", "toolsused", "keytools", "toolsandplatforms", "notabletools", "toolstack",
    ]
    /// Field keys (normalised) under a tool heading that give its department.
    static let departmentFields: Set<String> = ["department", "departments", "primarydepartment"]
    static let toolsRequiredKey = "toolsrequired"
    static let skillsRequiredKey = "skillsrequired"
}
