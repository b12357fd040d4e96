/// Encodes and decodes `FileResult`: everything but a document's text (read from the file when it is needed);
/// each record's JSON is decoded only when asked for (the site, `taxo show`, `taxo schema`).
extension BinaryWriter {
    mutating func location(_ l: SourceLocation) { string(l.file); int(l.line); int(l.column) }

    mutating func parsedID(_ p: ParsedID) {
        int(p.kind); string(p.written); string(p.prefix); optString(p.department); optString(p.canonicalDepartment)
        string(p.number); string(p.key); bool(p.usesAlternatePrefix); string(p.canonical); bool(p.legacy)
    }

    mutating func diagnostic(_ d: Diagnostic) {
        string(d.code); string(d.severity.rawValue); string(d.message)
        bool(d.location != nil); if let l = d.location { location(l) }
        uint(UInt64(d.notes.count))
        for n in d.notes { string(n.message); bool(n.location != nil); if let l = n.location { location(l) } }
        optString(d.hint)
        bool(d.replacement != nil)
        if let r = d.replacement { string(r.written); string(r.with) }
        uint(UInt64(d.suggestions.count))
        for r in d.suggestions { string(r.written); string(r.with) }
        optString(d.subject)
    }

    mutating func entity(_ e: Entity) {
        int(e.kind); bool(e.id != nil); if let p = e.id { parsedID(p) }
        string(e.rawID); optString(e.name); string(e.file); location(e.location); optString(e.department)
        string(e.idField); bool(e.soleRecordInFile)
        uint(UInt64(e.references.count))
        for r in e.references {
            string(r.field); string(r.raw); parsedID(r.id); optString(r.label); location(r.location);
            optInt(r.linkIndex)
            optString(r.range); bool(r.inCode); bool(r.declaredHere)
        }
        uint(UInt64(e.legacyKeys.count)); for k in e.legacyKeys { string(k) }
        optString(e.description)
        uint(UInt64(e.aliases.count)); for a in e.aliases { string(a) }
        uint(UInt64(e.videos.count)); for v in e.videos { string(v) }
        optString(e.status); int(e.inlineChildren)
        bool(e.record != nil); if let r = e.record { literal(r) }
    }

    mutating func document(_ d: Document) {
        string(d.path); optString(d.type); optString(d.title); optString(d.video)
        let keys = d.fields.keys.sorted()
        uint(UInt64(keys.count)); for k in keys { string(k); string(d.fields[k]!) }
        uint(UInt64(d.headings.count)); for h in d.headings { int(h.level); string(h.text); int(h.line) }
        uint(UInt64(d.mentions.count))
        for m in d.mentions {
            parsedID(m.id); location(m.location); optString(m.label); optString(m.heading); string(m.context)
            bool(m.isProposal); bool(m.declaresScope); optString(m.range); bool(m.inCode); bool(m.announces)
        }
        bool(d.checkMentions)
    }

    mutating func fileResult(_ r: FileResult) {
        resetStrings()
        string(r.path); string(r.format.rawValue); int(r.size); string(r.hash)
        uint(UInt64(r.entities.count)); for e in r.entities { entity(e) }
        bool(r.document != nil); if let d = r.document { document(d) }
        bool(r.markdown != nil)
        if let m = r.markdown {
            uint(UInt64(m.links.count));
            for l in m.links {
                string(l.destination); location(l.location); bool(l.isImage); string(l.backslashed ?? "")
            }
            uint(UInt64(m.headings.count)); for h in m.headings { string(h) }
        }
        bool(r.masterList != nil)
        if let (i, t) = r.masterList {
            int(i)
            uint(UInt64(t.header.count)); for h in t.header { string(h) }
            uint(UInt64(t.rows.count))
            for row in t.rows { int(row.line); uint(UInt64(row.cells.count)); for c in row.cells { string(c) } }
            uint(UInt64(t.cellColumns.count));
            for cs in t.cellColumns { uint(UInt64(cs.count)); for c in cs { int(c) } }
            uint(UInt64(t.cellLines.count));
            for ls in t.cellLines { uint(UInt64(ls.count)); for l in ls { int(l) } }
            uint(UInt64(t.separator))
        }
        uint(UInt64(r.diagnostics.count)); for d in r.diagnostics { diagnostic(d) }
        uint(UInt64(r.unknownPrefixes.count))
        for u in r.unknownPrefixes {
            string(u.token); string(u.prefix); uint(UInt64(u.suggestions.count)); for s in u.suggestions { string(s) }
            location(u.location)
        }
        uint(UInt64(r.departmentValues.count)); for v in r.departmentValues { string(v.value); location(v.location) }
        uint(UInt64(r.brokenDeclarations.count)); for b in r.brokenDeclarations { string(b.key); string(b.written) }
        bool(r.unclaimed)
        uint(UInt64(r.suppressions.count))
        for s in r.suppressions {
            uint(UInt64(s.codes.count)); for c in s.codes { string(c) }
            int(s.firstLine); int(min(s.lastLine, Int(Int32.max))); location(s.location)
        }
    }
}

extension BinaryReader {
    mutating func count() throws -> Int {
        let n = Int(try uint())
        guard n <= bytes.count else { throw Corrupt() }
        return n
    }

    mutating func location() throws -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int())
    }

    mutating func parsedID() throws -> ParsedID {
        var p = ParsedID(
            kind: try int(), written: try string(), prefix: try string(), department: try optString(),
            canonicalDepartment: try optString(), number: try string(), key: try string(),
            usesAlternatePrefix: try bool(), canonical: try string())
        p.legacy = try bool()
        return p
    }

    mutating func diagnostic() throws -> Diagnostic {
        let code = try string()
        guard let sev = Severity(rawValue: try string()) else { throw Corrupt() }
        let msg = try string()
        let loc = try bool() ? try location() : nil
        var notes: [Diagnostic.Note] = []
        for _ in 0..<(try count()) {
            let m = try string()
            notes.append(.init(m, at: try bool() ? try location() : nil))
        }
        let hint = try optString()
        let replacement = try bool() ? Diagnostic.Replacement(try string(), with: try string()) : nil
        var d = Diagnostic(
            code: code, severity: sev, message: msg, at: loc, notes: notes, hint: hint, replacement: replacement)
        for _ in 0..<(try count()) { d.suggestions.append(Diagnostic.Replacement(try string(), with: try string())) }
        d.subject = try optString()
        return d
    }

    mutating func entity() throws -> Entity {
        let kind = try int()
        let id = try bool() ? try parsedID() : nil
        let raw = try string(), name = try optString(), file = try string(), loc = try location(),
            dept = try optString()
        let idField = try string(), sole = try bool()
        var refs: [Reference] = []
        let n = try count()
        refs.reserveCapacity(n)
        for _ in 0..<n {
            var r = Reference(
                field: try string(), raw: try string(), id: try parsedID(), label: try optString(),
                location: try location(), linkIndex: try optInt())
            r.range = try optString()
            r.inCode = try bool()
            r.declaredHere = try bool()
            refs.append(r)
        }
        var legacy: [String] = []
        for _ in 0..<(try count()) { legacy.append(try string()) }
        var e = Entity(
            kind: kind, id: id, rawID: raw, name: name, file: file, location: loc, department: dept, idField: idField,
            soleRecordInFile: sole, references: refs, legacyKeys: legacy)
        e.description = try optString()
        for _ in 0..<(try count()) { e.aliases.append(try string()) }
        for _ in 0..<(try count()) { e.videos.append(try string()) }
        e.status = try optString()
        e.inlineChildren = try int()
        e.record = try optLiteral()
        return e
    }

    mutating func document() throws -> Document {
        let path = try string(), type = try optString(), title = try optString(), video = try optString()
        var fields: [String: String] = [:]
        for _ in 0..<(try count()) { let k = try string(); fields[k] = try string() }
        var headings: [Heading] = []
        for _ in 0..<(try count()) { headings.append(Heading(level: try int(), text: try string(), line: try int())) }
        var mentions: [Mention] = []
        for _ in 0..<(try count()) {
            var m = Mention(
                id: try parsedID(), location: try location(), label: try optString(), heading: try optString(),
                context: try string(), isProposal: try bool(), declaresScope: try bool())
            m.range = try optString()
            m.inCode = try bool()
            m.announces = try bool()
            mentions.append(m)
        }
        return Document(
            path: path, type: type, title: title, video: video, fields: fields, headings: headings,
            mentions: mentions, checkMentions: try bool(), text: nil)
    }

    mutating func fileResult() throws -> FileResult {
        resetStrings()
        let path = try string()
        guard let fmt = DiscoveredFile.Format(rawValue: try string()) else { throw Corrupt() }
        var r = FileResult(path: path, format: fmt, size: try int(), hash: try string())
        for _ in 0..<(try count()) { r.entities.append(try entity()) }
        if try bool() { r.document = try document() }
        if try bool() {
            var links: [MarkdownLink] = []
            for _ in 0..<(try count()) {
                let (destination, location, isImage, backslashed) = (
                    try string(), try location(), try bool(), try string()
                )
                links.append(
                    MarkdownLink(
                        destination: destination, location: location, isImage: isImage,
                        backslashed: backslashed.isEmpty ? nil : backslashed))
            }
            var headings: [String] = []
            for _ in 0..<(try count()) { headings.append(try string()) }
            r.markdown = MarkdownInfo(links: links, headings: headings)
        }
        if try bool() {
            let i = try int()
            var header: [String] = []
            for _ in 0..<(try count()) { header.append(try string()) }
            var rows: [(line: Int, cells: [String])] = []
            for _ in 0..<(try count()) {
                let line = try int()
                var cells: [String] = []
                for _ in 0..<(try count()) { cells.append(try string()) }
                rows.append((line, cells))
            }
            var table = CSVTable(header: header, rows: rows)
            for _ in 0..<(try count()) {
                var cs: [Int] = []
                for _ in 0..<(try count()) { cs.append(try int()) }
                table.cellColumns.append(cs)
            }
            for _ in 0..<(try count()) {
                var ls: [Int] = []
                for _ in 0..<(try count()) { ls.append(try int()) }
                table.cellLines.append(ls)
            }
            table.separator = UInt8(truncatingIfNeeded: try uint())
            r.masterList = (i, table)
        }
        for _ in 0..<(try count()) { r.diagnostics.append(try diagnostic()) }
        for _ in 0..<(try count()) {
            let token = try string(), prefix = try string()
            var sugg: [String] = []
            for _ in 0..<(try count()) { sugg.append(try string()) }
            r.unknownPrefixes.append(
                PrefixUse(token: token, prefix: prefix, suggestions: sugg, location: try location()))
        }
        for _ in 0..<(try count()) {
            r.departmentValues.append(DepartmentValue(value: try string(), location: try location()))
        }
        for _ in 0..<(try count()) {
            r.brokenDeclarations.append(BrokenDeclaration(key: try string(), written: try string()))
        }
        r.unclaimed = try bool()
        for _ in 0..<(try count()) {
            var codes: [String] = []
            for _ in 0..<(try count()) { codes.append(try string()) }
            let first = try int(), last = try int()
            r.suppressions.append(
                Suppression(
                    codes: codes, firstLine: first, lastLine: last == Int(Int32.max) ? Int.max : last,
                    location: try location()))
        }
        return r
    }
}
