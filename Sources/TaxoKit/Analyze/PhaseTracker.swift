import Foundation

/// The phase tracker: for every video, which phases are done (their artifact exists), present with
/// errors, missing, or optional and absent, computed from the files themselves.
public struct PhaseTracker {
    /// Where a video stands in a phase.
    public enum State: String, Sendable {
        case done, errors, missing, skipped

        public var symbol: String {
            switch self {
            case .done: return "✅"
            case .errors: return "⚠️"
            case .missing: return "❌"
            case .skipped: return "—"
            }
        }
    }

    /// One phase of one video: its state, the artifacts found, and the entities they declare.
    public struct PhaseStatus: Sendable {
        public var phase: Phase
        public var state: State
        public var artifacts: [String]
        public var entities: Int
    }

    /// A video with its metadata (from its transcript) and its seven phases.
    public struct Video: Sendable {
        public var id: String
        public var title: String?
        public var creator: String?
        public var url: String?
        public var duration: String?
        public var phases: [PhaseStatus]

        /// The first required phase not done (missing, or done with errors in its files), if any.
        public var pendingPhase: PhaseStatus? { phases.first { !$0.phase.optional && $0.state != .done } }

        public var nextAction: String {
            if let p = pendingPhase {
                return p.state == .errors
                    ? "Fix the errors of Phase \(p.phase.number) (\(p.phase.name))"
                    : "Phase \(p.phase.number): \(p.phase.name)"
            }
            return "None: all phases done"
        }

        public var lastDone: Int { phases.filter { $0.state == .done }.map(\.phase.number).max() ?? 0 }
    }

    public let videos: [Video]
    public let phases: [Phase]

    /// Videos named by files that match a phase's artifact pattern (any extension the pattern gives).
    static func videosFromArtifacts(_ lib: Library) -> Set<String> {
        guard let re = try? NSRegularExpression(pattern: lib.config.videoPattern) else { return [] }
        let patterns = lib.config.phases.flatMap(\.artifacts).filter { !$0.hasSuffix(".md") }
        guard !patterns.isEmpty else { return [] }
        var out = Set<String>()
        for f in lib.inventory.files {
            guard let name = f.split(separator: "/").last, name.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else {
                continue
            }
            for v in VideoIDs.find(in: String(name), re) {
                if patterns.contains(where: { p in
                    VideoIDs.spellings(v).contains { p.replacingAll("{video}", with: $0) == f }
                }) {
                    out.insert(v)
                }
            }
        }
        return out
    }

    /// Computes every video's phases from the files the compile saw.
    public init(result: CompileResult) {
        let lib = result.library
        phases = lib.config.phases
        var ids = Set(lib.documents.compactMap(\.video))
        for e in lib.entities { ids.formUnion(e.videos) }
        // Videos whose only artifact is not Markdown (a transcript kept as `Video_027.json`).
        ids.formUnion(PhaseTracker.videosFromArtifacts(lib))
        var errorFiles = Set<String>()
        for d in result.diagnostics where d.severity == .error { if let f = d.location?.file { errorFiles.insert(f) } }
        let byVideo = lib.entitiesByVideo()
        var docByPath: [String: Int] = [:], transcriptOf: [String: Int] = [:]
        for (i, d) in lib.documents.enumerated() {
            docByPath[d.path] = i
            if let v = d.video, d.type == "transcript", transcriptOf[v] == nil { transcriptOf[v] = i }
        }
        var out: [Video] = []
        for v in ids.sorted() {
            var statuses: [PhaseStatus] = []
            for p in lib.config.phases {
                // `Video_19_Gap_Analysis.md` is Video_019's too: every spelling of the number is tried.
                let arts = p.artifacts.compactMap { pattern in
                    VideoIDs.spellings(v).map { pattern.replacingAll("{video}", with: $0) }.first {
                        lib.inventory.kind(of: $0) == .file
                    }
                }
                let ents = p.integrationFields.isEmpty ? [] : (byVideo[v] ?? [])
                var state: State
                if arts.isEmpty && ents.isEmpty {
                    state = p.optional ? .skipped : .missing
                } else {
                    let files = Set(arts + ents.map { lib.entities[$0].file })
                    state = files.contains(where: errorFiles.contains) ? .errors : .done
                }
                statuses.append(PhaseStatus(phase: p, state: state, artifacts: arts, entities: ents.count))
            }
            let transcript = lib.config.phases.first.flatMap { p in
                p.artifacts.map { $0.replacingAll("{video}", with: v) }.first
            }
            let doc = (transcript.flatMap { docByPath[$0] } ?? transcriptOf[v]).map { lib.documents[$0] }
            func field(_ names: [String]) -> String? {
                guard let d = doc else { return nil }
                for n in names {
                    let nk = FieldKey.normalize(n)
                    if let kv = d.fields.first(where: { FieldKey.normalize($0.key) == nk }) { return kv.value }
                }
                return nil
            }
            out.append(
                Video(
                    id: v, title: field(["Video Title", "title"]),
                    creator: field(["Channel/Creator", "Creator", "Channel"]),
                    url: field(["Video URL", "URL"]), duration: field(["Duration"]), phases: statuses))
        }
        videos = out
    }

    /// The context of `templates/videos-index.md.mustache` (`Report/TrackerContext.swift`). With `root` and
    /// `linksFrom` (absolute folders), artifact links are relative to where the tracker is written.
    public func context(command: String, root: String? = nil, linksFrom: String? = nil) throws -> ReportValue {
        try ReportValue.make(TrackerContext(self, command: command, root: root, linksFrom: linksFrom))
    }

    /// A plain-text table for the terminal.
    public func text() -> String {
        var out = "video      " + phases.map { "P\($0.number)" }.joined(separator: "  ") + "  next action\n"
        for v in videos {
            out += v.id.padding(toLength: 11, withPad: " ", startingAt: 0)
            out += v.phases.map { $0.state.symbol + (($0.state.symbol.count == 1 && $0.state != .errors) ? "  " : " ") }
                .joined(separator: " ")
            out += " " + v.nextAction + "\n"
        }
        return out
    }
}
