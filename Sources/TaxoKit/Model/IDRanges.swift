/// ID ranges written in text (`TSK-023 to TSK-038`, `STP-004–STP-006`): the IDs between the two ends
/// are added as tokens at the range's position.
extension IDGrammar {
    static let rangeWords: [[UInt8]] = ["to", "-", "–", "—", "..", "...", "…", "through", "thru", "~"].map { Array($0.utf8) }

    public func withRanges(_ tokens: [(IDToken, Int, Int)], in b: UnsafeBufferPointer<UInt8>, base: Int = 0) -> [(IDToken, Int, Int)] {
        guard tokens.count >= 2 else { return tokens }
        var out = tokens
        for i in 0..<(tokens.count - 1) {
            guard case .id(let a) = tokens[i].0, case .id(let z) = tokens[i + 1].0, !a.legacy, !z.legacy,
                  a.kind == z.kind, a.prefix == z.prefix, a.department == z.department,
                  let x = Int(a.number), let y = Int(z.number), y > x + 1, y - x <= 500 else { continue }
            var s = tokens[i].2 - base, e = tokens[i + 1].1 - base
            while s < e, b[s] == 32 { s += 1 }
            while e > s, b[e - 1] == 32 { e -= 1 }
            guard e - s <= 8 else { continue }
            let between = Array(UnsafeBufferPointer(rebasing: b[s..<e])).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            guard IDGrammar.rangeWords.contains(between) else { continue }
            let width = a.number.count
            let deptPart = a.department.map { "-" + $0 } ?? ""
            for n in (x + 1)..<y {
                let digits = String(n)
                let num = String(repeating: "0", count: max(0, width - digits.count)) + digits
                let written = a.prefix + deptPart + "-" + num
                out.append((.id(make(kind: a.kind, written: written, prefix: a.prefix, dept: a.department, number: Substring(num))),
                            tokens[i].1, tokens[i].2))
            }
        }
        if out.count == tokens.count { return out }
        // Keep text order (ranges expand at their first end).
        return out.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element)
    }
}
