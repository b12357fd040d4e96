/// Limits that keep a hostile YAML file from crashing or exhausting taxo: nesting (flow brackets, block
/// indentation and `- - -` sequences) is checked on the text before the YAML library sees it (its
/// composer recurses), and the nodes a document expands to through aliases are counted while it is
/// converted (an alias bomb of 350 bytes would otherwise expand to billions of nodes).
public enum YAMLLimits {
    /// Deeper nesting than this is refused (as JSON refuses past 400).
    public static let maxDepth = 200
    /// Nodes one document may hold once aliases and merges are expanded.
    public static let maxNodes = 1_000_000

    /// The first place where the text nests deeper than `maxDepth`, as a failure, or nil.
    static func checkNesting(_ text: String, lineOffset: Int) -> YAMLReader.Failure? {
        var flow = 0
        var indents: [Int] = []
        var line = 1
        var column = 0
        var atLineStart = true
        var indent = 0
        var inSingle = false, inDouble = false, inComment = false
        var dashes = 0
        func fail() -> YAMLReader.Failure {
            YAMLReader.Failure(
                message: "nesting is deeper than \(maxDepth) levels", line: line + lineOffset, column: column)
        }
        var prev: UInt8 = 10
        for c in text.utf8 {
            column += 1
            if c == 10 {
                line += 1
                column = 0
                atLineStart = true
                indent = 0
                dashes = 0
                inComment = false
                if flow == 0 { inSingle = false; inDouble = false }
                prev = c
                continue
            }
            if inComment { prev = c; continue }
            if atLineStart {
                if c == 32 { indent += 1; prev = c; continue }
                if c == 45 { dashes += 1; indent += 1; prev = c; continue }  // "- - -" opens nested sequences
                atLineStart = false
                if c != 35 && c != 13 && flow == 0 {
                    while let last = indents.last, last >= indent { indents.removeLast() }
                    indents.append(indent)
                    if indents.count + dashes > maxDepth { return fail() }
                }
            }
            if inDouble {
                if c == 34 && prev != 92 { inDouble = false }
            } else if inSingle {
                if c == 39 { inSingle = false }
            } else {
                switch c {
                case 35 where prev == 32 || prev == 9 || prev == 10: inComment = true
                case 34: inDouble = true
                case 39 where prev == 32 || prev == 91 || prev == 123 || prev == 44 || prev == 58: inSingle = true
                case 91, 123:
                    flow += 1
                    if flow + indents.count > maxDepth { return fail() }
                case 93, 125: flow = max(0, flow - 1)
                default: break
                }
            }
            prev = c
        }
        return nil
    }
}
