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
        var out: [Diagnostic] = []
        out += DuplicateID.check(lib)
        out += FileNameMismatch.check(lib)
        out += DanglingReference.check(lib)
        out += WrongKindReference.check(lib)
        out += LabelMismatch.check(lib)
        out += DanglingMention.check(lib)
        out += AlternateSpelling.check(lib)
        out += IncompleteHierarchy.check(lib, edges)
        out += OrphanEntity.check(lib, edges)
        out += HierarchyCycle.check(lib)
        return out
    }
}
