/// A path glob: `*` and `?` within a segment, `**` across segments (at the end: one or more), `{a,b}`
/// alternatives.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let alternatives: [[[UInt8]]]
    /// Per alternative, its segments without wildcards: a path lacking one of them cannot match it.
    private let literals: [[[UInt8]]]
    /// The alternatives for matching: every segment's bytes in one buffer, and per alternative its
    /// segments as ranges of it (a path is matched without an array or a retain per segment).
    let patternBytes: [UInt8]
    let compiled: [[PatternSegment]]

    /// A segment of an alternative: its bytes in `patternBytes`, and whether it is `**`.
    struct PatternSegment: Sendable, Hashable {
        var start: Int
        var end: Int
        var doubleStar: Bool
    }

    /// A glob (`LIBRARIES/**/*.json`, `{a,b}`), compiled once.
    public init(_ pattern: String) {
        self.pattern = pattern
        alternatives = Glob.expandBraces(pattern).map {
            $0.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        }
        literals = alternatives.map { alt in alt.filter { seg in !seg.contains { $0 == 42 || $0 == 63 } } }
        var bytes: [UInt8] = []
        compiled = alternatives.map { alt in
            alt.map { seg in
                defer { bytes += seg }
                return PatternSegment(
                    start: bytes.count, end: bytes.count + seg.count, doubleStar: seg == Glob.doubleStar)
            }
        }
        patternBytes = bytes
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
        return matches(segments: GlobPath(path))
    }

    /// Matches a path already split into segments (to split once for many globs).
    public func matches(segments path: GlobPath) -> Bool {
        compiled.indices.contains { matches(alternative: $0, path) }
    }

    /// Whether one alternative (`{a,b}` makes two) matches a path.
    private func matches(alternative a: Int, _ path: GlobPath) -> Bool {
        patternBytes.withUnsafeBufferPointer { pattern in
            path.bytes.withUnsafeBufferPointer { bytes in
                path.bounds.withUnsafeBufferPointer { bounds in
                    compiled[a].withUnsafeBufferPointer {
                        Glob.match($0, 0, pattern, Subject(bytes: bytes, bounds: bounds), 0)
                    }
                }
            }
        }
    }

    /// A path being matched, read in place: its bytes and its segments' bounds (`GlobPath`).
    struct Subject {
        let bytes: UnsafeBufferPointer<UInt8>
        let bounds: UnsafeBufferPointer<Int>
        var count: Int { bounds.count / 2 }
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
        let segs = GlobPath(directory), below = GlobPath(directory + "/x")
        return compiled.indices.contains { a in
            matches(alternative: a, segs) || (compiled[a].last?.doubleStar == true && matches(alternative: a, below))
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

    /// Whether an alternative's segments from `p` match the path's from `si`: `**` takes any number of
    /// segments (at the end: one or more), any other segment one.
    static func match(
        _ pat: UnsafeBufferPointer<PatternSegment>, _ p: Int, _ pattern: UnsafeBufferPointer<UInt8>,
        _ path: Subject, _ si: Int
    ) -> Bool {
        guard p < pat.count else { return si == path.count }
        if pat[p].doubleStar {
            // A trailing `**` is everything inside a folder, not the folder itself (as in .gitignore):
            // `**/*backup*/**` leaves out the files under a backup folder, never a file named `..._backup.json`.
            if p + 1 == pat.count { return si < path.count }
            var s = si
            while true {
                if match(pat, p + 1, pattern, path, s) { return true }
                if s == path.count { return false }
                s += 1
            }
        }
        guard si < path.count,
            matchSegment(
                pattern, pat[p].start, pat[p].end, path.bytes, path.bounds[2 * si], path.bounds[2 * si + 1])
        else { return false }
        return match(pat, p + 1, pattern, path, si + 1)
    }

    /// Whether the pattern's bytes `p0..<p1` (with `*` and `?`) match the path's bytes `s0..<s1`. `?` takes
    /// one character (`Vide?` takes `Vidé`), and `*` gives up characters, not bytes, when it backtracks.
    static func matchSegment(
        _ p: UnsafeBufferPointer<UInt8>, _ p0: Int, _ p1: Int, _ s: UnsafeBufferPointer<UInt8>, _ s0: Int, _ s1: Int
    ) -> Bool {
        @inline(__always) func nextCharacter(_ i: Int) -> Int {
            var i = i + 1
            while i < s1, s[i] & 0xC0 == 0x80 { i += 1 }
            return i
        }
        var pi = p0, si = s0
        var starP = -1, starS = -1
        while si < s1 {
            if pi < p1, p[pi] == UInt8(ascii: "?") {
                pi += 1; si = nextCharacter(si)
            } else if pi < p1, p[pi] == s[si] {
                pi += 1; si += 1
            } else if pi < p1, p[pi] == UInt8(ascii: "*") {
                starP = pi; starS = si; pi += 1
            } else if starP >= 0 {
                pi = starP + 1; starS = nextCharacter(starS); si = starS
            } else {
                return false
            }
        }
        while pi < p1, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p1
    }
}

/// A library path split into its segments once, to be matched by many globs: its bytes, and where each
/// segment (empty ones left out) starts and ends.
public struct GlobPath: Sendable {
    let bytes: [UInt8]
    /// Each segment's start and end offsets in `bytes`, in pairs.
    let bounds: [Int]

    public init(_ path: String) {
        bytes = Array(path.utf8)
        var bounds: [Int] = []
        bounds.reserveCapacity(16)
        var start = 0
        for (i, b) in bytes.enumerated() where b == 47 {
            if i > start {
                bounds.append(start)
                bounds.append(i)
            }
            start = i + 1
        }
        if bytes.count > start {
            bounds.append(start)
            bounds.append(bytes.count)
        }
        self.bounds = bounds
    }
}
