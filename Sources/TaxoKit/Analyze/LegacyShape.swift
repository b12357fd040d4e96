/// The shape of an ID written in an older scheme (`Task-Template-072` -> `Task-Template-{n}`), and the
/// `legacy_patterns` a set of them makes: shapes that differ in one word only become `{a}`
/// (`TASK-TEMPLATE-HR-003` and `TASK-TEMPLATE-ANALYSIS-007` -> `TASK-TEMPLATE-{a}-{n}`).
struct LegacyShape {
    /// Runs of letters, runs of digits (`{n}`) and single separators, as written.
    let tokens: [String]

    /// The shape of a value: letters first (two or more), digits last, only `-`, `_` and `.` between.
    init?(_ value: String) {
        var tokens: [String] = []
        var run = ""
        var runIsLetters: Bool?
        func flush() {
            if let l = runIsLetters { tokens.append(l ? run : "{n}") }
            run = ""
            runIsLetters = nil
        }
        for c in value {
            if c.isASCIILetter || c.isASCIIDigit {
                let letters = c.isASCIILetter
                if runIsLetters != letters { flush() }
                runIsLetters = letters
                run.append(c)
            } else if c == "-" || c == "_" || c == "." {
                flush()
                tokens.append(String(c))
            } else {
                return nil
            }
        }
        flush()
        guard let first = tokens.first, first.count >= 2, first.first!.isASCIILetter, tokens.last == "{n}",
            tokens.count <= 12
        else { return nil }
        self.tokens = tokens
    }

    var text: String { tokens.joined() }

    /// Patterns from the shapes written (one entry per record): a word that varies becomes `{a}`
    /// when it does in at least two spellings; each pattern needs `minimum` records.
    static func patterns(_ written: [String], minimum: Int) -> [(pattern: String, count: Int)] {
        let shapes = written.compactMap { LegacyShape($0)?.tokens }
        var general: [String: (count: Int, words: Set<String>, spellings: [String: Int])] = [:]
        var exact: [String: (count: Int, spellings: [String: Int])] = [:]
        for t in shapes {
            let text = t.joined()
            exact[text.lowercased(), default: (0, [:])].count += 1
            exact[text.lowercased()]!.spellings[text, default: 0] += 1
            for i in t.indices.dropFirst() where t[i].first?.isASCIILetter == true {
                var g = t
                g[i] = "{a}"
                let key = g.joined().lowercased()
                var e = general[key] ?? (0, [], [:])
                e.count += 1
                e.words.insert(t[i].lowercased())
                e.spellings[g.joined(), default: 0] += 1
                general[key] = e
            }
        }
        func spelled(_ s: [String: Int]) -> String { s.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key }
        var out: [(pattern: String, count: Int)] = []
        var taken: [LegacyPattern] = []
        let ranked = general.filter { $0.value.words.count >= 2 && $0.value.count >= minimum }
            .sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        for (_, g) in ranked {
            let p = spelled(g.spellings)
            guard let lp = LegacyPattern(p) else { continue }
            // A pattern whose records an earlier one already takes adds nothing.
            if taken.contains(where: { t in g.spellings.keys.allSatisfy { t.matchesWhole(example($0)) } }) { continue }
            taken.append(lp)
            out.append((p, g.count))
        }
        for (_, e) in exact.sorted(by: { $0.key < $1.key }) where e.count >= minimum {
            let p = spelled(e.spellings)
            let sample = example(p)
            guard let lp = LegacyPattern(p), !taken.contains(where: { $0.matchesWhole(sample) }) else { continue }
            taken.append(lp)
            out.append((p, e.count))
        }
        return out
    }

    /// A value a pattern stands for (`{n}` -> 1, `{a}` -> X), to test whether another pattern takes it.
    static func example(_ pattern: String) -> String {
        pattern.replacingAll("{n}", with: "1").replacingAll("{a}", with: "X")
    }
}

extension LegacyPattern {
    /// Whether the pattern takes the whole of a value.
    func matchesWhole(_ s: String) -> Bool {
        let b = Array(s.utf8)
        return b.withUnsafeBufferPointer { match($0, at: 0) == b.count }
    }
}

extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
}
