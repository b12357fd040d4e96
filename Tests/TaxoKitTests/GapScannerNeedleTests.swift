import Testing

@testable import TaxoKit

/// The line walk finds "required" lines around their colons and underscores: the same lines as searching
/// each line for every needle.
@Suite struct GapScannerNeedleTests {
    @Test func anchoredSearchFindsWhatTheNeedleSearchFinds() {
        let lines = [
            "TOOLS_REQUIRED: TOL-AID-205, Notion", "- Tools_Required: x", "skills_required", "Responsibility: RSP-333",
            "responsibilities:", "The tool: Auth0", "TOOL:", "tasks:", "Steps: 1, 2", "parent_task: TST-1",
            "PARENT_MILESTONE", "object: OBJ-1", "Action:", "no needle here: at all", "tools required", "tool :",
            "_tool:", "x:y_z", "", ":", "_", "tasks", "skill_s:", "responsibilit:", "objects: many", "reaction: x",
        ]
        var found = 0
        for line in lines {
            let bytes = Array(line.utf8)[...]
            let naive = GapScanner.requiredNeedles.contains { ByteSearch.containsIgnoringCase(bytes: bytes, $0) }
            #expect(GapScanner.holdsRequired(bytes) == naive, "\(line)")
            if naive { found += 1 }
        }
        // Both outcomes are exercised.
        #expect(found > 10 && found < lines.count - 5)
    }

    /// The byte test before trimming a line never says no where trimming would find the character first.
    @Test func aLineMayStartWithWhatTrimmingFindsFirst() {
        for line in ["| a |", "  | a |", "\t|", "\u{00A0}| a |", "\u{2003}[00:01]", "[00:01:02] x", "x | y", "", "   "]
        {
            for b in [UInt8(ascii: "|"), UInt8(ascii: "[")] {
                let trimmed = Substring(line).trimmingSpacesSubstring()
                if trimmed.utf8.first == b { #expect(GapNames.mayStart(line.utf8, with: b), "\(line)") }
            }
        }
        #expect(!GapNames.mayStart("  x | y".utf8, with: UInt8(ascii: "|")))
        #expect(GapNames.timestamp("[00:01:02] Speaker") == "00:01:02")
        #expect(GapNames.timestamp("\u{00A0}[00:01] x") == "00:01")
        #expect(GapNames.timestamp("Speaker [00:01]") == nil)
    }
}

/// `SpanSet` (the IDs of a document) answers as a scan of every span would.
@Suite struct SpanSetTests {
    @Test func binarySearchAnswersAsAScanWould() {
        var g = CompiledTemplateTests.Seeded(state: 7)
        var spans: [Range<Int>] = []
        var at = 0
        for _ in 0..<200 {
            at += Int.random(in: 0...6, using: &g)
            let end = at + Int.random(in: 1...5, using: &g)
            spans.append(at..<end)
            at = end
        }
        let set = SpanSet(spans.shuffled(using: &g))
        var hits = 0
        for _ in 0..<2000 {
            let a = Int.random(in: -5...(at + 5), using: &g)
            let r = a..<(a + Int.random(in: 1...8, using: &g))
            let scan = spans.contains { $0.overlaps(r) }
            #expect(set.overlaps(r) == scan, "\(r)")
            if scan { hits += 1 }
        }
        #expect(hits > 200 && hits < 1900)
    }
}
