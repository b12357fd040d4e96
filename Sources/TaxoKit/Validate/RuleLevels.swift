/// Applies the configured level of each rule (by code, name or family), then the per-path `overrides`
/// (the last matching one wins); drops rules set to off. With suppressions on, an override that turns a
/// rule off for paths where it never fires is reported as unused.
enum RuleLevels {
    static func apply(_ config: Config, to diags: [Diagnostic], overrides useOverrides: Bool = true) -> [Diagnostic] {
        let overrides = useOverrides ? config.overrides : []
        guard !config.ruleLevels.isEmpty || !overrides.isEmpty else { return diags }
        var defaults: [String: Severity] = [:]
        for r in RuleRegistry.all { defaults[r.code] = r.defaultSeverity }
        let byCode = levels(config.ruleLevels)
        let perOverride = overrides.map { levels($0.levels) }
        var used = [Bool](repeating: false, count: overrides.count)
        var out: [Diagnostic] = []
        out.reserveCapacity(diags.count)
        for d in diags {
            var level = byCode[d.code]
            if !overrides.isEmpty, let f = d.location?.file {
                for (i, o) in overrides.enumerated().reversed()
                where perOverride[i][d.code] != nil && o.files.contains(where: { $0.matches(f) }) {
                    level = perOverride[i][d.code]
                    if level == .off { used[i] = true }
                    break
                }
            }
            guard let s = level else { out.append(d); continue }
            if s == .off { continue }
            // A rule's follow-on notes (a reference into a file that does not parse) stay notes.
            if d.severity == .note, defaults[d.code] != .note { out.append(d); continue }
            var d = d
            d.severity = s
            out.append(d)
        }
        for (i, o) in overrides.enumerated() where !used[i] && o.levels.values.contains(.off) {
            out.append(
                UnusedSuppression.unusedOverride(at: o.location))
        }
        return out
    }

    /// Levels by code, from levels set by code, rule name or family.
    static func levels(_ set: [String: Severity]) -> [String: Severity] {
        var byCode: [String: Severity] = [:]
        guard !set.isEmpty else { return byCode }
        for r in RuleRegistry.all {
            if let s = set[r.code] ?? set[r.name] ?? set[r.family] { byCode[r.code] = s }
        }
        return byCode
    }
}
