import ArgumentParser
import TaxoKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a rule (TAX0201 or dangling-reference), or list all rules.")

    @Argument(help: "A rule code or name; omit to list every rule.")
    var rule: String?

    @Option(name: .long, help: "text or json.")
    var format: DataFormat = .text

    @OptionGroup var output: OutputOptions

    func run() throws {
        if format == .json {
            let rules =
                try rule.map { r -> [RuleInfo] in
                    guard let one = RuleRegistry.rule(r) else { throw Self.unknown(r) }
                    return [one]
                } ?? RuleRegistry.all
            Console.out(DataJSON.rules(rules))
            return
        }
        guard let rule else {
            var out = ""
            for r in RuleRegistry.all {
                out += "\(r.code)  \(r.defaultSeverity.label.padding(7))  \(r.name.padding(22))  \(r.summary)\n"
            }
            Console.out(out)
            return
        }
        guard let r = RuleRegistry.rule(rule) else { throw Self.unknown(rule) }
        let stage = RuleRegistry.stages[r.code].map { ", " + $0.phrase } ?? ""
        var out =
            "\(r.code) \(r.name) (\(r.family), default \(r.defaultSeverity.label)\(stage))\n\n\(r.summary)\n\n\(r.explanation)\n"
        if let fix = Fixes.descriptions[r.code] { out += "\nFix: \(fix)\n" }
        for (title, examples) in [("Triggers on", r.triggering), ("Does not trigger on", r.nonTriggering)] {
            out += "\n\(title):\n"
            for ex in examples {
                for f in ex.files {
                    out += "  --- \(f.path)\n"
                    let text = Self.shown(f.bytes)
                    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(12)
                    where !line.isEmpty {
                        out += "    \(line)\n"
                    }
                }
            }
        }
        Console.out(out)
    }

    /// An example's text, each byte that is not part of valid UTF-8 shown as `\xE9`.
    static func shown(_ bytes: [UInt8]) -> String {
        var out = "", i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            if n > 0, i + n <= bytes.count, let s = String(validating: bytes[i..<(i + n)], as: UTF8.self) {
                out += s
                i += n
            } else {
                out += "\\x" + String(lead, radix: 16, uppercase: true)
                i += 1
            }
        }
        return out
    }
}

extension ExplainCommand {
    static func unknown(_ rule: String) -> TaxoExit {
        let names = RuleRegistry.all.flatMap { [$0.code, $0.name] }
        Console.err(
            "taxo: error: no rule '\(rule)'" + (NearMiss.hint(for: rule, in: names).map { "; \($0)" } ?? "") + "\n")
        return TaxoExit(code: 2)
    }
}

/// `--format` of the commands that print data.
enum DataFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
