/// GitHub-style heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered.
public enum Anchors {
    /// The anchor a heading gets (GitHub's rule: lower case, spaces to dashes, punctuation dropped).
    public static func slug(_ heading: String) -> String {
        var out = ""
        for ch in heading.lowercased() {
            if ch == " " {
                out.append("-")
            } else if ch == "-" || ch == "_" || ch.isLetter || ch.isNumber {
                out.append(ch)
            }
        }
        return out
    }

    /// The anchors of a file's headings (repeated ones numbered `-1`, `-2`).
    public static func slugs(_ headings: [String]) -> Set<String> {
        var seen: [String: Int] = [:]
        var out = Set<String>()
        for h in headings {
            let s = slug(h)
            if let n = seen[s] { out.insert("\(s)-\(n)"); seen[s] = n + 1 } else { out.insert(s); seen[s] = 1 }
        }
        return out
    }
}
