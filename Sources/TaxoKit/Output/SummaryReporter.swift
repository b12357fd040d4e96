/// `taxo check --summary`: counts per rule and per folder, so a person facing thousands of findings
/// in a legacy library sees where to start.
public enum SummaryReporter {
    /// Root causes, then counts per rule and per folder (`depth` path segments).
    public static func render(_ diags: [Diagnostic], depth: Int = 2) -> String {
        var byRule: [String: (Severity, Int)] = [:]
        var byFolder: [String: [Severity: Int]] = [:]
        for d in diags {
            let c = byRule[d.code]?.1 ?? 0
            byRule[d.code] = (max(byRule[d.code]?.0 ?? d.severity, d.severity), c + 1)
            let folder =
                d.location.map { $0.file.split(separator: "/").dropLast().prefix(depth).joined(separator: "/") } ?? ""
            byFolder[folder.isEmpty ? "." : folder, default: [:]][d.severity, default: 0] += 1
        }
        var out = rootCauses(diags)
        out += "Findings by rule\n\n"
        out += "  count  severity  code     rule\n"
        for (code, (sev, n)) in byRule.sorted(by: {
            $0.value.1 != $1.value.1 ? $0.value.1 > $1.value.1 : $0.key < $1.key
        }) {
            let name = RuleRegistry.rule(code)?.name ?? "configuration"
            out += pad(String(n), 7, left: true) + "  " + pad(sev.label, 8) + "  " + code + "  " + name + "\n"
        }
        out += "\nFindings by folder\n\n"
        out += " errors  warnings  notes  folder\n"
        let folders = byFolder.map { ($0.key, $0.value[.error] ?? 0, $0.value[.warning] ?? 0, $0.value[.note] ?? 0) }
        for (f, e, w, n) in folders.sorted(by: {
            ($0.1, $0.2, $0.3) != ($1.1, $1.2, $1.3) ? ($0.1, $0.2, $0.3) > ($1.1, $1.2, $1.3) : $0.0 < $1.0
        }) {
            out +=
                pad(String(e), 7, left: true) + "  " + pad(String(w), 8, left: true) + "  "
                + pad(String(n), 5, left: true) + "  " + f + "\n"
        }
        return out
    }

    /// Files that do not parse and IDs declared twice come first: each hides or causes other findings.
    static func rootCauses(_ diags: [Diagnostic]) -> String {
        let malformed = diags.filter { $0.code == MalformedFile.info.code }
        let duplicates = diags.filter { $0.code == DuplicateID.info.code }
        guard !malformed.isEmpty || !duplicates.isEmpty else { return "" }
        var out = "Root causes (fix these first: each hides or causes other findings)\n\n"
        for d in malformed + duplicates {
            let loc = d.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-"
            out += "  \(d.code)  \(loc)  \(d.message)\n"
        }
        return out + "\n"
    }

    static func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, n - s.count))
        return left ? fill + s : s + fill
    }
}
