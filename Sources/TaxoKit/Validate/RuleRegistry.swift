import Foundation

/// Every rule taxo knows, in code order.
public enum RuleRegistry {
    public static let all: [RuleInfo] = [
        MalformedFile.info, InvalidUTF8.info, SkippedFile.info,
        MalformedID.info, UnknownPrefix.info, PlaceholderID.info, DuplicateID.info, FileNameMismatch.info,
        UnknownDepartment.info, MissingID.info, AmbiguousKind.info,
        DanglingReference.info, WrongKindReference.info, LabelMismatch.info, DanglingMention.info, AlternateSpelling.info,
        LegacyReference.info, MasterListRowMissingFile.info, MasterListFileWithoutRow.info, MasterListDisagreement.info,
        BrokenLink.info, BrokenAnchor.info, AbsolutePathLink.info, LinkOutsideLibrary.info,
        DoubledSegment.info, CommaJoinedIDs.info, ConflictedCopy.info, JSONInMarkdown.info, TableCellCount.info, DuplicateKey.info, UnusedSuppression.info,
        IncompleteHierarchy.info, HierarchyCycle.info, OrphanEntity.info,
    ].sorted { $0.code < $1.code }

    public static func rule(_ codeOrName: String) -> RuleInfo? {
        all.first { $0.code.caseInsensitiveCompare(codeOrName) == .orderedSame || $0.name == codeOrName }
    }
}

/// Runs the rules that look at the whole resolved library.
enum Validator {
    static func run(_ lib: Library) -> [Diagnostic] { runTimed(lib).diagnostics }

    /// Runs every pass (in parallel) and reports how long each took.
    static func runTimed(_ lib: Library) -> (diagnostics: [Diagnostic], timings: [StageTiming]) {
        // Longest first, so the cores finish together; the first pass makes the hierarchy the other
        // hierarchy rule (late in the list) then finds made.
        let passes: [(String, (Library) -> [Diagnostic])] = [
            ("incomplete-hierarchy", IncompleteHierarchy.check), ("links", BrokenLink.check),
            ("label-mismatch", LabelMismatch.check), ("alternate-spelling", AlternateSpelling.check),
            ("link-cycle", HierarchyCycle.check), ("dangling-mention", DanglingMention.check),
            ("wrong-kind-reference", WrongKindReference.check), ("dangling-reference", DanglingReference.check),
            ("orphan-entity", OrphanEntity.check), ("duplicate-id", DuplicateID.check),
            ("legacy-reference", LegacyReference.check), ("master-lists", MasterListDisagreement.check),
            ("unknown-prefix", UnknownPrefix.check),
        ]
        let results = Parallel.map(passes, minimum: 1) { pass -> ([Diagnostic], Double) in
            let t0 = DispatchTime.now().uptimeNanoseconds
            let d = pass.1(lib)
            return (d, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        return (results.flatMap { $0.0 }, zip(passes, results).map { StageTiming(stage: "  rule " + $0.0.0, seconds: $0.1.1) })
    }
}
