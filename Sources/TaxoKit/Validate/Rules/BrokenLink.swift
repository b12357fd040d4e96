/// TAX0401: a relative Markdown link or image whose target does not exist.
enum BrokenLink {
    static let info = RuleInfo(
        code: "TAX0401", name: "broken-link", family: "links", severity: .error,
        summary: "A relative link or image in a Markdown file points at nothing.",
        explanation: """
        Every relative link and image of every Markdown file is resolved against the file's folder (a
        leading `/`, or a prefix listed in `link_root_aliases` such as `ENTITIES/`, means the library root).
        When the target is missing, the hint says whether it exists with other letter case (which breaks on
        case-sensitive systems and in git) or where a file of the same name now is, as a relative path: only
        when that name is unique among the files that are not archived, and never a file inside an archive
        or backup folder (a moved `README.md` is not one of the many others). Web links are not checked.
        """,
        triggering: [RuleExample([
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nSee [the gap](Gap/video_024_gap.md) and [moved](Old/Report.md).\n"),
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap/Video_024_Gap.md", "# Gap\n"),
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/New/Report.md", "# Report\n"),
        ])],
        nonTriggering: [RuleExample([
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nSee [the gap](Gap/Video_024_Gap.md#gap), [web](https://example.com) and [top](#notes).\n"),
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap/Video_024_Gap.md", "# Gap\n"),
        ])])

    static func check(_ lib: Library) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var headings: [String: [String]] = [:]
        for f in lib.files { if let m = f.markdown { headings[f.path] = m.headings } }
        var slugCache: [String: Set<String>] = [:]
        func anchorsOf(_ path: String) -> Set<String>? {
            if let s = slugCache[path] { return s }
            guard let h = headings[path] else { return nil }
            let s = Anchors.slugs(h)
            slugCache[path] = s
            return s
        }
        var resolved: [String: LinkTarget] = [:]
        for f in lib.files {
            guard let md = f.markdown else { continue }
            let dir = f.path.split(separator: "/").dropLast().joined(separator: "/")
            for link in md.links {
                let key = dir + "\u{0}" + link.destination
                let target: LinkTarget
                if let t = resolved[key] { target = t } else {
                    target = LinkTarget.resolve(link.destination, from: dir, aliases: lib.config.linkRootAliases)
                    resolved[key] = target
                }
                switch target {
                case .external:
                    continue
                case .outside:
                    out.append(LinkOutsideLibrary.info.diagnostic(
                        "link '\(link.destination)' climbs above the library root", at: link.location,
                        hint: "link to a file inside the library, or write a web link"))
                case .absolute:
                    out.append(AbsolutePathLink.info.diagnostic("link to an absolute path '\(link.destination)' only works on one machine",
                                                               at: link.location, hint: "link relative to this file instead"))
                case .sameFile(let anchor):
                    if !anchor.isEmpty, !BrokenAnchor.isLineAnchor(anchor), let set = anchorsOf(f.path), !set.contains(anchor) {
                        out.append(BrokenAnchor.diagnostic(anchor: anchor, in: f.path, known: set, at: link.location))
                    }
                case .path(let target, let anchor):
                    if let kind = lib.inventory.kind(of: target) {
                        if kind == .file, !anchor.isEmpty, !BrokenAnchor.isLineAnchor(anchor), let set = anchorsOf(target), !set.contains(anchor) {
                            out.append(BrokenAnchor.diagnostic(anchor: anchor, in: target, known: set, at: link.location))
                        }
                        continue
                    }
                    out.append(info.diagnostic("broken \(link.isImage ? "image" : "link"): '\(link.destination)' does not exist",
                                               at: link.location, hint: hint(for: target, from: dir, lib: lib)))
                }
            }
        }
        return out
    }

    static func hint(for target: String, from dir: String, lib: Library) -> String? {
        if let actual = lib.inventory.lowercased[target.lowercased()] {
            return "'\(LinkTarget.relative(actual, from: dir))' exists with different letter case"
        }
        if let moved = lib.inventory.movedFile(named: target, config: lib.config) {
            return "a file of this name is at '\(LinkTarget.relative(moved, from: dir))'"
        }
        return nil
    }
}

/// TAX0404: a relative link that climbs above the library root.
enum LinkOutsideLibrary {
    static let info = RuleInfo(
        code: "TAX0404", name: "link-outside-library", family: "links", severity: .warning,
        summary: "A relative link climbs above the library root.",
        explanation: """
        A link such as `../../../../Other/notes.md` that leaves the folder holding `taxonomy.yaml` points at
        something taxo cannot see and that a clone of the library may not have. Link to a file inside the
        library, or use a web link.
        """,
        triggering: [RuleExample([("TASK_MANAGERS/Notes.md", "# Notes\n\nSee [the plan](../../Plan.md).\n")])],
        nonTriggering: [RuleExample([("TASK_MANAGERS/Notes.md", "# Notes\n\nSee [the plan](../TALENTS/Plan.md).\n"),
                                     ("TALENTS/Plan.md", "# Plan\n")])])
}

/// TAX0402: a link to a heading that does not exist.
enum BrokenAnchor {
    static let info = RuleInfo(
        code: "TAX0402", name: "broken-anchor", family: "links", severity: .warning,
        summary: "A link's `#anchor` names no heading of its target.",
        explanation: """
        Anchors are GitHub-style heading slugs (lower case, punctuation dropped, spaces as dashes). A link to
        `file.md#section` or `#section` whose heading was renamed or removed lands at the top of the page.
        GitHub's line anchors (`file.md#L12`, `#L12-L20`) name lines and are accepted.
        """,
        triggering: [RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\n## Next Steps\n\nSee [steps](#next-step).\n")])],
        nonTriggering: [RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                                      "# Notes\n\n## Next Steps\n\nSee [steps](#next-steps), [line](#L3) and [lines](Notes.md#L3-L5).\n")])])

    /// GitHub's line anchors (`#L12`, `#L12-L20`, lower-cased here): they name lines, not headings.
    static func isLineAnchor(_ anchor: String) -> Bool {
        let parts = anchor.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { p in p.count >= 2 && p.first == "l" && p.dropFirst().allSatisfy(\.isASCIIDigit) }
    }

    static func diagnostic(anchor: String, in file: String, known: Set<String>, at loc: SourceLocation) -> Diagnostic {
        info.diagnostic("no heading '#\(anchor)' in \(file)", at: loc, hint: NearMiss.hint(for: anchor, in: known.sorted()))
    }
}

/// TAX0403: a link to an absolute operating-system path.
enum AbsolutePathLink {
    static let info = RuleInfo(
        code: "TAX0403", name: "absolute-path-link", family: "links", severity: .warning,
        summary: "A link points at an absolute path on someone's machine.",
        explanation: """
        `C:\\Users\\...`, `/Users/...`, `/home/...` and `file://` links work only on the machine they were
        written on. Link relative to the file instead.
        """,
        triggering: [RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\n[spec](C:\\Users\\ana\\Dropbox\\spec.md)\n")])],
        nonTriggering: [RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\n[spec](https://example.com/spec.md)\n")])])
}

/// Where a Markdown link destination points.
enum LinkTarget {
    case external
    case absolute
    /// Above the library root: not checked.
    case outside
    case sameFile(anchor: String)
    case path(String, anchor: String)

    static func resolve(_ raw: String, from dir: String, aliases: [String]) -> LinkTarget {
        var d = raw.trimmingSpaces()
        if d.hasPrefix("<"), d.hasSuffix(">") { d = String(d.dropFirst().dropLast()) }
        // A scheme (letters then ':') means a web or mail link, a file: URL or a drive letter.
        let u = Array(d.utf8.prefix(12))
        if let colon = u.firstIndex(of: 58), colon > 0, u[..<colon].allSatisfy({ ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 || $0 == 43 || $0 == 45 || $0 == 46 }) {
            if colon == 1 { return .absolute }
            return String(decoding: u[..<colon], as: UTF8.self).lowercased() == "file" ? .absolute : .external
        }
        if d.hasPrefix("\\\\") || d.hasPrefix("/Users/") || d.hasPrefix("/home/") || d.hasPrefix("~/") { return .absolute }
        var anchor = ""
        if let h = d.firstIndex(of: "#") { anchor = String(d[d.index(after: h)...]); d = String(d[..<h]) }
        if let q = d.firstIndex(of: "?") { d = String(d[..<q]) }
        d = d.removingPercentEncodingSafe()
        if d.isEmpty { return .sameFile(anchor: anchor.lowercased()) }
        var base = dir
        if d.hasPrefix("/") { base = ""; d.removeFirst() }
        for a in aliases where d.hasPrefix(a) { base = ""; d = String(d.dropFirst(a.count)) }
        var parts = base.split(separator: "/").map(String.init)
        for seg in d.split(separator: "/", omittingEmptySubsequences: true) {
            if seg == "." { continue }
            if seg == ".." {
                if parts.isEmpty { return .outside }
                parts.removeLast()
            } else { parts.append(String(seg)) }
        }
        return .path(parts.joined(separator: "/"), anchor: anchor.lowercased())
    }

    /// `target` relative to the folder `dir` (both root-relative).
    static func relative(_ target: String, from dir: String) -> String {
        let t = target.split(separator: "/").map(String.init), f = dir.split(separator: "/").map(String.init)
        var i = 0
        while i < t.count - 1, i < f.count, t[i] == f[i] { i += 1 }
        return (Array(repeating: "..", count: f.count - i) + t[i...]).joined(separator: "/")
    }
}

extension String {
    func removingPercentEncodingSafe() -> String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var it = Array(utf8)[...]
        while let c = it.first {
            if c == 37, it.count >= 3, let v = UInt8(String(decoding: it.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                it = it.dropFirst(3)
            } else {
                bytes.append(c)
                it = it.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
