import Foundation
import Mustache

/// Renders Mustache templates: the library's `templates/NAME.mustache` when it has one, else the built-in.
public struct Templates: Sendable {
    public let directory: String?
    /// Whether templates `CompiledTemplate` can render are rendered by it (off: all by swift-mustache, which
    /// the differential tests compare with).
    let compiles: Bool

    /// Templates from `directory` (the library's `templates/`), else the built-in ones.
    public init(directory: String?) { self.init(directory: directory, compiles: true) }

    init(directory: String?, compiles: Bool) {
        self.directory = directory
        self.compiles = compiles
    }

    /// A template's source: the library's, else the built-in one.
    public func source(_ name: String) -> String? {
        if let d = directory, let data = FileManager.default.contents(atPath: d + "/" + name + ".mustache") {
            return String(decoding: data, as: UTF8.self)
        }
        return DefaultTemplates.all[name]
    }

    /// Renders a template with a context.
    public func render(_ name: String, _ context: ReportValue) throws -> String {
        let t = try parsed(name)
        if let compiled = t.compiled { return compiled.render(context) }
        return t.mustache.render(context.mustache ?? "")
    }

    /// Renders a template with a context, as UTF-8.
    func renderBytes(_ name: String, _ context: ReportValue) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        try render(name, context, into: &out)
        return out
    }

    /// Renders a template with a context, appended to `out` as UTF-8.
    func render(_ name: String, _ context: ReportValue, into out: inout [UInt8]) throws {
        let t = try parsed(name)
        if let compiled = t.compiled { return compiled.render(context, into: &out) }
        out.append(contentsOf: t.mustache.render(context.mustache ?? "").utf8)
    }

    /// A template as swift-mustache parsed it (which also checks it) and, when it uses only what
    /// `CompiledTemplate` renders, compiled. A class: taking it from the cache retains one object, not each
    /// of its program's arrays (shared by the pages every core renders).
    final class Parsed: Sendable {
        let mustache: MustacheTemplate
        let compiled: CompiledTemplate?

        init(mustache: MustacheTemplate, compiled: CompiledTemplate?) {
            self.mustache = mustache
            self.compiled = compiled
        }
    }

    static let textPragma = "{{% CONTENT_TYPE: TEXT }}"

    /// Templates are parsed once per run.
    private let cache = Locked<[String: Parsed]>([:])

    func parsed(_ name: String) throws -> Parsed {
        try cache.withLock { templates in
            if let t = templates[name] { return t }
            guard let src = source(name) else { throw TaxoError.template("no template '\(name)'") }
            do {
                // Contexts arrive escaped for where they land (`ReportEncoder`): Mustache escapes nothing more,
                // `{{x}}` and `{{{x}}}` alike, in the built-in templates and a library's own.
                let source = Templates.textPragma + src
                let t = Parsed(
                    mustache: try MustacheTemplate(string: source),
                    compiled: compiles ? CompiledTemplate(source: source) : nil)
                templates[name] = t
                return t
            } catch {
                throw TaxoError.template("template '\(name)' does not parse: \(error)")
            }
        }
    }
}
