import Foundation

/// Phase 7, generated: how a video's entities sit in the library, from the actual links.
public struct MappingReport {
    let result: CompileResult
    let video: String
    var lib: Library { result.library }

    let videoEntities: [Int]

    /// A video's mapping; `entities` are those naming it (found in the library when nil).
    public init(result: CompileResult, video: String, entities: [Int]? = nil) {
        self.result = result
        self.video = video
        // Entities that name the video in an integration field.
        self.videoEntities =
            entities ?? result.library.entities.indices.filter { result.library.entities[$0].videos.contains(video) }
    }

    /// An entity's children in the hierarchy, by displayed ID.
    func kids(_ i: Int) -> [Int] {
        lib.hierarchy.children(of: i).map { (lib.displayID(lib.entities[$0]), $0) }.sorted { $0 < $1 }.map(\.1)
    }

    func label(_ i: Int) -> String {
        let e = lib.entities[i]
        return lib.displayID(e) + (e.name.map { " " + $0 } ?? "")
    }

    func dept(_ e: Entity) -> String? { e.department ?? e.id?.canonicalDepartment }

    /// The context of `templates/library-mapping.md.mustache` (`Report/MappingContext.swift`). With `root` and
    /// `linksFrom` (absolute folders), links are relative to where the report is written.
    public func context(command: String, root: String? = nil, linksFrom: String? = nil) throws -> ReportValue {
        try ReportValue.make(MappingContext(self, command: command, root: root, linksFrom: linksFrom))
    }
}
