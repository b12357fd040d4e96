/// TAX0105: a file named after one ID that holds another.
enum FileNameMismatch {
    static let info = RuleInfo(
        code: "TAX0105", name: "file-name-mismatch", family: "ids", severity: .warning,
        summary: "A file's name carries a different ID than the entity inside.",
        explanation: """
        Entity files are usually named after their ID (`TOL-013_Auth0.json`). When the name carries an ID of
        the same kind that differs from the ID inside, one of them is stale: a copied file, or an ID changed
        without renaming. Only files holding a single record are checked.
        """,
        triggering: [RuleExample([("LIBRARIES/LBS_003_Tools/TOL-072_Figma.json", "{\"tool_id\": \"TOL-101\", \"name\": \"Figma\"}")])],
        nonTriggering: [RuleExample([Ex.tool("TOL-072", "Figma"), ("LIBRARIES/LBS_003_Tools/Figma.json", "{\"tool_id\": \"TOL-073\", \"name\": \"Figma\"}")])])

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for e in lib.entities where e.soleRecordInFile {
            guard let id = e.id else { continue }
            let name = e.file.split(separator: "/").last.map(String.init) ?? e.file
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            var named: [ParsedID] = []
            for part in stem.split(whereSeparator: { $0 == "_" || $0 == " " }) where part.contains("-") && part.contains(where: \.isASCIIDigit) {
                if case .valid(let p) = lib.grammar.check(String(part)), p.kind == e.kind { named.append(p) }
            }
            guard !named.isEmpty, !named.contains(where: { $0.key == id.key }) else { continue }
            out.append(info.diagnostic("file name says '\(named[0].written)' but the \(lib.kindName(e)) inside is '\(id.written)'",
                                       at: e.location, hint: "rename the file or correct the ID"))
        }
        return out
    }
}
