import Foundation

/// The tools that read: `search`, `get_entity`, `resolve`, `get_video`, `get_document`, `get_schema`, `gaps`, `diff`.
extension AssistantSession {
    func search(_ args: ToolArguments) throws -> ToolOutcome {
        let query = try args.required("query")
        let page = try args.page(default: 20, maximum: 100)
        let kind = try args.string("kind").map { library.config.kinds[try NewEntry.kindIndex($0, config: config)].name }
        let department = try args.string("department").map { d in
            guard let c = library.grammar.canonicalDepartment(d.uppercased()) else {
                throw TaxoError.badArgument(
                    "unknown department '\(d)'"
                        + (NearMiss.hint(for: d, in: library.grammar.departmentCodes).map { "; \($0)" } ?? ""))
            }
            return c
        }
        let (hits, more) = try searcher().find(
            query, kind: kind, department: department, page: page, first: exactlyNamed(query))
        var w = JSONWriter()
        w.beginObject()
        w.string("query", query)
        w.beginArray("hits")
        for h in hits {
            w.beginObject()
            w.string("type", h.type)
            if h.type == "entity" {
                w.string("id", h.id); w.string("kind", h.kind); w.string("name", h.name)
                w.string("department", h.department)
            } else {
                w.string("heading", h.heading)
            }
            w.string("file", h.file)
            w.int("line", h.line)
            w.string("snippet", h.snippet)
            w.raw("score", String(format: "%.3f", -h.score))
            w.endObject()
        }
        w.endArray()
        w.string("next_cursor", more ? String(page.upperBound) : nil)
        // Nothing found: the query with its misspelt words corrected, to search again.
        if hits.isEmpty, page.lowerBound == 0, let fixed = try searcher().correction(query) {
            w.string("did_you_mean", fixed)
        }
        w.endObject()
        return ToolOutcome(text: w.out + "\n", isError: false)
    }

    /// The IDs of the entities a query names exactly: by ID, by name or by alias.
    func exactlyNamed(_ query: String) -> Set<String> {
        let n = Labels.normalized(query)
        var out = Set<String>()
        if case .valid(let p) = library.grammar.check(query), let i = library.lookup(p) {
            out.insert(library.displayID(library.entities[i]))
        }
        guard !n.isEmpty else { return out }
        for e in library.entities where e.id != nil {
            if e.name.map(Labels.normalized) == n || e.aliases.contains(where: { Labels.normalized($0) == n }) {
                out.insert(library.displayID(e))
            }
        }
        return out
    }

    func entity(_ args: ToolArguments) throws -> ToolOutcome {
        let wanted = try args.required("id")
        guard let i = find(wanted) else { throw TaxoError.badArgument(notFound(wanted)) }
        var card = EntityCard(result: result, entity: i, backlinks: backlinks())
        card.baseline = currentBaseline()
        return ToolOutcome(text: card.json(), isError: false)
    }

    /// The baseline `taxonomy.yaml` names, read again when its file changed (nil when there is none or it
    /// cannot be read).
    func currentBaseline() -> Baseline? {
        baselineWatch.refresh(config: config, root: root)
        return baselineWatch.baseline
    }

    /// An entity by ID (any accepted spelling, an alias or a legacy ID) or by exact name.
    func find(_ text: String) -> Int? { library.entity(named: text) }

    /// Why an ID or name is not there, with the nearest IDs or names.
    func notFound(_ text: String) -> String {
        let (message, nearest) = library.notFound(text)
        let isID = library.grammar.typedID(text).map { !$0.legacy } ?? false
        let next = isID ? " (next_id gives a free ID of its kind)" : "; search finds entities by words"
        return message + (nearest.map { "; \($0)" } ?? "") + next
    }

    func resolve(_ args: ToolArguments) throws -> ToolOutcome {
        guard let text = try args.text("text"), !text.isEmpty else {
            throw TaxoError.badArgument("'text' must not be empty")
        }
        guard text.utf8.count <= 4_000_000 else { throw TaxoError.badArgument("'text' is longer than 4 MB") }
        let path = try args.string("path").map { try libraryPath($0, argument: "path") }
        let page = try args.page(default: 100, maximum: 500)
        let a = analyzer()
        let candidates = a.analyze(text: text, path: path ?? "text")
        let report = GapReport(
            title: "Resolve", sourceID: "Resolve", targets: [path ?? "text"], candidates: candidates,
            library: library, command: "taxo mcp resolve", allocator: a.baseAllocator)
        return ToolOutcome(text: report.json(page: page), isError: false)
    }

    func video(_ args: ToolArguments) throws -> ToolOutcome {
        let wanted = try args.required("video")
        guard
            let card = VideoCard(
                wanted, result: result, root: root, command: "taxo mcp get_video", analyzer: analyzer())
        else {
            let videos = PhaseTracker(result: result).videos.map(\.id)
            let near = NearMiss.hint(for: wanted, in: videos).map { "; \($0)" } ?? ""
            throw TaxoError.badArgument("no video '\(wanted)' in the library\(near)")
        }
        return ToolOutcome(text: card.json(), isError: false)
    }

    func document(_ args: ToolArguments) throws -> ToolOutcome {
        let path = try libraryPath(try args.required("path"), argument: "path")
        guard var card = DocumentCard(path: path, result: result) else {
            let near = NearMiss.hint(for: path, in: result.library.files.map(\.path)).map { "; \($0)" } ?? ""
            throw TaxoError.badArgument("no file '\(path)' is read by taxo in this library\(near)")
        }
        card.baseline = currentBaseline()
        return ToolOutcome(text: card.json(), isError: false)
    }

    /// A kind's declared fields with the counts of what its records hold.
    func schema(_ args: ToolArguments) throws -> ToolOutcome {
        let k = try NewEntry.kindIndex(try args.required("kind"), config: config)
        let kind = config.kinds[k]
        let card = SchemaCard(kind: kind, inferred: SchemaInference.infer(library, kinds: [kind.name]).first)
        return ToolOutcome(text: card.json(), isError: false)
    }

    /// `taxo diff` against a commit: the session's compile is the work tree's.
    func diff(_ args: ToolArguments) throws -> ToolOutcome {
        let limit = try args.page(default: 50, maximum: 500).count
        let base = try GitBase(
            root: URL(fileURLWithPath: root), config: config, base: try args.string("base"), needsGit: "diff")
        let before = base.compile(root: root, after: result, current: config)
        let report = DiffReport(LibraryDiff(before: before, after: result), title: "\(base.name) -> working tree")
        return ToolOutcome(text: report.json(limit: limit), isError: false)
    }

    func gaps(_ args: ToolArguments) throws -> ToolOutcome {
        var target = try args.required("target")
        if target.contains("/") || target.hasSuffix(".md") { target = try libraryPath(target, argument: "target") }
        let page = try args.page(default: 100, maximum: 500)
        let report = try Gaps.report(
            targets: [target], library: library, root: root, command: "taxo gaps \(target)", analyzer: analyzer())
        return ToolOutcome(text: report.json(page: page), isError: false)
    }

    /// Entity -> the (entity, reference) pairs that link to it, made once per change.
    func backlinks() -> [Int: [(entity: Int, reference: Int)]] {
        if let known = backlinkCache { return known }
        let out = library.backlinks()
        backlinkCache = out
        return out
    }
}
