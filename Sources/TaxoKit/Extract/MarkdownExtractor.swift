import Foundation

/// Reads a Markdown file: an entity when it sits where a kind's files live and its header names an
/// ID; otherwise a document whose ID mentions are recorded with their context.
struct MarkdownExtractor {
    let grammar: IDGrammar
    let config: Config
    let names: FieldNames
    let file: SourceFile
    let videoRegex: NSRegularExpression?
    var keepContent = false
    var diagnostics: [Diagnostic] = []

    enum Output {
        case entity(Entity)
        case document(Document)
    }

    mutating func extractWithInfo() -> (Output, MarkdownInfo) {
        let syntax = MarkdownParser.parse(file)
        let info = MarkdownInfo(links: syntax.links.map { l in
            MarkdownLink(destination: l.destination, location: locate(l.destination, from: l.line), isImage: l.isImage)
        }, headings: syntax.headings.map(\.text))
        diagnostics += TableCellCount.check(file, skip: syntax.nonProseLines(count: file.lines.lineCount))
        file.bytes.withUnsafeBufferPointer { b in
            for (off, text) in DoubledSegment.find(b) { diagnostics.append(DoubledSegment.diagnostic(text, at: file.location(off))) }
        }
        return (extract(syntax: syntax), info)
    }

    mutating func extract(syntax: MarkdownSyntax) -> Output {
        var frontMatter: Node?
        if let fm = syntax.frontMatter, let simple = SimpleYAML.parse(file, firstLine: fm.firstLine, lastLine: fm.lastLine) {
            frontMatter = simple
        } else if let fm = syntax.frontMatter {
            switch YAMLReader.parse(fm.text, lines: file.lines, lineOffset: fm.firstLine - 1) {
            case .success(let n): frontMatter = n
            case .failure(let f):
                diagnostics.append(MalformedFile.diagnostic(format: "YAML front matter", message: f.message, hint: nil,
                                                            at: file.location(line: f.line, column: f.column)))
            }
        }
        let fields = HeaderFields.extract(file, syntax: syntax, frontMatter: frontMatter)
        let tokens = scanTokens()
        if let kindIndex = config.kindIndex(forPath: file.path),
           let e = entity(kindIndex: kindIndex, fields: fields, syntax: syntax, tokens: tokens) {
            return .entity(e)
        }
        return .document(document(fields: fields, syntax: syntax, tokens: tokens))
    }

    func scanTokens() -> [(IDToken, Int, Int)] {
        var out: [(IDToken, Int, Int)] = []
        file.bytes.withUnsafeBufferPointer { buf in
            grammar.scan(buf) { out.append(($0, $1, $2)) }
            out = grammar.withRanges(out, in: buf)
        }
        return out
    }

    /// The line of a token, its byte range, and the label written after the token.
    func lineLabel(start: Int, end: Int) -> (line: Int, range: Range<Int>, label: String?) {
        let li = file.lines.lineIndex(of: start)
        let ls = file.lines.lineStarts[li]
        var le = li + 1 < file.lines.lineCount ? file.lines.lineStarts[li + 1] - 1 : file.bytes.count
        if le > ls, file.bytes[le - 1] == 13 { le -= 1 }
        return (li + 1, ls..<le, Labels.after(file.bytes[ls..<le], start: start - ls, end: end - ls))
    }

    func text(_ r: Range<Int>) -> String {
        String(decoding: file.bytes[r], as: UTF8.self).trimmingSpaces()
    }

    static let proposalWords: [[UInt8]] = ["propos", "suggested", "new_id", "placeholder"].map { Array($0.utf8) }

    mutating func entity(kindIndex: Int, fields: [HeaderField], syntax: MarkdownSyntax, tokens: [(IDToken, Int, Int)]) -> Entity? {
        var idField: HeaderField?
        for nk in names.idFields[kindIndex] {
            if let f = fields.first(where: { $0.normalizedKey == nk }) { idField = f; break }
        }
        guard let idf = idField else { return nil }
        let loc = file.location(idf.offset)
        let own = OwnID(raw: idf.value, kindIndex: kindIndex, grammar: grammar, file: file.path, at: loc)
        diagnostics += own.diagnostics
        let parsed = own.id
        var name: String?
        for nk in names.nameFields[kindIndex] {
            if let f = fields.first(where: { $0.normalizedKey == nk }), !f.value.isEmpty { name = f.value; break }
        }
        if name == nil, let h1 = syntax.headings.first(where: { $0.level == 1 }) {
            var t = h1.text
            if let p = parsed, let r = t.range(of: p.written) { t.removeSubrange(r) }
            name = Labels.clean(String(t.drop { $0 == ":" || $0 == " " || $0 == "-" }))
        }
        // Which lines hold typed header fields.
        var typedLines: [Int: Int] = [:]
        for (li, link) in config.kinds[kindIndex].links.enumerated() {
            guard let key = link.path.firstKey else { continue }
            for f in fields where f.normalizedKey == key { typedLines[f.line] = li }
        }
        var fieldByLine: [Int: String] = [:]
        for f in fields { fieldByLine[f.line] = f.key }
        var refs: [Reference] = []
        for (tok, start, end) in tokens {
            let at = file.location(start)
            switch tok {
            case .id(let p):
                if p.key == parsed?.key || start == idf.offset || own.legacyKeys.contains(p.key) { continue }
                let ll = lineLabel(start: start, end: end)
                refs.append(Reference(field: fieldByLine[ll.line] ?? "body", raw: text(ll.range), id: p,
                                      label: ll.label, location: at, linkIndex: typedLines[ll.line]))
            case .unknownPrefix(let text, let prefix, let sugg):
                diagnostics.append(UnknownPrefix.diagnostic(token: text, prefix: prefix, suggestions: sugg, at: at))
            case .placeholder:
                break
            }
        }
        let dept = fields.first { $0.normalizedKey == "department" }?.value
        var e = Entity(kind: kindIndex, id: parsed, rawID: idf.value, name: name, file: file.path, location: loc,
                       department: dept, idField: idf.key, soleRecordInFile: !own.fromFilename, references: refs,
                       legacyKeys: own.legacyKeys)
        e.description = fields.first { f in RecordExtractor.descriptionFields.contains { FieldKey.matches(f.key, normalized: $0) } }?.value
        if let re = videoRegex {
            e.videos = Array(Set(fields.filter { names.videoKeys.contains($0.normalizedKey) }.flatMap { VideoIDs.find(in: $0.value, re) })).sorted()
        }
        if keepContent {
            var w = JSONWriter(pretty: false)
            w.beginObject()
            for f in fields { w.string(f.key, f.value) }
            w.endObject()
            e.record = w.out
        }
        return e
    }

    mutating func document(fields: [HeaderField], syntax: MarkdownSyntax, tokens: [(IDToken, Int, Int)]) -> Document {
        let type = config.documentType(forPath: file.path)
        var fieldMap: [String: String] = [:]
        for f in fields where fieldMap[f.key] == nil { fieldMap[f.key] = f.value }
        let title = fields.first { $0.normalizedKey == "title" }?.value ?? syntax.headings.first { $0.level == 1 }?.text
        var video: String?
        if let re = videoRegex {
            let name = (file.path as NSString).lastPathComponent
            if let m = re.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)), let r = Range(m.range, in: name) {
                video = String(name[r])
            } else if let v = fields.first(where: { $0.normalizedKey == "videoid" || $0.normalizedKey == "sourceid" })?.value,
                      let m = re.firstMatch(in: v, range: NSRange(v.startIndex..., in: v)), let r = Range(m.range, in: v) {
                video = String(v[r])
            }
        }
        var scopeStart = Int.max
        if let sh = type?.scopeHeading?.uppercased(), let h = syntax.headings.first(where: { $0.text.uppercased().contains(sh) }) {
            scopeStart = h.line
        }
        // Code blocks that are proposal lists (a CSV of New_ID rows).
        var proposalLines = Set<Int>()
        for c in syntax.codeBlocks {
            let head = c.literal.prefix(200).lowercased()
            if head.hasPrefix("new_id") || head.hasPrefix("new id") || ByteSearch.containsIgnoringCase(c.info, "propos") {
                for l in c.startLine...max(c.startLine, c.endLine) { proposalLines.insert(l) }
            }
        }
        var mentions: [Mention] = []
        var proposalCache: [Int: Bool] = [:]
        var hi = 0
        let headings = syntax.headings.sorted { $0.line < $1.line }
        for (tok, start, end) in tokens {
            let at = file.location(start)
            switch tok {
            case .id(let p):
                let ll = lineLabel(start: start, end: end)
                while hi < headings.count, headings[hi].line <= ll.line { hi += 1 }
                let heading = hi > 0 ? headings[hi - 1].text : nil
                let proposal: Bool
                if let cached = proposalCache[ll.line] { proposal = cached } else {
                    proposal = proposalLines.contains(ll.line) || MarkdownExtractor.proposalWords.contains {
                        ByteSearch.containsIgnoringCase(bytes: file.bytes[ll.range], $0)
                    }
                    proposalCache[ll.line] = proposal
                }
                // 240 characters at most (a line of 240 bytes or fewer has no more: no need to count them).
                let line = text(ll.range)
                let context = line.utf8.count <= 240 ? line : String(line.prefix(240))
                mentions.append(Mention(id: p, location: at, label: ll.label, heading: heading, context: context,
                                        isProposal: proposal,
                                        declaresScope: ll.line > scopeStart && grammar.kinds[p.kind].scoped))
            case .unknownPrefix(let text, let prefix, let sugg):
                if type?.checkMentions ?? true {
                    diagnostics.append(UnknownPrefix.diagnostic(token: text, prefix: prefix, suggestions: sugg, at: at))
                }
            case .placeholder:
                break
            }
        }
        return Document(path: file.path, type: type?.name, title: title, video: video, fields: fieldMap,
                        headings: syntax.headings, mentions: mentions, checkMentions: type?.checkMentions ?? true,
                        text: keepContent ? file.text : nil)
    }

    /// The exact position of a link destination, searched from the line its block starts on.
    func locate(_ destination: String, from line: Int) -> SourceLocation {
        guard !destination.isEmpty else { return file.location(line: line) }
        let needle = Array(destination.utf8)
        let start = file.lines.lineStarts[max(0, min(line, file.lines.lineCount) - 1)]
        let found: Int? = file.bytes.withUnsafeBufferPointer { ByteSearch.find(needle, in: $0, from: start) }
        return found.map { file.location($0) } ?? file.location(line: line)
    }
}
