import CCmark

/// The block structure of a Markdown file, read through libcmark with source positions and turned
/// into Swift values at once (the C tree is freed before returning).
public struct MarkdownSyntax: Sendable {
    /// A fenced or indented code block.
    public struct CodeBlock: Sendable {
        public var info: String
        public var startLine: Int
        public var endLine: Int
        public var literal: String
    }

    /// YAML front matter between `---` lines.
    public struct FrontMatter: Sendable {
        public var text: String
        /// 1-based line of the first YAML line (after the opening `---`).
        public var firstLine: Int
        public var lastLine: Int
    }

    public var headings: [Heading] = []
    public var codeBlocks: [CodeBlock] = []
    /// Links and images in document order, with where cmark places their `[` (its column may be off by a
    /// container's indentation: a start to look for the destination from, not its place).
    public var links: [(destination: String, line: Int, column: Int, isImage: Bool)] = []
    /// Top-level lists: first and last line.
    public var lists: [(startLine: Int, endLine: Int)] = []
    public var frontMatter: FrontMatter?

    /// Lines (1-based) inside fenced or indented code blocks.
    public func codeLines(count: Int) -> [Bool] {
        var out = [Bool](repeating: false, count: count + 2)
        // (cmark's lines are the line table's; the bounds are clamped all the same.)
        for c in codeBlocks {
            let a = max(1, c.startLine), z = min(max(c.startLine, c.endLine), count)
            if a <= z { for l in a...z { out[l] = true } }
        }
        return out
    }

    /// Lines (1-based) that are inside fenced or indented code blocks or front matter.
    public func nonProseLines(count: Int) -> [Bool] {
        var out = codeLines(count: count)
        if let fm = frontMatter {
            let a = max(1, fm.firstLine - 1), z = min(fm.lastLine + 1, count)
            if a <= z { for l in a...z { out[l] = true } }
        }
        return out
    }
}

/// Parses Markdown with cmark into what extraction needs.
public enum MarkdownParser {
    /// The headings, code blocks, links, lists and front matter of a file.
    public static func parse(_ file: SourceFile) -> MarkdownSyntax {
        var syntax = MarkdownSyntax()
        var bytes = file.bytes
        if let fm = frontMatter(file) {
            syntax.frontMatter = fm
            // Blank the front matter so cmark sees the body with unchanged line numbers.
            let start = file.lines.lineStarts[fm.firstLine - 2]
            let endLine = min(fm.lastLine + 1, file.lines.lineCount)
            let end = endLine < file.lines.lineCount ? file.lines.lineStarts[endLine] : bytes.count
            for i in start..<end where bytes[i] != 10 { bytes[i] = 32 }
        }
        let doc: OpaquePointer? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    cmark_parse_document($0, buf.count, CMARK_OPT_DEFAULT)
                }
            } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
        }
        guard let doc else { return syntax }
        defer { cmark_node_free(doc) }
        let iter = cmark_iter_new(doc)
        defer { cmark_iter_free(iter) }
        var lastBlockLine = 1
        while true {
            let ev = cmark_iter_next(iter)
            if ev == CMARK_EVENT_DONE { break }
            guard ev == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            let line = Int(cmark_node_get_start_line(node))
            if line > 0 { lastBlockLine = line }
            switch type {
            case CMARK_NODE_HEADING:
                syntax.headings.append(
                    Heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(node), line: line))
            case CMARK_NODE_CODE_BLOCK:
                let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                syntax.codeBlocks.append(
                    MarkdownSyntax.CodeBlock(
                        info: info, startLine: line,
                        endLine: Int(cmark_node_get_end_line(node)), literal: literal))
            case CMARK_NODE_LIST:
                let end = Int(cmark_node_get_end_line(node))
                if syntax.lists.last.map({ line > $0.endLine }) ?? true { syntax.lists.append((line, max(line, end))) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                syntax.links.append(
                    (
                        url, lastBlockLine, line > 0 ? Int(cmark_node_get_start_column(node)) : 0,
                        type == CMARK_NODE_IMAGE
                    ))
            default:
                break
            }
        }
        return syntax
    }

    static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            let t = cmark_node_get_type(c)
            if t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE {
                if let l = cmark_node_get_literal(c) { out += String(cString: l) }
            } else if t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK {
                out += " "
            } else {
                out += plainText(c)
            }
            child = cmark_node_next(c)
        }
        return out
    }

    /// YAML front matter: a first line `---`, then YAML, then a line `---` or `...`.
    static func frontMatter(_ file: SourceFile) -> MarkdownSyntax.FrontMatter? {
        guard file.lines.lineText(1).trimmingSpaces() == "---" else { return nil }
        var l = 2
        var yaml: [Substring] = []
        while l <= file.lines.lineCount {
            let t = file.lines.lineText(l)
            let tt = t.trimmingSpaces()
            if tt == "---" || tt == "..." {
                return MarkdownSyntax.FrontMatter(text: yaml.joined(separator: "\n"), firstLine: 2, lastLine: l - 1)
            }
            yaml.append(t)
            l += 1
            if l > 400 { return nil }
        }
        return nil
    }
}
