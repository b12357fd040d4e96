/// A count with its noun, the noun in the plural when the count is not one: `1 milestone`, `2 objects`,
/// `3 responsibilities`, `2 boxes` (kind names are English nouns; no irregular plurals among them).
enum EnglishPlural {
    static func count(_ n: Int, _ noun: String) -> String { "\(n) " + (n == 1 ? noun : plural(noun)) }

    /// A count with the words that agree with it, given for one and for many: `1 is missing`, `3 are
    /// missing`, `1 dangles` (for verbs and phrases `plural` cannot make).
    static func count(_ n: Int, one: String, many: String) -> String { "\(n) " + (n == 1 ? one : many) }

    static func plural(_ noun: String) -> String {
        guard let last = noun.last, last.isLetter else { return noun }
        let lower = noun.lowercased()
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) {
            return noun.dropLast() + "ies"
        }
        for end in ["s", "x", "z", "ch", "sh"] where lower.hasSuffix(end) { return noun + "es" }
        return noun + "s"
    }
}
