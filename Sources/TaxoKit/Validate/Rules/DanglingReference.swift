/// TAX0201: a reference to an ID that no entity declares.
enum DanglingReference {
    static let info = RuleInfo(
        code: "TAX0201", name: "dangling-reference", family: "links", severity: .error,
        summary: "An entity references an ID that no entity declares.",
        explanation: """
        Every ID written in an entity's fields (a typed link such as `milestones[]`, or an ID inside free
        text such as "TOOL-112 (Dropbox Dash)") must name an entity of the library. A reference to an ID
        nobody declares is reported once per entity and ID, with the closest existing IDs of the same kind.
        """,
        triggering: [RuleExample([Ex.tool("TOL-001", "Figma", extra: "\"alternatives\": [\"TOL-002 (Sketch)\"]")])],
        nonTriggering: [RuleExample([Ex.tool("TOL-001", "Figma", extra: "\"alternatives\": [\"TOL-002 (Sketch)\"]"), Ex.tool("TOL-002", "Sketch")])])

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var index = NearestIDs(lib)
        for (ei, e) in lib.entities.enumerated() {
            var seen = Set<String>()
            var counts: [String: Int] = [:]
            for (ri, r) in e.references.enumerated() where lib.targets[ei][ri] == nil { counts[r.id.key, default: 0] += 1 }
            for (ri, r) in e.references.enumerated() where lib.targets[ei][ri] == nil {
                guard seen.insert(r.id.key).inserted else { continue }
                let kind = lib.config.kinds[r.id.kind].name
                var msg = "dangling reference: no \(kind) has the ID '\(r.id.written)' (field '\(r.field)')"
                if let n = counts[r.id.key], n > 1 { msg += "; referenced \(n) times here" }
                out.append(info.diagnostic(msg, at: r.location, hint: index.hint(for: r.id)))
            }
        }
        return out
    }
}

/// Suggests existing IDs close to a missing one (same kind, small edit distance).
struct NearestIDs {
    let lib: Library
    var byKind: [Int: [String]]?

    init(_ lib: Library) { self.lib = lib }

    mutating func hint(for id: ParsedID) -> String? {
        if byKind == nil {
            var m: [Int: [String]] = [:]
            for e in lib.entities { if let p = e.id { m[p.kind, default: []].append(p.written) } }
            byKind = m.mapValues { Array(Set($0)).sorted() }
        }
        let candidates = byKind?[id.kind] ?? []
        let s = NearMiss.suggestions(for: id.written, in: candidates, limit: 3, caseInsensitive: false)
        guard !s.isEmpty else { return nil }
        return "did you mean " + s.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }
}
