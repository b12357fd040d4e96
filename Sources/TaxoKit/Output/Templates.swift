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
        guard let src = source(name) else { throw TemplateError(message: "no template '\(name)'") }
        do {
            return try MustacheTemplate(string: src).render(context)
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
    static func md(_ s: String?) -> String {
        (s ?? "").replacingAll("|", with: "\\|").replacingAll("\r", with: " ").replacingAll("\n", with: " ")
    }

    /// For inside a JSON string.
    static func json(_ s: String) -> String { String(JSONWriter.escape(s).dropFirst().dropLast()) }
}
