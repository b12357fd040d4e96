import Foundation

/// Phase 7, generated: how a video's entities sit in the library, from the actual links.
public struct MappingReport {
    let result: CompileResult
    let video: String
    var lib: Library { result.library }

    let videoEntities: [Int]
    /// The video's documents (indices into the library's), in library order.
    let videoDocuments: [Int]

    /// A video's mapping; `entities` are those naming it and `documents` the video's documents (found in the
    /// library when nil).
    public init(result: CompileResult, video: String, entities: [Int]? = nil, documents: [Int]? = nil) {
        self.result = result
        self.video = video
        let lib = result.library
        // Entities that name the video in an integration field.
        self.videoEntities = entities ?? lib.entities.indices.filter { lib.entities[$0].videos.contains(video) }
        self.videoDocuments = documents ?? lib.documents.indices.filter { lib.documents[$0].video == video }
    }

    func dept(_ e: Entity) -> String? { e.department ?? e.id?.canonicalDepartment }

    /// The context of `templates/library-mapping.md.mustache` (`Report/MappingContext.swift`). With `root` and
    /// `linksFrom` (absolute folders), links are relative to where the report is written.
    public func context(command: String, root: String? = nil, linksFrom: String? = nil) throws -> ReportValue {
        try ReportValue.make(MappingContext(self, command: command, root: root, linksFrom: linksFrom))
    }
}
