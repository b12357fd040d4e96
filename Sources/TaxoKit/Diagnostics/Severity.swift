/// How serious a finding is. `off` is only a configured level: a rule set to `off` reports nothing.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case off, note, warning, error

    private var rank: Int {
        switch self {
        case .off: return 0
        case .note: return 1
        case .warning: return 2
        case .error: return 3
        }
    }

    /// Notes before warnings before errors.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// Accepts the configuration spellings: error, warning, info/note, off.
    public init?(configValue: String) {
        switch configValue.lowercased() {
        case "error": self = .error
        case "warning", "warn": self = .warning
        case "info", "note": self = .note
        case "off", "ignore", "none": self = .off
        default: return nil
        }
    }
}
