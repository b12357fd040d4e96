/// Records in a JSON or YAML file that no kind's `files:` globs take (TAX0109, `UnclaimedRecords`): a library grows folders its
/// configuration does not know yet (`LIBRARIES/Responsibilities/By_Department/`), and every reference to an
/// ID declared there would otherwise be reported as dangling although the library has it.
///
/// A record counts when its first ID field is one of a kind's `id_fields`, holds a current ID of that kind
/// (its prefix or an alternate: not a legacy spelling), and the record has one of the kind's name fields.
/// The records are the file's top-level object, or the objects of its top-level array, or of the first
/// top-level member that is an array of such records. The file is read as the kind most of them belong to.
extension FileProcessor {
    /// The entities of an unclaimed file (none when it holds no such records). Their findings are dropped:
    /// an unclaimed file is read to resolve references, not checked.
    func unclaimedEntities(_ root: Node, _ file: SourceFile) -> [Entity] {
        let (kinds, count) = RecordCandidates.first(in: root) { c in
            names.ownID(of: c, grammar: grammar).map { (node: c, kind: $0.id.kind) }
        }
        guard !kinds.isEmpty else { return [] }
        var votes = [Int](repeating: 0, count: config.kinds.count)
        for k in kinds { votes[k.kind] += 1 }
        // The kind most records belong to (the first in the configuration's order on a tie).
        let kind = votes.indices.max { votes[$0] < votes[$1] || (votes[$0] == votes[$1] && $0 > $1) }!
        var x = extractor(kind, file)
        return kinds.filter { $0.kind == kind }.compactMap { x.entity($0.node, sole: count == 1) }.filter {
            $0.id != nil
        }
    }
}

/// Where a file's records are, when no configuration says (unclaimed files, `taxo init`'s survey).
enum RecordCandidates {
    /// Where records may be, in the order they are tried: the top-level object itself, the objects of a
    /// top-level array, and those of each top-level member holding an array.
    static func find(_ root: Node) -> [[Node]] {
        if let items = root.array { return [items.filter { $0.members != nil }] }
        guard let members = root.members else { return [] }
        var out: [[Node]] = [[root]]
        for m in members {
            if let items = m.node.array {
                let objects = items.filter { $0.members != nil }
                if !objects.isEmpty { out.append(objects) }
            }
        }
        return out
    }

    /// The records of the first place that holds any (`read` makes a record of a node, or nil), and how many
    /// objects that place holds.
    static func first<T>(in root: Node, _ read: (Node) -> T?) -> (records: [T], among: Int) {
        for group in find(root) {
            let found = group.compactMap(read)
            if !found.isEmpty { return (found, group.count) }
        }
        return ([], 0)
    }
}

extension MarkdownExtractor {
    /// The kind of a Markdown file that no kind's globs and no document type take, when the file declares
    /// its own ID (`TASK_MANAGERS/Workflows/WRF-AID-077_Build_Agent.md`, moved out of the folder the
    /// configuration knows): its first header field that is one of a kind's `id_fields` holds a current ID
    /// of that kind, and the file name or the first heading opens with the same ID. A kind with
    /// `id_from_filename` needs only a file name that opens with one of its current IDs. A note that only
    /// names an ID in a header line (`**Workflow ID:** WRF-001` in meeting minutes) stays a document.
    func unclaimedKind(fields: [HeaderField], syntax: MarkdownSyntax) -> Int? {
        let named = Self.openingID(PathDisplay.stem(file.path), grammar: grammar)
        for f in fields {
            let owners = names.kinds(withIDField: f.normalizedKey)
            guard !owners.isEmpty else { continue }
            guard let p = grammar.currentID(f.value, ofKinds: owners) else { return nil }
            let heading = syntax.headings.first.map { Self.openingID($0.text, grammar: grammar) } ?? nil
            return named?.key == p.key || heading?.key == p.key ? p.kind : nil
        }
        guard let p = named, config.kinds[p.kind].idFromFilename else { return nil }
        return p.kind
    }

    /// The current ID a file name or heading opens with (`WRF-AID-077_Build_Agent`, `WRF-AID-077: Build`).
    static func openingID(_ text: String, grammar: IDGrammar) -> ParsedID? {
        let first = text.split(whereSeparator: { $0 == "_" || $0 == " " || $0 == ":" }).first ?? ""
        return OwnID.mayBeID(first) ? grammar.currentID(String(first)) : nil
    }
}
