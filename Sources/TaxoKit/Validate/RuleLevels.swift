/// Applies the configured level of each rule (by code, name or family); drops rules set to off.
enum RuleLevels {
    static func apply(_ config: Config, to diags: [Diagnostic]) -> [Diagnostic] {
        guard !config.ruleLevels.isEmpty else { return diags }
        var byCode: [String: Severity] = [:]
        var defaults: [String: Severity] = [:]
        for r in RuleRegistry.all {
            defaults[r.code] = r.defaultSeverity
            if let s = config.ruleLevels[r.code] ?? config.ruleLevels[r.name] ?? config.ruleLevels[r.family] { byCode[r.code] = s }
        }
        return diags.compactMap { d in
            guard let s = byCode[d.code] else { return d }
            if s == .off { return nil }
            // A rule's follow-on notes (a reference into a file that does not parse) stay notes.
            if d.severity == .note, defaults[d.code] != .note { return d }
            var d = d
            d.severity = s
            return d
        }
    }
}
