import Foundation

/// The few git questions `taxo check --changed` and `taxo diff` ask, through the `git` command.
public struct Git: Sendable {
    public let directory: URL

    /// git run in (`-C`) this folder.
    public init(directory: URL) { self.directory = directory }

    public func run(_ args: [String]) throws -> (out: Data, ok: Bool) {
        guard let r = Subprocess.run(["git", "-C", directory.path] + args) else {
            throw TaxoError.git("git could not be run")
        }
        return (Data(r.out), r.status == 0)
    }

    public func text(_ args: [String]) throws -> String? {
        let r = try run(args)
        return r.ok ? String(decoding: r.out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }

    /// The work tree's top folder, or nil outside a git repository.
    public func topLevel() -> URL? {
        (try? text(["rev-parse", "--show-toplevel"])).flatMap { $0 }.map {
            URL(fileURLWithPath: $0).standardizedFileURL
        }
    }

    /// Of paths git gave (relative to the top level `top`), those under the library `root`, each mapped to its
    /// path relative to the root.
    public func libraryPaths(_ gitPaths: [String], top: URL, root: URL) -> [String: String] {
        let display = PathDisplay(prefix: "")
        var out: [String: String] = [:]
        for f in gitPaths {
            let abs = top.appendingPathComponent(f).path
            guard let rel = display.libraryPath(abs, workingDirectory: "/", root: root.path), !rel.isEmpty,
                !rel.hasPrefix("../")
            else { continue }
            out[f] = rel
        }
        return out
    }

    /// The default base: the merge base with the default branch (origin's HEAD, else main or master), else HEAD.
    public func defaultBase() throws -> String {
        var candidates: [String] = []
        if let h = try text(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"]) { candidates.append(h) }
        candidates += ["origin/main", "origin/master", "main", "master"]
        for c in candidates {
            if let mb = try text(["merge-base", "HEAD", c]), !mb.isEmpty { return mb }
        }
        return "HEAD"
    }

    /// Paths (relative to the top level) changed since `base` in the work tree and the index, plus
    /// untracked files; with `staged`, only what the index holds against `base`. Deleted files included.
    public func changedFiles(base: String, staged: Bool) throws -> [String] {
        var out = Set<String>()
        let diff =
            staged
            ? ["diff", "--name-only", "--no-renames", "-z", "--cached", base]
            : ["diff", "--name-only", "--no-renames", "-z", base]
        let r = try run(diff)
        guard r.ok else { throw TaxoError.git("git diff against '\(base)' failed (is it a commit?)") }
        for p in r.out.split(separator: 0) { out.insert(String(decoding: p, as: UTF8.self)) }
        if !staged {
            let u = try run(["ls-files", "--others", "--exclude-standard", "-z"])
            for p in u.out.split(separator: 0) { out.insert(String(decoding: p, as: UTF8.self)) }
        }
        return out.sorted()
    }

    /// Files' contents at a commit (`HEAD`, a merge base), by path; paths that did not exist there are
    /// left out. One `git cat-file --batch` for all of them.
    public func contents(of paths: [String], at rev: String) -> [String: [UInt8]] {
        guard !paths.isEmpty else { return [:] }
        let request = paths.map { "\(rev):\($0)\n" }.joined()
        guard let r = Subprocess.run(["git", "-C", directory.path, "cat-file", "--batch"], input: Array(request.utf8)),
            r.status == 0
        else { return [:] }
        let data = r.out
        // Each answer: "<sha> blob <size>\n<content>\n", or "<name> missing\n".
        var out: [String: [UInt8]] = [:]
        var k = 0
        for path in paths {
            guard let nl = data[k...].firstIndex(of: 10) else { break }
            let header = String(decoding: data[k..<nl], as: UTF8.self).split(separator: " ")
            k = nl + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]), k + size <= data.count else {
                continue
            }
            out[path] = Array(data[k..<(k + size)])
            k += size + 1
        }
        return out
    }
}
