/// An entity page's template tree made directly rather than by encoding the page (`ReportValue.html`): entity
/// pages are most of a site, and the `Encodable` walk, with its containers and keys made per value, cost more
/// than the rest of making a page (10k entities: 1.04 s of encoding in a cold `taxo site`). The tree is the
/// one `ReportValue.html` makes of the page, key for key (a test compares them on every page of the example
/// library): text escaped for HTML, a nil member null.
extension EntityPage {
    /// The tree, its hierarchy drawn.
    var templateTree: ReportValue {
        var o: ReportObject = [
            "id": SiteTree.text(id), "name": SiteTree.text(name), "kind": SiteTree.link(kind),
            "file": SiteTree.link(file),
            "fields": .array(fields.map { .object(["key": SiteTree.text($0.key), "value": SiteTree.text($0.value)]) }),
            "links": SiteTree.groups(links), "backlinks": SiteTree.groups(backlinks),
            "mentions": .array(mentions.map(SiteTree.mention)),
            "diagnostics": .array(diagnostics.map(SiteTree.finding)),
        ]
        o["department"] = department.map(SiteTree.link) ?? .null
        o["status"] = status.map(SiteTree.text) ?? .null
        o["description"] = description.map(SiteTree.text) ?? .null
        o["unmatched"] = unmatched.map { .object(["names": .array($0.names.map(SiteTree.unmatchedName))]) } ?? .null
        o["mentions_more"] = mentionsMore.map { .int($0) } ?? .null
        o["tree"] = SiteTree.drawing(tree)
        return .object(o)
    }
}

/// A video page's tree, as `ReportValue.html` encodes the page (its gap analysis has a row per candidate).
extension VideoPage {
    var templateTree: ReportValue {
        let t = SiteTree.text
        return .object([
            "video": t(video), "title": title.map(t) ?? .null, "next_action": t(nextAction),
            "phases": .array(
                phases.map { p in
                    .object([
                        "number": .int(p.number), "name": t(p.name), "state": t(p.state),
                        "artifacts": .array(p.artifacts.map(SiteTree.link)),
                    ])
                }),
            "summary": .array(summary.map { .object(["verdict": t($0.verdict), "count": .int($0.count)]) }),
            "candidates": .array(
                candidates.map { c in
                    .object([
                        "priority": t(c.priority), "verdict": t(c.verdict), "text": t(c.text),
                        "kind": c.kind.map(t) ?? .null, "id": c.id.map(t) ?? .null,
                        "library": c.library.map(SiteTree.link) ?? .null,
                        "suggested_id": c.suggestedID.map(t) ?? .null, "note": c.note.map(t) ?? .null,
                        "evidence": .array(c.evidence.map(SiteTree.link)), "more": c.more.map { .int($0) } ?? .null,
                    ])
                }),
            "documents": .array(documents.map(SiteTree.link)), "tree": SiteTree.drawing(tree),
            "has_candidates": .bool(hasCandidates),
        ])
    }
}

/// A file page's tree, as `ReportValue.html` encodes the page (its listing, taxo's own HTML, as it is).
extension FilePage {
    var templateTree: ReportValue {
        .object([
            "path": SiteTree.text(path), "kind": kind.map(SiteTree.text) ?? .null,
            "entities": .array(entities.map(SiteTree.link)), "diagnostics": .array(diagnostics.map(SiteTree.finding)),
            "listing": .text(listing.text), "lines": .int(lines), "has_entities": .bool(hasEntities),
            "has_diagnostics": .bool(hasDiagnostics),
        ])
    }
}

/// Pieces of site page trees made directly (`EntityPage.templateTree`, `VideoPage.templateTree`,
/// `SitePage.templateTree`), as `ReportValue.html` encodes them.
enum SiteTree {
    static func text(_ s: String) -> ReportValue { .text(HTMLText.escape(s)) }

    static func link(_ l: SiteLink) -> ReportValue { .object(["text": text(l.text), "href": text(l.href)]) }

    /// A hierarchy drawn (taxo's own SVG, as it is), or null.
    static func drawing(_ d: HierarchySVG.Drawing?) -> ReportValue {
        d.map { .text($0.svg) } ?? .null
    }

    static func groups(_ groups: [EntityPage.Group]) -> ReportValue {
        .array(
            groups.map { g in
                .object([
                    "kind": text(g.kind),
                    "links": .array(
                        g.links.map { l in
                            .object([
                                "field": text(l.field), "id": text(l.id), "name": text(l.name),
                                "href": l.href.map(text) ?? .null, "dangling": .bool(l.dangling),
                            ])
                        }),
                ])
            })
    }

    static func mention(_ m: EntityPage.MentionRow) -> ReportValue {
        .object([
            "document": text(m.document), "href": text(m.href), "context": text(m.context), "line": .int(m.line),
            "times": m.times.map { .int($0) } ?? .null,
        ])
    }

    static func finding(_ f: EntityPage.Finding) -> ReportValue {
        .object([
            "code": text(f.code), "severity": text(f.severity), "message": text(f.message), "href": text(f.href),
            "line": .int(f.line), "known": .bool(f.known),
        ])
    }

    static func unmatchedName(_ u: EntityPage.UnmatchedName) -> ReportValue {
        .object([
            "name": text(u.name), "kind": text(u.kind), "field": text(u.field), "why": text(u.why),
            "href": text(u.href), "line": .int(u.line),
        ])
    }
}

/// A kind's or department's page's tree, as `ReportValue.html` encodes the page (a row per entity: a
/// thousand and more on each page of a large library, printed and rendered without the encoder).
extension ListPage {
    var templateTree: ReportValue {
        let t = SiteTree.text
        return .object([
            "heading": t(heading), "subtitle": subtitle.map(t) ?? .null,
            "rows": .array(
                rows.map { r in
                    .object([
                        "id": t(r.id), "href": t(r.href), "name": t(r.name), "kind": t(r.kind),
                        "department": t(r.department), "file": t(r.file), "file_href": t(r.fileHref),
                    ])
                }),
        ])
    }
}

extension SitePage {
    /// The frame's tree, as `ReportValue.html` encodes it (the body, taxo's own HTML, as it is).
    var templateTree: ReportValue {
        .object([
            "title": SiteTree.text(title), "root": SiteTree.text(root), "body": .text(body.text),
            "taxo_version": SiteTree.text(taxoVersion), "date": date.map(SiteTree.text) ?? .null,
        ])
    }
}
