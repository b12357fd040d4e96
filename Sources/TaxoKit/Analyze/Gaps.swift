import Foundation

/// `taxo gaps`: resolve targets (document paths or video IDs), analyse them, and write stubs.
public enum Gaps {
    /// The documents a target names: a video ID gives its transcript and every analysis of it. Conflicted
    /// copies of a document that is also there are skipped, with the reason.
    /// With `analyzer`, a video's documents are its table's (made once for every report of a build).
    public static func documents(for targets: [String], library: Library, analyzer: GapAnalyzer? = nil) throws -> (
        documents: [String], skipped: [(path: String, reason: String)]
    ) {
        var out: [String] = []
        let videoRegex = try? NSRegularExpression(pattern: "^" + library.config.videoPattern + "$")
        for t in targets {
            let trimmed = t.hasSuffix("/") ? String(t.dropLast()) : t
            if let re = videoRegex,
                re.firstMatch(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed)) != nil
            {
                let docs =
                    analyzer.map { $0.documentsOfVideo[trimmed] ?? [] }
                    ?? library.documents.filter { $0.video == trimmed }.map(\.path)
                guard !docs.isEmpty else { throw TaxoError.badArgument("no document of \(trimmed) was found") }
                out += docs
            } else if library.files.contains(where: { $0.path == trimmed }) || library.inventory.files.contains(trimmed)
            {
                out.append(trimmed)
            } else {
                throw TaxoError.badArgument("'\(t)' is neither a video ID nor a file of the library")
            }
        }
        let all = Set(out)
        var docs: [String] = [], skipped: [(path: String, reason: String)] = []
        for p in all.sorted() {
            if let original = ConflictedCopy.original(of: p),
                all.contains(original) || library.inventory.files.contains(original)
                    || library.files.contains(where: { $0.path == original })
            {
                skipped.append((p, "a conflicted copy of \(original) made by a file-sync tool; merge or delete it"))
            } else {
                docs.append(p)
            }
        }
        return (docs, skipped)
    }

    /// Analyses the targets' documents and makes the report (title, source ID, candidates, next free IDs).
    public static func report(
        targets: [String], library: Library, root: String, command: String,
        analyzer: GapAnalyzer? = nil
    ) throws -> GapReport {
        let a = analyzer ?? GapAnalyzer(library: library)
        let (docs, skipped) = try documents(for: targets, library: library, analyzer: a)
        return report(
            targets: targets, documents: docs, skipped: skipped, candidates: a.analyze(documents: docs, root: root),
            library: library, root: root, command: command, allocator: a.baseAllocator)
    }

    /// A video's report from the analysis the last `taxo build` stored, when what it is made from (`print`,
    /// see `ReportWriter.gapPrints`) is what it was made from then; nil when the store has no such analysis.
    /// `allocator` is the library's (`IDAllocator(library:)`, made once for every report); `texts` the
    /// documents' texts the compile kept (else the files are read).
    public static func storedReport(
        video: String, print: String, store: GapStore, library: Library, root: String, command: String,
        allocator: IDAllocator, texts: [String: String] = [:], snippets: Bool = true
    ) throws -> GapReport? {
        let (docs, skipped) = try documents(for: [video], library: library)
        var kept = texts
        if kept.isEmpty {
            for d in library.documents where d.video == video { if let t = d.text { kept[d.path] = t } }
        }
        let source = { (p: String) in GapAnalyzer.source(p, text: kept[p], root: root) }
        guard
            let candidates = store.candidates(
                video: video, print: print, library: library, source: source, snippets: snippets)
        else {
            return nil
        }
        return report(
            targets: [video], documents: docs, skipped: skipped, candidates: candidates, library: library, root: root,
            command: command, allocator: allocator)
    }

    /// The report of analysed documents: its title and source ID from the targets.
    static func report(
        targets: [String], documents docs: [String], skipped: [(path: String, reason: String)],
        candidates: [GapCandidate], library: Library, root: String, command: String, allocator: IDAllocator
    ) -> GapReport {
        let video = targets.count == 1 ? targets[0] : nil
        let title =
            video.map { v in v.hasPrefix("Video_") ? "\(v) Gap Analysis" : "Gap Analysis of \(v)" } ?? "Gap Analysis"
        let source = (video ?? "Gaps").replacingAll("/", with: "_").replacingAll(".md", with: "") + "_Gap_Analysis"
        var report = GapReport(
            title: title, sourceID: source, targets: docs, candidates: candidates, library: library, command: command,
            allocator: allocator)
        report.root = root
        report.skipped = skipped
        return report
    }

    /// Writes one draft entry per missing entity into `dir` (never overwriting, never outside it).
    public static func writeStubs(_ report: GapReport, to dir: String, templates: Templates) throws -> (
        written: [String], skipped: [String]
    ) {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var written: [String] = [], skipped: [String] = []
        let lib = report.library
        for c in report.candidates where c.verdict == .missing || c.verdict == .placeholder {
            guard let id = c.suggestedID, let k = c.kind else { continue }
            let kind = lib.config.kinds[k]
            let name = c.name ?? c.text
            let safe = String(
                name.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "_" }
            )
            .split(separator: "_").joined(separator: "_")
            let file = "\(id)_\(safe.prefix(60)).json"
            let path = dir + "/" + file
            if FileManager.default.fileExists(atPath: path) { skipped.append(file); continue }
            let evidence = c.occurrences.prefix(10).map { "\($0.file):\($0.line)" }
            let dept: String? = {
                guard case .valid(let p) = lib.grammar.check(id) else { return nil }
                return p.canonicalDepartment
            }()
            let text = try EntryStubContext(
                kind: kind, id: id, name: name, department: dept, source: report.targets.joined(separator: ", "),
                evidence: evidence, generatedBy: "taxo gaps --stubs"
            ).render(templates: templates)
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                throw TaxoError.io("cannot write \(path)")
            }
            written.append(file)
        }
        return (written, skipped)
    }
}
