/// What a change does to the library, computed from two compiles of it (before and after): entities
/// added, removed, renamed (a new ID for the same record) and changed (name, kind, department, status, file,
/// aliases, record fields), links added and removed between entities present on both sides, findings the
/// change introduces and fixes (matched as baselines match them: by rule, file, IDs and message with its
/// numbers folded, so a finding that only moved is neither), phase changes of videos, and master-list rows
/// added, removed and changed (`LibraryDiffMasterRows.swift`). `taxo diff`'s
/// model; `Report/DiffReport.swift` presents it.
public struct LibraryDiff: Sendable {
    /// One entity as one side has it.
    public struct EntityRef: Sendable, Equatable {
        public var id: String
        public var kind: String
        public var name: String?
        public var file: String
        public var line: Int
    }

    /// An entity both sides have, with what changed about it, one phrase per change.
    public struct Changed: Sendable, Equatable {
        public var entity: EntityRef
        public var changes: [String]
    }

    /// An entity whose ID changed (the same record under a new ID).
    public struct Renamed: Sendable, Equatable {
        public var from: EntityRef
        public var to: EntityRef
    }

    /// A link from an entity to an ID, by field (indices dropped: reordering a list is not a change).
    public struct Link: Sendable, Equatable, Comparable {
        public var source: String
        public var field: String
        public var target: String
        /// The target's name when it resolves on the side that has the link.
        public var targetName: String?
        public var file: String

        public static func < (a: Link, b: Link) -> Bool {
            (a.source, a.field, a.target) < (b.source, b.field, b.target)
        }
    }

    /// A phase of a video whose state changed.
    public struct PhaseChange: Sendable, Equatable {
        public var video: String
        public var phase: Int
        public var phaseName: String
        public var before: String?
        public var after: String
    }

    /// A document (transcript, analysis) as one side has it, with the entities its mentions gained or lost.
    public struct DocumentChange: Sendable, Equatable {
        public var path: String
        public var type: String?
        public var video: String?
        /// Added, removed or changed.
        public var change: String
        /// IDs it mentions now and did not (changed documents only), and IDs it no longer mentions.
        public var mentionsAdded: [String] = []
        public var mentionsRemoved: [String] = []
    }

    /// Entities per kind on each side (kinds with any entity on either).
    public struct KindCount: Sendable, Equatable {
        public var kind: String
        public var before: Int
        public var after: Int
    }

    public var added: [EntityRef] = []
    public var removed: [EntityRef] = []
    public var renamed: [Renamed] = []
    public var changed: [Changed] = []
    public var linksAdded: [Link] = []
    public var linksRemoved: [Link] = []
    /// Findings of the after side that the before side does not have.
    public var newFindings: [Diagnostic] = []
    /// Findings of the before side that are gone.
    public var fixedFindings: [Diagnostic] = []
    public var phases: [PhaseChange] = []
    /// Documents added, removed or changed, by path.
    public var documents: [DocumentChange] = []
    /// Master-list rows added, removed or changed, by list and ID.
    public var masterRows: [RowChange] = []
    public var kinds: [KindCount] = []
    /// Files that differ (added, removed or changed) among those the compiles read.
    public var filesChanged: Int = 0

    /// Whether the two sides hold the same entities, links, findings and phases.
    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && renamed.isEmpty && changed.isEmpty && linksAdded.isEmpty
            && linksRemoved.isEmpty && newFindings.isEmpty && fixedFindings.isEmpty && phases.isEmpty
            && documents.isEmpty && masterRows.isEmpty
    }

    /// New findings that are errors.
    public var newErrors: Int { newFindings.filter { $0.severity == .error }.count }

    /// The difference from `before` to `after`.
    public init(before: CompileResult, after: CompileResult) {
        let b = before.library, a = after.library
        let beforeKeys = LibraryDiff.entitiesByKey(b), afterKeys = LibraryDiff.entitiesByKey(a)
        var added: [Int] = [], removed: [Int] = []
        for (k, i) in afterKeys where beforeKeys[k] == nil { added.append(i) }
        for (k, i) in beforeKeys where afterKeys[k] == nil { removed.append(i) }
        added.sort()
        removed.sort()
        // A removed entity and an added one of the same kind, file or name, one to one: a new ID. The added
        // ones are found by kind and file (a file holding one record) or kind and name, not compared pairwise
        // (two versions far apart have thousands of each).
        var renamedPairs: [(Int, Int)] = []
        var takenAdded = Set<Int>()
        var byFile: [String: [Int]] = [:], byName: [String: [Int]] = [:]
        for i in added {
            let e = a.entities[i], kind = a.kindName(e)
            if e.soleRecordInFile { byFile[kind + "\u{0}" + e.file, default: []].append(i) }
            if let n = e.name { byName[kind + "\u{0}" + n, default: []].append(i) }
        }
        for r in removed {
            let old = b.entities[r], kind = b.kindName(old)
            var matches = Set<Int>()
            if old.soleRecordInFile { matches.formUnion(byFile[kind + "\u{0}" + old.file] ?? []) }
            if let n = old.name { matches.formUnion(byName[kind + "\u{0}" + n] ?? []) }
            matches.subtract(takenAdded)
            if matches.count == 1, let m = matches.first {
                renamedPairs.append((r, m))
                takenAdded.insert(m)
            }
        }
        let renamedBefore = Set(renamedPairs.map(\.0))
        self.added = added.filter { !takenAdded.contains($0) }.map { LibraryDiff.ref(a, $0) }
        self.removed = removed.filter { !renamedBefore.contains($0) }.map { LibraryDiff.ref(b, $0) }
        renamed = renamedPairs.map { Renamed(from: LibraryDiff.ref(b, $0.0), to: LibraryDiff.ref(a, $0.1)) }
        // Entities on both sides (under the same ID, or renamed): what changed, and their links.
        var pairs: [(Int, Int)] = afterKeys.compactMap { k, i in beforeKeys[k].map { ($0, i) } }
        pairs += renamedPairs
        pairs.sort { $0.1 < $1.1 }
        for (bi, ai) in pairs {
            let c = LibraryDiff.changes(b.entities[bi], b, a.entities[ai], a)
            if !c.isEmpty { changed.append(Changed(entity: LibraryDiff.ref(a, ai), changes: c)) }
            if LibraryDiff.sameLinks(b, bi, a, ai) { continue }
            let old = LibraryDiff.links(b, bi), new = LibraryDiff.links(a, ai)
            let source = a.displayID(a.entities[ai])
            for (k, l) in new where old[k] == nil { linksAdded.append(Link(l, source: source)) }
            for (k, l) in old where new[k] == nil { linksRemoved.append(Link(l, source: source)) }
        }
        linksAdded.sort()
        linksRemoved.sort()
        (newFindings, fixedFindings) = LibraryDiff.findings(before, after)
        phases = LibraryDiff.phases(PhaseTracker(result: before), PhaseTracker(result: after))
        kinds = LibraryDiff.kindCounts(b, a)
        var hashes: [String: String] = [:]
        for f in b.files { hashes[f.path] = f.hash }
        documents = LibraryDiff.documents(b, a, hashes: hashes)
        masterRows = LibraryDiff.masterRows(b, a)
        filesChanged = LibraryDiff.filesChanged(a, before: hashes)
    }

    /// Each entity by its canonical ID (the first of duplicates), or by file and raw ID when it has none. Not
    /// by kind: the two sides may number their kinds differently (another taxonomy.yaml), and a kind that
    /// changed is a change of the entity.
    static func entitiesByKey(_ lib: Library) -> [String: Int] {
        var out: [String: Int] = [:]
        for (i, e) in lib.entities.enumerated() {
            let k = e.id.map { "id|" + $0.key } ?? "raw|\(e.file)|\(e.rawID)"
            if out[k] == nil { out[k] = i }
        }
        return out
    }

    /// `name 'Miro' -> 'Miro Board'` (`none` for a value one side lacks), or nil when the values agree.
    static func change(_ what: String, _ old: String?, _ new: String?) -> String? {
        guard old != new else { return nil }
        func quoted(_ s: String?) -> String { s.map { "'\($0)'" } ?? "none" }
        return "\(what) \(quoted(old)) -> \(quoted(new))"
    }

    static func ref(_ lib: Library, _ i: Int) -> EntityRef {
        let e = lib.entities[i]
        return EntityRef(
            id: lib.displayID(e), kind: lib.kindName(e), name: e.name, file: e.file, line: e.location.line)
    }

    /// What changed about an entity, one phrase each: name, kind, department, status, file, aliases, and
    /// the record's fields (by name) whose values differ.
    static func changes(_ old: Entity, _ b: Library, _ new: Entity, _ a: Library) -> [String] {
        var out: [String] = []
        if let c = change("name", old.name, new.name) { out.append(c) }
        if b.kindName(old) != a.kindName(new) { out.append("kind \(b.kindName(old)) -> \(a.kindName(new))") }
        let od = b.departmentCode(of: old) ?? old.department, nd = a.departmentCode(of: new) ?? new.department
        if let c = change("department", od, nd) { out.append(c) }
        if let c = change("status", old.status, new.status) { out.append(c) }
        if old.file != new.file { out.append("moved from \(old.file)") }
        let oa = Set(old.aliases), na = Set(new.aliases)
        if oa != na {
            let plus = na.subtracting(oa).sorted(), minus = oa.subtracting(na).sorted()
            out.append(
                "aliases" + (plus.isEmpty ? "" : " +" + plus.joined(separator: ", +"))
                    + (minus.isEmpty ? "" : " -" + minus.joined(separator: ", -")))
        }
        // A new ID is said by the rename; its field is not a change of its own.
        let fields = fieldChanges(old.record, new.record).filter { old.id?.key == new.id?.key || $0 != new.idField }
        if !fields.isEmpty { out.append("fields changed: " + fields.joined(separator: ", ")) }
        return out
    }

    /// The top-level fields of two records (compact JSON) that were added, removed or given another value.
    static func fieldChanges(_ old: String?, _ new: String?) -> [String] {
        guard let old, let new, old != new,
            case .success(let o) = JSONParser.parse(Array(old.utf8)), let om = o.members,
            case .success(let n) = JSONParser.parse(Array(new.utf8)), let nm = n.members
        else { return [] }
        var before: [String: String] = [:]
        for m in om where before[m.key] == nil { before[m.key] = m.node.compactJSON() }
        var out: [String] = [], seen = Set<String>()
        for m in nm where seen.insert(m.key).inserted {
            if let v = before[m.key] {
                if v != m.node.compactJSON() { out.append(m.key) }
            } else {
                out.append("+" + m.key)
            }
        }
        for m in om where !seen.contains(m.key) && seen.insert(m.key).inserted { out.append("-" + m.key) }
        return out
    }

    /// Whether an entity has the same references, resolving to the same IDs, on both sides (most do: their
    /// links are not compared one by one).
    static func sameLinks(_ b: Library, _ bi: Int, _ a: Library, _ ai: Int) -> Bool {
        let o = b.entities[bi].references, n = a.entities[ai].references
        guard o.count == n.count else { return false }
        for r in o.indices {
            guard o[r].field == n[r].field, o[r].id.key == n[r].id.key else { return false }
            let ot = b.targets[bi][r].map { b.entities[$0].id?.key },
                nt = a.targets[ai][r].map { a.entities[$0].id?.key }
            if ot != nt { return false }
        }
        return true
    }

    /// An entity's links by field (without list indices) and target key, with how to show them.
    static func links(_ lib: Library, _ i: Int) -> [String: Link] {
        var out: [String: Link] = [:]
        let e = lib.entities[i]
        for (r, ref) in e.references.enumerated() {
            let field = fieldWithoutIndices(ref.field)
            let target = lib.targets[i][r].map { lib.entities[$0] }
            let key = field + "\u{0}" + (target?.id?.key ?? ref.id.key)
            guard out[key] == nil else { continue }
            out[key] = Link(
                source: "", field: field, target: target.map { lib.displayID($0) } ?? ref.id.written,
                targetName: target?.name, file: e.file)
        }
        return out
    }

    /// `tasks[2].task_id` -> `tasks.task_id`.
    static func fieldWithoutIndices(_ f: String) -> String {
        guard f.contains("[") else { return f }
        var out = "", depth = 0
        for c in f {
            if c == "[" {
                depth += 1
            } else if c == "]" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                out.append(c)
            }
        }
        return out
    }

    /// Findings after that were not there before, and findings before that are gone, by baseline
    /// fingerprint (with counts: a second copy of a finding is new).
    static func findings(_ before: CompileResult, _ after: CompileResult) -> (new: [Diagnostic], fixed: [Diagnostic]) {
        // Each finding's fingerprint made once (it scans the message for IDs).
        let b = before.diagnostics.map { Baseline.fingerprint($0, grammar: before.library.grammar) }
        let a = after.diagnostics.map { Baseline.fingerprint($0, grammar: after.library.grammar) }
        func only(_ diags: [Diagnostic], _ prints: [Baseline.Fingerprint], beyond other: [Baseline.Fingerprint])
            -> [Diagnostic]
        {
            var left: [Baseline.Fingerprint: Int] = [:]
            for f in other { left[f, default: 0] += 1 }
            var out: [Diagnostic] = []
            for (d, f) in zip(diags, prints) {
                if let n = left[f], n > 0 { left[f] = n - 1 } else { out.append(d) }
            }
            return out
        }
        return (only(after.diagnostics, a, beyond: b), only(before.diagnostics, b, beyond: a))
    }

    /// Phases whose state differs, video by video (a new video's phases that are not missing).
    static func phases(_ before: PhaseTracker, _ after: PhaseTracker) -> [PhaseChange] {
        var old: [String: PhaseTracker.Video] = [:]
        for v in before.videos { old[v.id] = v }
        var out: [PhaseChange] = []
        for v in after.videos {
            let was = old[v.id]
            for p in v.phases {
                let prior = was?.phases.first { $0.phase.number == p.phase.number }?.state
                if prior == p.state || (prior == nil && (p.state == .missing || p.state == .skipped)) { continue }
                out.append(
                    PhaseChange(
                        video: v.id, phase: p.phase.number, phaseName: p.phase.name, before: prior?.rawValue,
                        after: p.state.rawValue))
            }
        }
        let now = Set(after.videos.map(\.id))
        for v in before.videos where !now.contains(v.id) {
            for p in v.phases where p.state == .done || p.state == .errors {
                out.append(
                    PhaseChange(
                        video: v.id, phase: p.phase.number, phaseName: p.phase.name, before: p.state.rawValue,
                        after: PhaseTracker.State.missing.rawValue))
            }
        }
        return out.sorted { ($0.video, $0.phase) < ($1.video, $1.phase) }
    }

    /// Documents one side has and the other does not, and those whose file changed, with the IDs their
    /// mentions gained and lost.
    static func documents(_ b: Library, _ a: Library, hashes: [String: String]) -> [DocumentChange] {
        var changedFiles = Set<String>()
        for f in a.files where hashes[f.path] != nil && hashes[f.path] != f.hash { changedFiles.insert(f.path) }
        var old: [String: Document] = [:]
        for d in b.documents { old[d.path] = d }
        var out: [DocumentChange] = []
        // Mentioned IDs by canonical key (`TOL-SEC-0124` is `TOL-SEC-124`), as first written.
        func ids(_ d: Document) -> [String: String] {
            var m: [String: String] = [:]
            for x in d.mentions where m[x.id.key] == nil { m[x.id.key] = x.id.written }
            return m
        }
        for d in a.documents {
            guard let was = old.removeValue(forKey: d.path) else {
                out.append(DocumentChange(path: d.path, type: d.type, video: d.video, change: "added"))
                continue
            }
            guard changedFiles.contains(d.path) else { continue }
            let now = ids(d), then = ids(was)
            out.append(
                DocumentChange(
                    path: d.path, type: d.type, video: d.video, change: "changed",
                    mentionsAdded: now.filter { then[$0.key] == nil }.map(\.value).sorted(),
                    mentionsRemoved: then.filter { now[$0.key] == nil }.map(\.value).sorted()))
        }
        for d in old.values {
            out.append(DocumentChange(path: d.path, type: d.type, video: d.video, change: "removed"))
        }
        return out.sorted { $0.path < $1.path }
    }

    static func kindCounts(_ b: Library, _ a: Library) -> [KindCount] {
        var before: [String: Int] = [:], after: [String: Int] = [:]
        for e in b.entities { before[b.kindName(e), default: 0] += 1 }
        for e in a.entities { after[a.kindName(e), default: 0] += 1 }
        return Set(before.keys).union(after.keys).sorted().map {
            KindCount(kind: $0, before: before[$0] ?? 0, after: after[$0] ?? 0)
        }
    }

    /// Files one side has and the other does not, or whose content differs (`before`: path -> hash).
    static func filesChanged(_ a: Library, before: [String: String]) -> Int {
        var n = 0, seen = 0
        for f in a.files {
            if let h = before[f.path] {
                seen += 1
                if h != f.hash { n += 1 }
            } else {
                n += 1
            }
        }
        return n + before.count - seen
    }
}

extension LibraryDiff.Link {
    init(_ l: LibraryDiff.Link, source: String) {
        self = l
        self.source = source
    }
}
