/// TAX0702: a field holds a value of another type than its kind's schema says.
enum WrongFieldType {
    static let info = RuleInfo(
        code: "TAX0702", name: "wrong-field-type", family: "schema", severity: .error,
        summary: "A field's value is not of the type its kind's schema declares.",
        explanation: """
            Types: `string`, `number`, `integer`, `boolean`, `list` (with `items:` the type of each item),
            `object`, `date` (`2025-12-06`, or with a time: `2025-12-06T14:30:00Z`) and `url` (`https://` and
            a host). Empty values are not judged (an empty required field is `missing-field`). In a Markdown
            file's header lines every value is text: it is judged by what it spells (`4.5` is a number). In YAML
            an unquoted `1.0` or `yes` is a number or a boolean, not text: quote it.
            """,
        triggering: [
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool(
                        "TOL-001", "\"name\": \"Figma\", \"category\": \"Design\", \"website\": \"figma.com\"")
                ])),
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool("TOL-002", "\"name\": \"Miro\", \"category\": \"Design\", \"tags\": \"boards\"")
                ])),
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool(
                        "TOL-003",
                        "\"name\": \"Miro\", \"category\": \"AI\", \"added\": \"2025-02-30\", \"tags\": [\"a\", 3]")
                ])),
            RuleExample(
                SchemaExamples.files([
                    (
                        "TOL-004.md",
                        "# Notion\n\n**Tool ID:** TOL-004\n**Name:** Notion\n**Category:** AI\n**Rating:** high\n"
                    )
                ])),
        ],
        nonTriggering: [
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool(
                        "TOL-001",
                        "\"name\": \"Figma\", \"category\": \"Design\", \"website\": \"https://www.figma.com/\",\n"
                            + "  \"added\": \"2025-12-06T14:30:00+01:00\", \"rating\": 4.5, \"tags\": [\"ui\"]")
                ])),
            RuleExample(
                SchemaExamples.files([
                    (
                        "TOL-004.md",
                        "# Notion\n\n**Tool ID:** TOL-004\n**Name:** Notion\n**Category:** AI\n**Rating:** 4.5\n"
                    )
                ])),
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool(
                        "TOL-005", "\"name\": \"Miro\", \"category\": \"AI\", \"website\": \"\", \"rating\": null")
                ])),
        ])

    static func diagnostic(
        subject: String, field: String, found: String, expected: FieldType, node: Node,
        at loc: SourceLocation
    ) -> Diagnostic {
        var hint = "write \(expected.phrase), or change the field's type in taxonomy.yaml"
        switch (expected, node.value) {
        case (.list, .string): hint = "write a list: [\"...\"]"
        case (.string, .number), (.string, .bool): hint = "quote the value: YAML reads it as \(found)"
        case (.date, _): hint = "write the date as YYYY-MM-DD (a real day of the calendar)"
        case (.url, .string(let s)) where !s.contains("://"):
            hint = "write the whole address: https://\(s.trimmingSpaces())"
        default: break
        }
        return info.diagnostic(
            "\(subject): field '\(field)' holds \(found), not \(expected.phrase)", at: loc, hint: hint)
    }
}

extension WrongFieldType: Rule {
    static let stage = RuleStage.extract
}

extension WrongFieldType {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 tools/TOL-001.json:3:53 tool 'TOL-001': field 'website' holds 'figma.com', not a web address (https://...)",
        "1 tools/TOL-002.json:3:49 tool 'TOL-002': field 'tags' holds a string, not a list",
        "2 tools/TOL-003.json:3:46 tool 'TOL-003': field 'added' holds '2025-02-30', not a date (YYYY-MM-DD)",
        "2 tools/TOL-003.json:3:74 tool 'TOL-003': field 'tags[]' holds a number, not a string",
        "3 tools/TOL-004.md:6:13 tool 'TOL-004': field 'Rating' holds 'high', not a number",
    ]
}
