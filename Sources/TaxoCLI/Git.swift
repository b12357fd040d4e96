import Foundation

/// The few git questions `taxo check --changed` asks, through the `git` command.
struct Git {
    let directory: URL

    struct Failure: Error { var message: String }

    func run(_ args: [String]) throws -> (out: Data, ok: Bool) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + args
        p.currentDirectoryURL = directory
        let o = Pipe(), e = Pipe()
        p.standardOutput = o
        p.standardError = e
        try p.run()
        let out = o.fileHandleForReading.readDataToEndOfFile()
        _ = e.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (out, p.terminationStatus == 0)
    }

    func text(_ args: [String]) throws -> String? {
        let r = try run(args)
        return r.ok ? String(decoding: r.out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// The work tree's top folder, or nil outside a git repository.
    func topLevel() -> URL? {
        (try? text(["rev-parse", "--show-toplevel"])).flatMap { $0 }.map { URL(fileURLWithPath: $0).standardizedFileURL }
    }

    /// The default base: the merge base with the default branch (origin's HEAD, else main or master), else HEAD.
    func defaultBase() throws -> String {
        var candidates: [String] = []
        if let h = try text(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"]) { candidates.append(h) }
        candidates += ["origin/main", "origin/master", "main", "master"]
        for c in candidates {
            if let mb = try text(["merge-base", "HEAD", c]), !mb.isEmpty { return mb }
        }
        return "HEAD"
    }

    /// Paths (relative to the top level) changed since `base` in the work tree and the index, plus
    /// untracked files; with `staged`, only what the index holds against HEAD. Deleted files included.
    func changedFiles(base: String, staged: Bool) throws -> [String] {
        var out = Set<String>()
        let diff = staged ? ["diff", "--name-only", "--no-renames", "-z", "--cached", "HEAD"]
                          : ["diff", "--name-only", "--no-renames", "-z", base]
        let r = try run(diff)
        guard r.ok else { throw Failure(message: "git diff against '\(staged ? "HEAD" : base)' failed (is it a commit?)") }
        for p in r.out.split(separator: 0) { out.insert(String(decoding: p, as: UTF8.self)) }
        if !staged {
            let u = try run(["ls-files", "--others", "--exclude-standard", "-z"])
            for p in u.out.split(separator: 0) { out.insert(String(decoding: p, as: UTF8.self)) }
        }
        return out.sorted()
    }

    /// A file's content at a commit (`HEAD`, a merge base), or nil when it did not exist there.
    func content(of path: String, at rev: String) -> [UInt8]? {
        guard let r = try? run(["show", "\(rev):\(path)"]), r.ok else { return nil }
        return [UInt8](r.out)
    }
}
