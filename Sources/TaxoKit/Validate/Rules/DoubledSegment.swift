/// TAX0501: a doubled prefix or path segment (`VIDEO-VIDEO-001-02`, `LBS_003_LBS_003_Tools`).
enum DoubledSegment {
    static let info = RuleInfo(
        code: "TAX0501", name: "doubled-segment", family: "hygiene", severity: .warning,
        summary: "A name or ID repeats its leading segment (`VIDEO-VIDEO-001`, `LBS_003_LBS_003_Tools`).",
        explanation: """
            Scripts that add a prefix twice leave IDs such as `VIDEO-VIDEO-001-02` and folders such as
            `LBS_003_LBS_003_Tools` behind. taxo looks for an immediately repeated segment (or pair of
            segments) in file paths, entity field values and Markdown text. The same doubled text written
            several times in one file is one finding at its first place, with the count and the other places as
            notes.
            """,
        triggering: [
            RuleExample([
                (
                    "LIBRARIES/Responsibilities/Objects/AI.json",
                    "{\"objects\": [{\"object_id\": \"OBJ-AI-001\", \"name\": \"x\", \"related\": [\"LIBRARIES/LBS_003_LBS_003_Tools/Claude\"]}]}"
                )
            ]),
            RuleExample([
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nSee VIDEO-VIDEO-001 for the intake.\n")
            ]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "LIBRARIES/Responsibilities/Objects/AI.json",
                    "{\"objects\": [{\"object_id\": \"OBJ-AI-001\", \"name\": \"x\", \"related\": [\"LIBRARIES/LBS_003_Tools/Claude\", \"MLS-001-MLS\"]}]}"
                )
            ]),
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\nSee WRF-SEC-014 and the LBS_003_Tools folder.\n"
                )
            ]),
        ])

    /// Repeated one- or two-segment runs in UTF-8 text: the offsets and the repeated text. Only code-like
    /// segments count (capital letters and digits, with a letter), so `Sync_Sync` in a title is not one.
    static func find(_ b: UnsafeBufferPointer<UInt8>) -> [(Int, String)] {
        @inline(__always) func isAlnum(_ c: UInt8) -> Bool {
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
        }
        @inline(__always) func isSep(_ c: UInt8) -> Bool { c == 45 || c == 95 }
        var out: [(Int, String)] = []
        var i = 0
        let n = b.count
        // Up to four segments of the current word, without allocating.
        var s0 = 0, e0 = 0, s1 = 0, e1 = 0, s2 = 0, e2 = 0, s3 = 0, e3 = 0
        func eq(_ a0: Int, _ a1: Int, _ c0: Int, _ c1: Int) -> Bool {
            guard a1 - a0 == c1 - c0 else { return false }
            for k in 0..<(a1 - a0) where b[a0 + k] != b[c0 + k] { return false }
            return true
        }
        func codeLike(_ a0: Int, _ a1: Int) -> Bool {
            var letter = false
            for k in a0..<a1 {
                let c = b[k]
                if c >= 65 && c <= 90 { letter = true } else if !(c >= 48 && c <= 57) { return false }
            }
            return letter
        }
        while i < n {
            // Words start with a capital letter: the next one found eight bytes at a time.
            i = ByteSearch.firstUppercase(in: b, from: i)
            guard i < n else { break }
            guard i == 0 || !(isAlnum(b[i - 1]) || isSep(b[i - 1])) else { i += 1; continue }
            var count = 0
            var j = i
            while j < n, count < 4 {
                let s = j
                while j < n, isAlnum(b[j]) { j += 1 }
                if j == s { break }
                switch count {
                case 0: s0 = s; e0 = j
                case 1: s1 = s; e1 = j
                case 2: s2 = s; e2 = j
                default: s3 = s; e3 = j
                }
                count += 1
                if j + 1 < n, isSep(b[j]), isAlnum(b[j + 1]) { j += 1 } else { break }
            }
            if count >= 2, e0 - s0 >= 3, codeLike(s0, e0), eq(s0, e0, s1, e1) {
                out.append((s0, String(decoding: UnsafeBufferPointer(rebasing: b[s0..<e1]), as: UTF8.self)))
            } else if count >= 4, codeLike(s0, e0), eq(s0, e0, s2, e2), eq(s1, e1, s3, e3), b[e0] == b[e2] {
                out.append((s0, String(decoding: UnsafeBufferPointer(rebasing: b[s0..<e3]), as: UTF8.self)))
            }
            // Skip the rest of this word.
            while j < n, isAlnum(b[j]) || isSep(b[j]) { j += 1 }
            i = max(j, i + 1)
        }
        return out
    }

    static func diagnostic(_ text: String, at loc: SourceLocation) -> Diagnostic {
        info.diagnostic("'\(text)' repeats its first segment", at: loc, hint: "remove the doubled segment")
    }

    /// One finding per doubled text and file, at its first place, counting the others and listing the first
    /// of them as notes: a script that doubled a prefix did it everywhere, and one replacement repairs it.
    static func folded(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var places: [String: [SourceLocation]] = [:]
        for d in diagnostics where d.code == info.code {
            if let l = d.location { places[d.message, default: []].append(l) }
        }
        guard places.values.contains(where: { $0.count > 1 }) else { return diagnostics }
        var done = Set<String>()
        return diagnostics.compactMap { d in
            guard d.code == info.code, let all = places[d.message], all.count > 1 else { return d }
            guard done.insert(d.message).inserted else { return nil }
            var one = d
            one.message += " (\(all.count) times in this file)"
            one.notes += Diagnostic.Note.others(all.dropFirst().map { .init("also here", at: $0) }, more: "")
            one.hint = "remove the doubled segment everywhere in this file"
            return one
        }
    }
}

extension DoubledSegment: Rule {
    static let stage = RuleStage.extract
}

extension DoubledSegment {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 LIBRARIES/Responsibilities/Objects/AI.json:1:78 'LBS_003_LBS_003' repeats its first segment",
        "1 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:3:5 'VIDEO-VIDEO' repeats its first segment",
    ]
}
