/// A path glob: `*` and `?` within a segment, `**` across segments (at the end: one or more), `{a,b}`
/// alternatives.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let alternatives: [[[UInt8]]]
    /// Per alternative, its segments without wildcards: a path lacking one of them cannot match it.
    private let literals: [[[UInt8]]]

    /// A glob (`LIBRARIES/**/*.json`, `{a,b}`), compiled once.
    public init(_ pattern: String) {
        self.pattern = pattern
        alternatives = Glob.expandBraces(pattern).map {
            $0.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        }
        literals = alternatives.map { alt in alt.filter { seg in !seg.contains { $0 == 42 || $0 == 63 } } }
    }

    /// Globs are equal when their patterns are.
    public static func == (a: Glob, b: Glob) -> Bool { a.pattern == b.pattern }
    /// Hashes the pattern.
    public func hash(into h: inout Hasher) { h.combine(pattern) }

    public var description: String { pattern }

    /// A problem with the pattern, or nil when it is usable.
    /// Limits checked when the configuration loads (no real library comes near them).
    public static let maxAlternatives = 256
    public static let maxGlobstars = 8

    /// What is wrong with a pattern, or nil when it is a valid glob.
    public static func validate(_ pattern: String) -> String? {
        var depth = 0
        for c in pattern {
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1; if depth < 0 { return "unbalanced '}'" } }
        }
        if depth != 0 { return "unbalanced '{'" }
        if pattern.isEmpty { return "empty pattern" }
        // Complexity: brace groups multiply into alternatives, and each `**` multiplies matching work.
        var product = 1, commas: [Int] = []
        for c in pattern {
            if c == "{" {
                commas.append(1)
            } else if c == ",", !commas.isEmpty {
                commas[commas.count - 1] += 1
            } else if c == "}", let n = commas.popLast() {
                product = product.multipliedReportingOverflow(by: n).overflow ? Int.max : product * n
            }
        }
        if product > Glob.maxAlternatives {
            return "its braces expand to more than \(Glob.maxAlternatives) alternatives"
        }
        let globstars = pattern.components(separatedBy: "**").count - 1
        if globstars > Glob.maxGlobstars { return "it has more than \(Glob.maxGlobstars) '**' segments" }
        if pattern.hasPrefix("/") { return "patterns are relative to the library root; remove the leading '/'" }
        return nil
    }

    /// Whether the glob takes a library-relative path.
    public func matches(_ path: String) -> Bool {
        // Most paths fail on a literal segment: look for those bytes before splitting the path.
        var path = path
        let possible = path.withUTF8 { buf in
            literals.contains { alt in alt.allSatisfy { ByteSearch.find($0, in: buf) != nil } }
        }
        guard possible else { return false }
        let segs = path.utf8.split(separator: 47, omittingEmptySubsequences: true).map { Array($0) }
        return matches(segments: segs)
    }

    /// Matches a path already split into segments (to split once for many globs).
    public func matches(segments segs: [[UInt8]]) -> Bool {
        for alt in alternatives where Glob.match(alt[...], segs[...]) { return true }
        return false
    }

    /// The folders a walk for this glob starts from: per alternative, its leading segments without a
    /// wildcard, up to the file name (`LIBRARIES/LBS_006_Departments` of `LIBRARIES/LBS_006_Departments/**/*.json`).
    public var literalDirectories: [String] {
        alternatives.map { alt in
            var dir: [String] = []
            for seg in alt.dropLast() {
                if seg.contains(where: { $0 == 42 || $0 == 63 }) { break }
                dir.append(String(decoding: seg, as: UTF8.self))
            }
            return dir.joined(separator: "/")
        }
    }

    /// True when the pattern excludes the whole directory: it names the directory itself, or ends in `**`
    /// and matches everything below it (`drafts/**`), so the walk need not descend.
    public func coversDirectory(_ directory: String) -> Bool {
        let segs = directory.utf8.split(separator: 47, omittingEmptySubsequences: true).map { Array($0) }
        let below = segs + [[120]]
        return alternatives.contains { alt in
            Glob.match(alt[...], segs[...]) || (alt.last == Glob.doubleStar && Glob.match(alt[...], below[...]))
        }
    }

    static func expandBraces(_ p: String) -> [String] {
        guard let open = p.firstIndex(of: "{") else { return [p] }
        var depth = 0
        var close: String.Index?
        var i = open
        while i < p.endIndex {
            if p[i] == "{" { depth += 1 }
            if p[i] == "}" { depth -= 1; if depth == 0 { close = i; break } }
            i = p.index(after: i)
        }
        guard let c = close else { return [p] }
        let inner = p[p.index(after: open)..<c]
        var parts: [Substring] = []
        var d = 0
        var start = inner.startIndex
        var j = inner.startIndex
        while j < inner.endIndex {
            if inner[j] == "{" {
                d += 1
            } else if inner[j] == "}" {
                d -= 1
            } else if inner[j] == ",", d == 0 {
                parts.append(inner[start..<j]); start = inner.index(after: j)
            }
            j = inner.index(after: j)
        }
        parts.append(inner[start..<inner.endIndex])
        let head = p[p.startIndex..<open], tail = p[p.index(after: c)...]
        return parts.flatMap { expandBraces(String(head) + $0 + tail) }
    }

    static let doubleStar: [UInt8] = [42, 42]

    static func match(_ pat: ArraySlice<[UInt8]>, _ segs: ArraySlice<[UInt8]>) -> Bool {
        guard let first = pat.first else { return segs.isEmpty }
        if first == doubleStar {
            let rest = pat.dropFirst()
            // A trailing `**` is everything inside a folder, not the folder itself (as in .gitignore):
            // `**/*backup*/**` leaves out the files under a backup folder, never a file named `..._backup.json`.
            if rest.isEmpty { return !segs.isEmpty }
            var s = segs
            while true {
                if match(rest, s) { return true }
                if s.isEmpty { return false }
                s = s.dropFirst()
            }
        }
        guard let seg = segs.first, matchSegment(first[...], seg[...]) else { return false }
        return match(pat.dropFirst(), segs.dropFirst())
    }

    static func matchSegment(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        var pi = p.startIndex, si = s.startIndex
        var starP = -1, starS = -1
        while si < s.endIndex {
            if pi < p.endIndex, p[pi] == UInt8(ascii: "?") || p[pi] == s[si] {
                pi += 1; si += 1
            } else if pi < p.endIndex, p[pi] == UInt8(ascii: "*") {
                starP = pi; starS = si; pi += 1
            } else if starP >= 0 {
                pi = starP + 1; starS += 1; si = starS
            } else {
                return false
            }
        }
        while pi < p.endIndex, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.endIndex
    }
}
