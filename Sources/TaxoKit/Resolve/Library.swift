/// The compiled library: every entity and document, the ID table, video scopes, and where each
/// reference points. Rules read it; nothing mutates it after `Resolver.resolve`.
public struct Library: Sendable {
    public let config: Config
    public let grammar: IDGrammar
    public let files: [FileResult]
    public let entities: [Entity]
    public let documents: [Document]
    /// Entity key -> indices of the entities that declare it, in file order.
    public let table: [String: [Int]]
    /// Video -> keys its transcript declares in its scope section.
    public let scopes: [String: Set<String>]
    /// For each entity, for each reference: the index of the entity it resolves to.
    public let targets: [[Int?]]

    /// The entity an ID names (the first definition when it is defined twice).
    public func lookup(_ id: ParsedID) -> Int? { table[id.key]?.first }

    public func kindName(_ e: Entity) -> String { config.kinds[e.kind].name }

    public func displayID(_ e: Entity) -> String { e.id?.written ?? e.rawID }
}

public enum Resolver {
    public static func resolve(config: Config, grammar: IDGrammar, files: [FileResult]) -> Library {
        var entities: [Entity] = []
        var documents: [Document] = []
        for f in files {
            entities.append(contentsOf: f.entities)
            if let d = f.document { documents.append(d) }
        }
        var table: [String: [Int]] = [:]
        table.reserveCapacity(entities.count)
        for (i, e) in entities.enumerated() {
            if let id = e.id { table[id.key, default: []].append(i) }
        }
        var scopes: [String: Set<String>] = [:]
        for d in documents {
            guard let v = d.video else { continue }
            for m in d.mentions where m.declaresScope { scopes[v, default: []].insert(m.id.key) }
        }
        let targets = entities.map { e in e.references.map { r in table[r.id.key]?.first } }
        return Library(config: config, grammar: grammar, files: files, entities: entities, documents: documents,
                       table: table, scopes: scopes, targets: targets)
    }
}
