import Foundation
import Mustache

/// Renders Mustache templates: the library's `templates/NAME.mustache` when it has one, else the built-in.
public struct Templates {
    public let directory: String?

    public init(directory: String?) { self.directory = directory }

    public func source(_ name: String) -> String? {
        if let d = directory, let data = FileManager.default.contents(atPath: d + "/" + name + ".mustache") {
            return String(decoding: data, as: UTF8.self)
        }
        return DefaultTemplates.all[name]
    }

    public func render(_ name: String, _ context: [String: Any]) throws -> String {
        try parsed(name).render(context)
    }

    /// Templates are parsed once per run.
    private let cache = ParsedCache()

    final class ParsedCache: @unchecked Sendable {
        let lock = NSLock()
        var templates: [String: MustacheTemplate] = [:]
    }

    func parsed(_ name: String) throws -> MustacheTemplate {
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if let t = cache.templates[name] { return t }
        guard let src = source(name) else { throw TemplateError(message: "no template '\(name)'") }
        do {
            let t = try MustacheTemplate(string: src)
            cache.templates[name] = t
            return t
        } catch {
            throw TemplateError(message: "template '\(name)' does not parse: \(error)")
        }
    }

    public struct TemplateError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

/// Helpers to make template values safe where they land.
enum Cell {
    /// For a Markdown table cell: pipes escaped, line breaks folded.
    /// For a Markdown table cell: pipes escaped, line breaks folded, and `<` `>` as entities (a name holding
    /// `<script>` stays text in every renderer).
    static func md(_ s: String?) -> String {
        guard let s else { return "" }
        guard s.utf8.contains(where: { $0 == 124 || $0 == 10 || $0 == 13 || $0 == 60 || $0 == 62 }) else { return s }
        var out = ""
        for ch in s {
            switch ch {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// For a line inside a fenced code block: one line (breaks folded), and no run of three backticks that
    /// would close the fence.
    static func fenced(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 96 || $0 == 10 || $0 == 13 }) else { return s }
        var t = s.replacingAll("\r\n", with: " ").replacingAll("\n", with: " ").replacingAll("\r", with: " ")
        while t.contains("```") { t = t.replacingAll("```", with: "`\u{200B}`\u{200B}`") }
        return t
    }

    /// For inside a JSON string.
    static func json(_ s: String) -> String { String(JSONWriter.escape(s).dropFirst().dropLast()) }
}
