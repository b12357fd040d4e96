/// Link destinations in a Markdown report: a library path made relative to the folder the report is
/// written to (as it is, relative to the library root, when that folder is not known) and percent-encoded, so
/// that a path with a space or parentheses is still one link. Each path's link is made once (a report links
/// to its few documents thousands of times).
final class ReportLinks {
    private let display: PathDisplay?
    private var made: [String: String] = [:]

    init(root: String?, from folder: String?) {
        if let root, !root.isEmpty, let folder {
            display = PathDisplay(root: root, workingDirectory: folder)
        } else {
            display = nil
        }
    }

    func callAsFunction(_ path: String) -> String {
        if let known = made[path] { return known }
        let link = PercentEncoding.path(display?.path(path) ?? path)
        made[path] = link
        return link
    }

    /// `[TOL-001 Figma](…/TOL-001_Figma.json#L4)`: a link to the line where something is declared (`line` 0:
    /// the file), its text escaped as link text.
    func declaration(_ text: String, file: String, line: Int) -> Markdown {
        var s = "["
        s += MarkdownText.linkText(text)
        s += "]("
        s += self(file)
        if line > 0 {
            s += "#L"
            s += String(line)
        }
        s += ")"
        return Markdown(s)
    }

    /// `[label:12](target#L12)` appended in place (reports make one per place cited, a million at 100k).
    static func appendLine(_ line: Int, label: String, target: String, to s: inout String) {
        let n = String(line)
        s.reserveCapacity(s.utf8.count + label.utf8.count + target.utf8.count + 2 * n.utf8.count + 8)
        s += "["
        s += label
        s += ":"
        s += n
        s += "]("
        s += target
        s += "#L"
        s += n
        s += ")"
    }
}
