/// The configuration's field names as extraction compares them, normalised and parsed once per run
/// (not per file or record): each kind's ID, name and legacy ID fields, and the phases' integration
/// fields that name videos.
struct FieldNames: Sendable {
    let idFields: [[String]]
    let nameFields: [[String]]
    let legacyIDPaths: [[FieldPath]]
    /// The integration fields as paths into a record, and as normalised Markdown header keys.
    let videoPaths: [FieldPath]
    let videoKeys: Set<String>

    init(config: Config) {
        idFields = config.kinds.map { $0.idFields.map(FieldKey.normalize) }
        nameFields = config.kinds.map { $0.nameFields.map(FieldKey.normalize) }
        legacyIDPaths = config.kinds.map { $0.legacyIdFields.compactMap(FieldPath.init) }
        let integration = config.phases.flatMap(\.integrationFields)
        videoPaths = integration.compactMap(FieldPath.init)
        videoKeys = Set(integration.map(FieldKey.normalize))
    }
}
