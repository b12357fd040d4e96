import Foundation

/// What `templates/videos-index.md.mustache` is given: the video catalog, the phase of every video, the
/// statistics per phase and links to each artifact (relative to where the tracker is written).
struct TrackerContext: Encodable {
    struct Phase: Encodable {
        var number: Int
        var name: String
        var optional: Bool
    }

    struct CatalogRow: Encodable {
        var id, title, creator, url, duration: String
    }

    struct Cell: Encodable {
        var symbol: String
    }

    struct TrackerRow: Encodable {
        var id: String
        var cells: [Cell]
        var next: String
    }

    struct Statistic: Encodable {
        var number: Int
        var name: String
        var done: Int
        var percent: String
    }

    struct ArtifactLink: Encodable {
        var phase: Int
        var name: String
        var path: Markdown?
        var entities: Int?
    }

    struct Artifacts: Encodable {
        var id: String
        var links: [ArtifactLink]
    }

    var command: String
    var taxoVersion = TaxoVersion.string
    var videosCount: Int
    var phases: [Phase]
    var catalog: [CatalogRow]
    var tracker: [TrackerRow]
    /// The videos with something left to do (a missing phase, or a phase whose files have errors).
    var pending: [TrackerRow]
    var hasPending: Bool
    var hasMissing: Bool
    var hasErrors: Bool
    var statistics: [Statistic]
    var complete: Int
    var videosText: String
    var completeText: String
    var artifacts: [Artifacts]

    init(_ t: PhaseTracker, command: String, root: String?, linksFrom: String?) {
        let links = ReportLinks(root: root, from: linksFrom)
        func link(_ p: String) -> Markdown { Markdown(links(p)) }
        let videos = t.videos
        let n = videos.count
        let complete = videos.filter { v in v.phases.allSatisfy { $0.state == .done || $0.state == .skipped } }.count
        self.command = command
        videosCount = n
        phases = t.phases.map { Phase(number: $0.number, name: $0.name, optional: $0.optional) }
        catalog = videos.map {
            CatalogRow(
                id: $0.id, title: $0.title ?? "—", creator: $0.creator ?? "—", url: $0.url ?? "—",
                duration: $0.duration ?? "—")
        }
        tracker = videos.map { v in
            TrackerRow(id: v.id, cells: v.phases.map { Cell(symbol: $0.state.symbol) }, next: v.nextAction)
        }
        pending = zip(videos, tracker).filter { $0.0.pendingPhase != nil }.map(\.1)
        hasPending = !pending.isEmpty
        hasMissing = videos.contains { v in v.phases.contains { !$0.phase.optional && $0.state == .missing } }
        hasErrors = videos.contains { v in v.phases.contains { $0.state == .errors } }
        statistics = t.phases.map { p in
            let done = videos.filter { v in v.phases.contains { $0.phase.number == p.number && $0.state == .done } }
                .count
            return Statistic(
                number: p.number, name: p.name, done: done,
                percent: n == 0 ? "—" : String(format: "%.0f%%", 100.0 * Double(done) / Double(n)))
        }
        self.complete = complete
        videosText = "\(n) video\(n == 1 ? "" : "s")"
        completeText = "\(complete) \(complete == 1 ? "has" : "have")"
        artifacts = videos.map { v in
            Artifacts(
                id: v.id,
                links: v.phases.flatMap { p in
                    p.artifacts.map {
                        ArtifactLink(phase: p.phase.number, name: p.phase.name, path: link($0), entities: nil)
                    }
                        // A phase done by entities has no file to link to (no empty link).
                        + (p.entities > 0
                            ? [ArtifactLink(phase: p.phase.number, name: p.phase.name, path: nil, entities: p.entities)]
                            : [])
                })
        }
    }
}
