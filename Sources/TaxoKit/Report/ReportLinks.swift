/// Link destinations in a Markdown report: a library path made relative to the folder the report is
/// written to (as it is, relative to the library root, when that folder is not known) and percent-encoded, so
/// that a path with a space or parentheses is still one link. A link is made each time it is asked for: most
/// are to a library file a report names once (a candidate's declaration), and a table of links made so far
/// cost more to fill than the links themselves; what a report cites many times it keeps itself
/// (`GapEvidence`).
struct ReportLinks {
    private let display: PathDisplay?

    init(root: String?, from folder: String?) {
        if let root, !root.isEmpty, let folder {
            display = PathDisplay(root: root, workingDirectory: folder)
        } else {
            display = nil
        }
    }

    func callAsFunction(_ path: String) -> String {
        PercentEncoding.path(display?.path(path) ?? path)
    }

    /// `[TOL-001 Figma](…/TOL-001_Figma.json#L4)`: a link to the line where something is declared (`line` 0:
    /// the file), its text escaped as link text.
    func declaration(_ text: String, file: String, line: Int) -> Markdown {
        var s: [UInt8] = []
        let label = MarkdownText.linkText(text), target = self(file)
        s.reserveCapacity(label.utf8.count + target.utf8.count + 16)
        s.append(UInt8(ascii: "["))
        s.append(contentsOf: label.utf8)
        s.append(contentsOf: "](".utf8)
        s.append(contentsOf: target.utf8)
        if line > 0 {
            s.append(contentsOf: "#L".utf8)
            DecimalBytes.append(line, to: &s)
        }
        s.append(UInt8(ascii: ")"))
        return Markdown(String(decoding: s, as: UTF8.self))
    }

    /// `[label:12](target#L12)` appended in place, as UTF-8 (reports make one per place cited, a million at
    /// 100k: appending to a `String` piece by piece cost more than the rest of a row).
    static func appendLine(_ line: Int, label: String, target: String, to s: inout [UInt8]) {
        s.append(UInt8(ascii: "["))
        s.append(contentsOf: label.utf8)
        s.append(UInt8(ascii: ":"))
        DecimalBytes.append(line, to: &s)
        s.append(contentsOf: "](".utf8)
        s.append(contentsOf: target.utf8)
        s.append(contentsOf: "#L".utf8)
        DecimalBytes.append(line, to: &s)
        s.append(UInt8(ascii: ")"))
    }
}
