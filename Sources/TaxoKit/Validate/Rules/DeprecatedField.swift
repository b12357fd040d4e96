/// TAX0705: a record still uses a field its kind's schema marks deprecated.
enum DeprecatedField {
    static let info = RuleInfo(
        code: "TAX0705", name: "deprecated-field", family: "schema", severity: .warning,
        summary: "A record uses a field its kind's schema marks deprecated.",
        explanation: """
            When a library renames a field, the schema keeps the old one with `deprecated: "use maker"`: every
            record still using it is listed with that advice, so the move can be finished file by file (and
            gated with `taxo check --changed` or a baseline meanwhile).
            """,
        triggering: [
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool(
                        "TOL-001", "\"name\": \"Figma\", \"category\": \"Design\", \"vendor\": \"Figma Inc\"")
                ])),
            RuleExample(
                SchemaExamples.files([
                    (
                        "TOL-004.md",
                        "# Notion\n\n**Tool ID:** TOL-004\n**Name:** Notion\n**Category:** AI\n**Vendor:** Notion Labs\n"
                    )
                ])),
        ],
        nonTriggering: [
            RuleExample(
                SchemaExamples.files([SchemaExamples.tool("TOL-001", "\"name\": \"Figma\", \"category\": \"Design\"")])),
            RuleExample(
                SchemaExamples.files([
                    SchemaExamples.tool(
                        "TOL-001", "\"name\": \"Figma\", \"category\": \"Design\", \"maker\": \"Figma Inc\"")
                ])),
        ])

    static func diagnostic(subject: String, field: String, instead: String, at loc: SourceLocation) -> Diagnostic {
        info.diagnostic(
            "\(subject): field '\(field)' is deprecated", at: loc,
            hint: instead.isEmpty ? "remove it" : instead)
    }
}

extension DeprecatedField: Rule {
    static let stage = RuleStage.extract
}

extension DeprecatedField {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 tools/TOL-001.json:3:42 tool 'TOL-001': field 'vendor' is deprecated",
        "1 tools/TOL-004.md:6:3 tool 'TOL-004': field 'Vendor' is deprecated",
    ]
}
