/// Reads the suppression comments of a Markdown file:
/// `<!-- taxo-ignore TAX0205 -->` on its own line silences those codes (or rule names; none = all) on the
/// next non-blank line; `<!-- taxo-ignore-start TAX0401 -->` ... `<!-- taxo-ignore-end -->` on the lines
/// between; `<!-- taxo-ignore-file TAX0205 -->` anywhere in the whole file. Comments in code blocks are text.
enum SuppressionComments {
    static let marker = Array("taxo-ignore".utf8)

    static func scan(_ file: SourceFile, codeLines: [Bool]) -> [Suppression] {
        var out: [Suppression] = []
        let n = file.lines.lineCount
        var open: [(codes: [String], line: Int)] = []
        var l = 1
        while l <= n {
            defer { l += 1 }
            if l < codeLines.count, codeLines[l] { continue }
            let text = file.lines.lineText(l).trimmingSpaces()
            guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { continue }
            let inner = text.dropFirst(4).dropLast(3).trimmingSpaces()
            let words = inner.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
            guard let verb = words.first, verb.hasPrefix("taxo-ignore") else { continue }
            let codes = words.dropFirst().map { RuleRegistry.rule($0)?.code ?? $0.uppercased() }
            let loc = file.location(line: l)
            switch verb {
            case "taxo-ignore":
                var next = l + 1
                while next <= n, file.lines.lineText(next).trimmingSpaces().isEmpty { next += 1 }
                out.append(Suppression(codes: codes, firstLine: next, lastLine: next, location: loc))
            case "taxo-ignore-start":
                open.append((codes, l))
            case "taxo-ignore-end":
                if let o = open.popLast() {
                    out.append(
                        Suppression(
                            codes: o.codes, firstLine: o.line + 1, lastLine: l - 1,
                            location: file.location(line: o.line)))
                }
            case "taxo-ignore-file":
                out.append(Suppression(codes: codes, firstLine: 1, lastLine: Int.max, location: loc))
            default:
                continue
            }
        }
        // A start without an end runs to the end of the file.
        for o in open {
            out.append(
                Suppression(
                    codes: o.codes, firstLine: o.line + 1, lastLine: Int.max, location: file.location(line: o.line)))
        }
        return out
    }
}
