/// An entity's page (`entities/<ID>.html`): its record field by field, its file, what it links to and what
/// links to it (grouped by kind), where documents mention it, the findings in its file, and for an entity
/// with children its hierarchy drawn.
struct EntityPage: Encodable {
    struct Field: Encodable { var key, value: String }
    struct Link: Encodable {
        var field: String
        var id: String
        var name: String
        var href: String?
        var dangling: Bool
    }
    struct Group: Encodable {
        var kind: String
        var links: [Link]
    }
    struct MentionRow: Encodable {
        var document, href, context: String
        var line: Int
        /// How many mentions the row stands for, when more than one (the same line mentions it twice).
        var times: Int?
    }
    struct Finding: Encodable {
        var code, severity, message, href: String
        var line: Int
        /// The baseline holds it: known before, it fails no check.
        var known: Bool
    }
    /// A link by name of its record that links to nothing (`UnmatchedName`).
    struct UnmatchedName: Encodable {
        var name, kind, field, why, href: String
        var line: Int
    }
    struct Unmatched: Encodable { var names: [UnmatchedName] }

    var id: String
    var name: String
    var kind: SiteLink
    var department: SiteLink?
    var status: String?
    var description: String?
    var file: SiteLink
    var fields: [Field]
    var links: [Group]
    /// Nil when every name of its record links (the section is left out).
    var unmatched: Unmatched?
    var backlinks: [Group]
    var mentions: [MentionRow]
    var mentionsMore: Int?
    var diagnostics: [Finding]
    var tree: HierarchySVG.Drawing?

    init(_ i: Int, page: String, site: SiteData) {
        let e = site.lib.entities[i]
        id = site.lib.displayID(e)
        name = e.name ?? ""
        let kindName = site.lib.kindName(e)
        kind = SiteLink(text: kindName, href: SitePaths.link(from: page, to: SitePaths.kind(kindName)))
        department = site.department(of: e).map {
            SiteLink(text: $0, href: SitePaths.link(from: page, to: SitePaths.department($0)))
        }
        status = e.status
        description = e.description
        file = SiteLink(
            text: "\(e.file):\(e.location.line)", href: site.paths.fileLink(from: page, e.file, line: e.location.line))
        fields = EntityPage.fields(e.record)
        links = EntityPage.outgoing(i, page: page, site: site)
        let names = site.lib.unmatchedNames(of: i).prefix(200).map { u in
            UnmatchedName(
                name: u.reference.id.written, kind: site.lib.config.kinds[u.reference.id.kind].name,
                field: u.reference.field, why: u.why(in: site.lib),
                href: site.paths.fileLink(from: page, u.reference.location.file, line: u.reference.location.line),
                line: u.reference.location.line)
        }
        unmatched = names.isEmpty ? nil : Unmatched(names: names)
        backlinks = EntityPage.incoming(i, page: page, site: site)
        let all = site.mentions[e.id?.key ?? ""] ?? []
        // Mentions come by document: its page link is made once for a run of them.
        var document: String?, documentLink = ""
        mentions = MentionLines.collapse(all.prefix(200), place: { ($0.0, $0.1.location.line) }).map { row, n in
            let (d, m) = row
            if d != document { (document, documentLink) = (d, site.paths.fileLink(from: page, d)) }
            return MentionRow(
                document: d, href: SitePaths.atLine(documentLink, m.location.line), context: m.context,
                line: m.location.line, times: n > 1 ? n : nil)
        }
        mentionsMore = all.count > 200 ? all.count - 200 : nil
        diagnostics = (site.findingsByFile[e.file] ?? []).map { f in
            let d = f.diagnostic
            return Finding(
                code: d.code, severity: d.severity.label, message: d.message,
                href: site.paths.fileLink(from: page, e.file, line: d.location?.line), line: d.location?.line ?? 0,
                known: f.known)
        }
        tree =
            site.lib.hierarchy.children(of: i).isEmpty
            ? nil : HierarchySVG.Drawing([site.tree(i, page: page)], title: id)
    }

    /// The record's top-level fields: text as written, other values as compact JSON.
    static func fields(_ record: String?) -> [Field] {
        guard let record else { return [] }
        if let split = compactFields(record) { return split }
        guard case .success(let node) = JSONParser.parse(Array(record.utf8)), let members = node.members else {
            return []
        }
        return members.map { m in
            if case .string(let s) = m.node.value { return Field(key: m.key, value: s) }
            return Field(key: m.key, value: m.node.compactJSON())
        }
    }

    /// The top-level fields of a record written compactly (as taxo writes every record it keeps:
    /// `Node.write`, `JSONWriter`), found in one pass over its bytes: a value other than a string is its
    /// compact JSON already, so nothing is parsed and written again. Nil for any other text (white space
    /// outside strings, an escape inside a value that is not a text, not one object), which `fields` parses.
    static func compactFields(_ record: String) -> [Field]? {
        var record = record
        return record.withUTF8 { b -> [Field]? in
            let n = b.count
            guard n >= 2, b[0] == UInt8(ascii: "{"), b[n - 1] == UInt8(ascii: "}") else { return nil }
            if n == 2 { return [] }
            var out: [Field] = []
            var i = 1
            while true {
                guard let (key, afterKey) = jsonString(b, at: i), afterKey + 1 < n, b[afterKey] == UInt8(ascii: ":")
                else { return nil }
                let v = afterKey + 1
                let end: Int
                if b[v] == UInt8(ascii: "\"") {
                    // A text, decoded whatever its escapes.
                    guard let (text, after) = jsonString(b, at: v), after < n,
                        b[after] == UInt8(ascii: ",") || b[after] == UInt8(ascii: "}")
                    else { return nil }
                    end = after
                    out.append(Field(key: key, value: text))
                } else {
                    guard let e = valueEnd(b, from: v) else { return nil }
                    end = e
                    out.append(
                        Field(
                            key: key, value: String(decoding: UnsafeBufferPointer(rebasing: b[v..<end]), as: UTF8.self))
                    )
                }
                if end == n - 1 { return out }
                guard b[end] == UInt8(ascii: ",") else { return nil }
                i = end + 1
            }
        }
    }

    /// The string starting at `i` (a quote) decoded, and the offset after its closing quote.
    static func jsonString(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (String, Int)? {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        var j = i + 1
        var escaped = false
        while j < b.count, b[j] != UInt8(ascii: "\"") {
            if b[j] == UInt8(ascii: "\\") { escaped = true; j += 1 }
            j += 1
        }
        guard j < b.count else { return nil }
        if !escaped { return (String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<j]), as: UTF8.self), j + 1) }
        guard case .success(let node) = JSONParser.parse(Array(b[i...j])), case .string(let s) = node.value else {
            return nil
        }
        return (s, j + 1)
    }

    /// Where the value starting at `i` ends: the offset of the `,` or `}` after it at the top level, or nil
    /// at white space outside a string, an escape inside one, or an unbalanced bracket.
    static func valueEnd(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        var depth = 0
        var j = i
        var inString = false
        while j < b.count {
            let c = b[j]
            if inString {
                // An escape inside a nested value may be one `Node.write` writes otherwise: parsed instead.
                if c == UInt8(ascii: "\\") { return nil }
                if c == UInt8(ascii: "\"") { inString = false }
            } else {
                switch c {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return c == UInt8(ascii: "}") && j > i ? j : nil }
                    depth -= 1
                case UInt8(ascii: ","): if depth == 0 { return j > i ? j : nil }
                case 32, 9, 10, 13: return nil
                default: break
                }
            }
            j += 1
        }
        return nil
    }

    static func outgoing(_ i: Int, page: String, site: SiteData) -> [Group] {
        let targets = i < site.lib.targets.count ? site.lib.targets[i] : []
        let up = SitePaths.root(of: page)
        var byKind = Array(repeating: [Link](), count: site.kindNames.count)
        // Read in place: a copy of the entity, or of each reference, retained what it holds (shared by the
        // pages both cores make).
        site.lib.entities[i].references.withUnsafeBufferPointer { refs in
            for r in refs.indices {
                let t = r < targets.count ? targets[r] : nil
                let kind = t.map { site.lib.entities[$0].kind } ?? refs[r].id.kind
                byKind[site.kindRank[kind]].append(
                    Link(
                        field: refs[r].field, id: t.map { site.lib.displayID(at: $0) } ?? refs[r].id.written,
                        name: t.flatMap { site.lib.entities[$0].name } ?? refs[r].label ?? "",
                        href: t.flatMap { site.paths.entityLink($0, up: up) },
                        dangling: site.lib.dangles(i, r)))
            }
        }
        return groups(byKind, site: site)
    }

    static func incoming(_ i: Int, page: String, site: SiteData) -> [Group] {
        var byKind = Array(repeating: [Link](), count: site.kindNames.count)
        let up = SitePaths.root(of: page)
        for (s, r) in site.backlinks[i] ?? [] {
            // Read in place (a copy of the entity retained each of its fields).
            byKind[site.kindRank[site.lib.entities[s].kind]].append(
                Link(
                    field: site.lib.entities[s].references[r].field, id: site.lib.displayID(at: s),
                    name: site.lib.entities[s].name ?? "", href: site.paths.entityLink(s, up: up), dangling: false))
        }
        return groups(byKind, site: site)
    }

    /// Links by kind (`SiteData.kindRank`) as groups in the kinds' name order, empty ones left out.
    static func groups(_ byKind: [[Link]], site: SiteData) -> [Group] {
        byKind.indices.compactMap { k in byKind[k].isEmpty ? nil : Group(kind: site.kindNames[k], links: byKind[k]) }
    }
}
