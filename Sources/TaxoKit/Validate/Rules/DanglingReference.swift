/// TAX0201: a reference to an ID that no entity declares.
enum DanglingReference {
    static let info = RuleInfo(
        code: "TAX0201", name: "dangling-reference", family: "links", severity: .error,
        summary: "An entity references an ID that no entity declares.",
        explanation: """
            Every ID written in an entity's fields (a typed link such as `milestones[]`, or an ID inside free
            text such as "TOOL-112 (Dropbox Dash)") must name an entity of the library. A reference to an ID
            nobody declares is reported once per entity and ID, with the closest existing IDs of the same kind.
            A range (`ACT-001 to ACT-429`) is one reference: it is reported once, with how many of its IDs are
            undeclared and the first few. A reference to an ID that a file which does not parse appears to
            declare is a note pointing at that file, not an error. When the dangling ID is the entity's only
            parent or child in the hierarchy, the hierarchy warnings it would cause are folded into this error.
            When the ID's department segment is no department (`WF-RAG-001`), the hint says so, and names the
            same ID in a department that has it (`TOL-SEC-124` for `TOL-SCE-124`); the unknown department is
            not a second error.
            """,
        triggering: [
            RuleExample([Ex.tool("TOL-001", "Figma", extra: "\"alternatives\": [\"TOL-002 (Sketch)\"]")]),
            RuleExample([
                Ex.tool("TOL-001", "Figma", extra: "\"alternatives\": \"TOL-001 to TOL-004\""),
                Ex.tool("TOL-002", "Sketch"),
            ]),
            RuleExample([
                Ex.tool("TOL-SEC-124", "ScaleKit Dashboard"),
                Ex.tool("TOL-001", "Figma", extra: "\"alternatives\": [\"TOL-SCE-124\"]"),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                Ex.tool("TOL-001", "Figma", extra: "\"alternatives\": [\"TOL-002 (Sketch)\"]"),
                Ex.tool("TOL-002", "Sketch"),
            ]),
            RuleExample(Ex.completeChain),
        ])

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var index = NearestIDs(lib)
        let followOn = FollowOn(lib)
        for (ei, e) in lib.entities.enumerated() {
            var seen = Set<String>()
            var counts: [String: Int] = [:]
            var ranges: [String: [Reference]] = [:]
            for (ri, r) in e.references.enumerated() where lib.targets[ei][ri] == nil {
                if let range = r.range {
                    ranges[range, default: []].append(r)
                } else {
                    counts[r.id.key, default: 0] += 1
                }
            }
            for (ri, r) in e.references.enumerated() where lib.targets[ei][ri] == nil {
                if let range = r.range {
                    guard seen.insert("range:" + range).inserted, let members = ranges[range] else { continue }
                    if let d = IDRangeReport.diagnostic(
                        info, lib: lib, range: range, undeclared: members.map(\.id), at: r.location)
                    {
                        out.append(d)
                    }
                    continue
                }
                guard seen.insert(r.id.key).inserted else { continue }
                if let file = r.id.pathTarget {
                    let what = lib.inventory.kind(of: file) == .file ? "declares no entity" : "does not exist"
                    out.append(
                        info.diagnostic(
                            "dangling reference: '\(r.id.written)' (field '\(r.field)') names \(file), which \(what)",
                            at: r.location, notes: followOn.notes(entity: ei, dangling: r.id),
                            hint: lib.inventory.movedFile(named: file, config: lib.config).map {
                                "a file of this name is at '\($0)'"
                            }))
                    continue
                }
                if let b = lib.broken[r.id.key] {
                    out.append(b.diagnostic(rule: info, reference: r.id.written, at: r.location))
                    continue
                }
                let kind = lib.config.kinds[r.id.kind].name
                var msg = "dangling reference: no \(kind) has the ID '\(r.id.written)' (field '\(r.field)')"
                if let n = counts[r.id.key], n > 1 { msg += "; referenced \(n) times here" }
                out.append(
                    info.diagnostic(
                        msg, at: r.location, notes: followOn.notes(entity: ei, dangling: r.id),
                        hint: index.hint(for: r.id) ?? index.departmentHint(for: r.id)))
            }
        }
        return out
    }
}

/// Suggests existing IDs close to a missing one: one edit of its number (a digit changed, dropped,
/// added or two swapped), looked up in the ID table, so it costs the same in a library of any size.
struct NearestIDs {
    let lib: Library

    init(_ lib: Library) { self.lib = lib }

    static func variants(_ number: String) -> Set<String> {
        let d = Array(number)
        var out = Set<String>()
        let digits = Array("0123456789")
        for i in d.indices {
            for c in digits where c != d[i] { var v = d; v[i] = c; out.insert(String(v)) }
            var del = d; del.remove(at: i); if !del.isEmpty { out.insert(String(del)) }
            if i + 1 < d.count { var t = d; t.swapAt(i, i + 1); out.insert(String(t)) }
        }
        for i in 0...d.count { for c in digits { var v = d; v.insert(c, at: i); out.insert(String(v)) } }
        out.remove(number)
        return out
    }

    /// For an ID whose department segment is no department (`WF-RAG-001`): the same ID in a department that
    /// has it (`TOL-SCE-124` for `TOL-SEC-124`), else that the segment is unknown. The unknown department is
    /// said here, once, not as a second error at the reference (the declaration of an ID reports its own).
    func departmentHint(for id: ParsedID) -> String? {
        guard !id.legacy, let dept = id.department, id.canonicalDepartment == nil else { return nil }
        var t = id.number.drop { $0 == "0" }
        if t.isEmpty { t = "0" }
        let prefix = lib.config.kinds[id.kind].prefix
        var found: [(Int, String)] = []
        for code in lib.grammar.canonicalDepartmentCodes {
            guard let e = lib.table[prefix + "-" + code + "-" + t]?.first else { continue }
            let written = lib.displayID(lib.entities[e])
            found.append((NearMiss.distance(id.written, written), written))
        }
        let unknown = "'\(dept)' is not a department code"
        guard !found.isEmpty else {
            return unknown + (NearMiss.hint(for: dept, in: lib.grammar.departmentCodes).map { "; \($0)" } ?? "")
        }
        let s = found.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(3).map { "'\($0.1)'" }
        return "did you mean " + s.joined(separator: " or ") + "? (" + unknown + ")"
    }

    mutating func hint(for id: ParsedID) -> String? {
        guard !id.legacy, id.number.count <= 12, let dash = id.key.lastIndex(of: "-") else { return nil }
        let base = id.key[..<dash]
        var found: [(Int, String)] = []
        for v in NearestIDs.variants(id.number) {
            var t = v.drop { $0 == "0" }
            if t.isEmpty { t = "0" }
            guard let e = lib.table[base + "-" + t]?.first else { continue }
            let written = lib.displayID(lib.entities[e])
            found.append((NearMiss.distance(id.written, written), written))
        }
        let s = Array(Set(found.map(\.1))).sorted { a, b in
            let da = found.first { $0.1 == a }!.0, db = found.first { $0.1 == b }!.0
            return da != db ? da < db : a < b
        }.prefix(3)
        guard !s.isEmpty else { return nil }
        return "did you mean " + s.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }
}

extension DanglingReference: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 6
}

extension DanglingReference {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:4:21 dangling reference: no tool has the ID 'TOL-002' (field 'alternatives[0]')",
        "1 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:4:20 2 of 4 IDs in TOL-001 to TOL-004 are not declared: TOL-003, TOL-004",
        "2 LIBRARIES/LBS_003_Tools/TOL-001_Figma.json:4:21 dangling reference: no tool has the ID 'TOL-SCE-124' (field 'alternatives[0]')",
    ]
}
