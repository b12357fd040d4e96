import Foundation
import Testing

@testable import TaxoKit

/// `LibraryDiff`: the example library against itself with edits laid over it (the compile's overlay and
/// absent files, as `taxo diff` builds its base).
@Suite struct LibraryDiffTests {
    static let root = TestSupport.repoRoot.path
    static let dashboard = "LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json"
    static let tavily = "LIBRARIES/LBS_003_Tools/AI_Search/Tavily_Search_API.json"
    static let sdk = "LIBRARIES/LBS_003_Tools/Auth/ScaleKit_SDK.json"
    static let newTool = "LIBRARIES/LBS_003_Tools/Automation/Brand_New_Tool.json"

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: Self.root + "/" + path, encoding: .utf8)
    }

    func compile(overlay: [String: String] = [:], absent: Set<String> = []) -> CompileResult {
        Compiler.compile(
            root: Self.root, config: TestSupport.defaultConfig, keepContent: true,
            options: CompileOptions(overlay: overlay.mapValues { Array($0.utf8) }, absent: absent))
    }

    /// A name changed and a link swapped, an ID renamed, a tool added and one removed.
    func edited() throws -> CompileResult {
        let dashboard = try read(Self.dashboard)
            .replacingOccurrences(
                of: "\"name\": \"ScaleKit Dashboard\"", with: "\"name\": \"ScaleKit Admin Dashboard\""
            )
            .replacingOccurrences(of: "\"RSP-333\"", with: "\"RSP-999\"")
        let tavily = try read(Self.tavily).replacingOccurrences(of: "TOL-AID-205", with: "TOL-AID-299")
        let added = """
            {"tool_id": "TOL-AID-555", "name": "Brand New Tool", "responsibilities": ["RSP-418"]}
            """
        return compile(
            overlay: [Self.dashboard: dashboard, Self.tavily: tavily, Self.newTool: added], absent: [Self.sdk])
    }

    @Test func entitiesLinksAndFindingsOfAChange() throws {
        let before = compile(), after = try edited()
        #expect(before.summary.errors == 0)
        let d = LibraryDiff(before: before, after: after)
        #expect(d.added.map(\.id) == ["TOL-AID-555"])
        #expect(d.added.first?.name == "Brand New Tool")
        #expect(d.removed.map(\.id) == ["TOL-SEC-125"])
        #expect(d.renamed.map { "\($0.from.id)>\($0.to.id)" } == ["TOL-AID-205>TOL-AID-299"])
        let dash = try #require(d.changed.first { $0.entity.id == "TOL-SEC-124" })
        #expect(dash.changes.contains("name 'ScaleKit Dashboard' -> 'ScaleKit Admin Dashboard'"))
        #expect(dash.changes.contains("fields changed: name, responsibilities"))
        // The renamed tool's ID field is the rename, not a field change of its own.
        #expect(!d.changed.contains { $0.entity.id == "TOL-AID-299" && $0.changes.joined().contains("tool_id") })
        #expect(
            d.linksAdded.map { "\($0.source) \($0.field) \($0.target)" } == ["TOL-SEC-124 responsibilities RSP-999"])
        #expect(
            d.linksRemoved.map { "\($0.source) \($0.field) \($0.target)" } == ["TOL-SEC-124 responsibilities RSP-333"])
        #expect(d.linksRemoved.first?.targetName != nil)
        // Every new finding is about what the change broke; the example library had none to fix.
        #expect(!d.newFindings.isEmpty)
        #expect(
            d.newFindings.allSatisfy { f in
                ["TOL-AID-205", "RSP-999", "TOL-SEC-125"].contains { f.message.contains($0) }
            })
        #expect(d.newFindings.contains { $0.code == "TAX0201" && $0.message.contains("RSP-999") })
        #expect(d.fixedFindings.isEmpty)
        #expect(d.newErrors == d.newFindings.filter { $0.severity == .error }.count)
        #expect(d.kinds.first { $0.kind == "tool" }.map { $0.after - $0.before } == 0)
        #expect(d.filesChanged == 4)
        // The other way round: what was new is fixed, added and removed swap.
        let back = LibraryDiff(before: after, after: before)
        #expect(back.fixedFindings.count == d.newFindings.count)
        #expect(back.newFindings.isEmpty)
        #expect(back.added.map(\.id) == ["TOL-SEC-125"])
        #expect(back.removed.map(\.id) == ["TOL-AID-555"])
    }

    @Test func aFindingThatOnlyMovedIsNeitherNewNorFixed() throws {
        let broken = try read(Self.dashboard).replacingOccurrences(of: "\"RSP-333\"", with: "\"RSP-999\"")
        let moved = "\n\n" + broken
        let a = compile(overlay: [Self.dashboard: broken]), b = compile(overlay: [Self.dashboard: moved])
        let lineA = a.diagnostics.first { $0.message.contains("RSP-999") }?.location?.line
        let lineB = b.diagnostics.first { $0.message.contains("RSP-999") }?.location?.line
        #expect(lineA != nil && lineB == lineA.map { $0 + 2 })
        let d = LibraryDiff(before: a, after: b)
        #expect(d.newFindings.isEmpty && d.fixedFindings.isEmpty)
        #expect(d.changed.isEmpty && d.linksAdded.isEmpty && d.linksRemoved.isEmpty)
        #expect(d.filesChanged == 1)
        #expect(d.isEmpty)
    }

    @Test func reorderingAListChangesTheRecordButNoLink() throws {
        let swapped = try read(Self.dashboard).replacingOccurrences(
            of: "\"RSP-418\",\n    \"RSP-333\"", with: "\"RSP-333\",\n    \"RSP-418\"")
        #expect(swapped != (try read(Self.dashboard)))
        let d = LibraryDiff(before: compile(), after: compile(overlay: [Self.dashboard: swapped]))
        #expect(d.linksAdded.isEmpty && d.linksRemoved.isEmpty)
        #expect(d.changed.map(\.changes) == [["fields changed: responsibilities"]])
        #expect(LibraryDiff.fieldWithoutIndices("tasks[2].task_id") == "tasks.task_id")
    }

    @Test func theReportEscapesWhatItShowsAndCutsLongLists() throws {
        let hostile = """
            {"tool_id": "TOL-AID-556", "name": "Evil | <script>alert(1)</script>\\n# Heading"}
            """
        let d = LibraryDiff(before: compile(), after: compile(overlay: [Self.newTool: hostile]))
        let r = DiffReport(d, title: "test")
        let md = try r.markdown(templates: Templates(directory: nil), command: "taxo diff")
        #expect(md.contains("TOL-AID-556"))
        #expect(!md.contains("<script>"))
        #expect(!md.contains("\n# Heading"))
        #expect(!md.contains("Evil | "))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.json().utf8)) as? [String: Any])
        #expect(
            (json["added"] as? [[String: Any]])?.first?["name"] as? String
                == "Evil | <script>alert(1)</script>\n# Heading")
        #expect(r.text().contains("+ TOL-AID-556 tool"))
        #expect(!r.text().contains("\u{1B}"))
        // A long list is cut with its total.
        var many = d
        many.added = Array(repeating: d.added[0], count: DiffReport.limit + 5)
        let cut = DiffReport(many, title: "t")
        #expect(cut.text().contains("... and 5 more"))
        #expect(try cut.markdown(templates: Templates(directory: nil), command: "x").contains("... and 5 more."))
    }
}

extension LibraryDiffTests {
    /// `taxo diff` makes its base from the work tree's compile when the configuration is the same: that must
    /// be the compile of the files as they were.
    @Test func anUpdatedCompileIsTheBaseACompileOfThenWouldBe() throws {
        let after = try edited()
        let dashboard = try read(Self.dashboard), tavily = try read(Self.tavily), sdk = try read(Self.sdk)
        let updated = Compiler.update(
            after, config: TestSupport.defaultConfig,
            changed: [
                Self.dashboard: Array(dashboard.utf8), Self.tavily: Array(tavily.utf8), Self.sdk: Array(sdk.utf8),
            ],
            removed: [Self.newTool], keepContent: true)
        let fresh = compile()
        #expect(updated.diagnostics == fresh.diagnostics)
        #expect(
            updated.library.entities.map { "\($0.file) \($0.rawID) \($0.name ?? "")" }
                == fresh.library.entities.map { "\($0.file) \($0.rawID) \($0.name ?? "")" })
        #expect(LibraryDiff(before: fresh, after: updated).isEmpty)
        #expect(LibraryDiff(before: fresh, after: updated).filesChanged == 0)
    }
}

extension LibraryDiffTests {
    /// Colour marks the line's marker only, after the library's text was escaped: a name holding a terminal
    /// escape cannot recolour the terminal.
    @Test func colourMarksAddedAndRemovedAndNeverPassesAnEscapeThrough() throws {
        let hostile = #"{"tool_id": "TOL-AID-557", "name": "Bad \u001b[2J Name"}"#
        let d = LibraryDiff(before: compile(), after: compile(overlay: [Self.newTool: hostile], absent: [Self.sdk]))
        let text = DiffReport(d, title: "t").text(color: true)
        #expect(text.contains("  \u{1B}[32m+\u{1B}[0m TOL-AID-557"))
        #expect(text.contains("  \u{1B}[31m-\u{1B}[0m TOL-SEC-125"))
        #expect(!text.contains("\u{1B}[2J"))
        #expect(!DiffReport(d, title: "t").text().contains("\u{1B}"))
    }
}

extension LibraryDiffTests {
    /// A transcript whose mentions changed (in another spelling of a kept ID too) and an analysis added.
    @Test func documentsAddedAndChangedWithTheMentionsTheyGainedAndLost() throws {
        let transcript = "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_024.md"
        let text = try read(transcript)
        let edited =
            text.replacingOccurrences(of: "TOL-SEC-124", with: "TOL-SEC-0124")
            + "\nAlso TOL-QA-031 and RSP-999.\n"
        let note = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_024_Notes.md"
        let d = LibraryDiff(
            before: compile(), after: compile(overlay: [transcript: edited, note: "# Notes\n\nTOL-SEC-124\n"]))
        let changed = try #require(d.documents.first { $0.path == transcript })
        #expect(changed.change == "changed")
        #expect(changed.video == "Video_024")
        #expect(changed.mentionsAdded.contains("RSP-999"))
        #expect(!changed.mentionsAdded.contains("TOL-SEC-0124"))
        #expect(changed.mentionsRemoved.isEmpty)
        #expect(d.documents.first { $0.path == note }?.change == "added")
        let r = DiffReport(d, title: "t")
        #expect(r.text().contains("* \(transcript) (transcript, Video_024): mentions +"))
        #expect(try r.markdown(templates: Templates(directory: nil), command: "x").contains("| \(note) | added |"))
    }
}

extension LibraryDiffTests {
    /// A master list's rows edited: one renamed and pointed at another file, one added, one removed, one only
    /// moved down a line (no change).
    @Test func masterListRowsAddedRemovedAndChanged() throws {
        let root = TestSupport.repoRoot.appendingPathComponent("Tests/Fixtures/conventions").path
        let (config, _) = ConfigLoader.load(root: URL(fileURLWithPath: root))
        let list = "LIB/Tools/Tools_Master.csv"
        let text = try String(contentsOfFile: root + "/" + list, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let figma = try #require(lines.firstIndex { $0.hasPrefix("TOL-001,") })
        let slack = try #require(lines.firstIndex { $0.hasPrefix("TOL-004,") })
        lines[figma] = "TOL-001,Figma Design,Design/TOL-001_Figma.json,"
        lines.remove(at: slack)
        lines.insert("TOL-009,Miro,TOL-009_Miro.json,", at: 1)
        func compile(_ overlay: [String: String]) -> CompileResult {
            Compiler.compile(
                root: root, config: try! #require(config),
                options: CompileOptions(overlay: overlay.mapValues { Array($0.utf8) }))
        }
        let d = LibraryDiff(before: compile([:]), after: compile([list: lines.joined(separator: "\n")]))
        #expect(
            d.masterRows.map { "\($0.id) \($0.change)" } == ["TOL-001 changed", "TOL-004 removed", "TOL-009 added"])
        #expect(
            d.masterRows.first?.changes == [
                "name 'Figma' -> 'Figma Design'", "path 'TOL-001_Figma.json' -> 'Design/TOL-001_Figma.json'",
            ])
        #expect(!d.isEmpty)
        let r = DiffReport(d, title: "t")
        #expect(r.summary.contains("3 master-list rows changed"))
        #expect(r.text().contains("  + \(list):2 TOL-009 'Miro'"))
        #expect(r.text().contains("  * \(list):\(figma + 2) TOL-001: name 'Figma' -> 'Figma Design'; path"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.json().utf8)) as? [String: Any])
        let rows = try #require(json["master_rows"] as? [[String: Any]])
        #expect(
            rows.map { "\($0["list"] ?? "") \($0["id"] ?? "") \($0["change"] ?? "")" }.first
                == "\(list) TOL-001 changed")
        #expect(
            try r.markdown(templates: Templates(directory: nil), command: "x").contains(
                "| \(list):2 | TOL-009 | Miro | added |"))
    }
}
