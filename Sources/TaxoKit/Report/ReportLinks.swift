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
}
