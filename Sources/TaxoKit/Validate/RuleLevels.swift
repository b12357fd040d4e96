/// Applies the configured level of each rule (by code, name or family); drops rules set to off.
enum RuleLevels {
    static func apply(_ config: Config, to diags: [Diagnostic]) -> [Diagnostic] {
        guard !config.ruleLevels.isEmpty else { return diags }
        var byCode: [String: Severity] = [:]
        for r in RuleRegistry.all {
            if let s = config.ruleLevels[r.code] ?? config.ruleLevels[r.name] ?? config.ruleLevels[r.family] { byCode[r.code] = s }
        }
        return diags.compactMap { d in
            guard let s = byCode[d.code] else { return d }
            if s == .off { return nil }
            var d = d
            d.severity = s
            return d
        }
    }
}
