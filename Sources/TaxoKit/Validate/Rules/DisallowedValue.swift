/// TAX0703: a field's value is not among its allowed values, or does not match its pattern.
enum DisallowedValue {
    static let info = RuleInfo(
        code: "TAX0703", name: "disallowed-value", family: "schema", severity: .error,
        summary: "A field's value is not one its kind's schema allows (values or pattern).",
        explanation: """
            `values: [active, beta, deprecated]` lists the only values a text field (or each text item of a list)
            may hold, compared exactly: `Active` is not `active` (the hint says so). `pattern:` is a regular
            expression every text value must match; it is searched, so anchor it (`'^v[0-9]+$'`). Values that
            differ only in case or spelling get a suggestion; change the record, or add the value to the schema.
            """,
        triggering: [
            RuleExample(
                SchemaExamples.files([SchemaExamples.tool("TOL-001", "\"name\": \"Figma\", \"category\": \"design\"")])),
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool("TOL-002", "\"name\": \"Miro\", \"category\": \"Whiteboards\"")
                ])),
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool("TOL-003", "\"name\": \"Miro\", \"category\": \"AI\", \"version\": \"1.2\"")
                ])),
        ],
        nonTriggering: [
            RuleExample(
                SchemaExamples.files([SchemaExamples.tool("TOL-001", "\"name\": \"Figma\", \"category\": \"Design\"")])),
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool("TOL-003", "\"name\": \"Miro\", \"category\": \"AI\", \"version\": \"v12\"")
                ])),
        ])

    static func notListed(subject: String, field: String, value: String, allowed: [String], at loc: SourceLocation)
        -> Diagnostic
    {
        let hint: String
        var replacement: Diagnostic.Replacement?
        if let same = allowed.first(where: { $0.lowercased() == value.lowercased() }) {
            hint = "write '\(same)': values are compared with their letter case"
            replacement = Diagnostic.Replacement(value, with: same)
        } else if let near = NearMiss.hint(for: value, in: allowed) {
            hint = near
        } else {
            let shown = allowed.prefix(8).joined(separator: ", ")
            hint = "allowed: \(shown)\(allowed.count > 8 ? ", ..." : ""); or add the value to the schema"
        }
        return info.diagnostic(
            "\(subject): '\(RecordSchemaCheck.excerpt(value))' is not an allowed value of '\(field)'", at: loc,
            hint: hint, replacement: replacement)
    }

    static func noMatch(subject: String, field: String, value: String, pattern: String, at loc: SourceLocation)
        -> Diagnostic
    {
        info.diagnostic(
            "\(subject): '\(RecordSchemaCheck.excerpt(value))' in '\(field)' does not match the pattern '\(pattern)'",
            at: loc, hint: "correct the value, or the field's pattern in taxonomy.yaml")
    }
}

extension DisallowedValue: Rule {
    static let stage = RuleStage.extract
}

extension DisallowedValue {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 tools/TOL-001.json:3:32 tool 'TOL-001': 'design' is not an allowed value of 'category'",
        "1 tools/TOL-002.json:3:31 tool 'TOL-002': 'Whiteboards' is not an allowed value of 'category'",
        "2 tools/TOL-003.json:3:48 tool 'TOL-003': '1.2' in 'version' does not match the pattern '^v[0-9]+$'",
    ]
}
