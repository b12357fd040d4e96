import Foundation

/// The library as it was at a commit, as a compile sees it: the files changed since (uncommitted and
/// untracked ones too; with `staged`, what the git index holds against HEAD) with their content then, the
/// configuration of then, and from those, what a compile of then lays over the work tree. `taxo diff`'s base
/// and `taxo check --changed`'s changed files.
public struct GitBase: Sendable {
    /// Every changed file under the library root (root-relative path) -> its content then, nil when it was
    /// not there (added since).
    public var changed: [String: [UInt8]?] = [:]
    public var config: Config
    /// Changed files under the roots of then, with their content then.
    public var overlay: [String: [UInt8]] = [:]
    /// Changed files under the roots of then that were not there then.
    public var absent: Set<String> = []
    /// The commit in words: `main (3f2a1c0)`, `merge base 3f2a1c0`.
    public var name: String
    /// git's empty tree, the base of a repository without a commit.
    static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    /// The base at `base` (default: the merge base with the default branch; HEAD when `staged`) of the
    /// library at `root`, whose configuration is now `current`. Throws when `root` is in no repository
    /// (saying `needsGit`), `base` is no commit, or the configuration of then does not load.
    public init(root: URL, config current: Config, base: String?, staged: Bool = false, needsGit: String) throws {
        let git = Git(directory: root)
        guard let top = git.topLevel() else {
            throw TaxoError.git("\(needsGit) needs a git repository; \(root.path) is not in one")
        }
        // An argument git would take for an option (`--output=FILE` writes a file) is no commit.
        if let base, base.hasPrefix("-") { throw TaxoError.badArgument("'\(base)' is not a commit") }
        var rev = staged ? "HEAD" : try base ?? git.defaultBase()
        if let short = try git.text(["rev-parse", "--short", "--verify", "--quiet", rev + "^{commit}"]) {
            name = base == nil && !staged ? "merge base \(short)" : "\(rev) (\(short))"
        } else if rev == "HEAD", try git.text(["symbolic-ref", "--quiet", "HEAD"]) != nil {
            // A repository without a commit yet (a library's first): the base is the empty tree, where
            // every file is new.
            rev = GitBase.emptyTree
            name = "no commit yet"
        } else {
            let shallow = (try? git.text(["rev-parse", "--is-shallow-repository"])) == "true"
            throw TaxoError.git(
                "'\(rev)' is not a commit"
                    + (shallow ? " here (this clone is shallow: fetch the base, or check out with fetch-depth: 0)" : "")
            )
        }
        let byGitPath = git.libraryPaths(try git.changedFiles(base: rev, staged: staged), top: top, root: root)
        let then = git.contents(of: byGitPath.keys.sorted(), at: rev)
        for (f, rel) in byGitPath { changed[rel] = .some(then[f]) }
        // The configuration of then (the built-in one when there was no taxonomy.yaml).
        config = current
        if let f = byGitPath.first(where: { $0.value == ConfigLoader.fileName })?.key {
            let file =
                then[f].map { SourceFile(path: ConfigLoader.fileName, rawBytes: $0) }
                ?? SourceFile(path: "<default taxonomy.yaml>", text: DefaultConfig.yaml)
            guard let c = ConfigLoader.parse(file).0 else {
                throw TaxoError.git(
                    "the \(ConfigLoader.fileName) of \(rev) does not load; compare with --against a checkout")
            }
            config = c
        }
        for (f, rel) in byGitPath where config.isUnderRoots(rel) {
            if let bytes = then[f] { overlay[rel] = bytes } else { absent.insert(rel) }
        }
    }

    /// The library as it was: the work tree's compile (`after`, of configuration `current`) with the changed
    /// files put back when the configuration is the same, else a compile of then with its configuration.
    public func compile(root: String, after: CompileResult, current: Config) -> CompileResult {
        if config.hash == current.hash {
            return Compiler.update(after, config: current, changed: overlay, removed: absent, keepContent: true)
        }
        return Compiler.compile(
            root: root, config: config, keepContent: true, options: CompileOptions(overlay: overlay, absent: absent))
    }
}
