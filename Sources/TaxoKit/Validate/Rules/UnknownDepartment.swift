/// TAX0106: a department segment in an ID that is not a configured code or alias.
enum UnknownDepartment {
    static let info = RuleInfo(
        code: "TAX0106", name: "unknown-department", family: "ids", severity: .error,
        summary: "An ID's department segment is not a known department code.",
        explanation: """
            IDs such as `TOL-SEC-124` carry a department code. The codes and their aliases (`AI` = `AIA` =
            `AID`) are declared under `departments:` in the configuration. A segment that is neither is
            reported with the closest known code. A link field whose target kind is `department`
            (`"departments[]": { target: department }`) must hold a declared code or alias in any case (`Dev`
            is `DEV`), a department's name (from `departments:`, or from the library's own department records:
            `Developers`, `Managers (HR)`), a department ID, or a word for every department or none
            (`department_words:`; by default `All`, `Cross-functional`, `N/A`, `None`, `-`, `TBD` and a few
            more, in any case); anything else is reported the same way. With no
            `taxonomy.yaml`, the built-in configuration takes the codes of the library's own department records
            (`"code": "FIN"` in the departments master) as declared. With a `taxonomy.yaml`, which is the
            authority, a code that only the records give gets a hint naming the record and the line to add under
            `departments:`. An ID is judged
            where it is declared, not at each reference to it: a reference to an ID that exists needs nothing
            (its declaration carries the finding), and one to an ID that does not is a dangling reference
            (TAX0201) whose hint names the unknown department, so one mistake is one finding.
            """,
        triggering: [
            RuleExample([Ex.tool("TOL-SCE-124", "ScaleKit Dashboard")]),
            RuleExample([Ex.tool("TOL-SEC-124", "ScaleKit Dashboard", extra: "\"departments\": [\"QAX\"]")]),
        ],
        nonTriggering: [
            RuleExample([Ex.tool("TOL-AI-001", "Figma")]),
            RuleExample([
                Ex.tool("TOL-SEC-124", "ScaleKit Dashboard", extra: "\"departments\": [\"QA\", \"AI\"]"),
                Ex.tool("TOL-AI-051", "Claude"),
            ]),
            RuleExample([
                Ex.tool("TOL-001", "Figma", extra: "\"departments\": [\"All\"]"),
                Ex.tool("TOL-002", "Miro", extra: "\"departments\": \"N/A\""),
            ]),
        ])

    static func diagnostic(code: String, in id: String, known: [String], at loc: SourceLocation) -> Diagnostic {
        info.diagnostic(
            "unknown department code '\(code)' in '\(id)'", at: loc,
            hint: NearMiss.hint(for: code, in: known) ?? "declare it under 'departments:' in taxonomy.yaml",
            subject: code)
    }
}

extension UnknownDepartment: Rule {
    static let stage = RuleStage.extract
}

extension UnknownDepartment {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-SCE-124_ScaleKit_Dashboard.json:2:14 unknown department code 'SCE' in 'TOL-SCE-124'",
        "1 LIBRARIES/LBS_003_Tools/TOL-SEC-124_ScaleKit_Dashboard.json:4:20 'QAX' is not a department code, alias or name",
    ]
}

extension UnknownDepartment {
    /// The findings for department link values that name no department: not a configured code, alias or
    /// name (`RecordExtractor.checkDepartmentValue`), nor a name the library's department records give a
    /// configured department (`Developers`, `Managers (HR)`: the reports read those so too, `DepartmentNames`).
    /// A value that is part of one department's names only (`Video` of `Video Production`) is told which.
    static func valueFindings(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for f in lib.files {
            for v in f.departmentValues where lib.departmentNames.code(for: v.value) == nil {
                var near = NearMiss.suggestions(for: v.value, in: lib.grammar.departmentCodes)
                var hint = NearMiss.hint(listing: near)
                let codes = lib.departmentNames.codes(withNameContaining: v.value)
                if hint == nil, codes.count == 1, let code = codes.first {
                    let name = lib.config.departments.first { $0.code == code }?.name ?? code
                    hint = "'\(v.value)' is part of the name of \(code) (\(name)) only: write \(code)"
                    near = [code]
                }
                var d = info.diagnostic(
                    "'\(v.value)' is not a department code, alias or name", at: v.location,
                    hint: hint ?? "declare it under 'departments:' in taxonomy.yaml", subject: v.value)
                // The editor offers each code as a quick fix; `taxo fix` applies none (a person chooses).
                d.suggestions = near.map { Diagnostic.Replacement(v.value, with: $0) }
                out.append(d)
            }
        }
        return out
    }
}

extension UnknownDepartment {
    /// A code that the library's own department records give (`{"code": "FIN", ...}` in the departments
    /// master) but the configuration does not declare: the hint says where it is and what to add, instead of
    /// a near code (the records are not the configuration, so the ID stays unknown).
    static func pointAtDepartmentRecords(_ diags: inout [Diagnostic], _ lib: Library) {
        guard diags.contains(where: { $0.code == info.code }), let kind = lib.config.kindIndex(role: .department)
        else { return }
        var records: [String: Int] = [:]
        for (i, e) in lib.entities.enumerated() where e.kind == kind {
            for a in e.aliases where records[a] == nil && a.count <= 8 && a == a.uppercased() { records[a] = i }
        }
        guard !records.isEmpty else { return }
        for i in diags.indices where diags[i].code == info.code {
            guard let code = diags[i].subject, let r = records[code] else { continue }
            let e = lib.entities[r]
            let name = (e.name ?? code).replacingAll("\"", with: "'")
            diags[i].hint =
                "\(code) is department \(lib.displayID(e)) (\(e.name ?? code)) in \(e.file), but taxonomy.yaml does not "
                + "declare it: add `\(code): { name: \"\(name)\" }` under 'departments:'"
        }
    }
}
