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
            or backup folder (a moved `README.md` is not one of the many others). A path written with
            backslashes (`..\\Notes\\A.md`, from Windows) is broken wherever Markdown is rendered: Markdown
            reads a backslash before punctuation as an escape, and a URL has no backslash folders; the hint gives
            it with `/`. Web links are not checked.
            """,
        triggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\nSee [the gap](Gap/video_024_gap.md) and [moved](Old/Report.md).\n"
                ),
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap/Video_024_Gap.md", "# Gap\n"),
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/New/Report.md", "# Report\n"),
            ]),
            RuleExample([("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Sub/A.md", "# A\n\n[missing](../Missing.md)\n")]),
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Sub/A.md",
                    "# A\n\nFrom Windows: [the gap](..\\..\\03_ANALYSIS\\Gap\\Video_024_Gap.md)\n"
                ),
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap/Video_024_Gap.md", "# Gap\n"),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\n[self](Notes.md#notes), [web](https://example.com/x.md), [mail](mailto:a@b.c)\n"
                )
            ]),
            RuleExample([
                (
                    "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md",
                    "# Notes\n\nSee [the gap](Gap/Video_024_Gap.md#gap), [web](https://example.com) and [top](#notes).\n"
                ),
                ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Gap/Video_024_Gap.md", "# Gap\n"),
            ]),
        ])

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
            let dir = BrokenLink.folder(of: f.path)
            for link in md.links {
                if let written = link.backslashed {
                    out.append(backslashed(link, written: written, from: dir, lib: lib))
                    continue
                }
                let key = dir + "\u{0}" + link.destination
                let target: LinkTarget
                if let t = resolved[key] {
                    target = t
                } else {
                    target = LinkTarget.resolve(link.destination, from: dir, aliases: lib.config.linkRootAliases)
                    resolved[key] = target
                }
                switch target {
                case .external:
                    continue
                case .outside:
                    out.append(LinkOutsideLibrary.diagnostic(link.destination, at: link.location))
                case .absolute:
                    out.append(AbsolutePathLink.diagnostic(link.destination, at: link.location))
                case .sameFile(let anchor):
                    if !anchor.isEmpty, !BrokenAnchor.isLineAnchor(anchor), let set = anchorsOf(f.path),
                        !set.contains(anchor)
                    {
                        out.append(BrokenAnchor.diagnostic(anchor: anchor, in: f.path, known: set, at: link.location))
                    }
                case .path(let target, let anchor):
                    if let kind = lib.inventory.kind(of: target) {
                        if kind == .file, !anchor.isEmpty, !BrokenAnchor.isLineAnchor(anchor),
                            let set = anchorsOf(target), !set.contains(anchor)
                        {
                            out.append(
                                BrokenAnchor.diagnostic(anchor: anchor, in: target, known: set, at: link.location))
                        }
                        continue
                    }
                    out.append(diagnostic(link, target: target, from: dir, lib: lib))
                }
            }
        }
        return out
    }

    /// The folder of a library path (`a/b/c.md` -> `a/b`), found by its last `/`; a path with empty segments
    /// (which discovery never makes) by its segments.
    static func folder(of path: String) -> String {
        let u = path.utf8
        let slash = UInt8(ascii: "/")
        guard u.first != slash, u.last != slash, !ByteSearch.contains(u, "//") else {
            return path.split(separator: "/").dropLast().joined(separator: "/")
        }
        guard let last = u.lastIndex(of: slash) else { return "" }
        return String(path[..<last])
    }

    /// The finding for a link or image whose target does not exist, with a hint when it moved or differs in
    /// case.
    static func diagnostic(_ link: MarkdownLink, target: String, from dir: String, lib: Library) -> Diagnostic {
        info.diagnostic(
            "broken \(link.isImage ? "image" : "link"): '\(link.destination)' does not exist", at: link.location,
            hint: hint(for: target, from: dir, lib: lib), subject: target)
    }

    /// The finding for a link or image written with backslashes (`..\..\Notes\A.md`): broken wherever
    /// Markdown is rendered (`\.` is an escaped `.`, and a backslash is no folder separator in a URL), whether
    /// or not the path it means exists; the hint gives that path with `/`, or where the file now is.
    static func backslashed(_ link: MarkdownLink, written: String, from dir: String, lib: Library) -> Diagnostic {
        let path = meantPath(link, from: dir, lib: lib)
        return info.diagnostic(
            "broken \(link.isImage ? "image" : "link"): '\(written)' separates folders with backslashes, which "
                + "Markdown reads as escapes", at: link.location,
            hint: path.map { "write '\($0)'" } ?? "write '/' between folders", subject: link.destination)
    }

    /// The path a link written with backslashes means, with `/` (and no anchor), when that file exists or
    /// has moved to a known place; else nil.
    static func meantPath(_ link: MarkdownLink, from dir: String, lib: Library) -> String? {
        var path = link.destination
        if let h = path.firstIndex(of: "#") { path = String(path[..<h]) }
        guard case .path(let target, _) = LinkTarget.resolve(path, from: dir, aliases: lib.config.linkRootAliases)
        else { return nil }
        if lib.inventory.kind(of: target) != nil { return path }
        return meantFile(target, lib: lib).map { LinkTarget.relative($0, from: dir) }
    }

    /// The file a missing target means: the one with other letter case, or the one live file of its name.
    static func meantFile(_ target: String, lib: Library) -> String? {
        lib.inventory.lowercased[target.lowercased()] ?? lib.inventory.movedFile(named: target, config: lib.config)
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

extension BrokenLink: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 12
}

extension BrokenLink {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:3:15 broken link: 'Gap/video_024_gap.md' does not exist",
        "0 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md:3:49 broken link: 'Old/Report.md' does not exist",
        "1 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Sub/A.md:3:11 broken link: '../Missing.md' does not exist",
        "2 TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Sub/A.md:3:25 broken link: '..\\..\\03_ANALYSIS\\Gap\\Video_024_Gap.md' "
            + "separates folders with backslashes, which Markdown reads as escapes",
    ]
}
