import Foundation

/// The library's baseline in the editor: a finding `taxonomy.yaml`'s baseline holds is shown as a hint saying
/// so (it fails no `taxo check`), so that a library adopting taxo shows its new findings as errors and its
/// old ones without alarm; a baseline that cannot be read is a TAX0901 finding on `taxonomy.yaml`.
extension LanguageServer {
    /// Reads the baseline again when the configuration or the file changed.
    func refreshBaseline() {
        guard let root, let config else { return }
        baseline.refresh(config: config, root: root.path)
    }

    /// For each finding, whether the baseline holds it (all false without a baseline).
    func held(_ diags: [Diagnostic]) -> [Bool] {
        guard let result else { return Array(repeating: false, count: diags.count) }
        return baseline.held(diags, grammar: result.library.grammar)
    }

    /// The finding of a baseline that cannot be read, at `taxonomy.yaml`'s `baseline:` line.
    func baselineProblems() -> [Diagnostic] {
        guard let root, let problem = baseline.problem else { return [] }
        let text =
            buffers[ConfigLoader.fileName]
            ?? (try? String(contentsOf: root.appendingPathComponent(ConfigLoader.fileName), encoding: .utf8)) ?? ""
        var line = 1
        for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where l.hasPrefix("baseline:") {
            line = i + 1
            break
        }
        let message = problem.replacingOccurrences(of: root.path + "/", with: "")
        return [
            Diagnostic(
                code: ConfigLoader.code, severity: .error,
                message: "the baseline \(message): every finding is shown as new",
                at: SourceLocation(file: ConfigLoader.fileName, line: line, column: 1),
                hint:
                    "write it with 'taxo check --write-baseline \(baseline.path.map { $0.replacingOccurrences(of: root.path + "/", with: "") } ?? "FILE")', or remove 'baseline:'"
            )
        ]
    }

    /// The severity and message a finding is published with: a hint, said to be in the baseline, when the
    /// baseline holds it.
    static func shown(_ d: Diagnostic, held: Bool) -> (severity: Int, message: String) {
        let message = d.message + (d.hint.map { "\nhint: " + $0 } ?? "")
        guard held else { return (severity(d.severity), message) }
        return (4, message + "\nin the baseline: known before, fails no check")
    }
}
