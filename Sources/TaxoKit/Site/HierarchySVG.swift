/// A hierarchy (workflow -> milestones -> tasks -> steps) drawn as inline SVG, laid out by taxo itself:
/// one column per level, each leaf on its own row, a parent centred on its children, boxes linking to the
/// entities' pages. No external tool, so the drawing never depends on what is installed.
struct HierarchySVG {
    /// A class: a drawing's columns and every drawing above it hold the node with one retain, not a copy of
    /// its six strings and arrays.
    final class Node: Encodable, Sendable {
        let label: String
        let link: String?
        let kind: String
        let children: [Node]
        /// The box's markup around its coordinates, escaped once when the node is made (a page drawing it,
        /// and every page drawing an entity above it, only adds the numbers): up to its `x`, and from after
        /// its text's `y` to its end.
        let head: [UInt8], tail: [UInt8]

        init(label: String, link: String?, kind: String, children: [Node]) {
            self.label = label
            self.link = link
            self.kind = kind
            self.children = children
            var h: [UInt8] = [], t: [UInt8] = []
            if let link { h += "<a href=\"".utf8; HTMLText.append(link, to: &h); h += "\">".utf8 }
            h += "<rect class=\"k-".utf8; HTMLText.append(SitePaths.safe(kind), to: &h); h += "\" x=\"".utf8
            t += "\">".utf8
            // A label cut short keeps the whole as its tooltip.
            if let short = HierarchySVG.cut(label) {
                t += "<title>".utf8; HTMLText.append(label, to: &t); t += "</title>".utf8
                HTMLText.append(short, to: &t)
            } else {
                HTMLText.append(label, to: &t)
            }
            t += "</text>".utf8
            if link != nil { t += "</a>".utf8 }
            head = h
            tail = t
        }

        enum CodingKeys: String, CodingKey { case label, link, kind, children }
    }

    /// A drawing of some roots, laid out only when a page is rendered: a page's print (`PrintEncoder`)
    /// takes the nodes it is drawn from instead of the SVG (laying out and hashing every entity's SVG only to
    /// print its page: without it, an incremental `taxo site` at 10k went from 591 to 492 ms).
    struct Drawing: Encodable {
        let roots: [Node]
        let title: String

        /// A drawing, or nil for no roots (nothing to draw).
        init?(_ roots: [Node], title: String) {
            guard !roots.isEmpty else { return nil }
            self.roots = roots
            self.title = title
        }

        func encode(to encoder: any Encoder) throws {
            if encoder.userInfo[PrintEncoder.printing] != nil {
                var c = encoder.unkeyedContainer()
                try c.encode(title)
                try c.encode(roots)
            } else {
                var c = encoder.singleValueContainer()
                try c.encode(HTML(svg))
            }
        }

        /// The drawing's SVG markup.
        var svg: String { HierarchySVG.svg(roots, title: title) ?? "" }
    }

    static let columnWidth = 230, boxWidth = 200, rowHeight = 34, boxHeight = 26, margin = 8
    /// Larger trees are cut (a note says how many nodes were left out).
    static let maxNodes = 400

    /// A label of more than 30 characters cut to its first 29 and `…`; nil for a shorter one. An ASCII
    /// label without `\r` (a byte per character: most) is measured in bytes, not a character at a time.
    static func cut(_ label: String) -> String? {
        guard label.utf8.count > 30 else { return nil }
        if label.utf8.allSatisfy({ $0 < 0x80 && $0 != 13 }) {
            return String(decoding: label.utf8.prefix(29), as: UTF8.self) + "…"
        }
        return label.count > 30 ? String(label.prefix(29)) + "…" : nil
    }

    /// The SVG markup, or nil for no roots.
    static func svg(_ roots: [Node], title: String) -> String? {
        guard !roots.isEmpty else { return nil }
        var layout = Layout()
        for r in roots { _ = layout.place(r, depth: 0) }
        var out = SVGBytes()
        out.write(layout, title: title)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// How many nodes a subtree holds (itself included).
    static func size(_ n: Node) -> Int { n.children.reduce(1) { $0 + size($1) } }

    /// Boxes by column and the edges between them. Within a column, boxes are placed top to bottom (a
    /// subtree's rows follow the one before it), so the columns are the boxes in drawing order with no sort.
    /// A struct with mutating methods, not functions capturing local variables (whose every use the runtime
    /// checked for exclusive access).
    struct Layout {
        var columns: [[(y: Int, node: Node)]] = []
        var edges: [(x1: Int, y1: Int, x2: Int, y2: Int)] = []
        var nextRow = 0, drawn = 0, omitted = 0

        /// Places a node and its subtree; returns the node's y in pixels.
        mutating func place(_ n: Node, depth: Int) -> Int {
            drawn += 1
            let x = margin + depth * columnWidth
            var childYs: [Int] = []
            for c in n.children {
                if drawn >= maxNodes { omitted += HierarchySVG.size(c); continue }
                childYs.append(place(c, depth: depth + 1))
            }
            let y: Int
            if let first = childYs.first, let last = childYs.last {
                y = (first + last) / 2
            } else {
                y = margin + nextRow * rowHeight
                nextRow += 1
            }
            for cy in childYs {
                edges.append((x + boxWidth, y + boxHeight / 2, x + columnWidth, cy + boxHeight / 2))
            }
            while columns.count <= depth { columns.append([]) }
            columns[depth].append((y, n))
            return y
        }
    }

    /// The markup written as bytes (every entity page with children draws one).
    struct SVGBytes {
        var bytes: [UInt8] = []

        mutating func put(_ s: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        }

        mutating func put(_ n: Int) { DecimalBytes.append(n, to: &bytes) }

        mutating func write(_ layout: Layout, title: String) {
            // As wide as the columns drawn (a tree cut at `maxNodes` leaves no room for levels not drawn).
            let width = margin * 2 + (layout.columns.count - 1) * columnWidth + boxWidth
            let height = margin * 2 + max(1, layout.nextRow) * rowHeight
            bytes.reserveCapacity(200 + layout.edges.count * 60 + layout.drawn * 300)
            put("<svg class=\"tree\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
            put(width); put("\" height=\""); put(height); put("\" viewBox=\"0 0 "); put(width); put(" "); put(height)
            put("\" role=\"img\" aria-label=\""); HTMLText.append(title, to: &bytes); put("\">")
            // Every edge in one path (an element per edge cost 12 bytes an edge).
            if !layout.edges.isEmpty {
                put("<path d=\"")
                for (k, e) in layout.edges.enumerated() {
                    let mid = (e.x1 + e.x2) / 2
                    if k > 0 { put(" ") }
                    put("M"); put(e.x1); put(","); put(e.y1); put(" C"); put(mid); put(","); put(e.y1); put(" ")
                    put(mid); put(","); put(e.y2); put(" "); put(e.x2); put(","); put(e.y2)
                }
                put("\"/>")
            }
            for (depth, column) in layout.columns.enumerated() {
                let x = margin + depth * columnWidth
                for (y, node) in column {
                    bytes.append(contentsOf: node.head)
                    put(x); put("\" y=\""); put(y); put("\" width=\""); put(boxWidth); put("\" height=\"")
                    put(boxHeight); put("\" rx=\"4\"/><text x=\""); put(x + 8); put("\" y=\""); put(y + 17)
                    bytes.append(contentsOf: node.tail)
                }
            }
            put("</svg>")
            if layout.omitted > 0 {
                put("<p class=\"note\">"); put(layout.omitted); put(" more nodes are not drawn.</p>")
            }
        }
    }
}
