/// Children a record numbers itself: a workflow's `"tasks": [{"task_id": "TSK-001", "task_name": "Define
/// the prompt", …}, {"task_id": "TSK-002", …}]`, numbered from 1 in every workflow as milestones are in
/// every transcript. Their IDs are the record's own description of its children, not references to the
/// library's TSK-001 (often another task): they are not dangling, and link only to an entity of the same
/// name (`Reference.declaredHere`, with the child's name as the label).
///
/// A run of children is objects in an array, each with an ID field of a kind below the record's in the
/// hierarchy (`task_id` for a task) holding one ID of that kind, and a name; the numbers go up by one,
/// from 1 or on from the record's previous run of that kind (a workflow's milestones numbering their tasks
/// 1-3, then 4-6, or each 1-3).
enum LocalChildren {
    /// The offsets of the ID strings of a record's locally numbered children, with each child's name.
    static func find(in record: Node, kind: Int, grammar: IDGrammar, names: FieldNames) -> [Int: String] {
        let lower = names.lowerLevels[kind]
        guard !lower.isEmpty, let members = record.members else { return [:] }
        var runs: [Run] = []
        for m in members { collect(m.node, lower: lower, grammar: grammar, names: names, into: &runs) }
        var out: [Int: String] = [:]
        var last: [Int: Int] = [:]
        for r in runs where r.first == 1 || r.first == (last[r.kind] ?? -1) + 1 {
            last[r.kind] = r.first + r.children.count - 1
            for c in r.children { out[c.offset] = c.name }
        }
        return out
    }

    /// A run of numbered children in one array.
    struct Run {
        var kind: Int
        var first: Int
        var children: [(offset: Int, name: String)]
    }

    /// The runs of children in a node and below it, in the order they are written.
    static func collect(_ n: Node, lower: [Int], grammar: IDGrammar, names: FieldNames, into runs: inout [Run]) {
        switch n.value {
        case .array(let items):
            if let r = run(items, lower: lower, grammar: grammar, names: names) { runs.append(r) }
            for i in items { collect(i, lower: lower, grammar: grammar, names: names, into: &runs) }
        case .object(let members):
            for m in members { collect(m.node, lower: lower, grammar: grammar, names: names, into: &runs) }
        default:
            break
        }
    }

    /// The array's items as a run, when every one is a numbered child of one kind with a name.
    static func run(_ items: [Node], lower: [Int], grammar: IDGrammar, names: FieldNames) -> Run? {
        guard !items.isEmpty else { return nil }
        var r: Run?
        var department: String?
        for item in items {
            guard let c = child(item, lower: lower, grammar: grammar, names: names) else { return nil }
            if let prev = r {
                guard c.id.kind == prev.kind, c.number == prev.first + prev.children.count,
                    c.id.canonicalDepartment ?? c.id.department == department
                else { return nil }
                r!.children.append((c.offset, c.name))
            } else {
                r = Run(kind: c.id.kind, first: c.number, children: [(c.offset, c.name)])
                department = c.id.canonicalDepartment ?? c.id.department
            }
        }
        return r
    }

    /// An object holding one ID of a lower kind in one of that kind's ID fields, and a name.
    static func child(_ item: Node, lower: [Int], grammar: IDGrammar, names: FieldNames)
        -> (id: ParsedID, number: Int, offset: Int, name: String)?
    {
        guard let own = names.ownID(of: item, grammar: grammar, among: lower), let number = Int(own.id.number) else {
            return nil
        }
        return (own.id, number, own.node.offset, own.name)
    }
}
