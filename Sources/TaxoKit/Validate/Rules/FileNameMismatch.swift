/// TAX0105: a file named after one ID that holds another.
enum FileNameMismatch {
    static let info = RuleInfo(
        code: "TAX0105", name: "file-name-mismatch", family: "ids", severity: .warning,
        summary: "A file's name carries a different ID than the entity inside.",
        explanation: """
            Entity files are usually named after their ID (`TOL-013_Auth0.json`). When the name carries an ID of
            the same kind that differs from the ID inside, one of them is stale: a copied file, or an ID changed
            without renaming. Only files holding a single record are checked.
            """,
        triggering: [
            RuleExample([
                ("LIBRARIES/LBS_003_Tools/TOL-072_Figma.json", "{\"tool_id\": \"TOL-101\", \"name\": \"Figma\"}")
            ]),
            RuleExample([
                ("LIBRARIES/LBS_003_Tools/TOL-010_Figma.json", "{\"tool_id\": \"TOL-011\", \"name\": \"Figma\"}")
            ]),
        ],
        nonTriggering: [
            RuleExample([("LIBRARIES/LBS_003_Tools/Figma.json", "{\"tool_id\": \"TOL-001\", \"name\": \"Figma\"}")]),
            RuleExample([
                Ex.tool("TOL-072", "Figma"),
                ("LIBRARIES/LBS_003_Tools/Figma.json", "{\"tool_id\": \"TOL-073\", \"name\": \"Figma\"}"),
            ]),
        ])

    /// Runs during extraction (per file, in parallel): the entity's own ID against its file's name.
    static func check(_ e: Entity, grammar: IDGrammar) -> Diagnostic? {
        guard let id = e.id, let named = staleName(e, grammar: grammar) else { return nil }
        return info.diagnostic(
            "file name says '\(named[0].written)' but the \(grammar.kinds[e.kind].name) inside is '\(id.written)'",
            at: e.location, hint: "rename the file or correct the ID")
    }

    /// The IDs of the entity's kind its file name carries, when none is the entity's own (a stale name).
    static func staleName(_ e: Entity, grammar: IDGrammar) -> [ParsedID]? {
        guard e.soleRecordInFile, let id = e.id, !id.legacy else { return nil }
        // The file name's bytes, read in place (splitting the path made an array of its folders).
        var file = e.file
        let named: [ParsedID] = file.withUTF8 { path in
            var end = path.count
            while end > 0, path[end - 1] == 47 { end -= 1 }
            var i = end
            while i > 0, path[i - 1] != 47 { i -= 1 }
            // Cheap filter: the name must hold a dash followed somewhere by a digit.
            let name = UnsafeBufferPointer(rebasing: path[i..<end])
            guard name.contains(45), name.contains(where: { $0 >= 48 && $0 <= 57 }) else { return [] }
            // The stem: the name's first run of bytes without a dot. Its parts: runs without `_` or a space.
            while i < end, path[i] == 46 { i += 1 }
            var named: [ParsedID] = []
            while i < end, path[i] != 46 {
                var j = i
                while j < end, path[j] != 46, path[j] != 95, path[j] != 32 { j += 1 }
                let part = UnsafeBufferPointer(rebasing: path[i..<j])
                if OwnID.mayBeID(bytes: part),
                    case .valid(let p) = grammar.check(String(decoding: part, as: UTF8.self)), p.kind == e.kind
                {
                    named.append(p)
                }
                i = j < end && path[j] != 46 ? j + 1 : j
            }
            return named
        }
        guard !named.isEmpty, !named.contains(where: { $0.key == id.key }) else { return nil }
        return named
    }
}

extension FileNameMismatch: Rule {
    static let stage = RuleStage.extract
}

extension FileNameMismatch {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/LBS_003_Tools/TOL-072_Figma.json:1:13 file name says 'TOL-072' but the tool inside is 'TOL-101'",
        "1 LIBRARIES/LBS_003_Tools/TOL-010_Figma.json:1:13 file name says 'TOL-010' but the tool inside is 'TOL-011'",
    ]
}

extension FileNameMismatch {
    /// The finding for a kind whose IDs come from file names, when the record inside says another one.
    static func diagnostic(fileName: String, recordID: String, at location: SourceLocation) -> Diagnostic {
        info.diagnostic(
            "file name says '\(fileName)' but the record's ID is '\(recordID)' (kept as a legacy ID)", at: location,
            hint: "rename the file or correct the ID")
    }
}
