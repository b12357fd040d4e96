import Testing

@testable import TaxoKit

/// A Markdown workflow that describes its milestones in its own headings (`### MLS-001: Transcription`)
/// declares them: its references to them do not dangle; they stay links when the library has the ID.
@Suite struct DeclaredChildrenTests {
    static let workflow = (
        "TASK_MANAGERS/TSM-001_Templates/Workflows/WRF-009_Video_Pipeline.md",
        """
        # WRF-009: Video Pipeline

        **Workflow ID**: WRF-009

        ```
        MLS-001 -> MLS-002 -> MLS-003
        ```

        ## Milestones

        ### MLS-001: Transcription

        Uses TOL-404 (Whisper).

        ### 2. MLS-002 – Naming

        After MLS-001.

        ### TOL-405 Otter

        A tool heading: no child of a workflow.

        ## Notes

        MLS-003 is planned but not described here.

        """
    )

    static func compile(_ more: [(String, String)] = []) -> CompileResult {
        TestSupport.compile([workflow] + more)
    }

    func dangling(_ r: CompileResult) -> [String] {
        r.diagnostics.filter { $0.code == DanglingReference.info.code }.map(\.message)
    }

    @Test func childrenDescribedInHeadingsDoNotDangle() throws {
        let r = Self.compile()
        // MLS-003 has no heading; the tools are no children of a workflow.
        #expect(
            dangling(r).sorted() == [
                "dangling reference: no milestone has the ID 'MLS-003' (field 'body'); referenced 2 times here",
                "dangling reference: no tool has the ID 'TOL-404' (field 'body')",
                "dangling reference: no tool has the ID 'TOL-405' (field 'body')",
            ])
        let e = try #require(r.library.entities.first { $0.id?.written == "WRF-009" })
        #expect(Set(e.references.filter(\.declaredHere).map(\.id.written)) == ["MLS-001", "MLS-002"])
        #expect(e.inlineChildren == 2)
        // Nor does the health report count them as dangling: MLS-003 twice, TOL-404, TOL-405.
        #expect(HealthContext.referenceCounts(r.library).dangling == 4)
    }

    @Test func aDeclaredChildTheLibraryHasIsALink() throws {
        let r = Self.compile([
            (
                "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_Transcription.json",
                #"{"milestone_id": "MLS-001", "name": "Transcription", "workflow": "WRF-009"}"#
            ),
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md", "# Notes\n\nMLS-002 is next.\n"),
        ])
        let wi = try #require(r.library.entities.firstIndex { $0.id?.written == "WRF-009" })
        let mi = try #require(r.library.entities.firstIndex { $0.id?.written == "MLS-001" })
        #expect(r.library.targets[wi].contains(mi))
        #expect(r.library.backlinks()[mi]?.contains { $0.entity == wi } == true)
        // Another file's mention of a child only the workflow describes is still a claim.
        #expect(
            r.diagnostics.contains {
                $0.code == DanglingMention.info.code && $0.message.hasPrefix("'MLS-002' is mentioned")
            })
    }
}
