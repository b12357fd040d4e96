/// The output formats of `taxo check`.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github, sarif

    public func render(_ diags: [Diagnostic], summary: DiagnosticSummary, color: Bool = false) -> String {
        switch self {
        case .text: return TextReporter.render(diags, color: color)
        case .json: return JSONReporter.render(diags, summary: summary)
        case .github: return GitHubReporter.render(diags)
        case .sarif: return SARIFReporter.render(diags)
        }
    }
}
