import Foundation

/// Reads a Markdown file: an entity when it sits where a kind's files live and its header names an
/// ID; otherwise a document whose ID mentions are recorded with their context.
struct MarkdownExtractor {
    let grammar: IDGrammar
    let config: Config
    let names: FieldNames
    let file: SourceFile
    /// The kind whose globs take the file (nil for none): an entity file when its header names an ID.
    let kindIndex: Int?
    let videoRegex: NSRegularExpression?
    var keepContent = false
    var diagnostics: [Diagnostic] = []
    /// Tokens with a prefix no kind declares (judged over the whole library by `UnknownPrefix`).
    var unknownPrefixes: [PrefixUse] = []
    /// The file's `taxo-ignore` comments.
    var suppressions: [Suppression] = []
    /// No kind's globs take the file, yet it declares its own ID (TAX0109): an entity that resolves references
    /// and is not checked.
    var unclaimed = false

    enum Output {
        case entity(Entity)
        case document(Document)
    }

    mutating func extractWithInfo() -> (Output, MarkdownInfo) {
        let syntax = MarkdownParser.parse(file)
        // Links come in document order: one after another on a line is looked for after the one before (two
        // links to one file on a line are two places).
        var cursor: (line: Int, end: Int)?
        let info = MarkdownInfo(
            links: syntax.links.map { l in
                var written = l.destination
                var backslashed: String?
                if l.destination.utf8.contains(92), let w = backslashedDestination(l.destination, from: l.line) {
                    written = w
                    backslashed = w
                }
                let offset = locateOffset(
                    written, line: l.line, column: l.column, after: cursor?.line == l.line ? cursor?.end : nil)
                if let offset { cursor = (l.line, offset + written.utf8.count) }
                let location = offset.map { file.location($0) } ?? file.location(line: l.line)
                guard let backslashed else {
                    return MarkdownLink(destination: l.destination, location: location, isImage: l.isImage)
                }
                // A drive letter or a network share (`C:\Docs\a.md`, `\\server\a.md`): an absolute path, as
                // written.
                if backslashed.hasPrefix("\\\\") || backslashed.split(separator: "\\").first?.contains(":") == true {
                    return MarkdownLink(destination: backslashed, location: location, isImage: l.isImage)
                }
                return MarkdownLink(
                    destination: backslashed.replacingAll("\\", with: "/"), location: location, isImage: l.isImage,
                    backslashed: backslashed)
            }, headings: syntax.headings.map(\.text))
        diagnostics += TableCellCount.check(file, skip: syntax.nonProseLines(count: file.lines.lineCount))
        if ByteSearch.containsIgnoringCase(bytes: file.bytes[...], SuppressionComments.marker) {
            suppressions = SuppressionComments.scan(file, codeLines: syntax.codeLines(count: file.lines.lineCount))
        }
        file.bytes.withUnsafeBufferPointer { b in
            for (off, text) in DoubledSegment.find(b) {
                diagnostics.append(DoubledSegment.diagnostic(text, at: file.location(off)))
            }
        }
        return (extract(syntax: syntax), info)
    }

    mutating func extract(syntax: MarkdownSyntax) -> Output {
        var frontMatter: Node?
        if let fm = syntax.frontMatter,
            let simple = SimpleYAML.parse(file, firstLine: fm.firstLine, lastLine: fm.lastLine)
        {
            frontMatter = simple
        } else if let fm = syntax.frontMatter {
            switch YAMLReader.parse(fm.text, lines: file.lines, lineOffset: fm.firstLine - 1) {
            case .success(let n): frontMatter = n
            case .failure(let f):
                diagnostics.append(
                    MalformedFile.diagnostic(
                        format: "YAML front matter", message: f.message, hint: nil,
                        at: file.location(line: f.line, column: f.column)))
            }
        }
        let fields = HeaderFields.extract(file, syntax: syntax, frontMatter: frontMatter)
        let tokens = scanTokens()
        // A file that a document type matches is a document, never an entity.
        if let kindIndex, config.documentType(forPath: file.path) == nil,
            let e = entity(
                kindIndex: kindIndex, fields: fields, syntax: syntax, tokens: tokens, frontMatter: frontMatter)
        {
            return .entity(e)
        }
        if kindIndex == nil, config.documentType(forPath: file.path) == nil, !config.looksArchived(file.path),
            let k = unclaimedKind(fields: fields, syntax: syntax),
            let e = entity(kindIndex: k, fields: fields, syntax: syntax, tokens: tokens, frontMatter: frontMatter)
        {
            unclaimed = true
            return .entity(e)
        }
        return .document(document(fields: fields, syntax: syntax, tokens: tokens))
    }

    /// The ID tokens of the file, with the range each belongs to.
    func scanTokens() -> (tokens: [(IDToken, Int, Int)], ranges: [String?]) {
        var out: [(IDToken, Int, Int)] = []
        var ranges: [String?] = []
        file.bytes.withUnsafeBufferPointer { buf in
            grammar.scan(buf) { out.append(($0, $1, $2)) }
            (out, ranges) = grammar.withRanges(out, in: buf)
        }
        return (out, ranges)
    }

    /// The line of a token, its byte range, and the label written after the token.
    func lineLabel(start: Int, end: Int) -> (line: Int, range: Range<Int>, label: String?) {
        let li = file.lines.lineIndex(of: start)
        let r = file.lines.range(ofLine: li + 1)
        return (li + 1, r, Labels.after(file.bytes[r], start: start - r.lowerBound, end: end - r.lowerBound))
    }

    func text(_ r: Range<Int>) -> String {
        String(decoding: file.bytes[r], as: UTF8.self).trimmingSpaces()
    }

    mutating func entity(
        kindIndex: Int, fields: [HeaderField], syntax: MarkdownSyntax,
        tokens: (tokens: [(IDToken, Int, Int)], ranges: [String?]), frontMatter: Node? = nil
    ) -> Entity? {
        var idField: HeaderField?
        for nk in names.idFields[kindIndex] {
            if let f = fields.first(where: { $0.normalizedKey == nk }) { idField = f; break }
        }
        let own: OwnID
        let loc: SourceLocation
        let idOffset: Int
        let rawID: String
        if let idf = idField {
            loc = file.location(idf.offset)
            own = OwnID(raw: idf.value, kindIndex: kindIndex, grammar: grammar, file: file.path, at: loc)
            (idOffset, rawID) = (idf.offset, idf.value)
        } else if config.kinds[kindIndex].idFromFilename,
            let named = OwnID.filenameID(file.path, kindIndex: kindIndex, grammar: grammar)
        {
            // No ID header: the file name names the entity (`PMT-004_Video_Transcription.md`).
            loc = file.location(line: 1)
            own = OwnID(filename: named)
            (idOffset, rawID) = (-1, named.written)
        } else {
            return nil
        }
        diagnostics += own.diagnostics
        if let u = own.unknownPrefix { unknownPrefixes.append(u) }
        let parsed = own.id
        var name: String?
        for nk in names.nameFields[kindIndex] {
            if let f = fields.first(where: { $0.normalizedKey == nk }), !f.value.isEmpty { name = f.value; break }
        }
        var headingNamesKindOnly = false
        if name == nil, let h1 = syntax.headings.first(where: { $0.level == 1 }) {
            var t = h1.text
            let written = parsed?.written ?? rawID
            if !written.isEmpty, let r = t.range(of: written) { t.removeSubrange(r) }
            name = Labels.clean(String(t.drop { $0 == ":" || $0 == " " || $0 == "-" }))
            headingNamesKindOnly = name.map { Self.namesKindOnly($0, kind: config.kinds[kindIndex].name) } ?? true
        }
        let children = declaredChildren(kindIndex: kindIndex, syntax: syntax, own: parsed)
        var refs = references(
            kindIndex: kindIndex, fields: fields, syntax: syntax, tokens: tokens, own: own, idOffset: idOffset)
        for i in refs.indices where children.contains(refs[i].id.key) { refs[i].declaredHere = true }
        var e = Entity(
            kind: kindIndex, id: parsed, rawID: rawID, name: name, file: file.path, location: loc,
            department: fields.first { $0.normalizedKey == "department" }?.value,
            idField: idField?.key ?? "file name", soleRecordInFile: !own.fromFilename, references: refs,
            legacyKeys: own.legacyKeys)
        e.inlineChildren = children.count
        describe(&e, fields: fields)
        // `# Step Template: DESIGN-001-01` names the kind, not the step: a one-line description names it, or
        // nothing does (a name every step template shares would match them all in every document).
        if headingNamesKindOnly {
            e.name = e.description.flatMap { $0.contains("\n") ? nil : Labels.clean($0) }.flatMap {
                $0.count <= 100 ? $0 : nil
            }
        }
        if let schema = config.kinds[kindIndex].schema {
            var check = RecordSchemaCheck(schema: schema, kind: config.kinds[kindIndex], file: file, id: rawID)
            check.textual = true
            // Front matter keeps its values (lists stay lists); bold header lines and table rows are text.
            let yaml = frontMatter?.members ?? []
            let fromYAML = Set(yaml.map(\.node.offset))
            let lines = fields.filter { !fromYAML.contains($0.offset) }.map {
                Member(key: $0.key, keyOffset: keyOffset($0), node: Node(.string($0.value), at: $0.offset))
            }
            diagnostics += check.check(Node(.object(yaml + lines), at: 0), missingAt: loc)
        }
        return e
    }

    /// The children a Markdown entity declares in its own headings: a heading that starts (after its
    /// numbering) with an ID of a kind below the entity's in the hierarchy, then a name (`### MLT-VID-001:
    /// Transcription` in a workflow, `## TSK-004 – Define scopes` in a milestone).
    func declaredChildren(kindIndex: Int, syntax: MarkdownSyntax, own: ParsedID?) -> Set<String> {
        let chain = config.hierarchyKinds
        guard let at = chain.firstIndex(of: kindIndex), at + 1 < chain.count else { return [] }
        let below = Set(chain[(at + 1)...])
        let numbering = Set("0123456789.)# ".utf8)
        var out = Set<String>()
        for h in syntax.headings where h.level >= 2 {
            let bytes = Array(h.text.utf8)
            var first: (id: ParsedID, start: Int, end: Int)?
            bytes.withUnsafeBufferPointer { b in
                grammar.scan(b, typos: false) { tok, a, z in
                    if first == nil, case .id(let p) = tok { first = (p, a, z) }
                }
            }
            guard let f = first, below.contains(f.id.kind), f.id.key != own?.key,
                bytes[..<f.start].allSatisfy({ numbering.contains($0) })
            else { continue }
            let rest = String(decoding: bytes[f.end...], as: UTF8.self).drop { ":-–—| ".contains($0) }
            if rest.contains(where: \.isLetter) { out.insert(f.id.key) }
        }
        return out
    }

    /// The references of a Markdown entity: every ID written in it but its own (the field a line holds
    /// names the reference; in kinds without free-text references, only header lines count).
    mutating func references(
        kindIndex: Int, fields: [HeaderField], syntax: MarkdownSyntax,
        tokens: (tokens: [(IDToken, Int, Int)], ranges: [String?]), own: OwnID, idOffset: Int
    ) -> [Reference] {
        let parsed = own.id
        // Which lines hold typed header fields.
        var typedLines: [Int: Int] = [:]
        for (li, link) in config.kinds[kindIndex].links.enumerated() {
            guard let key = link.path.firstKey else { continue }
            for f in fields where f.normalizedKey == key { typedLines[f.line] = li }
        }
        // A field's key and where its value starts: an ID written in the key itself (`- **PMT-070**: Daily
        // Reports`) is a list of entities, not a field named after the ID.
        var fieldByLine: [Int: (key: String, valueAt: Int)] = [:]
        for f in fields { fieldByLine[f.line] = (f.key, f.offset) }
        var refs: [Reference] = []
        var lineText: (line: Int, text: String)?
        let code = syntax.codeLines(count: file.lines.lineCount)
        for (ti, (tok, start, end)) in tokens.tokens.enumerated() {
            let at = file.location(start)
            switch tok {
            case .id(let p):
                if p.key == parsed?.key || start == idOffset || own.legacyKeys.contains(p.key) { continue }
                let ll = lineLabel(start: start, end: end)
                if !config.kinds[kindIndex].freeTextReferences, fieldByLine[ll.line] == nil { continue }
                // One String per line, however many IDs it holds.
                if lineText?.line != ll.line { lineText = (ll.line, text(ll.range)) }
                let inField = fieldByLine[ll.line].flatMap { start >= $0.valueAt ? $0.key : nil }
                var r = Reference(
                    field: inField ?? "body", raw: lineText!.text, id: p,
                    label: tokens.ranges[ti] == nil ? ll.label : nil, location: at, linkIndex: typedLines[ll.line])
                r.range = tokens.ranges[ti]
                r.inCode = ll.line < code.count && code[ll.line]
                refs.append(r)
            case .unknownPrefix(let text, let prefix, let sugg):
                unknownPrefixes.append(PrefixUse(token: text, prefix: prefix, suggestions: sugg, location: at))
            case .placeholder:
                break
            }
        }
        // Header fields named after a kind, or typed links, may name their targets (`**Tools Used:** Zapier`).
        for f in fields {
            let link = typedLines[f.line]
            guard
                let target = link.map({ names.linkNameTargets[kindIndex][$0] })
                    ?? names.namedKind(key: f.key, hash: FieldKey.hash(f.key), in: kindIndex)
            else { continue }
            refs += NameParts.references(
                in: f.value, at: f.offset, path: [.key(f.key)], kind: target, link: link, idSpans: nil,
                grammar: grammar, file: file)
        }
        return refs
    }

    /// Where a header field's key is written on its line (its value's offset when the key is not found there).
    func keyOffset(_ f: HeaderField) -> Int {
        guard f.line >= 1, f.line <= file.lines.lineCount else { return f.offset }
        let start = file.lines.lineStarts[f.line - 1]
        let key = Array(f.key.utf8)
        guard !key.isEmpty, f.offset > start else { return f.offset }
        var i = start
        while i + key.count <= f.offset {
            if file.bytes[i] == key[0], Array(file.bytes[i..<i + key.count]) == key { return i }
            i += 1
        }
        return f.offset
    }

    /// Whether a heading's text, its ID taken out, only names the kind (`Step Template:`, `Task`).
    static func namesKindOnly(_ text: String, kind: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }
        let generic = Set(kind.lowercased().split { !$0.isLetter } + ["template", "templates", "record", "entry"])
        return words.allSatisfy { generic.contains($0) }
    }

    /// An entity's status, description, videos and (for the index) record, from its header fields.
    func describe(_ e: inout Entity, fields: [HeaderField]) {
        e.status = fields.first { $0.normalizedKey == "status" }?.value
        e.description =
            fields.first { f in RecordExtractor.descriptionFields.contains { FieldKey.matches(f.key, normalized: $0) }
            }?.value
        if let re = videoRegex {
            e.videos = Array(
                Set(
                    fields.filter { names.videoKeys.contains($0.normalizedKey) }.flatMap {
                        VideoIDs.find(in: $0.value, re)
                    })
            ).sorted()
        }
        if keepContent {
            var w = JSONWriter(pretty: false)
            w.beginObject()
            for f in fields { w.string(f.key, f.value) }
            w.endObject()
            e.record = w.out
        }
    }

    mutating func document(
        fields: [HeaderField], syntax: MarkdownSyntax,
        tokens: (tokens: [(IDToken, Int, Int)], ranges: [String?])
    ) -> Document {
        let type = config.documentType(forPath: file.path)
        var fieldMap: [String: String] = [:]
        for f in fields where fieldMap[f.key] == nil { fieldMap[f.key] = f.value }
        let title = fields.first { $0.normalizedKey == "title" }?.value ?? syntax.headings.first { $0.level == 1 }?.text
        let video = self.video(fields: fields)
        var scopeStart = Int.max
        if let sh = type?.scopeHeading?.uppercased(),
            let h = syntax.headings.first(where: { $0.text.uppercased().contains(sh) })
        {
            scopeStart = h.line
        }
        let mentions = self.mentions(type: type, fields: fields, syntax: syntax, tokens: tokens, scopeStart: scopeStart)
        return Document(
            path: file.path, type: type?.name, title: title, video: video, fields: fieldMap,
            headings: syntax.headings, mentions: mentions, checkMentions: type?.checkMentions ?? true,
            text: keepContent ? file.text : nil, syntax: keepContent ? syntax : nil)
    }

    /// The video a document belongs to: named in its file name, else in a `video_id` or `source_id` field.
    func video(fields: [HeaderField]) -> String? {
        if let re = videoRegex {
            let name = (file.path as NSString).lastPathComponent
            if let m = re.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)),
                let r = Range(m.range, in: name)
            {
                return VideoIDs.canonical(String(name[r]))
            } else if let v = fields.first(where: { $0.normalizedKey == "videoid" || $0.normalizedKey == "sourceid" })?
                .value,
                let m = re.firstMatch(in: v, range: NSRange(v.startIndex..., in: v)), let r = Range(m.range, in: v)
            {
                return VideoIDs.canonical(String(v[r]))
            }
        }
        return nil
    }

    /// The IDs a document mentions, each with its heading, line context, whether it is a proposal, and
    /// whether it declares an ID scoped to the document's video (below the scope heading).
    mutating func mentions(
        type: DocumentType?, fields: [HeaderField], syntax: MarkdownSyntax,
        tokens: (tokens: [(IDToken, Int, Int)], ranges: [String?]), scopeStart: Int
    ) -> [Mention] {
        let code = syntax.codeLines(count: file.lines.lineCount)
        let proposals = ProposalSections(file: file, syntax: syntax, code: code, markers: config.proposalMarkers)
        let headerLines: Set<Int>? = type?.freeTextReferences == false ? Set(fields.map(\.line)) : nil
        let scopedPrefixes = Set(type?.scopedPrefixes ?? [])
        var mentions: [Mention] = []
        var hi = 0
        let headings = syntax.headings.sorted { $0.line < $1.line }
        var last: (start: Int, mention: Mention)?
        var lineState: (line: Int, context: String, proposal: Bool)?
        for (ti, (tok, start, end)) in tokens.tokens.enumerated() {
            let at = file.location(start)
            switch tok {
            case .id(let p):
                let range = tokens.ranges[ti]
                // The IDs inside a range stand at its first end and share its line, heading and context.
                if let l = last, l.start == start, range != nil {
                    var m = l.mention
                    m.id = p
                    m.label = nil
                    m.declaresScope = l.mention.declaresScope
                    mentions.append(m)
                    continue
                }
                let ll = lineLabel(start: start, end: end)
                if let headerLines, !headerLines.contains(ll.line) { continue }
                while hi < headings.count, headings[hi].line <= ll.line { hi += 1 }
                let heading = hi > 0 ? headings[hi - 1].text : nil
                // Context and proposal state once per line, however many IDs it holds.
                if lineState?.line != ll.line {
                    lineState = (
                        ll.line, context(ll.range), proposals.isProposal(line: ll.line, bytes: file.bytes[ll.range])
                    )
                }
                // In a table with a "Suggested ID" (or "Proposed ID", "Next free ID") column, the column decides.
                let inColumn = proposals.inProposalColumn(line: ll.line, bytes: file.bytes[ll.range], offset: start)
                let proposed = lineState!.proposal || inColumn
                // Whether it announces the ID itself: the other IDs of its line bound the words that can.
                var announces = inColumn
                if lineState!.proposal, !announces {
                    let previousEnd = ti > 0 ? tokens.tokens[ti - 1].2 : 0
                    let from = max(ll.range.lowerBound, previousEnd)
                    let alone =
                        from == ll.range.lowerBound
                        && (ti + 1 == tokens.tokens.count || tokens.tokens[ti + 1].1 >= ll.range.upperBound)
                    announces = proposals.announces(
                        line: ll.line, before: file.bytes[from..<max(from, start)], alone: alone)
                }
                var m = Mention(
                    id: p, location: at, label: range == nil ? ll.label : nil, heading: heading,
                    context: lineState!.context,
                    isProposal: proposed,
                    declaresScope: ll.line > scopeStart
                        && (grammar.kinds[p.kind].scoped || scopedPrefixes.contains(p.prefix)))
                m.range = range
                m.inCode = ll.line < code.count && code[ll.line]
                m.announces = announces
                mentions.append(m)
                last = (start, m)
            case .unknownPrefix(let text, let prefix, let sugg):
                if type?.checkMentions ?? true {
                    unknownPrefixes.append(PrefixUse(token: text, prefix: prefix, suggestions: sugg, location: at))
                }
            case .placeholder:
                break
            }
        }
        return mentions
    }

    /// A line's text as a mention's context: trimmed, 240 characters at most (a line of 240 bytes or fewer
    /// has no more: no need to count them).
    func context(_ range: Range<Int>) -> String {
        if range.count <= 240 { return text(range) }
        let head = file.bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + 1024)]
        return String(decoding: head, as: UTF8.self).trimmingSpaces().firstCharacters(240)
    }

    /// A link's path as the file writes it, when it is written with backslashes, which Markdown reads as
    /// escapes before punctuation (`[a](..\..\Notes\A.md)` reads as `....\Notes\A.md`): the first inline
    /// (`](...)`) or reference definition (`]: ...`) destination from the link's line on that reads as
    /// `destination`; else nil.
    func backslashedDestination(_ destination: String, from line: Int) -> String? {
        let b = file.bytes
        let start = file.lines.lineStarts[max(0, min(line, file.lines.lineCount) - 1)]
        let end = min(b.count, start + 16_384)
        let want = Array(destination.utf8)
        var i = start
        while i + 1 < end {
            guard b[i] == 93, b[i + 1] == 40 || b[i + 1] == 58 else { i += 1; continue }
            let inline = b[i + 1] == 40
            var j = i + 2
            while j < end, b[j] == 32 { j += 1 }
            let angle = j < end && b[j] == 60
            if angle { j += 1 }
            let s = j
            while j < end, b[j] != 10, angle ? b[j] != 62 : (b[j] != 32 && !(inline && b[j] == 41)) {
                j += b[j] == 92 ? 2 : 1
            }
            let written = b[s..<min(j, end)]
            if written.contains(92), MarkdownExtractor.unescaped(written).elementsEqual(want) {
                return String(decoding: written, as: UTF8.self)
            }
            i = max(j, i + 1)
        }
        return nil
    }

    /// Markdown's backslash escapes undone: a backslash before ASCII punctuation is dropped.
    static func unescaped(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let c = bytes[i]
            if c == 92, i + 1 < bytes.endIndex, case let n = bytes[i + 1],
                (33...47).contains(n) || (58...64).contains(n) || (91...96).contains(n) || (123...126).contains(n)
            {
                out.append(n)
                i += 2
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// The offset where a link's destination is written: its first occurrence that stands as a destination
    /// (opened by `(`, `<` or a space, closed by `)`, `>`, a space or the line's end) after where cmark
    /// places the link and after the previous link on its line (`cursor`); else the first such after the
    /// line's start (cmark's column can be past the link in a lazy continuation line); else its first
    /// occurrence; nil when the text is not there as written (escapes, entities). When cmark's place is not
    /// where a link starts (`[`, `![`, `<`), it is off. On a lazy line of a list item or quote, cmark counts
    /// the indent the line lacks: the link's `[` is a few bytes before, and its destination the first after
    /// that. A link whose text spans two lines is given the second line with the first line's column, which
    /// may be past its destination and at the next link's: its destination is then the first after the
    /// line's start that follows `](` or `]:`.
    func locateOffset(_ destination: String, line: Int, column: Int, after cursor: Int?) -> Int? {
        let needle = Array(destination.utf8)
        guard !needle.isEmpty else { return nil }
        let lineStart = file.lines.lineStarts[max(0, min(line, file.lines.lineCount) - 1)]
        let count = file.bytes.count
        let floor = max(lineStart, cursor ?? 0)
        let linkStart = min(count, max(floor, lineStart + max(0, column - 1)))
        return file.bytes.withUnsafeBufferPointer { b -> Int? in
            // Opened by `(`, `<`, a space, a tab or a newline; closed by `)`, `>`, a space, a tab or a line end.
            func standing(_ i: Int) -> Bool {
                let end = i + needle.count
                switch i > 0 ? b[i - 1] : 10 {
                case 40, 60, 32, 9, 10: break
                default: return false
                }
                switch end < count ? b[end] : 10 {
                case 41, 62, 32, 9, 13, 10: return true
                default: return false
                }
            }
            var firstAny: Int?
            func search(from start: Int) -> Int? {
                var i = start
                while let f = ByteSearch.find(needle, in: b, from: i) {
                    if standing(f) { return f }
                    if firstAny == nil { firstAny = f }
                    i = f + 1
                }
                return nil
            }
            if linkStart < count, b[linkStart] != UInt8(ascii: "["), b[linkStart] != UInt8(ascii: "!"),
                b[linkStart] != UInt8(ascii: "<")
            {
                // A lazy line of a list item or quote: cmark counts the container's indent the line does not
                // have, so the link starts a few bytes before its place (unless that place is the previous
                // line's, a link whose text began there: handled below).
                let l = min(line, file.lines.lineCount)
                let previousStart = l >= 2 ? file.lines.lineStarts[l - 2] : -1
                let spansLines =
                    previousStart >= 0 && column >= 1 && previousStart + column - 1 < lineStart
                    && b[previousStart + column - 1] == UInt8(ascii: "[")
                if !spansLines {
                    var k = linkStart - 1
                    while k >= max(floor, linkStart - 8), b[k] != 10, b[k] != 13 {
                        if b[k] == UInt8(ascii: "["), let f = search(from: k) { return f }
                        k -= 1
                    }
                }
                var i = floor
                while let f = ByteSearch.find(needle, in: b, from: i) {
                    if standing(f), MarkdownExtractor.followsBracket(b, f) { return f }
                    i = f + 1
                }
            }
            return search(from: linkStart) ?? (linkStart == floor ? nil : search(from: floor)) ?? firstAny
        }
    }

    /// Whether the text at `i` follows `](` or `]:` (a `<` and spaces or line breaks between them allowed):
    /// an inline link's or a reference definition's destination, not a path in parentheses.
    static func followsBracket(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var j = i - 1
        if j >= 0, b[j] == UInt8(ascii: "<") { j -= 1 }
        while j >= 0, b[j] == 32 || b[j] == 9 || b[j] == 10 || b[j] == 13 { j -= 1 }
        return j >= 1 && (b[j] == UInt8(ascii: "(") || b[j] == UInt8(ascii: ":")) && b[j - 1] == UInt8(ascii: "]")
    }
}
