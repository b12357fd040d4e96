import Foundation

/// Paths as the user sees them: diagnostics hold paths relative to the library root; every output format
/// prints them relative to the working directory (as clang and ruff do), so that `--root kb` gives
/// `kb/LIBRARIES/...`, which GitHub annotations and SARIF viewers find in the repository.
public struct PathDisplay: Sendable {
    /// The library root relative to the working directory, with a trailing slash ("" when they are one).
    public let prefix: String

    /// When the working directory is inside the library: the folders from the root down to it, so that
    /// paths below it print without climbing out and back in (`QA/x.json`, not `../LIBRARIES/QA/x.json`).
    private let below: [String]
    /// `../` once per folder of `below`, and the first of them with a slash: a path outside that folder
    /// climbs out whole (most paths, made without splitting them).
    private let climb: String
    private let firstBelow: [UInt8]

    /// Paths shown relative to the working directory.
    public init(root: String, workingDirectory: String) {
        let r = URL(fileURLWithPath: root).standardizedFileURL.pathComponents
        let w = URL(fileURLWithPath: workingDirectory).standardizedFileURL.pathComponents
        var i = 0
        while i < r.count, i < w.count, r[i] == w[i] { i += 1 }
        let parts = Array(repeating: "..", count: w.count - i) + r[i...]
        prefix = parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
        below = i == r.count ? Array(w[i...]) : []
        climb = String(repeating: "../", count: below.count)
        firstBelow = below.first.map { Array(($0 + "/").utf8) } ?? []
    }

    /// Paths shown with a fixed prefix.
    public init(prefix: String) {
        self.prefix = prefix
        below = []
        climb = ""
        firstBelow = []
    }

    /// The last component of a library path (`Video_024.md` of `TASK_MANAGERS/.../Video_024.md`).
    /// (Found from the end: reports name a file for every place they cite, and splitting the whole path made an
    /// array of its components each time.)
    public static func fileName(_ path: String) -> Substring {
        var end = path.endIndex
        // A trailing slash ends no name (`a/b/` is `b`, as the components' last).
        while end > path.startIndex, path.utf8[path.utf8.index(before: end)] == UInt8(ascii: "/") {
            end = path.utf8.index(before: end)
        }
        guard end > path.startIndex else { return Substring(path) }
        let body = path[..<end]
        guard let slash = body.utf8.lastIndex(of: UInt8(ascii: "/")) else { return body }
        return body[body.utf8.index(after: slash)...]
    }

    /// The file name up to its first dot (`TOL-011_ArtStation` of `LIBRARIES/LBS_003_Tools/TOL-011_ArtStation.json`).
    public static func stem(_ path: String) -> String {
        let name = fileName(path)
        return String(name.split(separator: ".").first ?? name)
    }

    /// The root as shown (`.` when it is the working directory).
    public var root: String { prefix.isEmpty ? "." : String(prefix.dropLast()) }

    /// A library-relative path as shown.
    public func path(_ p: String) -> String {
        if prefix.isEmpty || p.hasPrefix("<") { return p }
        guard !below.isEmpty else { return prefix + p }
        if !p.utf8.starts(with: firstBelow) { return climb + p }
        let parts = p.split(separator: "/").map(String.init)
        var i = 0
        while i < below.count, i < parts.count - 1, below[i] == parts[i] { i += 1 }
        return (Array(repeating: "..", count: below.count - i) + parts[i...]).joined(separator: "/")
    }

    /// The diagnostics with their paths as shown.
    public func apply(_ diags: [Diagnostic]) -> [Diagnostic] {
        guard !prefix.isEmpty else { return diags }
        return diags.map { d in
            var d = d
            if let l = d.location { d.location = SourceLocation(file: path(l.file), line: l.line, column: l.column) }
            d.notes = d.notes.map { n in
                var n = n
                if let l = n.location {
                    n.location = SourceLocation(file: path(l.file), line: l.line, column: l.column)
                }
                return n
            }
            return d
        }
    }

    /// A library-relative path given on the command line (or by git), made relative to the root.
    public func libraryPath(_ userPath: String, workingDirectory: String, root: String) -> String? {
        let abs = URL(fileURLWithPath: userPath, relativeTo: URL(fileURLWithPath: workingDirectory)).standardizedFileURL
            .path
        let r = URL(fileURLWithPath: root).standardizedFileURL.path
        if abs == r { return "" }
        return abs.hasPrefix(r + "/") ? String(abs.dropFirst(r.count + 1)) : nil
    }
}
