import Foundation
import Mustache
import TaxoTestSupport
import Testing

@testable import TaxoKit

/// `CompiledTemplate` against swift-mustache: the same text for every report and site page of the example
/// library, and for random templates and contexts; what it leaves to swift-mustache is still rendered.
@Suite struct CompiledTemplateTests {
    /// A generator that gives the same sequence on every run (SplitMix64).
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// A string of `lengths` characters drawn from `letters`.
        mutating func string(_ letters: [Character], _ lengths: ClosedRange<Int>) -> String {
            String((0..<Int.random(in: lengths, using: &self)).map { _ in letters.randomElement(using: &self)! })
        }
    }

    static let names = ["a", "b", "c", "items", "flag", "renderText", ".", "a.b", "items.a", ".a", "b.c.a"]

    /// A random template of the constructs both renderers know, sections closed in order (some left open
    /// or closed wrongly, which both must refuse).
    static func template(_ g: inout Seeded) -> String {
        var out = ""
        var open: [String] = []
        let pieces = Int.random(in: 1...14, using: &g)
        for _ in 0..<pieces {
            let name = names.randomElement(using: &g)!
            switch Int.random(in: 0..<13, using: &g) {
            case 0: out += ["text", " ", "\t", "x y", "{", "}", "a{b"].randomElement(using: &g)!
            case 1: out += ["\n", "\r\n", "  \n", "\t\n", "\r"].randomElement(using: &g)!
            case 2: out += "{{\(name)}}"
            case 3: out += "{{{\(name)}}}"
            case 4: out += "{{& \(name) }}"
            case 5, 6:
                let sigil = Bool.random(using: &g) ? "#" : "^"
                let section = names.filter { $0 != "." }.randomElement(using: &g)!
                out += "{{\(sigil)\(section)}}"
                open.append(section)
            case 7, 8:
                if let last = open.popLast() { out += "{{/\(last)}}" }
            case 9: out += "{{! a comment }}"
            case 10: out += ["  ", "\n  ", "\n\t"].randomElement(using: &g)!
            case 11: out += "{{% CONTENT_TYPE: TEXT }}"
            default: out += "\n"
            }
        }
        if Int.random(in: 0..<10, using: &g) > 0 { while let last = open.popLast() { out += "{{/\(last)}}" } }
        return out
    }

    static func value(_ g: inout Seeded, depth: Int = 0) -> ReportValue {
        switch Int.random(in: 0..<(depth > 2 ? 6 : 9), using: &g) {
        case 0: return .text(["", "x", "<b>", "a\nb"].randomElement(using: &g)!)
        case 1: return .int(Int.random(in: -2...2, using: &g))
        case 2: return .double([0, 1.5].randomElement(using: &g)!)
        case 3: return .bool(Bool.random(using: &g))
        case 4: return .null
        case 5: return .text("t")
        case 6, 7:
            var members = ReportObject()
            for n in ["a", "b", "c", "items", "flag"] where Bool.random(using: &g) {
                members[n] = value(&g, depth: depth + 1)
            }
            return .object(members)
        default:
            return .array((0..<Int.random(in: 0...3, using: &g)).map { _ in value(&g, depth: depth + 1) })
        }
    }

    @Test func randomTemplatesRenderAsSwiftMustacheRendersThem() throws {
        var g = Seeded(state: 20_261_205)
        var compared = 0
        var refusedByBoth = 0
        var fellBack = 0
        for _ in 0..<4000 {
            // Templates parses every template after the TEXT content type; some here have none (and are
            // left to swift-mustache when they print a variable).
            let body = CompiledTemplateTests.template(&g)
            let source = Int.random(in: 0..<10, using: &g) > 0 ? Templates.textPragma + body : body
            let reference = try? MustacheTemplate(string: source)
            let compiled = CompiledTemplate(source: source)
            // Whatever swift-mustache accepts after the TEXT content type, the compiled renderer takes too.
            if source.hasPrefix(Templates.textPragma) {
                #expect((reference == nil) == (compiled == nil), "\(source.debugDescription)")
            } else if reference != nil, compiled == nil {
                fellBack += 1
            }
            guard let reference, let compiled else {
                if reference == nil { refusedByBoth += 1 }
                continue
            }
            for _ in 0..<3 {
                let context = CompiledTemplateTests.value(&g)
                let expected = reference.render(context.mustache ?? "")
                let got = compiled.render(context)
                #expect(got == expected, "\(source.debugDescription) with \(context)")
                compared += 1
            }
        }
        // The generator reaches both outcomes.
        #expect(compared > 6000)
        #expect(refusedByBoth > 50)
        #expect(fellBack > 50)
    }

    @Test func whatOnlySwiftMustacheRendersFallsBackToIt() throws {
        let dir = Scratch.folder("tpl")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A transform, another content type and a set delimiter: swift-mustache's own features.
        let sources = [
            "x": "{{#items}}{{#first()}}F{{/first()}}{{a}}{{/items}}",
            "y": "{{% CONTENT_TYPE: HTML }}{{a}}",
            "z": "{{=<% %>=}}<% a %>",
        ]
        for (name, text) in sources {
            try text.write(to: dir.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
            #expect(CompiledTemplate(source: Templates.textPragma + text) == nil)
        }
        let t = Templates(directory: dir.path)
        let context = ReportValue.object(["a": .text("<1>"), "items": .array([.object(["a": .text("p")])])])
        #expect(try t.render("x", context) == "Fp")
        #expect(try t.render("y", context) == "&lt;1&gt;")
        #expect(try t.render("z", context) == "<1>")
        #expect(try t.parsed("gap-analysis.md").compiled != nil)
    }

    @Test func everyBuiltInTemplateCompiles() throws {
        let t = Templates(directory: nil)
        for name in DefaultTemplates.all.keys.sorted() {
            #expect(try t.parsed(name).compiled != nil, "\(name)")
        }
    }

    @Test func reportsAndSiteAreTheSameBytesEitherWay() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        var outputs: [[String: Data]] = []
        for compiles in [true, false] {
            let templates = Templates(directory: nil, compiles: compiles)
            let out = root.appendingPathComponent("out-\(compiles)")
            let build = try Builder.build(
                root: root.path, config: TestSupport.defaultConfig, outDir: out.path, noCache: true,
                buildTime: "2026-01-01T00:00:00Z", templates: templates, keepGapReports: true)
            _ = try SiteBuilder.write(
                build.result, root: root.path, outDir: out.appendingPathComponent("site").path, templates: templates,
                gapReports: build.gapReports)
            outputs.append(
                try TestSupport.files(in: out).filter { !$0.key.hasSuffix(".sqlite") && !$0.key.hasSuffix(".bin") })
        }
        #expect(outputs[0].count > 100)
        #expect(outputs[0].keys.sorted() == outputs[1].keys.sorted())
        for (path, data) in outputs[0] where path != ".taxo-site" && !path.hasSuffix("/.taxo-site") {
            #expect(data == outputs[1][path], "\(path)")
        }
    }
}
