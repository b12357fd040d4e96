import Foundation

/// Every rule taxo knows. `RuleRegistryTests` fails when a file in `Validate/Rules/` holds a rule that is
/// not listed here, or holds more than one, or is not named after its rule.
public enum RuleRegistry {
    static let rules: [any Rule.Type] = [
        MalformedFile.self, InvalidUTF8.self, SkippedFile.self,
        MalformedID.self, UnknownPrefix.self, PlaceholderID.self, DuplicateID.self, FileNameMismatch.self,
        UnknownDepartment.self, MissingID.self, AmbiguousKind.self, UnclaimedRecords.self,
        DanglingReference.self, WrongKindReference.self, LabelMismatch.self, DanglingMention.self,
        AlternateSpelling.self,
        LegacyReference.self, MasterRowWithoutFile.self, FileWithoutMasterRow.self, MasterRowDisagrees.self,
        BrokenLink.self, BrokenAnchor.self, AbsolutePathLink.self, LinkOutsideLibrary.self,
        DoubledSegment.self, CommaJoinedIDs.self, ConflictedCopy.self, JSONInMarkdown.self, MergeConflict.self,
        TableCellCount.self,
        DuplicateKey.self,
        UnusedSuppression.self, IncompleteHierarchy.self, LinkCycle.self, OrphanEntity.self,
        MissingField.self, WrongFieldType.self, DisallowedValue.self, UnknownField.self, DeprecatedField.self,
    ]

    /// Every rule's description, in code order.
    public static let all: [RuleInfo] = rules.map { $0.info }.sorted { $0.code < $1.code }

    /// The stage each rule runs in, by code.
    public static let stages: [String: RuleStage] = Dictionary(
        uniqueKeysWithValues: rules.map { ($0.info.code, $0.stage) })

    /// The passes over the whole library, longest first.
    static let passes: [any LibraryPass.Type] = rules.compactMap { $0 as? any LibraryPass.Type }.sorted {
        $0.cost > $1.cost
    }

    /// A rule by code (`TAX0201`) or name (`dangling-reference`).
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
        let passes = RuleRegistry.passes
        let results = Parallel.map(passes, minimum: 1, chunk: 1) { pass -> ([Diagnostic], Double) in
            let t0 = DispatchTime.now().uptimeNanoseconds
            let d = pass.check(lib)
            return (d, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        return (
            results.flatMap { $0.0 },
            zip(passes, results).map { StageTiming(stage: "  rule " + $0.0.info.name, seconds: $0.1.1) }
        )
    }
}
