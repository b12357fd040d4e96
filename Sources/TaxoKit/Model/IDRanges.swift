/// ID ranges written in text (`TSK-023 to TSK-038`, `STP-004–STP-006`, `ACT-001..ACT-429`).
///
/// A range is one mention of a range: the IDs between its two ends are added as tokens at the first
/// end's position, and every token of the range (both ends included) carries the range's text, so that
/// rules report a range once ("12 of 429 IDs in ACT-001 to ACT-429 are not declared") instead of once
/// per ID. Both ends must have one prefix and one department segment; a range holds at most
/// `IDGrammar.maxRangeSize` IDs.
extension IDGrammar {
    static let rangeWords: [[UInt8]] = ["to", "-", "–", "—", "..", "...", "…", "through", "thru", "~"].map {
        Array($0.utf8)
    }

    /// The most IDs a range may hold; a longer one is two unrelated IDs.
    public static let maxRangeSize = 10_000

    /// Tokens with the IDs of every range added, in text order, and for each token the text of the
    /// range it belongs to (nil outside ranges).
    public func withRanges(
        _ tokens: [(IDToken, Int, Int)], in b: UnsafeBufferPointer<UInt8>, base: Int = 0,
        limit: Int = IDGrammar.maxRangeSize
    ) -> (tokens: [(IDToken, Int, Int)], ranges: [String?]) {
        var ranges = [String?](repeating: nil, count: tokens.count)
        guard tokens.count >= 2 else { return (tokens, ranges) }
        var out = tokens
        for i in 0..<(tokens.count - 1) {
            guard case .id(let a) = tokens[i].0, case .id(let z) = tokens[i + 1].0, !a.legacy, !z.legacy,
                a.kind == z.kind, a.prefix == z.prefix, a.department == z.department,
                let x = Int(a.number), let y = Int(z.number), y > x,
                y - x < limit
            else { continue }
            var s = tokens[i].2 - base, e = tokens[i + 1].1 - base
            while s < e, b[s] == 32 { s += 1 }
            while e > s, b[e - 1] == 32 { e -= 1 }
            guard e - s <= 8 else { continue }
            let between = Array(UnsafeBufferPointer(rebasing: b[s..<e])).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            guard IDGrammar.rangeWords.contains(between) else { continue }
            let text = a.written + " to " + z.written
            ranges[i] = text
            ranges[i + 1] = text
            let width = a.number.count
            let deptPart = a.department.map { "-" + $0 } ?? ""
            for n in (x + 1)..<y {
                let digits = String(n)
                let num = String(repeating: "0", count: max(0, width - digits.count)) + digits
                let written = a.prefix + deptPart + "-" + num
                out.append(
                    (
                        .id(
                            make(
                                kind: a.kind, written: written, prefix: a.prefix, dept: a.department,
                                number: Substring(num))),
                        tokens[i].1, tokens[i].2
                    ))
                ranges.append(text)
            }
        }
        if out.count == tokens.count { return (out, ranges) }
        // Keep text order (ranges expand at their first end).
        let order = out.indices.sorted { (out[$0].1, $0) < (out[$1].1, $1) }
        return (order.map { out[$0] }, order.map { ranges[$0] })
    }
}
