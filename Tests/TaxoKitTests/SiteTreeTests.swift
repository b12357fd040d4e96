import Foundation
import Testing

@testable import TaxoKit

/// What site pages are made of without the Codable walk: entity pages and the page frame make their template
/// trees themselves (`EntityPage.templateTree`, `FilePage.templateTree`, `SitePage.templateTree`), which must be the ones
/// `ReportValue.html` encodes from the same contexts, on every entity page of the example library and on pages
/// holding every optional part; HTML escaping and file listings work on bytes.
@Suite struct SiteTreeTests {
    @Test func entityPagesMakeTheTreeTheirEncodingMakes() throws {
        let note = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes/Video_025_Notes.md"
        // 201 lines mentioning one tool twice each (rows say ×2; more than 200 rows are cut).
        let mentions = (1...201).map { _ in "TOL-SEC-124 and TOL-SEC-124." }.joined(separator: "\n")
        let root = try TestSupport.exampleCopy([
            (
                "LIBRARIES/LBS_003_Tools/QA/TOL-QA-099_Hostile.json",
                #"{"tool_id": "TOL-QA-099", "name": "<b>&\"x'</b>", "status": "draft", "description": "a < b", "responsibilities": ["RSP-909"]}"#
            ),
            (
                "TALENTS/Skills/Master/site_skills.json",
                #"[{"skill_id": "SKL-950", "skill_phrase": "s", "components": {"tool": "<Quill>"}}]"#
            ),
            (note, "# Notes\n\n" + mentions + "\n"),
            ("LIBRARIES/Free_Notes.md", "# Free notes\n\nNo kind takes this file.\n"),
        ])
        let result = Compiler.compile(root: root.path, config: TestSupport.defaultConfig, keepContent: true)
        // Half the findings held by a baseline: pages mark them known.
        let held = Baseline(
            Array(result.diagnostics.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)),
            grammar: result.library.grammar)
        let site = SiteData(result, baseline: ("taxo-baseline.json", held))
        var seen: Set<String> = []
        var known = false
        for (i, path) in site.paths.entityPages.sorted(by: { $0.key < $1.key }) {
            let page = EntityPage(i, page: path, site: site)
            let encoded = try ReportValue.html(page)
            #expect(page.templateTree == encoded, "\(path): \(TestSupport.difference(page.templateTree, encoded))")
            if case .object(let o) = encoded { seen.formUnion(o.filter { $0.value != .null }.map(\.key)) }
            known = known || page.diagnostics.contains { $0.known }
        }
        // Every optional part was on some page, and a finding the baseline holds.
        for key in ["department", "status", "description", "unmatched", "mentions_more", "tree"] {
            #expect(seen.contains(key), "no page had \(key)")
        }
        #expect(known)
        let tool = try #require(result.library.entities.firstIndex { $0.id?.written == "TOL-SEC-124" })
        let rows = EntityPage(tool, page: site.paths.entityPages[tool]!, site: site).mentions
        #expect(rows.contains { $0.times == 2 })
        // File pages too, listed and not, with entities and findings (the hostile record's file has both).
        var declared: [String: [Int]] = [:]
        for (i, e) in result.library.entities.enumerated() { declared[e.file, default: []].append(i) }
        var parts: Set<String> = []
        for f in result.library.files {
            var page = FilePage(f.path, entities: declared[f.path] ?? [], page: site.paths.filePage(f.path), site: site)
            for listed in [false, true] {
                if listed { page.list("<a> & b\nline 2") }
                let encoded = try ReportValue.html(page)
                #expect(
                    page.templateTree == encoded, "\(f.path): \(TestSupport.difference(page.templateTree, encoded))")
            }
            if page.hasEntities { parts.insert("entities") }
            if page.hasDiagnostics { parts.insert("diagnostics") }
            if page.kind != nil { parts.insert("kind") } else { parts.insert("no kind") }
        }
        #expect(parts == ["entities", "diagnostics", "kind", "no kind"])
        // Kind and department pages (a subtitle or none; the hostile record's row escaped).
        var pages = site.byKind.map { k, members in
            ListPage(
                heading: "Kind", subtitle: "prefix", entities: members, page: SitePaths.kind(String(k)), site: site)
        }
        pages += site.byDepartment.map { d, members in
            ListPage(heading: d, subtitle: nil, entities: members, page: SitePaths.department(d), site: site)
        }
        #expect(pages.contains { $0.rows.contains { $0.name.contains("<b>") } })
        for page in pages {
            let encoded = try ReportValue.html(page)
            #expect(
                page.templateTree == encoded, "\(page.heading): \(TestSupport.difference(page.templateTree, encoded))")
        }
    }

    /// The subtrees made once for the site (`SiteData.treesFromFolder`) are the trees made for one page, on
    /// every entity with children of the example library; from a page elsewhere in the site, links lead up
    /// from there.
    @Test func treesMadeOnceAreTheTreesMadeForOnePage() throws {
        func flat(_ n: HierarchySVG.Node) -> [String] {
            ["\(n.label)|\(n.link ?? "-")|\(n.kind)|\(n.children.count)|\(n.head)|\(n.tail)"] + n.children.flatMap(flat)
        }
        let root = try TestSupport.exampleCopy()
        let result = Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
        let site = SiteData(result)
        let lib = result.library
        let parents = lib.entities.indices.filter { !lib.hierarchy.children(of: $0).isEmpty }
        #expect(parents.count > 3)
        for i in parents {
            var above: [Int] = []
            var none: [HierarchySVG.Node?] = []
            let fresh = SiteData.tree(i, lib: lib, paths: site.paths, up: "../", above: &above, memo: &none)
            #expect(!fresh.cut)
            let memo = try #require(site.treesFromFolder[i])
            #expect(flat(memo) == flat(fresh.node))
            #expect(flat(site.tree(i, page: "entities/x.html")) == flat(fresh.node))
            let deeper = site.tree(i, page: "files/a/b.html")
            #expect(deeper.link?.hasPrefix("../../entities/") == true)
        }
        // Leaves keep no subtree of their own.
        #expect(lib.entities.indices.allSatisfy { site.treesFromFolder[$0] == nil || parents.contains($0) })
    }

    /// A record's fields are split from its compact text without parsing it: the same fields as parsing and
    /// writing each value again, for every shape a record takes (escapes in keys and texts, nesting, numbers,
    /// brackets and commas inside strings); text that is not compact, or has escapes inside a nested value, is
    /// parsed.
    @Test func recordFieldsSplitAsParsingGivesThem() {
        func parsed(_ r: String) -> [EntityPage.Field] {
            guard case .success(let node) = JSONParser.parse(Array(r.utf8)), let members = node.members else {
                return []
            }
            return members.map { m in
                if case .string(let s) = m.node.value { return .init(key: m.key, value: s) }
                return .init(key: m.key, value: m.node.compactJSON())
            }
        }
        let records = [
            "{}",
            #"{"a":"b"}"#,
            #"{"tool_id":"TOL-1","n":12,"x":-1.5e3,"t":true,"f":false,"z":null}"#,
            #"{"a":{"b":[1,{"c":"}],{"}]},"d":"x,y:z","e":[]}"#,
            #"{"nested":{"s":"tab here","deep":[[["]"]]]},"last":"}"}"#,
            #"{"q\"k":"say \"hi\"\\n","u":"caf\u00e9 \u0001","p":"a\/b"}"#,
            #"{"é":"ü","emoji":"🎉"}"#,
        ]
        for r in records {
            let split = EntityPage.compactFields(r)
            #expect(split != nil, "\(r) was not split")
            #expect(
                split.map { $0.map { [$0.key, $0.value] } } == parsed(r).map { [$0.key, $0.value] }, "\(r)")
        }
        // Escapes inside a nested value, not compact, or not one object: parsed (or nothing).
        for r in [
            #"{"nested":{"s":"tab\there"}}"#, #"{"ctl":["\u001f","q\"\\"],"k":{"\u0001":1}}"#, #"{"a":["caf\u00e9"]}"#,
            #"{"a":{"p":"a\/b"}}"#, #"{"a":["\u001F"]}"#, #"{ "a": 1 }"#, #"{"a":[1, 2]}"#,
            #"[1]"#, #"{"a":1}x}"#, #"{"a"}"#, #"{"a":}"#, "{",
        ] {
            #expect(EntityPage.compactFields(r) == nil, "\(r)")
            #expect(EntityPage.fields(r).map { [$0.key, $0.value] } == parsed(r).map { [$0.key, $0.value] })
        }
    }

    /// Report objects keep members in the order set, find them by key, and compare as sets of members (as
    /// the dictionaries they replaced did); a key set twice holds its last value. Their hash (a page's print)
    /// follows the order, and tells every member's key and value.
    @Test func reportObjectsCompareRegardlessOfOrder() throws {
        let a: ReportObject = ["x": .int(1), "y": .text("t"), "z": .null]
        var b = ReportObject()
        b["z"] = .null
        b["y"] = .text("t")
        b["x"] = .int(0)
        b["x"] = .int(1)
        #expect(a == b)
        #expect(b.keys == ["z", "y", "x"])
        func print(_ o: ReportObject) -> String {
            var h = StreamHash()
            ReportValue.object(o).add(to: &h)
            return h.hex
        }
        let ordered: ReportObject = ["z": .null, "y": .text("t"), "x": .int(1)]
        #expect(print(b) == print(ordered))
        let changed: [ReportObject] = [
            ["z": .null, "y": .text("u"), "x": .int(1)], ["z": .null, "y": .text("t"), "w": .int(1)],
            ["z": .null, "y": .text("t"), "x": .text("1")], ["z": .null, "y": .text("t")],
            ["z": .null, "y": .array([.text("t")]), "x": .int(1)],
        ]
        for c in changed { #expect(print(c) != print(ordered), "\(c)") }
        b["y"] = nil
        #expect(b.count == 2 && b["y"] == nil && a != b)
        // An encoder writing a key twice keeps the value written last.
        struct Twice: Encodable {
            enum K: String, CodingKey { case k }
            func encode(to e: any Encoder) throws {
                var c = e.container(keyedBy: K.self)
                try c.encode("first", forKey: .k)
                try c.encode(["second"], forKey: .k)
            }
        }
        let twice = try ReportValue.make(Twice())
        #expect(twice["k"] == .array([.text("second")]))
        if case .object(let o) = twice { #expect(o.count == 1) }
    }

    /// A page's bytes go into the frame where the frame holds the body's mark, every time it does; a title
    /// spelling the mark is escaped, so it is never taken for it.
    @Test func pagesAreSplicedIntoTheFrameAtTheBodyMark() throws {
        let mark = SiteRenderer.bodyMark
        let spliced = SiteRenderer.splice(into: Array("a\(mark)b\(mark)".utf8)) { $0 += "<p>é</p>".utf8 }
        #expect(String(decoding: spliced, as: UTF8.self) == "a<p>é</p>b<p>é</p>")
        #expect(SiteRenderer.splice(into: Array("no mark".utf8)) { $0.append(1) } == Array("no mark".utf8))
        // The body is rendered once, at the first mark, and copied to the next.
        var renders = 0
        let twice = SiteRenderer.splice(into: Array("[\(mark)|\(mark)]".utf8)) { out in
            renders += 1
            out.append(contentsOf: "body".utf8)
        }
        #expect(String(decoding: twice, as: UTF8.self) == "[body|body]" && renders == 1)
        let frame = SitePage(title: mark, root: "../", body: HTML(mark), date: nil)
        let outer = try Templates(directory: nil).renderBytes("site/page.html", frame.templateTree)
        let page = String(decoding: SiteRenderer.splice(into: outer) { $0 += "BODY".utf8 }, as: UTF8.self)
        #expect(page.components(separatedBy: "BODY").count == 2)
        #expect(page.contains("&lt;\u{0}taxo-page-body\u{0}&gt;"))
    }

    /// A file's page is found without splitting its path when every part is safe, and is the page splitting
    /// it gives, for paths of every shape (unsafe bytes, empty parts, parts starting with a dot).
    @Test func filePagesAreThoseSplittingTheirPathsGives() {
        func split(_ p: String) -> String {
            "files/" + p.split(separator: "/").map { SitePaths.safe(String($0)) }.joined(separator: "/") + ".html"
        }
        let paths = [
            "LIBRARIES/Tools/TOL-001.json", "a", "a/b.c/d-e_f.md", ".hidden/x.md", "a/.b", "a//b", "/a", "a/",
            "dir with space/x.md", "café/x.md", "a/b#c.md", "a/b..c", "..", "a/../b", "",
        ]
        for p in paths {
            #expect(SitePaths.file(p) == split(p), "\(p)")
            #expect(SitePaths.isSafePath(p) == (SitePaths.file(p) == "files/" + p + ".html" && !p.isEmpty), "\(p)")
        }
    }

    @Test func theFrameMakesTheTreeItsEncodingMakes() throws {
        for date in [nil, "2026-12-06"] {
            let frame = SitePage(title: "A <b> & 'c'", root: "../", body: HTML("<p>x</p>"), date: date)
            let encoded = try ReportValue.html(frame)
            #expect(frame.templateTree == encoded, "\(TestSupport.difference(frame.templateTree, encoded))")
        }
    }

    /// HTML escaping works on bytes: text around the escaped characters, multi-byte letters too, is kept.
    @Test func htmlEscapingKeepsEveryOtherByte() {
        #expect(HTMLText.escape("é<a href='x'>&\"ü\"</a>") == "é&lt;a href=&#39;x&#39;&gt;&amp;&quot;ü&quot;&lt;/a&gt;")
        #expect(HTMLText.escape("plain — text") == "plain — text")
        #expect(HTMLText.escape("") == "")
    }

    /// The search for bytes to escape reads eight at a time: against a character-by-character escaping of
    /// random texts long enough for whole words, of the five characters, their neighbours in ASCII (one
    /// bit off), letters of several bytes (high bytes) and a byte just above the five in each word position.
    @Test func htmlEscapingEightBytesAtATimeMatchesOneByOne() {
        func plain(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;")
        }
        var rng = SystemRandomNumberGenerator()
        let pieces = [
            "a", "é", "ü", "€", "<", ">", "&", "\"", "'", "!", "#", "%", "(", ";", "=", "?", "\u{6}", " ", "abcdefgh",
        ]
        var texts = ["&", "abcdefg<", "abcdefgh<", "<abcdefgh", "abcdefghijklmnop&", "\u{7F}\u{80}>"]
        for _ in 0..<500 {
            texts.append(
                (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        for t in texts {
            #expect(HTMLText.escape(t) == plain(t), "\(t.debugDescription)")
            let added = t.utf8.withContiguousStorageIfAvailable { HTMLText.added($0, 0, $0.count) }
            #expect(added == plain(t).utf8.count - t.utf8.count)
        }
    }

    /// A file page's listing: one line per line, each after its number linking to itself, escaped, a CR
    /// before the break dropped, against a plain rendering of the same lines (random texts of the bytes that
    /// matter).
    @Test func aListingHasOneEscapedRowPerLine() {
        func plain(_ text: String) -> (String, Int) {
            // Split on the byte (a Character would take CR LF as one).
            var lines = Array(text.utf8).split(separator: 10, omittingEmptySubsequences: false)
            if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
            var out = "<pre class=\"listing\"><code>"
            for (i, l) in lines.enumerated() {
                let t = String(decoding: l.last == 13 ? l.dropLast() : l, as: UTF8.self)
                let n = i + 1
                if i > 0 { out += "\n" }
                out += "<a id=\"L\(n)\" href=\"#L\(n)\">\(n)</a>" + HTMLText.escape(t)
            }
            return (out + "</code></pre>", lines.count)
        }
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "é", "<", ">", "&", "\"", "'", "\n", "\r\n", "\r", " ", "x\ny"]
        var texts = ["", "\n", "one", "one\n", "a\n\nb", "<&>\r\n"]
        for _ in 0..<300 {
            texts.append(
                (0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        for t in texts {
            let (got, n) = FilePage.listing(t)
            let (want, m) = plain(t)
            #expect(got == want, "\(t.debugDescription)")
            #expect(n == m)
        }
    }
}

/// The hierarchy drawing: its edges in one path (one curve per child), a box per node linking to its page,
/// and a tooltip only where a label is cut short.
@Suite struct HierarchySVGTests {
    @Test func edgesAreOnePathAndOnlyCutLabelsHaveTooltips() throws {
        let long = "WRF-001 A workflow whose name is much longer than a box"
        let leaves = (1...3).map {
            HierarchySVG.Node(label: "TSK-00\($0) Task", link: "TSK-00\($0).html", kind: "task", children: [])
        }
        let mid = HierarchySVG.Node(label: "MLS-001 <Milestone>", link: nil, kind: "milestone", children: leaves)
        let root = HierarchySVG.Node(label: long, link: "WRF-001.html", kind: "workflow", children: [mid])
        let svg = try #require(HierarchySVG.svg([root], title: "WRF-001"))
        #expect(svg.components(separatedBy: "<path ").count == 2)
        // One curve from each node to each of its children: 1 + 3.
        let d = try #require(svg.components(separatedBy: "<path d=\"").last?.components(separatedBy: "\"").first)
        #expect(d.split(separator: "M").count == 4 && d.split(separator: "C").count == 5)
        #expect(svg.components(separatedBy: "<rect ").count == 6)
        #expect(svg.components(separatedBy: "<a href=").count == 5)
        // The long label is cut, with the whole in its tooltip; the short ones have none (and are escaped).
        #expect(svg.components(separatedBy: "<title>").count == 2)
        #expect(svg.contains("<title>" + long + "</title>"))
        #expect(svg.contains("MLS-001 &lt;Milestone&gt;</text>"))
        // Boxes column by column, top to bottom: the root, the milestone, then the tasks in order.
        let ys = svg.components(separatedBy: "<rect ").dropFirst().map { r in
            (
                Int(r.components(separatedBy: "x=\"")[1].prefix { $0.isNumber })!,
                Int(r.components(separatedBy: "y=\"")[1].prefix { $0.isNumber })!
            )
        }
        #expect(ys.map(\.0) == [8, 238, 468, 468, 468])
        #expect(ys.dropFirst(2).map(\.1) == [8, 42, 76])
        // Coordinates of every width are written whole.
        #expect(svg.contains("width=\"676\" height=\"118\" viewBox=\"0 0 676 118\""))
    }

    /// A tree of more than `maxNodes` boxes is cut: a note counts the boxes left out, and the drawing is as
    /// wide as the levels it draws.
    @Test func largeTreesAreCutWithANote() throws {
        func leaf(_ n: Int) -> HierarchySVG.Node {
            HierarchySVG.Node(label: "STP-\(n)", link: nil, kind: "step", children: [])
        }
        // The root and 399 leaves are drawn; the 400th child with its two children, and 100 more leaves, are
        // not: 103 nodes.
        let deep = HierarchySVG.Node(label: "TSK-1", link: nil, kind: "task", children: [leaf(1), leaf(2)])
        let root = HierarchySVG.Node(
            label: "WRF-1", link: nil, kind: "workflow",
            children: (1...399).map(leaf) + [deep] + (1...100).map(leaf))
        let svg = try #require(HierarchySVG.svg([root], title: "WRF-1"))
        #expect(svg.components(separatedBy: "<rect ").count == 401)
        #expect(svg.hasSuffix("<p class=\"note\">103 more nodes are not drawn.</p>"))
        // Two levels drawn: 8 + 230 + 200 + 8 wide, not three.
        #expect(svg.contains("width=\"446\""))
        // A tree within the limit has no note.
        let small = try #require(HierarchySVG.svg([deep], title: "TSK-1"))
        #expect(!small.contains("class=\"note\"") && small.contains("width=\"446\""))
    }

    /// A label is cut at 29 characters (not bytes) when it has more than 30, whatever its bytes.
    @Test func labelsAreCutByCharacters() {
        #expect(HierarchySVG.cut(String(repeating: "a", count: 30)) == nil)
        #expect(HierarchySVG.cut(String(repeating: "a", count: 31)) == String(repeating: "a", count: 29) + "…")
        // Two bytes a character: 40 bytes but 20 characters, not cut.
        #expect(HierarchySVG.cut(String(repeating: "é", count: 20)) == nil)
        #expect(HierarchySVG.cut(String(repeating: "é", count: 31)) == String(repeating: "é", count: 29) + "…")
        // `\r\n` is one character of two bytes.
        let crlf = String(repeating: "a\r\n", count: 15)
        #expect(HierarchySVG.cut(crlf) == nil)
        #expect(HierarchySVG.cut(crlf + "ab") == String(crlf.prefix(29)) + "…")
    }
}
