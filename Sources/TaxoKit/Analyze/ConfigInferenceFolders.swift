import Foundation

/// `taxo init`, where things are: the folders of each kind's files (globs), of transcripts, analyses and phase
/// artifacts, and the roots.
extension ConfigInference.Plan {
    /// A data file's kind in `globs` when it has none (or several).
    static let unattributed = -1

    /// Folders of a kind's files that none of its globs take: the highest folder holding only that kind's
    /// records becomes a glob (`catalog/tools/**/*.json`).
    mutating func globs(_ survey: LibrarySurvey) {
        let total = base.kinds.count + added.count
        var kindsUnder: [String: Set<Int>] = [:]
        var filesOf: [Int: [LibrarySurvey.File]] = [:]
        for f in survey.files {
            let ks = Set(f.records.compactMap(\.kind))
            var own = ks
            if f.records.isEmpty, f.format == .markdown, let t = f.nameToken, let p = Self.prefix(of: t),
                let k = kindIndex(prefix: p)
            {
                own = [k]
            }
            // A data file of no kind (or of several) keeps a glob from climbing over its folder.
            let k = own.count == 1 ? own.first! : Self.unattributed
            if own.count != 1, f.format == .markdown { continue }
            if k != Self.unattributed { filesOf[k, default: []].append(f) }
            var dir = f.dir
            while true {
                kindsUnder[dir, default: []].insert(k)
                if dir.isEmpty { break }
                dir = dir.split(separator: "/").dropLast().joined(separator: "/")
            }
        }
        for k in 0..<total {
            guard let files = filesOf[k] else { continue }
            let uncovered = files.filter { base.kindIndex(forPath: $0.path) == nil }
            let evidence = uncovered.reduce(0) { $0 + max(1, $1.records.count) }
            guard evidence >= ConfigInference.minimumEvidence || (k >= base.kinds.count && !uncovered.isEmpty)
            else { continue }
            var tops: Set<String> = []
            for f in uncovered {
                var dir = f.dir
                guard !dir.isEmpty else { continue }
                while true {
                    let parent = dir.split(separator: "/").dropLast().joined(separator: "/")
                    if parent.isEmpty || kindsUnder[parent] != [k] { break }
                    dir = parent
                }
                tops.insert(dir)
            }
            // A folder whose name holds a glob's own characters cannot be written as a glob.
            let outer = tops.sorted().filter { d in !tops.contains { d != $0 && d.hasPrefix($0 + "/") } }
            let dirs = outer.filter { !$0.contains(where: { "*?{},[]".contains($0) }) }
            for d in outer where !dirs.contains(d) {
                note(
                    "kinds.\(kindName(k)).files: \(ConfigText.quoted(d + "/**"))",
                    "\(kindName(k)) files lie in '\(d)', whose name holds a glob's own characters", applied: false)
            }
            guard !dirs.isEmpty else { continue }
            let globs = dirs.map { d -> String in
                let exts = Set(uncovered.filter { $0.path.hasPrefix(d + "/") }.map(\.ext)).sorted()
                let e = exts.count == 1 ? exts[0] : "{" + exts.joined(separator: ",") + "}"
                return "\(d)/**/*.\(e)"
            }
            let name = kindName(k)
            let existing = k < base.kinds.count ? base.kinds[k].files.map(\.pattern) : []
            let list = "[" + (existing + globs).map(ConfigText.quoted).joined(separator: ", ") + "]"
            let reason =
                "\(uncovered.count == 1 ? "a \(name) file" : "\(uncovered.count) \(name) files")"
                + (evidence > uncovered.count ? " (\(evidence) records)" : "")
                + (uncovered.count == 1
                    ? " lies where no glob of the kind takes it" : " lie where no glob of the kind takes them")
            let ok = text.set("files", list, in: ["kinds", name], comment: "taxo init: " + reason)
            note("kinds.\(name).files: \(list)", reason, applied: ok)
        }
    }

    /// Transcripts (`Video_024.md`) where no document type's globs take them.
    mutating func documents(_ survey: LibrarySurvey) {
        guard let re = try? NSRegularExpression(pattern: "^" + base.videoPattern + "\\.md$") else { return }
        let transcripts = survey.files.filter { f in
            guard f.format == .markdown else { return false }
            let name = f.path.split(separator: "/").last.map(String.init) ?? ""
            return re.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
        }
        let uncovered = transcripts.filter { !covered($0) }
        guard uncovered.count >= ConfigInference.minimumEvidence,
            let type = base.documents.first(where: { $0.scopeHeading != nil })?.name ?? base.documents.first?.name
        else { return }
        let dirs = Set(uncovered.map(\.dir)).sorted()
        let stem = base.videoPattern.prefix { $0.isLetter || $0 == "_" }
        let globs = dirs.map { ($0.isEmpty ? "" : $0 + "/") + stem + "*.md" }
        let existing = base.documents.first { $0.name == type }?.files.map(\.pattern) ?? []
        let list = "[" + (existing + globs).map(ConfigText.quoted).joined(separator: ", ") + "]"
        let reason = "\(uncovered.count) transcripts lie where no document type takes them"
        let ok = text.set("files", list, in: ["documents", type], comment: "taxo init: " + reason)
        note("documents.\(type).files: \(list)", reason, applied: ok)
    }

    /// Whether a document type of the base takes a file.
    func covered(_ f: LibrarySurvey.File) -> Bool {
        let segs = Config.segments(f.path)
        return base.documents.contains { $0.files.contains { $0.matches(segments: segs) } }
    }

    /// Analyses (`Video_024_Gap_Analysis.md`: Markdown naming a video, not a transcript, of no kind) where
    /// no document type takes them: the highest folders holding no kind's files become the `analysis` type's.
    mutating func analyses(_ survey: LibrarySurvey) {
        guard let type = base.documents.first(where: { $0.name == "analysis" }),
            let re = try? NSRegularExpression(pattern: base.videoPattern),
            let transcript = try? NSRegularExpression(pattern: "^" + base.videoPattern + "\\.md$")
        else { return }
        var kindDirs: Set<String> = []
        for f in survey.files where f.records.contains(where: { $0.kind != nil }) || f.nameToken != nil {
            var dir = f.dir
            while !dir.isEmpty {
                kindDirs.insert(dir)
                dir = dir.split(separator: "/").dropLast().joined(separator: "/")
            }
        }
        let found = survey.files.filter { f in
            guard f.format == .markdown, f.nameToken == nil, !covered(f) else { return false }
            let name = f.path.split(separator: "/").last.map(String.init) ?? ""
            let range = NSRange(name.startIndex..., in: name)
            return re.firstMatch(in: name, range: range) != nil
                && transcript.firstMatch(in: name, range: range) == nil
        }
        guard found.count >= ConfigInference.minimumEvidence else { return }
        var tops: Set<String> = []
        for f in found where !f.dir.isEmpty && !kindDirs.contains(f.dir) {
            var dir = f.dir
            while true {
                let parent = dir.split(separator: "/").dropLast().joined(separator: "/")
                if parent.isEmpty || kindDirs.contains(parent) { break }
                dir = parent
            }
            tops.insert(dir)
        }
        let dirs = tops.sorted().filter { d in !tops.contains { d != $0 && d.hasPrefix($0 + "/") } }
            .filter { !$0.contains(where: { "*?{},[]".contains($0) }) }
        guard !dirs.isEmpty else { return }
        let list =
            "["
            + (type.files.map(\.pattern) + dirs.map { $0 + "/**/*.md" }).map(ConfigText.quoted)
            .joined(separator: ", ") + "]"
        let reason = "\(found.count) analyses of videos lie where no document type takes them"
        let ok = text.set("files", list, in: ["documents", type.name], comment: "taxo init: " + reason)
        note("documents.\(type.name).files: \(list)", reason, applied: ok)
    }

    /// Phase artifacts (`{video}_Gap_Analysis.md`) that lie elsewhere than the phase's patterns say: their
    /// folders are added to the phase, so the tracker sees the work done.
    mutating func phases(_ survey: LibrarySurvey) {
        var phases = base.phases
        var reasons: [String] = []
        let paths = survey.files.map(\.path)
        for (i, phase) in phases.enumerated() {
            var found: [String: Int] = [:]
            var matched = false
            for a in phase.artifacts {
                guard let whole = Self.artifactRegex(a, video: base.videoPattern),
                    let namePart = a.split(separator: "/").last,
                    let name = Self.artifactRegex(String(namePart), video: base.videoPattern)
                else { continue }
                for p in paths {
                    let range = NSRange(p.startIndex..., in: p)
                    if whole.firstMatch(in: p, range: range) != nil {
                        matched = true
                        continue
                    }
                    let file = String(p.split(separator: "/").last ?? "")
                    let dir = p.split(separator: "/").dropLast().joined(separator: "/")
                    if name.firstMatch(in: file, range: NSRange(file.startIndex..., in: file)) != nil,
                        !dir.contains(where: { "*?{},[]".contains($0) })
                    {
                        found[(dir.isEmpty ? "" : dir + "/") + namePart, default: 0] += 1
                    }
                }
            }
            guard !matched, !found.isEmpty else { continue }
            phases[i].artifacts += found.keys.sorted()
            let n = found.values.reduce(0, +)
            reasons.append("phase \(phase.number) (\(phase.name)): \(n) artifact\(n == 1 ? "" : "s") elsewhere")
        }
        guard !reasons.isEmpty else { return }
        let list = phases.map { p -> String in
            var parts = ["number: \(p.number)", "name: \(ConfigText.quoted(p.name))"]
            if p.optional { parts.append("optional: true") }
            parts.append("artifacts: [" + p.artifacts.map(ConfigText.quoted).joined(separator: ", ") + "]")
            if !p.integrationFields.isEmpty {
                parts.append(
                    "integration_fields: [" + p.integrationFields.map(ConfigText.quoted).joined(separator: ", ")
                        + "]")
            }
            return "- { " + parts.joined(separator: ", ") + " }"
        }
        let reason = reasons.joined(separator: "; ")
        text.setBlock("phases", list, comment: "taxo init: " + reason)
        note("phases", reason, applied: true)
    }

    /// A whole-string pattern for an artifact path (`{video}` is the video pattern), nil when it cannot be one.
    static func artifactRegex(_ pattern: String, video: String) -> NSRegularExpression? {
        let parts = pattern.components(separatedBy: "{video}").map(NSRegularExpression.escapedPattern(for:))
        return try? NSRegularExpression(pattern: "^" + parts.joined(separator: "(?:" + video + ")") + "$")
    }

    /// The roots: the base's roots that exist, plus the top folders of every kind's files.
    mutating func roots(_ survey: LibrarySurvey, root: String) {
        guard let proposed = ConfigLoader.parse(SourceFile(path: "taxonomy.yaml", text: text.text)).0 else {
            return
        }
        var tops: Set<String> = []
        for f in survey.files where f.path.contains("/") {
            let segs = Config.segments(f.path)
            let taken =
                proposed.kindIndex(forPath: f.path) != nil
                || proposed.documents.contains { $0.files.contains { $0.matches(segments: segs) } }
            if taken, let top = f.path.split(separator: "/").first { tops.insert(String(top)) }
        }
        let existing = base.roots.filter { r in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + r, isDirectory: &isDir) && isDir.boolValue
        }
        let baseRoots = base.roots
        let missing = tops.filter { t in !baseRoots.contains { $0 == "." || t == $0 || t.hasPrefix($0 + "/") } }
            .sorted()
        guard !missing.isEmpty || existing.count < base.roots.count, !(existing + missing).isEmpty else { return }
        let list = existing + missing
        var reasons: [String] = []
        if !missing.isEmpty { reasons.append("kinds' files lie under \(missing.joined(separator: ", "))") }
        let gone = base.roots.filter { !existing.contains($0) }
        if !gone.isEmpty { reasons.append("no folder \(gone.joined(separator: ", ")) here") }
        let value = "[" + list.joined(separator: ", ") + "]"
        let ok = text.set("roots", value, in: [], comment: "taxo init: " + reasons.joined(separator: "; "))
        note("roots: \(value)", reasons.joined(separator: "; "), applied: ok)
    }
}
