/// Groups of globs matched at once (each kind's `files:`): every alternative of every glob in flat arrays,
/// so a path is matched against them all without touching a glob's own arrays (the kinds of each file of a
/// library are found this way).
struct GlobSet: Sendable {
    private var bytes: [UInt8] = []
    private var segments: [Glob.PatternSegment] = []
    /// Per alternative, its group and its segments in `segments`, in the groups' order.
    private var alternatives: [(group: Int, start: Int, end: Int)] = []

    /// The groups, in order (a group matches a path when one of its globs does).
    init(_ groups: [[Glob]]) {
        for (g, globs) in groups.enumerated() {
            for glob in globs {
                for alt in glob.compiled {
                    let start = segments.count
                    for var s in alt {
                        let at = bytes.count
                        bytes += glob.patternBytes[s.start..<s.end]
                        (s.start, s.end) = (at, at + s.end - s.start)
                        segments.append(s)
                    }
                    alternatives.append((g, start, segments.count))
                }
            }
        }
    }

    /// The groups one of whose globs takes the path, in order.
    func matching(_ path: GlobPath) -> [Int] {
        var out: [Int] = []
        bytes.withUnsafeBufferPointer { pattern in
            segments.withUnsafeBufferPointer { segs in
                path.bytes.withUnsafeBufferPointer { b in
                    path.bounds.withUnsafeBufferPointer { bounds in
                        let subject = Glob.Subject(bytes: b, bounds: bounds)
                        for a in alternatives where out.last != a.group {
                            let alt = UnsafeBufferPointer(rebasing: segs[a.start..<a.end])
                            if Glob.match(alt, 0, pattern, subject, 0) { out.append(a.group) }
                        }
                    }
                }
            }
        }
        return out
    }
}
