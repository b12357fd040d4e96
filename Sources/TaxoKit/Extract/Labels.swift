/// The label written after an ID: `TOL-112 (Dropbox Dash)`, `WF-AI-001: Develop and Deploy`,
/// `MLS-001 – Prepare Baseline`.
enum Labels {
    /// `text` is the whole string; `start` and `end` are the ID's UTF-8 offsets in it.
    static func after(_ text: String, start: Int, end: Int) -> String? {
        after(Array(text.utf8)[...], start: start, end: end)
    }

    /// The same over UTF-8 bytes; `start` and `end` are offsets from the slice's start.
    static func after(_ bytes: ArraySlice<UInt8>, start: Int, end: Int) -> String? {
        let base = bytes.startIndex
        let u = UnsafeByteView(bytes: bytes, base: base)
        guard end <= u.count else { return nil }
        var i = end
        while i < u.count, u[i] == 32 || u[i] == 9 || u[i] == 96 || u[i] == 42 { i += 1 }  // spaces, backticks, bold
        guard i < u.count else { return nil }
        if u[i] == UInt8(ascii: "(") {
            var depth = 0
            var j = i
            while j < u.count {
                if u[j] == UInt8(ascii: "(") { depth += 1 }
                if u[j] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { break } }
                j += 1
            }
            guard j < u.count, let label = clean(u.string(i + 1, j)) else { return nil }
            return isStatusRemark(label) ? nil : label
        }
        // "ID: label" or "ID – label" only when the ID opens the text.
        // Only list marks, emphasis and spaces before it: `- `, `* **`, `1. `, `2) `.
        var m = 0
        while m < start, u[m] == 32 || u[m] == 9 { m += 1 }
        let digits = m
        while m < start, u[m] >= UInt8(ascii: "0") && u[m] <= UInt8(ascii: "9") { m += 1 }
        if m > digits {
            guard m < start, u[m] == UInt8(ascii: ".") || u[m] == UInt8(ascii: ")") else { return nil }
            m += 1
        }
        let opening = (m..<start).allSatisfy {
            let c = u[$0]; return c == 32 || c == 96 || c == 42 || c == 45 || c == 91 || c == 9
        }
        guard opening else { return nil }
        var sepEnd = -1
        if u[i] == UInt8(ascii: ":") {
            sepEnd = i + 1
        } else if u[i] == UInt8(ascii: "-"), i + 1 < u.count, u[i + 1] == 32 {
            sepEnd = i + 1
        } else if i + 2 < u.count, u[i] == 0xE2, u[i + 1] == 0x80, u[i + 2] == 0x93 || u[i + 2] == 0x94 {
            sepEnd = i + 3
        }
        guard sepEnd > 0 else { return nil }
        // A bold description after the colon (`TOL-001: **Used for mockups**`) is not a name.
        var b = sepEnd
        while b < u.count, u[b] == 32 { b += 1 }
        if b + 1 < u.count, u[b] == 42, u[b + 1] == 42 { return nil }
        var end2 = u.count
        var k = sepEnd
        while k < u.count {
            if u[k] == UInt8(ascii: "|") || (u[k] == 32 && k + 1 < u.count && u[k + 1] == UInt8(ascii: "(")) {
                end2 = k; break
            }
            k += 1
        }
        return clean(u.string(sepEnd, end2))
    }

    /// Parenthesised remarks about an entity's state, not its name: `(Deprecated)`, `(missing)`, `(In Progress)`.
    static let statusRemarks: Set<String> = [
        "deprecated", "missing", "inprogress", "archived", "retired", "removed", "obsolete", "legacy", "new", "todo",
        "tbd",
        "planned", "proposed", "pending", "done", "complete", "completed", "draft", "active", "inactive", "wip",
        "blocked",
        "notfound", "doesnotexist", "notcreated", "notyetcreated", "exists", "existing", "na", "optional", "required",
        "placeholder", "reserved", "future", "renamed", "moved", "merged", "duplicate", "unknown", "verified",
        "unverified",
    ]

    static func isStatusRemark(_ label: String) -> Bool {
        let n = normalized(label)
        if statusRemarks.contains(n) { return true }
        // "deprecated 2025-01", "missing in library"
        return ["deprecated", "missing", "archived", "retired", "removed", "renamed", "notfound"].contains {
            n.hasPrefix($0) && label.count <= 40
        }
    }

    static func clean(_ s: String) -> String? {
        var t = s.trimmingSpaces()
        while t.hasPrefix("`") || t.hasPrefix("*") { t.removeFirst() }
        while t.hasSuffix("`") || t.hasSuffix("*") { t.removeLast() }
        t = t.trimmingSpaces()
        return t.isEmpty || t.count > 160 ? nil : t
    }

    /// Names compared loosely: case, punctuation and spacing ignored.
    static func normalized(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(s.utf8.count)
            for c in s.utf8 {
                if c >= 65 && c <= 90 {
                    bytes.append(c + 32)
                } else if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) {
                    bytes.append(c)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        for u in s.lowercased().unicodeScalars where u.properties.isAlphabetic || ("0"..."9").contains(u) {
            out.unicodeScalars.append(u)
        }
        return out
    }

    /// Whether a label plausibly names the entity: equal, or one contains the other, after normalisation,
    /// or they share enough words. Loosely (for TAX label checks), half the shorter label's words suffice and
    /// a label without content words passes; strictly (for gap verdicts), 60% of all words must be shared.
    static func agrees(_ label: String, _ name: String, strictly: Bool = false) -> Bool {
        let a = normalized(label), b = normalized(name)
        if a.isEmpty || b.isEmpty { return true }
        if a == b || a.contains(b) || b.contains(a) { return true }
        let wa = Set(words(label)), wb = Set(words(name))
        guard !wa.isEmpty, !wb.isEmpty else { return !strictly }
        let common = Double(wa.intersection(wb).count)
        return strictly ? common / Double(wa.union(wb).count) >= 0.6 : common / Double(min(wa.count, wb.count)) >= 0.5
    }

    /// A name or label as a message quotes it: at most 80 characters, else cut with "..." (a description
    /// pasted into a name field would fill the terminal, and every hint that names the entity).
    static func quoted(_ s: String) -> String {
        s.utf8.count <= 80 || s.count <= 80 ? s : String(s.prefix(77)) + "..."
    }

    static func words(_ s: String) -> [String] {
        s.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init).filter {
            $0.count > 1 && !stop.contains($0)
        }
    }

    static let stop: Set<String> = ["the", "and", "of", "for", "to", "a", "an", "in", "on", "with", "via"]
}

/// Zero-based indexing over an array slice of bytes.
struct UnsafeByteView {
    let bytes: ArraySlice<UInt8>
    let base: Int
    var count: Int { bytes.count }
    subscript(i: Int) -> UInt8 { bytes[base + i] }
    func string(_ a: Int, _ b: Int) -> String { String(decoding: bytes[(base + a)..<(base + b)], as: UTF8.self) }
}
