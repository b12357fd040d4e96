extension CompiledTemplate {
    /// A construct the compiled renderer leaves to swift-mustache (or text swift-mustache would refuse).
    struct Unsupported: Error {}

    /// Compiles a template's source, or nil when it uses what only swift-mustache renders.
    init?(source: String) {
        var p = Parser(Array(source))
        guard let nodes = try? p.parse(section: nil, newLine: true, plainText: false) else { return nil }
        program = Program(nodes)
    }

    /// swift-mustache's parser (`Template+Parser.swift`), step for step, for the constructs
    /// `CompiledTemplate` renders: the same text tokens, standalone lines and whitespace.
    struct Parser {
        let cs: [Character]
        var p = 0

        init(_ cs: [Character]) { self.cs = cs }

        var atEnd: Bool { p == cs.count }
        var current: Character { atEnd ? "\0" : cs[p] }

        /// A section's (or the template's) nodes; `plainText` once `{{% CONTENT_TYPE: TEXT }}` has been read
        /// (a variable before it would be HTML-escaped, which is swift-mustache's to do).
        mutating func parse(section: String?, newLine startsLine: Bool, plainText startsPlain: Bool) throws -> [Node] {
            var nodes: [Node] = []
            var plainText = startsPlain
            var newLine = startsLine
            var whiteSpaceBefore = ""
            while !atEnd {
                if newLine { whiteSpaceBefore = read { $0 == " " || $0 == "\t" } }
                let text = try readUntilDelimiterOrNewline()
                if current.isNewline {
                    nodes.append(.text(whiteSpaceBefore + text + String(current)))
                    newLine = true
                    p += 1
                    continue
                }
                if !text.isEmpty {
                    nodes.append(.text(whiteSpaceBefore + text))
                    whiteSpaceBefore = ""
                    newLine = false
                }
                if atEnd { break }
                var setNewLine = false
                // Text before a tag that is not standalone stays in front of it.
                func flush() {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                    whiteSpaceBefore = ""
                }
                switch current {
                case "#", "^":
                    let isInverted = current == "^"
                    p += 1
                    let name = try parseName()
                    if isStandalone(newLine) { setNewLine = true } else { flush() }
                    let body = try parse(section: name, newLine: setNewLine, plainText: plainText)
                    let n = CompiledTemplate.name(name)
                    nodes.append(isInverted ? .inverted(n, body) : .section(n, body))
                case "/":
                    p += 1
                    let name = try parseName()
                    guard name == section else { throw Unsupported() }
                    if !isStandalone(newLine) { flush() }
                    return nodes
                case "!":
                    p += 1
                    try skipComment()
                    setNewLine = isStandalone(newLine)
                case "{":
                    guard plainText else { throw Unsupported() }
                    flush()
                    p += 1
                    let name = try parseName()
                    guard current == "}" else { throw Unsupported() }
                    p += 1
                    nodes.append(.variable(CompiledTemplate.name(name)))
                case "&":
                    guard plainText else { throw Unsupported() }
                    flush()
                    p += 1
                    nodes.append(.variable(CompiledTemplate.name(try parseName())))
                case "%":
                    p += 1
                    try readTextContentType()
                    plainText = true
                    setNewLine = isStandalone(newLine)
                case ">", "<", "$", "=":
                    throw Unsupported()
                default:
                    guard plainText else { throw Unsupported() }
                    flush()
                    nodes.append(.variable(CompiledTemplate.name(try parseName())))
                }
                newLine = setNewLine
            }
            guard section == nil else { throw Unsupported() }
            return nodes
        }

        @discardableResult
        mutating func read(while test: (Character) -> Bool) -> String {
            let start = p
            while !atEnd, test(cs[p]) { p += 1 }
            return String(cs[start..<p])
        }

        /// Text up to a line break (left unread) or past a `{{`.
        mutating func readUntilDelimiterOrNewline() throws -> String {
            var total = ""
            while !atEnd {
                total += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
                if current.isNewline { break }
                if current == "{" {
                    // swift-mustache reads two characters here, and fails when fewer are left.
                    guard cs.count - p >= 2 else { throw Unsupported() }
                    if cs[p + 1] == "{" {
                        p += 2
                        break
                    }
                    total += "{"
                    p += 1
                }
            }
            return total
        }

        static let nameCharacters = Set<Character>(
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")

        /// A tag's name up to its `}}`; a transform (`f(x)`) is swift-mustache's.
        mutating func parseName() throws -> String {
            read { $0.isWhitespace }
            let text = read { Parser.nameCharacters.contains($0) }
            read { $0.isWhitespace }
            guard cs.count - p >= 2, cs[p] == "}", cs[p + 1] == "}" else { throw Unsupported() }
            p += 2
            guard !text.contains("("), !text.contains(")") else { throw Unsupported() }
            return text
        }

        mutating func skipComment() throws {
            while p + 1 < cs.count {
                if cs[p] == "}", cs[p + 1] == "}" {
                    p += 2
                    return
                }
                p += 1
            }
            throw Unsupported()
        }

        /// `{{% CONTENT_TYPE: TEXT }}`, the one setting rendered here (others escape, which swift-mustache does).
        mutating func readTextContentType() throws {
            let nameChars = Parser.nameCharacters.subtracting(["(", ")"])
            read { $0.isWhitespace }
            let variable = read { nameChars.contains($0) }
            read { $0.isWhitespace }
            guard current == ":" else { throw Unsupported() }
            p += 1
            read { $0.isWhitespace }
            let value = read { nameChars.contains($0) }
            read { $0.isWhitespace }
            guard variable == "CONTENT_TYPE", value == "TEXT", cs.count - p >= 2, cs[p] == "}", cs[p + 1] == "}" else {
                throw Unsupported()
            }
            p += 2
        }

        /// A tag alone on its line (only spaces and tabs around it): the rest of the line, its break
        /// included, is consumed.
        mutating func isStandalone(_ newLine: Bool) -> Bool {
            guard newLine else { return false }
            if atEnd { return true }
            var q = p
            while q < cs.count, cs[q] == " " || cs[q] == "\t" { q += 1 }
            guard q < cs.count, cs[q].isNewline else { return false }
            p = q + 1
            return true
        }
    }

    /// A tag's name as the renderer looks it up.
    static func name(_ text: String) -> Name {
        if text == "." { return .current }
        let parts = text.split(separator: ".").map(String.init)
        if text.first == "." { return .top(parts) }
        return parts.count == 1 ? .member(parts[0]) : .stack(parts)
    }
}
