import Foundation

/// Call and type hierarchies ("Show Call Hierarchy", "Show Type Hierarchy"). Prepared at the entity under
/// the cursor: its ID, a name that links to one, else the record the cursor stands in (the entity declared
/// last at or above it), or, for a call hierarchy in a document, the document itself.
/// - Incoming calls: the entities that link to it and the documents that mention it, each with the places
///   it is written there. Outgoing calls: what an entity links to, or what a document mentions.
/// - Supertypes and subtypes: its parents and children in the configured hierarchy (workflow > milestone >
///   task > step), from links in either direction.
///
/// An item carries what names it again (`data`: the ID, file and line of an entity, or a document's path),
/// so a follow-up request after an edit still finds it, or gets an empty list.
extension LanguageServer {
    /// LSP's SymbolKind for a document in a call hierarchy (File).
    static let documentSymbol = 1

    /// What a hierarchy item stands for.
    enum HierarchyNode: Equatable {
        case entity(Int)
        case document(Int)
    }

    func prepareHierarchy(_ params: [String: Any], types: Bool) -> Any {
        guard let lib = result?.library else { return NSNull() }
        let node: HierarchyNode
        if let at = idAt(params) {
            guard let e = entity(at: at) else { return NSNull() }
            node = .entity(e)
        } else if let n = nameLinkAt(params) {
            guard case .target(let t) = n.link else { return NSNull() }
            node = .entity(t)
        } else if let path = documentPath(params), let line = LanguageServer.position(params)?.line {
            let declared = lib.entities.indices.filter { lib.entities[$0].file == path }
            if let e = declared.last(where: { lib.entities[$0].location.line <= line + 1 }) ?? declared.first {
                node = .entity(e)
            } else if !types, let d = lib.documents.firstIndex(where: { $0.path == path }) {
                node = .document(d)
            } else {
                return NSNull()
            }
        } else {
            return NSNull()
        }
        if types, case .entity(let e) = node, lib.hierarchy.level[lib.entities[e].kind] == nil { return NSNull() }
        return hierarchyItem(node).map { [$0] } ?? NSNull()
    }

    /// `callHierarchy/incomingCalls`: who links to or mentions the item, with where.
    func incomingCalls(_ params: [String: Any]) -> Any {
        guard let lib = result?.library, case .entity(let t)? = hierarchyNode(params) else { return [] }
        var calls: [(HierarchyNode, [SourceLocation])] = []
        for (i, refs) in lib.targets.enumerated() where i != t {
            let at = refs.indices.filter { refs[$0] == t }.map { lib.entities[i].references[$0].location }
            if !at.isEmpty { calls.append((.entity(i), at)) }
        }
        for (di, d) in lib.documents.enumerated() {
            let at = d.mentions.filter { lib.entity(mentionedBy: $0, in: d) == t }.map(\.location)
            if !at.isEmpty { calls.append((.document(di), at)) }
        }
        return calls.compactMap { call(from: $0.0, at: $0.1, key: "from") }
    }

    /// `callHierarchy/outgoingCalls`: what the item links to (an entity) or mentions (a document), with where.
    func outgoingCalls(_ params: [String: Any]) -> Any {
        guard let lib = result?.library, let node = hierarchyNode(params) else { return [] }
        var order: [Int] = []
        var places: [Int: [SourceLocation]] = [:]
        func add(_ t: Int, _ loc: SourceLocation) {
            if places[t] == nil { order.append(t) }
            places[t, default: []].append(loc)
        }
        switch node {
        case .entity(let s):
            for case (let ri, let t?) in lib.targets[s].enumerated() where t != s {
                add(t, lib.entities[s].references[ri].location)
            }
        case .document(let di):
            let d = lib.documents[di]
            for m in d.mentions { if let t = lib.entity(mentionedBy: m, in: d) { add(t, m.location) } }
        }
        return order.compactMap { call(from: .entity($0), at: places[$0] ?? [], key: "to") }
    }

    /// `typeHierarchy/supertypes`: the item's parents in the hierarchy.
    func supertypes(_ params: [String: Any]) -> Any {
        guard let lib = result?.library, case .entity(let e)? = hierarchyNode(params) else { return [] }
        return lib.hierarchy.parents(of: e).compactMap { hierarchyItem(.entity($0)) }
    }

    /// `typeHierarchy/subtypes`: the item's children in the hierarchy.
    func subtypes(_ params: [String: Any]) -> Any {
        guard let lib = result?.library, case .entity(let e)? = hierarchyNode(params) else { return [] }
        return lib.hierarchy.children(of: e).compactMap { hierarchyItem(.entity($0)) }
    }

    /// A call (`from` for incoming calls, `to` for outgoing ones) and the places it is written, as ranges in
    /// the file of the caller.
    func call(from node: HierarchyNode, at places: [SourceLocation], key: String) -> [String: Any]? {
        guard let item = hierarchyItem(node) else { return nil }
        return [key: item, "fromRanges": places.sorted().map { LanguageServer.range($0, lines: lines(of: $0.file)) }]
    }

    /// A CallHierarchyItem (also a TypeHierarchyItem): an entity at its declaration, a document at its top.
    func hierarchyItem(_ node: HierarchyNode) -> [String: Any]? {
        guard let lib = result?.library, let root else { return nil }
        switch node {
        case .entity(let i):
            let e = lib.entities[i]
            guard let loc = location(of: e.location) else { return nil }
            var detail = lib.config.kinds[e.kind].name
            if let dept = e.department { detail += " · " + dept }
            return [
                "name": lib.label(e), "kind": LanguageServer.entitySymbol,
                "detail": detail, "uri": loc["uri"] ?? "", "range": loc["range"] ?? [:],
                "selectionRange": loc["range"] ?? [:],
                "data": ["id": lib.displayID(e), "file": e.file, "line": e.location.line],
            ]
        case .document(let di):
            let d = lib.documents[di]
            let top = LanguageServer.lineRange(0, 0, lines(of: d.path)?.first?.utf16.count ?? 0)
            return [
                "name": d.title ?? (d.path as NSString).lastPathComponent, "kind": LanguageServer.documentSymbol,
                "detail": d.path, "uri": root.appendingPathComponent(d.path).absoluteString, "range": top,
                "selectionRange": top, "data": ["document": d.path],
            ]
        }
    }

    /// The entity or document a follow-up request's item names (`params.item.data`), as the library stands
    /// now: the entity declared at the same file and line with the same ID, else the one the ID names.
    func hierarchyNode(_ params: [String: Any]) -> HierarchyNode? {
        guard let lib = result?.library, let data = (params["item"] as? [String: Any])?["data"] as? [String: Any]
        else { return nil }
        if let path = data["document"] as? String {
            return lib.documents.firstIndex { $0.path == path }.map(HierarchyNode.document)
        }
        guard let id = data["id"] as? String else { return nil }
        let file = data["file"] as? String, line = data["line"] as? Int
        if let same = lib.entities.indices.first(where: {
            lib.entities[$0].file == file && lib.entities[$0].location.line == line
                && lib.displayID(lib.entities[$0]) == id
        }) {
            return .entity(same)
        }
        switch lib.grammar.check(id) {
        case .valid(let p), .legacy(let p): return lib.lookup(p).map(HierarchyNode.entity)
        default: return nil
        }
    }
}
