/// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=TAX0201::message`.
public enum GitHubReporter {
    /// GitHub Actions workflow commands (`::error file=...,line=...::message`).
    public static func render(_ diags: [Diagnostic]) -> String {
        var out = ""
        for d in diags {
            let cmd: String
            switch d.severity {
            case .error: cmd = "error"
            case .warning: cmd = "warning"
            default: cmd = "notice"
            }
            var props: [String] = []
            if let l = d.location {
                props.append("file=\(escapeProperty(l.file))")
                props.append("line=\(l.line)")
                props.append("col=\(l.column)")
            }
            props.append("title=\(escapeProperty(d.code))")
            var msg = d.message
            if let h = d.hint { msg += "\n" + h }
            for n in d.notes { msg += "\nnote: " + n.message + (n.location.map { " (\($0.description))" } ?? "") }
            out += "::\(cmd) \(props.joined(separator: ","))::\(escapeData(msg))\n"
        }
        return out
    }

    /// Workflow-command escaping; other control characters (ESC in a file name) are made visible first.
    static func escapeData(_ s: String) -> String {
        let kept = s.unicodeScalars.map { u -> String in
            u == "\n" || u == "\r" ? String(u) : Visible.escaped(String(u))
        }.joined()
        return kept.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
