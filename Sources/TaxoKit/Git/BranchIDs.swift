import Foundation

/// IDs that other branches declare (or announce) and the work tree does not: what `taxo new` must not hand
/// out. Two analysts who each create a tool on their own branch would otherwise both take `TOL-018`, and
/// the second merge would bring a duplicate ID.
///
/// Read from git: every local and remote-tracking branch whose tip is not HEAD (the most recently committed
/// first, at most `limit`), the library files it added or changed since its merge base with HEAD, as they
/// are on that branch, parsed as a compile parses them. A branch merged into HEAD adds nothing.
public struct BranchIDs: Sendable {
    /// An ID taken on other branches, and which (sorted by name).
    public struct Taken: Sendable {
        public var id: ParsedID
        public var branches: [String]
    }

    /// By ID key (`TOL-18`).
    public var taken: [String: Taken] = [:]
    /// How many branch tips were compared with HEAD.
    public var branchesRead = 0

    public init() {}

    /// The branches' IDs, or nil when `root` is in no git repository (or git cannot be run).
    public static func read(root: URL, config: Config, limit: Int = 200) -> BranchIDs? {
        let git = Git(directory: root)
        guard let top = git.topLevel() else { return nil }
        var out = BranchIDs()
        guard let head = try? git.text(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]), !head.isEmpty,
            let refs = try? git.text([
                "for-each-ref", "--sort=-committerdate", "--format=%(objectname) %(refname)", "refs/heads",
                "refs/remotes",
            ])
        else { return out }
        // Branch names by tip: a local branch and its remote-tracking twin are read once.
        var names: [String: [String]] = [:]
        var tips: [String] = []
        for line in refs.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let sha = String(line[..<space])
            let ref = String(line[line.index(after: space)...])
            guard sha != head, !ref.hasSuffix("/HEAD") else { continue }
            let name = ref.hasPrefix("refs/heads/") ? String(ref.dropFirst(11)) : String(ref.dropFirst(13))
            if names[sha] == nil {
                guard tips.count < limit else { continue }
                tips.append(sha)
            }
            names[sha, default: []].append(name)
        }
        let processor = FileProcessor(config: config, grammar: IDGrammar(config: config), keepContent: false)
        for sha in tips {
            guard
                let changed = try? git.run([
                    "diff", "--name-only", "-z", "--no-renames", "--diff-filter=AM", "HEAD...\(sha)",
                ]), changed.ok
            else { continue }
            out.branchesRead += 1
            var byGitPath: [String: (String, DiscoveredFile.Format)] = [:]
            let paths = changed.out.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            for (f, rel) in git.libraryPaths(paths, top: top, root: root)
            where config.isUnderRoots(rel) && !config.isExcluded(rel) {
                if let format = Discovery.format(of: rel) { byGitPath[f] = (rel, format) }
            }
            let branches = names[sha, default: []].sorted()
            for (f, bytes) in git.contents(of: byGitPath.keys.sorted(), at: sha) {
                guard let (rel, format) = byGitPath[f] else { continue }
                out.add(processor.process(path: rel, format: format, bytes: bytes), config: config, on: branches)
            }
        }
        return out
    }

    /// The IDs a file of a branch declares, and the new IDs its documents announce.
    mutating func add(_ r: FileResult, config: Config, on branches: [String]) {
        var ids = r.entities.compactMap(\.id)
        for m in r.document?.mentions ?? [] where m.isProposal && !config.kinds[m.id.kind].scoped { ids.append(m.id) }
        for p in ids where !p.legacy {
            var t = taken[p.key] ?? Taken(id: p, branches: [])
            t.branches = Array(Set(t.branches + branches)).sorted()
            taken[p.key] = t
        }
    }

    /// The IDs of a kind taken on other branches.
    public func ofKind(_ kind: Int) -> [Taken] {
        taken.values.filter { $0.id.kind == kind }.sorted { $0.id.key < $1.id.key }
    }
}
