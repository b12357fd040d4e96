/// An entity page's template tree made directly rather than by encoding the page (`ReportValue.html`): entity
/// pages are most of a site, and the `Encodable` walk, with its containers and keys made per value, cost more
/// than the rest of making a page (10k entities: 1.04 s of encoding in a cold `taxo site`). The tree is the
/// one `ReportValue.html` makes of the page, key for key (a test compares them on every page of the example
/// library): text escaped for HTML, a nil member null.
extension EntityPage {
    /// The tree, its hierarchy drawn.
    var templateTree: ReportValue {
        var o: [String: ReportValue] = [
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
        o["tree"] = tree.map { .text(HierarchySVG.svg($0.roots, title: $0.title) ?? "") } ?? .null
        return .object(o)
    }
}

/// Pieces of site page trees made directly (`EntityPage.templateTree`, `SitePage.templateTree`), as `ReportValue.html`
/// encodes them.
enum SiteTree {
    static func text(_ s: String) -> ReportValue { .text(HTMLText.escape(s)) }

    static func link(_ l: SiteLink) -> ReportValue { .object(["text": text(l.text), "href": text(l.href)]) }

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

extension SitePage {
    /// The frame's tree, as `ReportValue.html` encodes it (the body, taxo's own HTML, as it is).
    var templateTree: ReportValue {
        .object([
            "title": SiteTree.text(title), "root": SiteTree.text(root), "body": .text(body.text),
            "taxo_version": SiteTree.text(taxoVersion), "date": date.map(SiteTree.text) ?? .null,
        ])
    }
}
