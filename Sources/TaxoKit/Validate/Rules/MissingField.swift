/// TAX0701: a field the kind's schema requires is absent or empty.
enum MissingField {
    static let info = RuleInfo(
        code: "TAX0701", name: "missing-field", family: "schema", severity: .error,
        summary: "A record lacks a field its kind's schema requires, or leaves it empty.",
        explanation: """
            A kind's `fields:` in taxonomy.yaml say what its records hold; `required` fields must be there and
            not empty (null, blank text, `[]` and `{}` count as empty). A required field inside list items
            (`steps[].name: required`) is required of every item. Without `fields:` nothing is required: the
            rule only applies to what the library's configuration declares. `taxo schema --infer` proposes a
            schema from the records the library has.
            """,
        triggering: [
            RuleExample(SchemaExamples.files([SchemaExamples.tool("TOL-001", "\"category\": \"AI\"")])),
            RuleExample(
                SchemaExamples.files([SchemaExamples.tool("TOL-002", "\"name\": \"Figma\", \"category\": \" \"")])),
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool(
                        "TOL-003",
                        "\"name\": \"Miro\", \"category\": \"Design\",\n  \"steps\": [{\"name\": \"a\"}, {\"id\": 2}]")
                ])),
            RuleExample(
                SchemaExamples.files([("TOL-004.md", "# Notion\n\n**Tool ID:** TOL-004\n**Name:** Notion\n")])),
        ],
        nonTriggering: [
            RuleExample(
                SchemaExamples.files([SchemaExamples.tool("TOL-001", "\"name\": \"Figma\", \"category\": \"Design\"")])),
            RuleExample(
                SchemaExamples.files([
                    ("TOL-004.md", "# Notion\n\n**Tool ID:** TOL-004\n**Name:** Notion\n**Category:** AI\n")
                ])),
            RuleExample([Ex.tool("TOL-001", "Figma")]),
        ])

    static func diagnostic(subject: String, field: String, empty: Bool, at loc: SourceLocation) -> Diagnostic {
        info.diagnostic(
            empty
                ? "\(subject): required field '\(field)' is empty" : "\(subject) has no '\(field)' (a required field)",
            at: loc, hint: "fill it in; the kind's fields: in taxonomy.yaml require it")
    }
}

extension MissingField: Rule {
    static let stage = RuleStage.extract
}

extension MissingField {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 tools/TOL-001.json:1:1 tool 'TOL-001' has no 'name' (a required field)",
        "1 tools/TOL-002.json:3:32 tool 'TOL-002': required field 'category' is empty",
        "2 tools/TOL-003.json:4:28 tool 'TOL-003' has no 'steps[].name' (a required field)",
        "3 tools/TOL-004.md:3:14 tool 'TOL-004' has no 'category' (a required field)",
    ]
}
