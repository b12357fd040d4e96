import Foundation

/// `findings`: what `taxo check` reports on the library as it stands, for an assistant asked to repair it
/// ("fix the broken links under RESEARCHES"), narrowed to a file or folder, a rule, a severity and new or
/// known (the baseline), with the counts per rule of what matched and pages of findings as `taxo check
/// --format json` writes them.
extension AssistantSession {
    static let findingsTool = AssistantTool(
        name: "findings", title: "The library's findings",
        description: """
            What `taxo check` reports on the library as it stands, each finding as `taxo check --format json` \
            writes it (code, severity, file, line, column, message, notes, hint, subject, the replacement \
            `taxo fix` would write, "did you mean" suggestions) and marked `in_baseline` when the library's \
            baseline holds it (known before: it fails no check). Narrowed to a file or folder, a rule, a \
            severity, new or known findings; with counts per rule of those that match, and the total. For \
            repairing the library: read a finding's file with get_document, and check the repair with \
            check_entry before saving it.
            """,
        parameters: [
            AssistantTool.string(
                "path", "A file or folder, relative to the library root (default: the whole library)."),
            AssistantTool.string(
                "rule", "A rule's code or name (TAX0201, dangling-reference); `taxo://rules` lists them."),
            AssistantTool.string("severity", "error, warning or note: findings of this severity or a worse one."),
            AssistantTool.string("status", "new (not in the baseline), known (in it) or all (the default)."),
            AssistantTool.Parameter(
                name: "limit", type: "integer", description: "How many findings to return (default 50, at most 500).",
                required: false),
            AssistantTool.cursor,
        ], readOnly: true)

    func findings(_ args: ToolArguments) throws -> ToolOutcome {
        let page = try args.page(default: 50, maximum: 500)
        let path = try existingPath(args)
        let rule = try rule(args)
        var worst = Severity.note
        if let s = try args.string("severity") {
            guard let v = Severity(configValue: s), v != .off else {
                throw TaxoError.badArgument("'severity' must be error, warning or note, not '\(s)'")
            }
            worst = v
        }
        let status = try args.string("status")?.lowercased() ?? "all"
        guard ["new", "known", "all"].contains(status) else {
            throw TaxoError.badArgument("'status' must be new, known or all, not '\(status)'")
        }

        let all = result.diagnostics
        let baseline = currentBaseline()
        let held = heldInBaseline(baseline)
        var matching: [Int] = []
        for (i, d) in all.enumerated() {
            if let path {
                guard let f = d.location?.file, f == path || f.hasPrefix(path + "/") else { continue }
            }
            if let rule, d.code != rule.code { continue }
            guard d.severity >= worst else { continue }
            if status == "new" && held[i] || status == "known" && !held[i] { continue }
            matching.append(i)
        }
        return ToolOutcome(
            text: AssistantSession.findingsJSON(
                all, held: held, matching: matching, page: page,
                baseline: baseline == nil ? nil : config.baseline),
            isError: false)
    }

    /// Whether the baseline holds each of the library's findings, kept until the files or the baseline
    /// change (fingerprinting every finding was most of a `findings` call in a library with many).
    func heldInBaseline(_ baseline: Baseline?) -> [Bool] {
        if let c = heldCache, c.baseline == baselineWatch.version, c.held.count == result.diagnostics.count {
            return c.held
        }
        let all = result.diagnostics
        let held = baseline?.held(all, grammar: library.grammar) ?? Array(repeating: false, count: all.count)
        heldCache = (baselineWatch.version, held)
        return held
    }

    /// The `path` argument: a file or folder of the library, when given.
    func existingPath(_ args: ToolArguments) throws -> String? {
        guard let path = try args.string("path").map({ try libraryPath($0, argument: "path") }) else { return nil }
        guard FileManager.default.fileExists(atPath: root + "/" + path) else {
            throw TaxoError.badArgument("there is no file or folder '\(path)' in the library")
        }
        return path
    }

    /// The `rule` argument: a rule by code or name, when given.
    func rule(_ args: ToolArguments) throws -> RuleInfo? {
        guard let r = try args.string("rule") else { return nil }
        guard let found = RuleRegistry.rule(r) else {
            throw TaxoError.badArgument(
                "there is no rule '\(r)'; rules are named by code (TAX0201) or name (dangling-reference)"
                    + (NearMiss.hint(for: r, in: RuleRegistry.all.map(\.name)).map { " (\($0))" } ?? ""))
        }
        return found
    }

    /// The answer: counts of what matched (by severity, new errors, per rule), then the page of findings.
    static func findingsJSON(
        _ all: [Diagnostic], held: [Bool], matching: [Int], page: Range<Int>, baseline: String?
    ) -> String {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.int("total", matching.count)
        var bySeverity: [Severity: Int] = [:]
        var byRule: [String: Int] = [:]
        var newErrors = 0
        for i in matching {
            bySeverity[all[i].severity, default: 0] += 1
            byRule[all[i].code, default: 0] += 1
            if all[i].severity == .error && !held[i] { newErrors += 1 }
        }
        w.int("errors", bySeverity[.error] ?? 0)
        w.int("warnings", bySeverity[.warning] ?? 0)
        w.int("notes", bySeverity[.note] ?? 0)
        w.int("new_errors", newErrors)
        w.string("baseline", baseline)
        w.beginArray("by_rule")
        for (code, n) in byRule.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            w.beginObject()
            w.string("code", code)
            w.string("name", RuleRegistry.rule(code)?.name)
            w.int("count", n)
            w.endObject()
        }
        w.endArray()
        w.beginArray("findings")
        let shown = matching[min(page.lowerBound, matching.count)..<min(page.upperBound, matching.count)]
        for i in shown { JSONReporter.write(all[i], into: &w) { $0.bool("in_baseline", held[i]) } }
        w.endArray()
        w.string("next_cursor", page.upperBound < matching.count ? String(page.upperBound) : nil)
        w.endObject()
        return w.out
    }
}
