/// Equality of the model's copy-on-write values, field by field (the same box is equal at once). The cache
/// round-trip test compares whole extraction results with it: a field the cache coding forgot shows up there.
/// `ModelEqualityTests` checks that every stored field of the boxes is compared.
extension Entity: Equatable {
    /// Entities are equal when every stored field is.
    public static func == (a: Entity, b: Entity) -> Bool {
        a.kind == b.kind && a.id == b.id && a.rawID == b.rawID && a.name == b.name && a.file == b.file
            && a.location == b.location && a.department == b.department && a.idField == b.idField
            && a.soleRecordInFile == b.soleRecordInFile && a.references == b.references && a.legacyKeys == b.legacyKeys
            && a.description == b.description && a.aliases == b.aliases && a.videos == b.videos && a.record == b.record
            && a.status == b.status && a.inlineChildren == b.inlineChildren
    }

    /// How many stored fields `==` compares (the test compares it with the box's fields).
    static let comparedFields = 17
}

extension Reference: Equatable {
    /// References are equal when every stored field is.
    public static func == (a: Reference, b: Reference) -> Bool {
        a.field == b.field && a.raw == b.raw && a.id == b.id && a.label == b.label && a.location == b.location
            && a.linkIndex == b.linkIndex && a.range == b.range && a.inCode == b.inCode
            && a.declaredHere == b.declaredHere
    }

    static let comparedFields = 9
}

extension Mention: Equatable {
    /// Mentions are equal when every stored field is.
    public static func == (a: Mention, b: Mention) -> Bool {
        a.id == b.id && a.location == b.location && a.label == b.label && a.heading == b.heading
            && a.context == b.context
            && a.isProposal == b.isProposal && a.announces == b.announces && a.declaresScope == b.declaresScope
            && a.range == b.range
            && a.inCode == b.inCode
    }

    static let comparedFields = 10
}

extension CSVTable: Equatable {
    /// Tables are equal when header and rows are.
    public static func == (a: CSVTable, b: CSVTable) -> Bool {
        a.header == b.header && a.cellColumns == b.cellColumns && a.rows.count == b.rows.count
            && zip(a.rows, b.rows).allSatisfy { $0.line == $1.line && $0.cells == $1.cells }
    }
}

extension FileResult: Equatable {
    /// Equal extraction results: every field, the master list's index and table included; where the result
    /// came from (`fromCache`) and the file's time are not part of it.
    public static func == (a: FileResult, b: FileResult) -> Bool {
        a.path == b.path && a.format == b.format && a.size == b.size && a.hash == b.hash && a.entities == b.entities
            && a.document == b.document && a.markdown == b.markdown && a.masterList?.index == b.masterList?.index
            && a.masterList?.table == b.masterList?.table && a.diagnostics == b.diagnostics
            && a.unknownPrefixes == b.unknownPrefixes && a.departmentValues == b.departmentValues
            && a.suppressions == b.suppressions
            && a.brokenDeclarations == b.brokenDeclarations && a.unclaimed == b.unclaimed
    }
}

extension Document: Equatable {
    /// Documents are equal when every field but the kept parse (derived from the text) is.
    public static func == (a: Document, b: Document) -> Bool {
        (a.path, a.type, a.title, a.video, a.checkMentions, a.text)
            == (b.path, b.type, b.title, b.video, b.checkMentions, b.text)
            && a.fields == b.fields && a.headings == b.headings && a.mentions == b.mentions
    }
}
