import Foundation

/// What counts as a name in a document: numbering, emphasis, versions, paths, URLs, code and sentences
/// are taken off or turned away before a piece of text becomes a gap candidate.
enum GapNames {
    /// `## 5. Action Verbs` -> `Action Verbs`; `### 1.3 ScaleKit Python SDK` -> `ScaleKit Python SDK`.
    static func stripNumbering(_ s: String) -> String {
        var t = Substring(s.trimmingSpaces())
        let numbering = t.prefix { $0.isNumber || $0 == "." || $0 == ")" }
        if !numbering.isEmpty, numbering.contains(where: \.isNumber) { t = t.dropFirst(numbering.count) }
        return String(t).trimmingSpaces()
    }

    /// Emphasis and code marks off, a trailing parenthetical off: `**FastAPI + FastMCP (Hosting Stack)**` ->
    /// `FastAPI + FastMCP`.
    static func clean(_ s: String) -> String {
        var t = s.trimmingSpaces()
        for mark in ["`", "*", "_"] {
            while t.hasPrefix(mark) && t.hasSuffix(mark) && t.count > 2 { t = String(t.dropFirst().dropLast()) }
        }
        t = t.replacingAll("**", with: "").replacingAll("`", with: "")
        if t.hasSuffix(")"), let open = t.lastIndex(of: "("), open > t.startIndex { t = String(t[..<open]) }
        return t.trimmingSpaces()
    }

    /// A trailing version split off: `LangChain v0.3.1` -> (`LangChain`, `v0.3.1`); `Redis 7.2` -> (`Redis`, `7.2`).
    /// A bare number stays (`Python 3`, `GPT 4`): it is part of the name.
    static func splitVersion(_ s: String) -> (name: String, version: String?) {
        var words = s.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2, let last = words.last, isVersion(last) else { return (s, nil) }
        words.removeLast()
        return (words.joined(separator: " "), String(last))
    }

    static func isVersion(_ w: Substring) -> Bool {
        var t = w
        if t.hasPrefix("@") { t = t.dropFirst() }
        let hadV = t.first == "v" || t.first == "V"
        if hadV { t = t.dropFirst() }
        guard let f = t.first, f.isNumber else { return false }
        let core = t.prefix { $0.isNumber || $0 == "." }
        guard hadV || core.contains(".") else { return false }
        return t.allSatisfy { $0.isNumber || $0.isLetter || $0 == "." || $0 == "-" || $0 == "+" || $0 == "x" }
    }

    /// A URL, e-mail address or link target.
    static func isURL(_ s: String) -> Bool {
        s.contains("://") || s.hasPrefix("www.") || s.hasPrefix("mailto:")
            || (s.contains("@") && !s.contains(" ") && s.contains("."))
    }

    static let fileExtensions: Set<String> = [
        "md", "json", "yaml", "yml", "csv", "txt", "toml", "lock", "py", "sh", "html", "env", "cfg", "ini", "xml",
    ]

    /// A file or folder path (`ENTITIES/LIBRARIES/LBS_003_Tools/`, `./setup.py`, `FastAPI_FastMCP.json`);
    /// `FastAPI/FastMCP` and `CI/CD` are names joined by a slash, not paths.
    static func isPath(_ s: String) -> Bool {
        let t = s.trimmingSpaces()
        guard !t.contains(" ") else { return false }
        if t.hasPrefix("/") || t.hasPrefix("./") || t.hasPrefix("../") || t.hasPrefix("~")
            || (t.hasSuffix("/") && t.count > 1)
        {
            return true
        }
        if let dot = t.lastIndex(of: "."), fileExtensions.contains(t[t.index(after: dot)...].lowercased()) {
            return true
        }
        guard t.contains("/") else { return false }
        let segments = t.split(separator: "/")
        return segments.count >= 3 || t.contains("_") || segments.contains { $0.contains(".") }
    }

    /// Code: a span in backticks holding spaces, slashes or shell and assignment characters (`uv run server`,
    /// `MCP_URL=...`), or text that reads as a call or command.
    static func isCode(_ raw: String) -> Bool {
        let t = raw.trimmingSpaces()
        if t.hasPrefix("`"), t.hasSuffix("`"), t.count > 2 {
            let inner = t.dropFirst().dropLast()
            return inner.contains { " /=$(){}<>|;\\".contains($0) }
        }
        return t.contains("()") || t.hasPrefix("$ ") || t.contains("=") || t.contains("{") || t.contains("}")
    }

    /// Words that make a label a sentence, not a name (names capitalise such words, sentences do not).
    static let sentenceWords: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "should", "will", "would", "can",
        "could", "may", "might", "must", "already", "not", "this", "these", "those", "it", "its", "we", "you", "they",
        "does", "did", "do", "but", "because", "which", "there",
    ]

    /// A label that is a remark, not a name: `Title is already professional and descriptive`, a text that ends
    /// with a full stop, or more than eight words.
    static func isSentence(_ s: String) -> Bool {
        let words = s.split { $0 == " " || $0 == "\t" }
        if words.count > 8 { return true }
        if words.count >= 3, s.hasSuffix(".") { return true }
        return words.count >= 3 && words.contains { sentenceWords.contains(String($0)) }
    }

    /// Words of a heading that names a group of tools, not one tool (`Other Tools Mentioned`, `Tools Overview`).
    static let sectionWords: Set<String> = [
        "tools", "tool", "overview", "summary", "comparison", "notes", "recommendations", "mentioned", "related",
        "other",
        "additional", "matrix", "categories", "details", "analysis", "extraction", "findings", "list", "inventory",
    ]

    /// Keys of a tool's fields (`- **Category**: ...`), never tool names, also in a list of tools.
    static let fieldKeys: Set<String> = [
        "category", "purpose", "vendor", "usage", "department", "departments", "status", "notes", "note", "filetarget",
        "proposedtoolid", "libraryid", "toolid", "id", "keyfeatures", "features", "description", "owner", "priority",
        "type",
        "version", "url", "link", "source", "gap", "action", "role", "website", "pricing", "license", "alternatives",
        "usedfor",
    ]

    /// A heading that titles a list of tools rather than naming one.
    static func isSectionTitle(_ heading: String) -> Bool {
        clean(heading).split { !($0.isLetter || $0.isNumber) }.contains { sectionWords.contains($0.lowercased()) }
    }

    /// Values that stand for nothing: `none`, `n/a`, `TBD`, `—`.
    static let emptyValues: Set<String> = [
        "none", "na", "tbd", "tba", "unknown", "other", "various", "etc", "notapplicable", "nothing", "yes", "no",
    ]

    /// The name in a piece of text written where a name is expected (a list item, a heading, a table cell),
    /// with its version split off; nil when it is a path, URL, code, a sentence or nothing.
    static func candidate(_ raw: String, maxLength: Int = 80) -> (name: String, version: String?)? {
        let trimmed = raw.trimmingSpaces()
        if trimmed.isEmpty || isCode(trimmed) { return nil }
        var t = clean(trimmed)
        for lead in ["and ", "or ", "plus ", "e.g. ", "i.e. "] where t.lowercased().hasPrefix(lead) {
            t = String(t.dropFirst(lead.count))
        }
        while t.hasSuffix(".") || t.hasSuffix(",") || t.hasSuffix(":") { t.removeLast() }
        t = t.trimmingSpaces()
        guard !t.isEmpty, t.count <= maxLength, !isURL(t), !isPath(t) else { return nil }
        let norm = Labels.normalized(t)
        guard norm.count >= 2, !emptyValues.contains(norm), t.first.map({ $0.isLetter || $0.isNumber }) == true else {
            return nil
        }
        guard !isSentence(t) else { return nil }
        let (name, version) = splitVersion(t)
        let balanced = name.filter { $0 == "(" }.count == name.filter { $0 == ")" }.count
        return balanced ? (name, version) : nil
    }

    /// The items of a list value, split on commas and semicolons outside parentheses.
    static func items(_ value: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var depth = 0
        for ch in value {
            if ch == "(" || ch == "[" { depth += 1 } else if ch == ")" || ch == "]" { depth = max(0, depth - 1) }
            if depth == 0, ch == "," || ch == ";" {
                out.append(cur)
                cur = ""
            } else {
                cur.append(ch)
            }
        }
        out.append(cur)
        return out.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// The parts of a name joined by a slash: `MCP Inspector / VS Code client`, `FastAPI/FastMCP`.
    static func slashParts(_ name: String) -> [String] {
        guard name.utf8.contains(UInt8(ascii: "/")) else { return [] }
        let parts = name.split(separator: "/").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        return parts.count >= 2 ? parts : []
    }

    /// `- **Name** – text` (and `- **Name**: text` when `keysToo`, in a list of tools).
    static func boldItem(_ line: Substring, keysToo: Bool = false) -> String? {
        var s = line.trimmingSpacesSubstring()
        guard s.hasPrefix("- **") || s.hasPrefix("* **") else { return nil }
        s = s.dropFirst(4)
        guard let close = s.range(of: "**") else { return nil }
        let name = s[..<close.lowerBound]
        let rest = s[close.upperBound...].trimmingSpacesSubstring()
        if !keysToo, name.hasSuffix(":") || rest.hasPrefix(":") { return nil }
        return String(name.hasSuffix(":") ? name.dropLast() : name)
    }

    /// Whether a line may start with `b` once trimmed: false only when its first byte past ASCII
    /// whitespace is another ASCII byte (a non-ASCII one may be whitespace the trimming drops).
    static func mayStart<S: Sequence<UInt8>>(_ bytes: S, with b: UInt8) -> Bool {
        for c in bytes where !(c == 32 || (c >= 9 && c <= 13)) { return c == b || c >= 0x80 }
        return false
    }

    static func timestamp(_ line: Substring) -> String? {
        // Most lines hold no timestamp: the first byte tells.
        guard mayStart(line.utf8, with: UInt8(ascii: "[")) else { return nil }
        let t = line.trimmingSpacesSubstring()
        guard t.hasPrefix("["), let close = t.firstIndex(of: "]") else { return nil }
        let inner = t[t.index(after: t.startIndex)..<close]
        guard inner.contains(":"), inner.allSatisfy({ $0.isNumber || $0 == ":" }) else { return nil }
        return String(inner)
    }

    /// A cheap test before looking for versions: `v`+digit, or `>=`, `^`, `~` before a digit.
    static func mayHoldVersion(_ b: ArraySlice<UInt8>) -> Bool {
        // Read in place (a slice's every subscript checked its bounds).
        // The marks (`v`, `V`, `=`, `^`, `~`; rarer than digits) found eight bytes at a time, then the byte
        // after each.
        b.withUnsafeBufferPointer { u in
            var from = 0
            while let p = ByteSearch.firstByte(
                in: u, from: from, through: u.count - 2,
                word: { x in
                    ByteSearch.equal(x | 0x2020_2020_2020_2020, 118) | ByteSearch.equal(x, 61)
                        | ByteSearch.equal(x, 94) | ByteSearch.equal(x, 126)
                }, byte: { $0 | 0x20 == 118 || $0 == 61 || $0 == 94 || $0 == 126 })
            {
                if u[p + 1] >= 48 && u[p + 1] <= 57 { return true }
                from = p + 1
            }
            return false
        }
    }

    /// Names written right before a version: `Name v1.2`, `**Name**: v8`, `"name>=0.19.0"`, `"name": "^1.3.9"`.
    static func versionedNames(_ line: Substring) -> [String] {
        var out: [String] = []
        // "- **PostgreSQL**: Ready for v17+": a bold key whose value holds a version names a product.
        let trimmed = line.trimmingSpacesSubstring()
        if trimmed.hasPrefix("- **") || trimmed.hasPrefix("* **"), let f = HeaderFields.bold(line),
            f.value.range(of: #"(^|[^A-Za-z0-9])v[0-9]"#, options: .regularExpression) != nil,
            f.key.count >= 3, f.key.count <= 40, f.key.first?.isUppercase == true, productLike(f.key)
        {
            return [clean(f.key)]
        }
        let t = String(line).replacingAll("**", with: "").replacingAll("`", with: "")
        let u = Array(t.utf8)
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || c == UInt8(ascii: "-")
                || c == UInt8(ascii: ".") || c == UInt8(ascii: "_")
        }
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        let separators: Set<UInt8> = [
            32, UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="), UInt8(ascii: ">"),
            UInt8(ascii: "<"),
        ]
        let stop: Set<String> = [
            "version", "ready", "for", "with", "and", "the", "from", "requirement", "current", "exceeds", "matches",
        ]
        var i = 0
        while i < u.count {
            // A version starts with v<digit>, or a specifier (>=, ^, ~) followed by a digit.
            var vStart = -1
            if u[i] == UInt8(ascii: "v") || u[i] == UInt8(ascii: "V"), i + 1 < u.count, isDigit(u[i + 1]),
                i == 0 || !isNameByte(u[i - 1])
            {
                vStart = i
            }
            if u[i] == UInt8(ascii: ">") || u[i] == UInt8(ascii: "^") || u[i] == UInt8(ascii: "~"), i + 1 < u.count,
                isDigit(u[i + 1]) || u[i + 1] == UInt8(ascii: "=")
            {
                vStart = i
            }
            guard vStart >= 0 else { i += 1; continue }
            var e = vStart
            while e > 0, separators.contains(u[e - 1]) { e -= 1 }
            var s0 = e
            while s0 > 0, isNameByte(u[s0 - 1]) { s0 -= 1 }
            if e > s0 {
                var name = String(decoding: u[s0..<e], as: UTF8.self)
                while name.hasSuffix(".") || name.hasSuffix("-") { name.removeLast() }
                let quoted = t.contains("\"" + name)
                if name.contains(where: \.isLetter), name.count >= 3, !stop.contains(name.lowercased()),
                    name.first?.isUppercase == true || quoted, productLike(name), !isPath(name),
                    name.dropFirst().contains(where: { $0.isUppercase || $0.isNumber || $0 == "." || $0 == "-" })
                        || quoted
                {
                    out.append(name)
                }
            }
            i = vStart + 2
        }
        return out
    }

    /// Not a metadata key (`EXTRACTOR_VERSION`, `Duration`, `Status`).
    static func productLike(_ name: String) -> Bool {
        if name.contains("_") || name.unicodeScalars.contains(where: { !$0.isASCII }) { return false }
        if name.split(separator: " ").count > 4 { return false }
        return ![
            "duration", "date", "version", "status", "phase", "prompt", "python", "node", "schema", "timeline", "total",
        ].contains(name.lowercased())
    }
}
