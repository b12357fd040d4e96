/// A `taxonomy.yaml` as lines, edited in place: a key set or a child added under a path of block mappings
/// (`kinds` > `task`), keeping every other line, comment and the file's indentation as written. An edit
/// that meets flow style (`kinds: { ... }`) or a missing parent is refused (false), never guessed.
public struct ConfigText: Sendable {
    public private(set) var lines: [String]

    public init(_ text: String) {
        var l = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if l.last == "" { l.removeLast() }
        lines = l
    }

    public var text: String { lines.joined(separator: "\n") + "\n" }

    /// The indentation of a line holding content; nil for a blank or comment-only line.
    static func indent(_ line: String) -> Int? {
        var n = 0
        for c in line.utf8 {
            if c == 32 { n += 1; continue }
            return c == UInt8(ascii: "#") ? nil : n
        }
        return nil
    }

    /// The key a line starts (`key:`, `"key":`, `'key':`) after its indentation, and what follows the colon.
    static func keyAndRest(_ line: String) -> (key: String, rest: Substring)? {
        let s = line.drop { $0 == " " }
        guard let first = s.first, first != "-", first != "#" else { return nil }
        if first == "\"" || first == "'" {
            guard let close = s.dropFirst().firstIndex(of: first) else { return nil }
            let after = s[s.index(after: close)...]
            guard after.hasPrefix(":") else { return nil }
            return (String(s[s.index(after: s.startIndex)..<close]), after.dropFirst())
        }
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == ":" {
                let next = s.index(after: i)
                if next == s.endIndex || s[next] == " " { return (String(s[..<i]), s[next...]) }
            }
            i = s.index(after: i)
        }
        return nil
    }

    /// Whether the value after a key's colon is empty (a block follows) once a trailing comment is dropped.
    static func opensBlock(_ rest: Substring) -> Bool {
        let t = rest.drop { $0 == " " }
        return t.isEmpty || t.hasPrefix("#")
    }

    /// The lines of the block under the key line `at`: from the next line to its last content line deeper than it.
    func block(under at: Int) -> Range<Int> {
        let own = ConfigText.indent(lines[at]) ?? 0
        var end = at + 1
        var i = at + 1
        while i < lines.count {
            if let ind = ConfigText.indent(lines[i]) {
                if ind <= own { break }
                end = i + 1
            }
            i += 1
        }
        return (at + 1)..<end
    }

    /// The indentation of a block's children (its first content line's), or nil when it has none.
    func childIndent(_ r: Range<Int>) -> Int? {
        r.lazy.compactMap { ConfigText.indent(lines[$0]) }.first
    }

    /// The line of a key at the top level (nil: not there).
    func topLine(_ key: String) -> Int? {
        lines.indices.first { ConfigText.indent(lines[$0]) == 0 && ConfigText.keyAndRest(lines[$0])?.key == key }
    }

    /// The line of the key a path names, each key a block child of the one before (nil: not there, or flow style).
    func line(of path: [String]) -> Int? {
        guard let first = path.first, var at = topLine(first) else { return nil }
        for key in path.dropFirst() {
            guard let rest = ConfigText.keyAndRest(lines[at])?.rest, ConfigText.opensBlock(rest) else { return nil }
            let r = block(under: at)
            guard let ind = childIndent(r),
                let found = r.first(where: {
                    ConfigText.indent(lines[$0]) == ind && ConfigText.keyAndRest(lines[$0])?.key == key
                })
            else { return nil }
            at = found
        }
        return at
    }

    /// A key written as YAML: plain when it can be, else double-quoted.
    static func yamlKey(_ key: String) -> String {
        let plain = key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        return plain && !key.isEmpty ? key : quoted(key)
    }

    /// A string as a double-quoted YAML scalar (JSON's escaping, which YAML reads the same).
    static func quoted(_ s: String) -> String { JSONWriter.escape(s) }

    /// Sets `key: value` in the mapping a path names (a top-level key when the path is empty), replacing the
    /// key's line and its block when it is there, else adding it after the mapping's last line. `comment`
    /// goes on a line of its own above.
    @discardableResult
    public mutating func set(_ key: String, _ value: String, in path: [String], comment: String? = nil) -> Bool {
        let line = "\(ConfigText.yamlKey(key)): \(value)"
        if path.isEmpty {
            if let at = topLine(key) {
                replace(at, with: line, indent: 0, comment: comment)
            } else {
                lines += (comment.map { ["", "# " + $0] } ?? [""]) + [line]
            }
            return true
        }
        guard let parent = self.line(of: path), let rest = ConfigText.keyAndRest(lines[parent])?.rest,
            ConfigText.opensBlock(rest)
        else { return false }
        let r = block(under: parent)
        let ind = childIndent(r) ?? ((ConfigText.indent(lines[parent]) ?? 0) + 2)
        if let at = r.first(where: {
            ConfigText.indent(lines[$0]) == ind && ConfigText.keyAndRest(lines[$0])?.key == key
        }) {
            replace(at, with: line, indent: ind, comment: comment)
        } else {
            insert(at: r.isEmpty ? parent + 1 : r.upperBound, [line], indent: ind, comment: comment)
        }
        return true
    }

    /// Replaces a top-level key and its block with `key:` and the given lines (indented two spaces), or adds them
    /// at the end.
    public mutating func setBlock(_ key: String, _ block: [String], comment: String? = nil) {
        let new = (comment.map { ["# " + $0] } ?? []) + [ConfigText.yamlKey(key) + ":"] + block.map { "  " + $0 }
        if let at = topLine(key) {
            lines.replaceSubrange(at..<self.block(under: at).upperBound, with: new)
        } else {
            lines += [""] + new
        }
    }

    /// Adds a child block (its lines written unindented, nested lines with their own relative indentation)
    /// at the end of the mapping a path names, creating the path's last key when its parent exists.
    @discardableResult
    public mutating func add(_ child: [String], in path: [String], comment: String? = nil) -> Bool {
        if line(of: path) == nil, path.count >= 2 {
            // The mapping is not there yet (a kind without `links:`): its key line first, at the parent's end.
            let parentPath = Array(path.dropLast())
            guard let parent = line(of: parentPath), let rest = ConfigText.keyAndRest(lines[parent])?.rest,
                ConfigText.opensBlock(rest)
            else { return false }
            let r = block(under: parent)
            let ind = childIndent(r) ?? ((ConfigText.indent(lines[parent]) ?? 0) + 2)
            insert(
                at: r.isEmpty ? parent + 1 : r.upperBound, [ConfigText.yamlKey(path[path.count - 1]) + ":"],
                indent: ind, comment: nil)
        }
        guard let parent = line(of: path), let rest = ConfigText.keyAndRest(lines[parent])?.rest,
            ConfigText.opensBlock(rest)
        else { return false }
        let r = block(under: parent)
        let ind = childIndent(r) ?? ((ConfigText.indent(lines[parent]) ?? 0) + 2)
        insert(at: r.isEmpty ? parent + 1 : r.upperBound, child, indent: ind, comment: comment)
        return true
    }

    mutating func replace(_ at: Int, with line: String, indent: Int, comment: String?) {
        let r = block(under: at)
        let pad = String(repeating: " ", count: indent)
        lines.replaceSubrange(at..<r.upperBound, with: (comment.map { [pad + "# " + $0] } ?? []) + [pad + line])
    }

    mutating func insert(at: Int, _ block: [String], indent: Int, comment: String?) {
        let pad = String(repeating: " ", count: indent)
        let new = (comment.map { ["# " + $0] } ?? []) + block
        lines.insert(contentsOf: new.map { $0.isEmpty ? "" : pad + $0 }, at: at)
    }
}
