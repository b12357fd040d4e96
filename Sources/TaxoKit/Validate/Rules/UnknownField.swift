/// TAX0704: a record holds a field its kind's schema does not list (`additional_fields: report`).
enum UnknownField {
    static let info = RuleInfo(
        code: "TAX0704", name: "unknown-field", family: "schema", severity: .warning,
        summary: "A record holds a field its kind's schema does not list.",
        explanation: """
            With `additional_fields: report` a kind's `fields:` are the whole list of what its records may hold
            at the top level (its ID, name, legacy ID, children and link fields count as listed). A
            field outside the list is most often a misspelling (`responsibilites`) that no reader will ever find;
            the hint names the listed field it is closest to. Without `additional_fields: report` any field is
            allowed.
            """,
        triggering: [
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool("TOL-001", "\"name\": \"Figma\", \"category\": \"Design\", \"webiste\": \"x\"")
                ])),
            RuleExample(
                SchemaExamples.files([
                    (
                        "TOL-004.md",
                        "# Notion\n\n**Tool ID:** TOL-004\n**Name:** Notion\n**Category:** AI\n**Owner:** Ann\n"
                    )
                ])),
        ],
        nonTriggering: [
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool(
                        "TOL-001", "\"Name\": \"Figma\", \"Category\": \"Design\", \"Web Site\": \"https://figma.com\"")
                ])),
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool(
                        "TOL-002",
                        "\"name\": \"Miro\", \"category\": \"AI\", \"steps\": [{\"name\": \"a\", \"extra\": 1}]")
                ])),
        ])

    static func diagnostic(subject: String, field: String, known: [String], at loc: SourceLocation) -> Diagnostic {
        info.diagnostic(
            "\(subject): field '\(field)' is not in the kind's schema", at: loc,
            hint: NearMiss.hint(for: field, in: known)
                ?? "list it under the kind's fields: in taxonomy.yaml, or remove it")
    }
}

extension UnknownField: Rule {
    static let stage = RuleStage.extract
}

extension UnknownField {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 tools/TOL-001.json:3:42 tool 'TOL-001': field 'webiste' is not in the kind's schema",
        "1 tools/TOL-004.md:6:3 tool 'TOL-004': field 'Owner' is not in the kind's schema",
    ]
}
