/// Clang-style text: `path:line:col: error: message [TAX0123]`, then notes and a hint.
public enum TextReporter {
    /// One `file:line:col: severity: message [CODE]` line per finding, with notes and hints.
    public static func render(_ diags: [Diagnostic], color: Bool) -> String {
        var out = ""
        for d in diags {
            out += line(
                location: d.location, label: d.severity.label, message: d.message, code: d.code, color: color,
                severity: d.severity)
            for n in d.notes {
                if n.location == nil {
                    out += "    note: \(Visible.escaped(n.message))\n"
                } else {
                    out += line(
                        location: n.location, label: "note", message: n.message, code: nil, color: color,
                        severity: .note)
                }
            }
            if let h = d.hint { out += "    hint: \(Visible.escaped(h))\n" }
        }
        return out
    }

    static func line(
        location: SourceLocation?, label: String, message: String, code: String?, color: Bool, severity: Severity
    ) -> String {
        let loc = location.map { "\(Visible.escaped($0.file)):\($0.line):\($0.column): " } ?? "taxo: "
        let message = Visible.escaped(message)
        let c: String
        switch severity {
        case .error: c = "\u{1B}[1;31m"
        case .warning: c = "\u{1B}[1;35m"
        default: c = "\u{1B}[1;36m"
        }
        let lab = color ? c + label + ":\u{1B}[0m" : label + ":"
        let bold = color ? "\u{1B}[1m" : "", reset = color ? "\u{1B}[0m" : ""
        return "\(bold)\(loc)\(reset)\(lab) \(message)" + (code.map { " [\($0)]" } ?? "") + "\n"
    }

    /// One line for stderr: counts of errors, warnings and notes.
    public static func summaryLine(_ s: DiagnosticSummary) -> String {
        func n(_ c: Int, _ w: String) -> String { "\(c) \(w)\(c == 1 ? "" : "s")" }
        return
            "taxo: \(n(s.errors, "error")), \(n(s.warnings, "warning")), \(n(s.notes, "note")) in \(n(s.files, "file")) (\(n(s.entities, "entity").replacingAll("entitys", with: "entities")), \(n(s.documents, "document")), \(n(s.references, "reference")))"
    }
}

extension Severity {
    public var label: String {
        switch self {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        case .off: return "off"
        }
    }
}
