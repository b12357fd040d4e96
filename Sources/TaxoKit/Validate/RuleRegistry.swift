import Foundation

/// Every rule taxo knows, in code order.
public enum RuleRegistry {
    public static let all: [RuleInfo] = [
        MalformedFile.info, InvalidUTF8.info, SkippedFile.info,
        MalformedID.info, UnknownPrefix.info, PlaceholderID.info, DuplicateID.info, FileNameMismatch.info,
        UnknownDepartment.info, MissingID.info,
        DanglingReference.info, WrongKindReference.info, LabelMismatch.info, DanglingMention.info, AlternateSpelling.info,
        IncompleteHierarchy.info, HierarchyCycle.info, OrphanEntity.info,
    ].sorted { $0.code < $1.code }

    public static func rule(_ codeOrName: String) -> RuleInfo? {
        all.first { $0.code.caseInsensitiveCompare(codeOrName) == .orderedSame || $0.name == codeOrName }
    }
}

/// Runs the rules that look at the whole resolved library.
enum Validator {
    static func run(_ lib: Library) -> [Diagnostic] {
        let edges = HierarchyEdges(lib)
        let passes: [(Library) -> [Diagnostic]] = [
            DuplicateID.check, FileNameMismatch.check, DanglingReference.check, WrongKindReference.check,
            LabelMismatch.check, DanglingMention.check, AlternateSpelling.check,
            { IncompleteHierarchy.check($0, edges) }, { OrphanEntity.check($0, edges) }, HierarchyCycle.check,
        ]
        return Parallel.map(passes, minimum: 1) { $0(lib) }.flatMap { $0 }
    }
}
