/// A gap report's template tree made directly rather than by encoding its context (`ReportValue.make`): a
/// report has hundreds of candidates (1,700 each at 100k entities), and the `Encodable` walk, a container
/// and a snake_case key per value, cost more than making the context. The tree is the one the encoder
/// makes, key for key (a test compares them): text escaped for Markdown, Markdown made here as it is, a
/// nil member null.
extension GapReportContext {
    var templateTree: ReportValue {
        let t = GapReportContext.text
        return .object([
            "title": t(title), "source_id": t(sourceID), "command": t(command), "taxo_version": t(taxoVersion),
            "targets": .array(
                targets.map { .object(["path": t($0.path), "link": .text($0.link.text), "last": .bool($0.last)]) }),
            "has_skipped": .bool(hasSkipped),
            "skipped": .array(
                skipped.map { .object(["path": t($0.path), "link": .text($0.link.text), "reason": t($0.reason)]) }),
            "library": .object(["entities": .int(library.entities), "files": .int(library.files)]),
            "summary": summary.templateTree,
            "groups": .array(groups.map(\.templateTree)),
            "findings": .array(findings.map { .text($0.text) }),
            "actions": .array(actions.map(t)),
            "next_free": .array(
                nextFree.map { .object(["kind": t($0.kind), "department": t($0.department), "id": t($0.id)]) }),
        ])
    }

    static func text(_ s: String) -> ReportValue { .text(MarkdownText.escape(s)) }
}

extension GapReportContext.Summary {
    var templateTree: ReportValue {
        .object([
            "candidates": .int(candidates), "documents": .int(documents), "exists": .int(exists),
            "conflict": .int(conflict), "near": .int(near), "missing": .int(missing),
            "placeholder": .int(placeholder), "proposed": .int(proposed), "broken": .int(broken), "high": .int(high),
            "coverage": GapReportContext.text(coverage), "sentence": GapReportContext.text(sentence),
            "high_sentence": GapReportContext.text(highSentence),
        ])
    }
}

extension GapReportContext.Group {
    var templateTree: ReportValue {
        .object([
            "name": GapReportContext.text(name), "identified": .int(identified), "exists": .int(exists),
            "conflict": .int(conflict), "near": .int(near), "missing": .int(missing),
            "priority": GapReportContext.text(priority), "candidates": .array(candidates.map(\.templateTree)),
        ])
    }
}

extension GapReportContext.Candidate {
    var templateTree: ReportValue {
        let t = GapReportContext.text
        return .object([
            "text": t(text), "id": id.map(t) ?? .null, "verdict": t(verdict), "score": score.map(t) ?? .null,
            "library": .text(library.text), "evidence": .text(evidence.text), "suggested_id": t(suggestedID),
            "priority": t(priority), "action": t(action),
        ])
    }
}
