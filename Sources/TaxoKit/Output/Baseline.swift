import Foundation

/// Today's findings, recorded so that CI fails only on new ones (`taxo check --write-baseline FILE`,
/// `taxo check --baseline FILE`).
///
/// A finding's fingerprint is its rule code, its file, the IDs it names (sorted) and its message with
/// numbers folded, never its line: an edit above a finding does not make it new. Each fingerprint keeps a
/// count (the same dangling ID twice in one file is two findings). The file is JSON, sorted and stable, so
/// that it reviews well in a diff.
public struct Baseline: Sendable, Equatable {
    /// What identifies a finding across edits: code, file, message with IDs kept and numbers dropped.
    public struct Fingerprint: Sendable, Hashable, Comparable {
        public var code: String
        public var file: String
        public var ids: [String]
        public var message: String

        /// Sorted by file, code and message.
        public static func < (a: Fingerprint, b: Fingerprint) -> Bool {
            (a.file, a.code, a.message, a.ids.joined(separator: ",")) < (
                b.file, b.code, b.message, b.ids.joined(separator: ",")
            )
        }
    }

    public static let version = 1
    public var counts: [Fingerprint: Int]

    /// A baseline of these findings.
    public init(_ diags: [Diagnostic], grammar: IDGrammar) {
        var c: [Fingerprint: Int] = [:]
        for d in diags { c[Baseline.fingerprint(d, grammar: grammar), default: 0] += 1 }
        counts = c
    }

    /// A finding's fingerprint.
    public static func fingerprint(_ d: Diagnostic, grammar: IDGrammar) -> Fingerprint {
        var ids = Set<String>()
        for tok in grammar.tokens(in: d.message, typos: false) { if case .id(let p) = tok.0 { ids.insert(p.written) } }
        return Fingerprint(code: d.code, file: d.location?.file ?? "", ids: ids.sorted(), message: fold(d.message))
    }

    /// Each finding's identity across edits as 16 hex digits and, after a colon, its occurrence among the
    /// findings of the same fingerprint (1, 2 ...): what SARIF's `partialFingerprints` carry, so that code
    /// scanning follows a finding that moves to another line instead of closing it and opening a new one.
    public static func stableIDs(_ diags: [Diagnostic], grammar: IDGrammar) -> [String] {
        var seen: [Fingerprint: Int] = [:]
        return diags.map { d in
            let f = fingerprint(d, grammar: grammar)
            seen[f, default: 0] += 1
            var h = StreamHash()
            h.add(f.code); h.add(f.file); for id in f.ids { h.add(id) }; h.add(f.message)
            return h.hex + ":" + String(seen[f]!)
        }
    }

    /// The stable IDs of `shown`, findings picked from `all` (a baseline or a change set left the others
    /// out), counted over `all`: a finding keeps its occurrence number whatever the baseline holds. A finding
    /// `all` lacks (a note the run added) is counted among those shown.
    public static func stableIDs(of shown: [Diagnostic], among all: [Diagnostic], grammar: IDGrammar) -> [String] {
        var ids: [Place: [String]] = [:]
        for (d, id) in zip(all, stableIDs(all, grammar: grammar)) { ids[Place(d), default: []].append(id) }
        let own = stableIDs(shown, grammar: grammar)
        return shown.indices.map { i in
            let p = Place(shown[i])
            guard let first = ids[p]?.first else { return own[i] }
            ids[p]!.removeFirst()
            return first
        }
    }

    /// A finding exactly where it is: rule, file, line, column and message.
    struct Place: Hashable {
        var code, file, message: String
        var line, column: Int

        init(_ d: Diagnostic) {
            code = d.code
            file = d.location?.file ?? ""
            message = d.message
            line = d.location?.line ?? 0
            column = d.location?.column ?? 0
        }
    }

    /// The message with every run of digits written as `#` (counts and columns change; the finding does not).
    static func fold(_ s: String) -> String {
        var out = ""
        var inDigits = false
        for c in s.unicodeScalars {
            if ("0"..."9").contains(c) {
                if !inDigits { out += "#" }
                inDigits = true
            } else {
                out.unicodeScalars.append(c)
                inDigits = false
            }
        }
        return out
    }

    /// The findings the baseline does not hold (each fingerprint's count used up first), and how many
    /// baseline entries no longer occur.
    public func filter(_ diags: [Diagnostic], grammar: IDGrammar) -> (new: [Diagnostic], gone: Int) {
        let (held, gone) = holds(diags, grammar: grammar)
        return (zip(diags, held).compactMap { $1 ? nil : $0 }, gone)
    }

    /// For each finding, in order, whether the baseline holds it (each fingerprint's count used up by the
    /// first findings that match it), and how many baseline entries are left over. A fingerprint names its
    /// file, so the findings of one file marked alone are marked as among all of the library's.
    public func holds(_ diags: [Diagnostic], grammar: IDGrammar) -> (held: [Bool], gone: Int) {
        let marks = held(diags, grammar: grammar)
        return (marks, counts.values.reduce(0, +) - marks.filter { $0 }.count)
    }

    /// For each finding, whether the baseline holds it (`holds` without the leftover count). What is used up
    /// is counted apart, not in a copy of the baseline: the editor marks one file's findings at a time, and
    /// copying a baseline of 16,000 entries per file made a workspace report of 6,500 files take 10 s.
    public func held(_ diags: [Diagnostic], grammar: IDGrammar) -> [Bool] {
        var used: [Fingerprint: Int] = [:]
        var held: [Bool] = []
        held.reserveCapacity(diags.count)
        for d in diags {
            let f = Baseline.fingerprint(d, grammar: grammar)
            let n = used[f, default: 0]
            if n < counts[f, default: 0] {
                used[f] = n + 1
                held.append(true)
            } else {
                held.append(false)
            }
        }
        return held
    }

    /// For each finding of `after`, whether `before` had it, as a baseline of `before` would say: the same
    /// finding at the same place first, then by fingerprint (counted) among the rest. Only findings that
    /// moved or changed are fingerprinted: most of a library's, when one file changes, are where they were.
    public static func carried(from before: [Diagnostic], to after: [Diagnostic], grammar: IDGrammar) -> [Bool] {
        var left: [Place: Int] = [:]
        for d in before { left[Place(d), default: 0] += 1 }
        var had = [Bool](repeating: false, count: after.count)
        var moved: [Int] = []
        for (i, d) in after.enumerated() {
            let p = Place(d)
            if let n = left[p], n > 0 {
                left[p] = n - 1
                had[i] = true
            } else {
                moved.append(i)
            }
        }
        guard !moved.isEmpty else { return had }
        let unmatched = before.filter { d in
            let p = Place(d)
            guard let n = left[p], n > 0 else { return false }
            left[p] = n - 1
            return true
        }
        let held = Baseline(unmatched, grammar: grammar).held(moved.map { after[$0] }, grammar: grammar)
        for (i, h) in zip(moved, held) { had[i] = h }
        return had
    }

    /// The baseline file `taxonomy.yaml` names (`baseline:`), as a path (relative to `root` unless absolute);
    /// nil when it names none.
    public static func configuredPath(_ config: Config, root: String) -> String? {
        guard let b = config.baseline, !b.isEmpty else { return nil }
        return b.hasPrefix("/") ? b : root + "/" + b
    }

    /// Reads the baseline file at `path`; throws `TaxoError.baseline` saying why it cannot be used.
    public static func load(path: String) throws -> Baseline {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw TaxoError.baseline("\(path) does not exist")
        }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw TaxoError.baseline("\(path) cannot be read")
        }
        do { return try Baseline(json: data) } catch let e as TaxoError {
            throw TaxoError.baseline("\(path) is not valid: \(e.message)")
        }
    }

    /// The baseline file's text.
    public func json() -> String {
        var w = JSONWriter()
        w.beginObject()
        w.int("version", Baseline.version)
        w.string("tool", "taxo " + TaxoVersion.string)
        w.beginArray("findings")
        for f in counts.keys.sorted() {
            w.beginObject()
            w.string("code", f.code)
            w.string("file", f.file)
            w.beginArray("ids")
            for id in f.ids { w.string(nil, id) }
            w.endArray()
            w.string("message", f.message)
            w.int("count", counts[f]!)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.out + "\n"
    }

    /// Reads a baseline file; throws when it is not one.
    public init(json data: Data) throws {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TaxoError.baseline("not a JSON object")
        }
        guard root["version"] as? Int == Baseline.version else {
            throw TaxoError.baseline("unsupported baseline version")
        }
        guard let items = root["findings"] as? [[String: Any]] else { throw TaxoError.baseline("no 'findings' list") }
        var c: [Fingerprint: Int] = [:]
        for i in items {
            guard let code = i["code"] as? String, let file = i["file"] as? String,
                let message = i["message"] as? String
            else {
                throw TaxoError.baseline("a finding lacks code, file or message")
            }
            let f = Fingerprint(code: code, file: file, ids: (i["ids"] as? [String]) ?? [], message: message)
            c[f, default: 0] += max(1, i["count"] as? Int ?? 1)
        }
        counts = c
    }
}
