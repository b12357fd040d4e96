import Foundation
import Mustache

/// Renders Mustache templates: the library's `templates/NAME.mustache` when it has one, else the built-in.
public struct Templates: Sendable {
    public let directory: String?

    /// Templates from `directory` (the library's `templates/`), else the built-in ones.
    public init(directory: String?) { self.directory = directory }

    /// A template's source: the library's, else the built-in one.
    public func source(_ name: String) -> String? {
        if let d = directory, let data = FileManager.default.contents(atPath: d + "/" + name + ".mustache") {
            return String(decoding: data, as: UTF8.self)
        }
        return DefaultTemplates.all[name]
    }

    /// Renders a template with a context.
    public func render(_ name: String, _ context: ReportValue) throws -> String {
        try parsed(name).render(context.mustache ?? "")
    }

    static let textPragma = "{{% CONTENT_TYPE: TEXT }}"

    /// Templates are parsed once per run.
    private let cache = Locked<[String: MustacheTemplate]>([:])

    func parsed(_ name: String) throws -> MustacheTemplate {
        try cache.withLock { templates in
            if let t = templates[name] { return t }
            guard let src = source(name) else { throw TaxoError.template("no template '\(name)'") }
            do {
                // Contexts arrive escaped for where they land (`ReportEncoder`): Mustache escapes nothing more,
                // `{{x}}` and `{{{x}}}` alike, in the built-in templates and a library's own.
                let t = try MustacheTemplate(string: Templates.textPragma + src)
                templates[name] = t
                return t
            } catch {
                throw TaxoError.template("template '\(name)' does not parse: \(error)")
            }
        }
    }
}
