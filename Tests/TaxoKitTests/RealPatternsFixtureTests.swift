import Foundation
import Testing

@testable import TaxoKit

/// Tests/Fixtures/realpatterns holds, in small files, each pattern that made taxo report false errors on
/// a real library (issue 11): ranges, announced IDs, Markdown entities named by their file, moved-file
/// hints, undeclared prefixes used as conventions, legacy messages, cascades from a broken file,
/// department values, unrendered tables, follow-on hierarchy warnings, master-list hints, examples in
/// code, inactive entities and redundant notes. The findings are compared with
/// Tests/Fixtures/realpatterns.expected (regenerate on purpose with TAXO_UPDATE_GOLDEN=1 swift test), and
/// each pattern is asserted on its own below.
@Suite struct RealPatternsFixtureTests {
    static let root = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/realpatterns")

    static func compile() throws -> CompileResult {
        let (config, diags) = ConfigLoader.load(root: root)
        #expect(diags.isEmpty, "\(diags.map(\.message))")
        return Compiler.compile(root: root.path, config: try #require(config))
    }

    let r: CompileResult
    init() throws { r = try Self.compile() }

    func at(_ file: String, _ code: String? = nil) -> [Diagnostic] { TestSupport.findings(r, in: file, code) }

    @Test func findingsMatchTheGoldenFile() throws {
        try TestSupport.expectGolden(
            r.diagnostics.map(TestSupport.render).joined(separator: "\n") + "\n", "realpatterns.expected")
    }

    @Test func aRangeIsOneFinding() throws {
        let doc = at("Ranges.md", "TAX0205")
        let range = try #require(doc.first { $0.message.contains("ACT-001 to ACT-020") })
        #expect(
            range.message
                == "5 of 20 IDs in ACT-001 to ACT-020 are not declared: ACT-004, ACT-007, ACT-011, ACT-012, ACT-019")
        #expect(doc.filter { $0.message.contains("ACT-") }.count == 1)
        // TOL-001..TOL-003 all exist; two IDs of different departments are no range.
        #expect(!doc.contains { $0.message.contains("TOL-002") })
        #expect(
            doc.contains { $0.message.contains("'TOL-SEC-001'") }
                && doc.contains { $0.message.contains("'TOL-QA-003'") })
        let entity = at("TOL-001_Figma.json", "TAX0201")
        #expect(entity.contains { $0.message == "1 of 4 IDs in TOL-001 to TOL-004 is not declared: TOL-004" })
        // The range's IDs are all in the model (but the entity's own ID), at the range's position.
        let figma = try #require(r.library.entities.first { $0.id?.written == "TOL-001" })
        let members = figma.references.filter { $0.range == "TOL-001 to TOL-004" }
        #expect(members.map(\.id.written) == ["TOL-002", "TOL-003", "TOL-004"])
        #expect(Set(members.map(\.location)).count == 2)  // the inner IDs stand at the first end
    }

    @Test func announcedIDsAreProposals() throws {
        let plan = at("Plan.md", "TAX0205")
        #expect(
            plan.map { $0.message } == [
                "'TOL-061' is mentioned but no tool has this ID", "'TOL-070' is mentioned but no tool has this ID",
            ])
        let doc = try #require(r.library.documents.first { $0.path.hasSuffix("Plan.md") })
        let proposed = Set(doc.mentions.filter(\.isProposal).map(\.id.written))
        #expect(
            proposed == [
                "TOL-050", "ACT-100", "ACT-101", "ACT-102", "ACT-103", "ACT-104", "ACT-105", "TOL-051", "TOL-060",
            ])
        // Announced IDs are taken: the next free action ID comes after the announced range.
        var alloc = IDAllocator(library: r.library)
        let action = try #require(r.library.config.kinds.firstIndex { $0.name == "action" })
        #expect(alloc.next(kind: action, department: nil) == "ACT-106")
    }

    @Test func markdownEntitiesAreNamedByTheirFile() throws {
        let lib = r.library
        let pmt4 = try #require(lib.entities.first { $0.id?.written == "PMT-004" })
        #expect(pmt4.name == "Video Transcription")
        // The header ID differs from the file name: the file name wins, the header ID is a legacy ID.
        let pmt5 = try #require(lib.entities.first { $0.id?.written == "PMT-005" })
        #expect(pmt5.legacyKeys == ["PMT-50"])
        #expect(at("PMT-005_Naming.md", "TAX0105").count == 1)
        // README.md is a document (a document type matches it), even with an ID header in a kind's folder.
        #expect(lib.documents.contains { $0.path == "TM/Prompts/README.md" })
        #expect(!lib.entities.contains { $0.file == "TM/Prompts/README.md" })
        #expect(at("README.md", "TAX0107").isEmpty)
    }

    @Test func movedFileHintsOnlyForUniqueLiveFiles() throws {
        let links = at("Links.md", "TAX0401")
        #expect(links.count == 4)
        #expect(
            links.first { $0.message.contains("Unique_Report") }?.hint
                == "a file of this name is at 'New/Unique_Report.md'")
        for name in ["README", "Archived_Only", "Backup_Only"] {
            #expect(links.first { $0.message.contains(name) }?.hint == nil, "\(name)")
        }
        #expect(
            at("Links.md", "TAX0404").map(\.message) == ["link '../../../Outside.md' climbs above the library root"])
    }

    @Test func aConventionalPrefixIsReportedOnce() throws {
        let cat = r.diagnostics.filter { $0.code == "TAX0102" && $0.message.contains("'CAT'") }
        #expect(cat.count == 1)
        #expect(cat.first?.message == "'CAT' appears in 5 IDs in 3 files but no kind declares it")
        #expect(cat.first?.hint?.contains("did you mean") == false)
        #expect(cat.first?.notes.count == 2)
        // A rare one stays a typo with did-you-mean; an ignored prefix is never reported.
        #expect(
            r.diagnostics.contains {
                $0.code == "TAX0102" && $0.message.contains("'TKS-004'") && $0.hint == "did you mean 'TSK'?"
            })
        #expect(!r.diagnostics.contains { $0.message.contains("CTA") })
    }

    @Test func legacyMessagesAreHonest() throws {
        let legacy = at("TOL-001_Figma.json", "TAX0207").map(\.message)
        #expect(
            legacy.contains(
                "'TOOL-112' refers to TOL-120 (Dropbox Dash), archived in LIB/Tools/_archive/TOL-120_Dropbox_Dash.json")
        )
        #expect(legacy.contains("'TOL-131' is an old ID of TOL-130"))
        #expect(legacy.contains("'TOL-201' is the master list's ID for TOL-002 (Zapier)"))
        #expect(!r.diagnostics.contains { $0.message.contains("('')") })
        // The label names another entity: no "write" hint.
        let master = try #require(at("TOL-001_Figma.json", "TAX0207").first { $0.message.contains("TOL-201") })
        #expect(master.hint?.hasPrefix("write") == false)
    }

    @Test func aBrokenFileIsOneErrorNotACascade() throws {
        #expect(r.diagnostics.filter { $0.severity == .error && $0.message.contains("TOL-QA-031") }.isEmpty)
        let notes = r.diagnostics.filter { $0.message.contains("'TOL-QA-031' is declared by") }
        #expect(notes.count == 2)
        #expect(notes.allSatisfy { $0.severity == .note })
        #expect(
            notes.allSatisfy {
                $0.notes.first?.location
                    == SourceLocation(file: "LIB/Tools/QA/TOL-QA-031_Inspector.json", line: 3, column: 26)
            })
        let summary = SummaryReporter.render(r.diagnostics)
        #expect(summary.hasPrefix("Root causes"))
        #expect(summary.contains("TAX0001  LIB/Tools/QA/TOL-QA-031_Inspector.json:3:26"))
    }

    @Test func departmentValuesAreChecked() throws {
        let d = at("TOL-001_Figma.json", "TAX0106")
        #expect(d.map(\.message) == ["'QAX' is not a department code, alias or name"])
        #expect(d.first?.hint == "did you mean 'QA'?")
    }

    @Test func anUnrenderedTableIsOneWarning() throws {
        let t = at("Tables.md", "TAX0505")
        #expect(t.count == 2)
        #expect(t[0].location?.line == 3)
        #expect(t[0].message == "this table does not render: the header has 4 cells, the delimiter row and rows 5")
        #expect(t[0].hint == "add the missing header cell")
        #expect(t[1].location?.line == 10)
    }

    @Test func hierarchyWarningsFollowingADanglingLinkAreFolded() throws {
        #expect(at("STP-012_Go.json", "TAX0303").isEmpty)
        #expect(at("STP-012_Go.json", "TAX0201").first?.notes.first?.message.contains("belongs to no task") == true)
        #expect(at("TSK-007_Do.json", "TAX0301").isEmpty)
        #expect(at("TSK-007_Do.json", "TAX0201").first?.notes.first?.message.contains("has no steps") == true)
        // A real orphan still is one.
        #expect(at("STP-015_Orphan.json", "TAX0303").count == 1)
    }

    @Test func inactiveEntitiesAreExemptFromHierarchyRules() throws {
        #expect(at("STP-013_Old.json").isEmpty)
        #expect(at("TSK-008_Old.json").isEmpty)
        #expect(r.library.entities.first { $0.id?.written == "TSK-008" }?.status == "Archived")
    }

    @Test func masterListRowsPointAtTheCellAndTheDeclaringFile() throws {
        let row = try #require(at("Tools_Master.csv", "TAX0601").first)
        #expect(row.location == SourceLocation(file: "LIB/Tools/Tools_Master.csv", line: 2, column: 15))
        #expect(row.message.hasSuffix("TOL-001 is declared by 'LIB/Tools/TOL-001_Figma.json'"))
        #expect(row.hint == "update the row's path to 'LIB/Tools/TOL-001_Figma.json'")
    }

    @Test func examplesInCodeAndStatusRemarksAreNotLabels() throws {
        #expect(at("PMT-004_Video_Transcription.md").isEmpty)
        let pmt = try #require(r.library.entities.first { $0.id?.written == "PMT-004" })
        #expect(pmt.references.contains { $0.inCode && $0.label == "Browse AI" })
        #expect(pmt.references.contains { $0.id.written == "TOL-001" && $0.label == nil && !$0.inCode })
    }

    @Test func noNoteWhereTheTextGivesTheCanonicalSpelling() throws {
        let notes = at("TOL-001_Figma.json", "TAX0206")
        #expect(notes.map { $0.location!.line } == [9])
        #expect(!at("TOL-001_Figma.json", "TAX0203").contains { $0.message.contains("should be") })
    }

    @Test func codeBlocksAreCheckedWhenConfigured() throws {
        var config = try #require(ConfigLoader.load(root: Self.root).0)
        config.checkCodeBlocks = true
        let checked = Compiler.compile(root: Self.root.path, config: config)
        #expect(
            checked.diagnostics.contains {
                $0.code == "TAX0203" && $0.location?.file.hasSuffix("PMT-004_Video_Transcription.md") == true
            })
        #expect(
            checked.diagnostics.contains {
                $0.code == "TAX0207" && $0.location?.file.hasSuffix("PMT-004_Video_Transcription.md") == true
            })
    }
}
