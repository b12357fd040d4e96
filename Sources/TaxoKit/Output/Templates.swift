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

    public func render(_ name: String, _ context: ReportValue) throws -> String {
        try parsed(name).render(context.mustache)
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
