import Testing

@testable import TaxoKit

/// Units of the extract stage: labels after IDs, proposal sections and columns, bold header fields.
@Suite struct ExtractUnitTests {
    func label(_ line: String, _ id: String) -> String? {
        let u = Array(line.utf8)
        let start = line.utf8.distance(from: line.utf8.startIndex, to: line.range(of: id)!.lowerBound)
        return Labels.after(u[...], start: start, end: start + id.utf8.count)
    }

    @Test func labelsAfterIDs() {
        #expect(label("TOL-001 (Figma)", "TOL-001") == "Figma")
        #expect(label("- TOL-001: Figma", "TOL-001") == "Figma")
        #expect(label("- TOL-001 – Figma | x", "TOL-001") == "Figma")
        // Status remarks and bold descriptions are not names; a colon label only when the ID opens the text.
        #expect(label("TOL-001 (Deprecated)", "TOL-001") == nil)
        #expect(label("TOL-001: **Used for mockups**", "TOL-001") == nil)
        #expect(label("see TOL-001: Figma", "TOL-001") == nil)
    }

    func proposals(_ text: String) -> (ProposalSections, SourceFile) {
        let f = SourceFile(path: "a.md", text: text)
        let syntax = MarkdownParser.parse(f)
        return (
            ProposalSections(
                file: f, syntax: syntax, code: syntax.codeLines(count: f.lines.lineCount),
                markers: Config.defaultProposalMarkers), f
        )
    }

    func lineBytes(_ f: SourceFile, _ l: Int) -> ArraySlice<UInt8> {
        let a = f.lines.lineStarts[l - 1], z = l < f.lines.lineCount ? f.lines.lineStarts[l] : f.bytes.count
        return f.bytes[a..<z]
    }

    @Test func proposalSectionsAndLeadIns() {
        let (p, f) = proposals(
            "# Plan\n\n## Next available IDs\n\n- TOL-010\n\n## Notes\n\nTOL-011 exists.\n\nReserved:\n\n- TOL-012\n")
        #expect(p.isProposal(line: 5, bytes: lineBytes(f, 5)))
        #expect(!p.isProposal(line: 9, bytes: lineBytes(f, 9)))
        #expect(p.isProposal(line: 13, bytes: lineBytes(f, 13)))
    }

    /// Rows followed by more lines (each with its newline) are in the proposal column too (a regression:
    /// the delimiter row with its newline was not recognised).
    @Test func proposalColumnsOfTablesInsideADocument() {
        let (p, f) = proposals(
            "# Gap\n\n| Candidate | Suggested ID |\n|-----------|--------------|\n| Notion | TOL-AID-206 |\n| Zapier | TOL-AID-207 |\n\nDone.\n"
        )
        for l in [5, 6] {
            let row = lineBytes(f, l)
            let offset = row.startIndex + Array(row).firstIndex(of: UInt8(ascii: "T"))!
            #expect(p.inProposalColumn(line: l, bytes: row, offset: offset), "line \(l)")
            #expect(!p.inProposalColumn(line: l, bytes: row, offset: row.startIndex + 2), "line \(l), first cell")
        }
    }

    @Test func boldHeaderFields() {
        let f = HeaderFields.bold("- **Proposed Tool ID**: `TOL-AID-201`")
        #expect(f?.key == "Proposed Tool ID")
        #expect(f?.value == "TOL-AID-201")
        #expect(HeaderFields.bold("**Status:** draft")?.value == "draft")
        #expect(HeaderFields.bold("- **Bold** text without a colon") == nil)
    }

    @Test func anIDWrittenAsTheBoldKeyIsNoFieldName() throws {
        let r = TestSupport.compile([
            (
                "TASK_MANAGERS/TSM-006_Workflows/WRF-001_Pipeline.md",
                "# Pipeline\n\n**Workflow ID**: WRF-001\n**Prompt**: PMT-004\n\n## Related\n\n- **PMT-070**: Daily Reports Processing\n"
            )
        ])
        let refs = try #require(r.library.entities.first { $0.id?.written == "WRF-001" }).references
        #expect(refs.first { $0.id.written == "PMT-004" }?.field == "Prompt")
        #expect(refs.first { $0.id.written == "PMT-070" }?.field == "body")
    }

    /// A doubled segment a script wrote in many places of one file is one finding, counted, the other places
    /// as notes; another doubled text in the same file is its own finding.
    @Test func aDoubledSegmentRepeatedInAFileIsOneFinding() throws {
        let paths = (1...13).map { #""LIBRARIES/LBS_003_LBS_003_Tools/T\#($0)""# }.joined(separator: ", ")
        let r = TestSupport.compile([
            (
                "LIBRARIES/Responsibilities/Objects/AI.json",
                #"{"objects": [{"object_id": "OBJ-AI-001", "name": "x", "related": [\#(paths)], "#
                    + #""see": "VIDEO-VIDEO-001"}]}"#
            )
        ])
        let found = r.diagnostics.filter { $0.code == DoubledSegment.info.code }
        #expect(found.count == 2)
        let lbs = try #require(found.first { $0.message.hasPrefix("'LBS_003_LBS_003'") })
        #expect(lbs.message == "'LBS_003_LBS_003' repeats its first segment (13 times in this file)")
        #expect(lbs.notes.count == Diagnostic.Note.foldedPlaces + 1)
        #expect(lbs.notes.last?.message == "and 2 more")
        #expect(lbs.notes.dropLast().allSatisfy { $0.location.map { $0 > lbs.location! } ?? false })
        #expect(found.contains { $0.message == "'VIDEO-VIDEO' repeats its first segment" })
    }
}
