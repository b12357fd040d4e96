import Foundation

/// The baseline `taxonomy.yaml` names, for the servers that stay up (`taxo lsp`, `taxo mcp`): read again only
/// when the configuration names another file or the file changes (its size or modification time), so that
/// `taxo check --write-baseline` run beside an editor applies at the next message.
struct BaselineWatch {
    /// The file in force (nil when the configuration names none).
    private(set) var path: String?
    private var stamp: [Int64]?
    /// The baseline read, nil when there is none or it cannot be read.
    private(set) var baseline: Baseline?
    /// Why the named baseline cannot be used (it does not exist, is not a baseline), else nil.
    private(set) var problem: String?
    /// Counts the times the baseline was read (or dropped): what the editor compares to see it changed.
    private(set) var version = 0

    /// Brings it up to date with the configuration and the file on disk.
    mutating func refresh(config: Config, root: String) {
        let wanted = Baseline.configuredPath(config, root: root)
        let now = wanted.flatMap(BaselineWatch.stamp)
        guard wanted != path || now != stamp else { return }
        path = wanted
        stamp = now
        version += 1
        baseline = nil
        problem = nil
        guard let wanted else { return }
        do { baseline = try Baseline.load(path: wanted) } catch let e as TaxoError { problem = e.message } catch {
            problem = "\(error)"
        }
    }

    /// For each finding, whether the baseline holds it (all false without one). The findings may be one
    /// file's: a fingerprint names its file, so they are marked as among the whole library's.
    func held(_ diags: [Diagnostic], grammar: IDGrammar) -> [Bool] {
        guard let baseline else { return Array(repeating: false, count: diags.count) }
        return baseline.held(diags, grammar: grammar)
    }

    static func stamp(_ path: String) -> [Int64]? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return [Int64(st.st_size), Int64(st.st_mtim.tv_sec), Int64(st.st_mtim.tv_nsec)]
    }
}
