/// The output formats of `taxo check`.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github, sarif

    /// Renders diagnostics whose paths are relative to the library root, showing them through `paths`. With
    /// the library's `grammar`, SARIF results carry fingerprints that do not change with the line, counted
    /// among `all` (every finding of the run, before a baseline left some out) when given.
    public func render(
        _ diags: [Diagnostic], summary: DiagnosticSummary, color: Bool = false,
        paths: PathDisplay = PathDisplay(prefix: ""), workingDirectory: String? = nil, grammar: IDGrammar? = nil,
        among all: [Diagnostic]? = nil
    ) -> String {
        let shown = paths.apply(diags)
        switch self {
        case .text: return TextReporter.render(shown, color: color)
        case .json: return JSONReporter.render(shown, summary: summary, root: paths.root)
        case .github: return GitHubReporter.render(shown)
        case .sarif:
            return SARIFReporter.render(
                shown, workingDirectory: workingDirectory,
                fingerprints: grammar.map { g in
                    all.map { Baseline.stableIDs(of: diags, among: $0, grammar: g) }
                        ?? Baseline.stableIDs(diags, grammar: g)
                })
        }
    }
}
