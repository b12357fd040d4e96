import Foundation
import Testing

@testable import TaxoKit

/// Every `taxonomy.yaml` in the repository (fixtures, benchmarks), the README's configuration example and
/// the built-in default must validate, and mean what they meant: each is read into a plain description
/// of the configuration (kinds, prefixes, globs, links, documents, every key with its value) that is
/// compared with Tests/Fixtures/configs.expected. A change to how an existing file is understood shows
/// up as a diff there (regenerate on purpose with TAXO_UPDATE_GOLDEN=1 swift test).
@Suite struct ConfigFilesTests {
    static let golden = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/configs.expected")

    /// (name, YAML text) of every configuration the repository ships or documents.
    static func configurations() throws -> [(String, String)] {
        let repo = TestSupport.repoRoot
        var out: [(String, String)] = [("built-in default", DefaultConfig.yaml)]
        for rel in ["Benchmarks/taxonomy.yaml"] {
            out.append((rel, try String(contentsOf: repo.appendingPathComponent(rel), encoding: .utf8)))
        }
        let fixtures = repo.appendingPathComponent("Tests/Fixtures")
        for dir in try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted() {
            let f = fixtures.appendingPathComponent(dir).appendingPathComponent("taxonomy.yaml")
            if FileManager.default.fileExists(atPath: f.path) {
                out.append(("Tests/Fixtures/\(dir)/taxonomy.yaml", try String(contentsOf: f, encoding: .utf8)))
            }
        }
        let readme = try String(contentsOf: repo.appendingPathComponent("README.md"), encoding: .utf8)
        var n = 0
        for block in readme.components(separatedBy: "```yaml\n").dropFirst() {
            guard let end = block.range(of: "```") else { continue }
            let yaml = String(block[..<end.lowerBound])
            // Configuration examples only (not pre-commit or CI snippets): the first key is a configuration key.
            let first = yaml.split(separator: "\n").first {
                !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty
            }
            guard let key = first?.split(separator: ":").first.map(String.init),
                ConfigLoader.Reader.topKeys.contains(key)
            else { continue }
            n += 1
            out.append(("README.md yaml block \(n)", yaml))
        }
        return out
    }

    static func describe(_ c: Config) -> String {
        var lines: [String] = []
        lines.append(
            "roots \(c.roots) exclude \(c.exclude.map(\.pattern)) archive \(c.archive.map(\.pattern)) max \(c.maxFileBytes)"
        )
        lines.append("departments " + c.departments.map { "\($0.code)=\($0.name)\($0.aliases)" }.joined(separator: " "))
        if !c.roles.isEmpty {
            lines.append(
                "roles "
                    + c.roles.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }
                    .joined(separator: " "))
        }
        for k in c.kinds {
            lines.append(
                "kind \(k.name) prefix \(k.allPrefixes) dept \(k.department.rawValue) digits \(k.minDigits)-\(k.maxDigits) segments \(k.segments)"
            )
            lines.append(
                "  files \(k.files.map(\.pattern)) records \(k.records?.text ?? "-") ids \(k.idFields) names \(k.nameFields)"
            )
            lines.append(
                "  legacy fields \(k.legacyIdFields) patterns \(k.legacyPatterns.map(\.text)) case \(k.legacyCaseSensitive ? "sensitive" : "insensitive")"
            )
            lines.append(
                "  from filename \(k.idFromFilename) scoped \(k.scoped) file kind \(k.fileKind ?? "-") free text \(k.freeTextReferences) children \(k.children?.text ?? "-")"
            )
            for e in k.embedded { lines.append("  embedded \(e.files.map(\.pattern)) \(e.records.text)") }
            for l in k.links {
                lines.append(
                    "  link \(l.path.text) -> \(l.target) many \(l.many) acyclic \(l.acyclic) local \(l.local) by \(l.byPath ? "path" : l.byName ? "name" : "id")"
                )
            }
            if let schema = k.schema {
                lines.append("  fields (additional \(schema.closed ? "report" : "allow"))")
                for r in schema.fields {
                    lines.append(
                        "    \(r.name) required \(r.required) type \(r.type?.rawValue ?? "-") items \(r.items?.rawValue ?? "-") values \(r.values) pattern \(r.pattern?.text ?? "-") deprecated \(r.deprecated ?? "-")"
                    )
                }
            }
        }
        lines.append("hierarchy \(c.hierarchy)")
        for d in c.documents {
            lines.append(
                "document \(d.name) \(d.files.map(\.pattern)) scope \(d.scopeHeading ?? "-") check \(d.checkMentions) free text \(d.freeTextReferences) scoped \(d.scopedPrefixes)"
            )
        }
        for m in c.masterLists {
            lines.append(
                "master \(m.kind) \(m.files.map(\.pattern)) \(m.idColumn) \(m.nameColumn ?? "-") \(m.pathColumn ?? "-") \(m.currentIDColumn ?? "-") \(m.pathPrefix ?? "-")"
            )
        }
        lines.append("video \(c.videoPattern) link roots \(c.linkRootAliases)")
        lines.append(
            "phases "
                + c.phases.map { "\($0.number) \($0.name) \($0.optional) \($0.artifacts) \($0.integrationFields)" }
                .joined(separator: "; "))
        lines.append(
            "rules "
                + c.ruleLevels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(
                    separator: " "))
        lines.append(
            "markers \(c.proposalMarkers) ignore \(c.ignorePrefixes) code \(c.checkCodeBlocks ? "check" : "skip") inactive \(c.inactiveStatuses)"
        )
        for o in c.overrides {
            lines.append(
                "override \(o.files.map(\.pattern)) "
                    + o.levels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(
                        separator: " "))
        }
        lines.append("baseline \(c.baseline ?? "-")")
        return lines.joined(separator: "\n")
    }

    @Test func everyConfigurationValidatesAndKeepsItsMeaning() throws {
        var text = ""
        for (name, yaml) in try Self.configurations() {
            let (config, diags) = ConfigLoader.parse(SourceFile(path: name, text: yaml))
            #expect(diags.isEmpty, "\(name): \(diags.map { "\($0.location?.description ?? "") \($0.message)" })")
            let c = try #require(config, "\(name) does not load")
            text += "== \(name)\n" + Self.describe(c) + "\n"
        }
        if ProcessInfo.processInfo.environment["TAXO_UPDATE_GOLDEN"] == "1" {
            try text.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: Self.golden, encoding: .utf8)))
    }
}
