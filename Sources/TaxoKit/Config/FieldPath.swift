/// A path into a record: `tools_required[].tool_id`, `parent_task.task_id`, `milestones[]`.
/// Keys are compared with `FieldKey.normalize`, so `Parent Task` finds `parent_task`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: a key, or every item of a list.
    public enum Step: Sendable, Hashable {
        case key(String)
        case each
    }

    public private(set) var steps: [Step]
    public private(set) var text: String
    /// Per step, the `FieldKey.hash` of its key (0 for `.each`): made once, not at every record resolved.
    private var keyHashes: [UInt64]

    /// Parses `tools_required[]`, `parent_task.task_id`; nil when the text is not a path.
    public init?(_ text: String) {
        self.text = text
        var steps: [Step] = []
        for raw in text.split(separator: ".", omittingEmptySubsequences: false) {
            var part = Substring(raw)
            var eaches = 0
            while part.hasSuffix("[]") { part = part.dropLast(2); eaches += 1 }
            if part.isEmpty && eaches == 0 { return nil }
            if part.contains("[") || part.contains("]") { return nil }
            if !part.isEmpty { steps.append(.key(FieldKey.normalize(String(part)))) }
            for _ in 0..<eaches { steps.append(.each) }
        }
        if steps.isEmpty { return nil }
        self.steps = steps
        keyHashes = steps.map { if case .key(let k) = $0 { return FieldKey.hash(k) } else { return 0 } }
    }

    public var description: String { text }

    /// The path without its last step (`steps[]` of `steps[].name`); nil for a path of one step.
    public var parent: FieldPath? {
        guard steps.count > 1 else { return nil }
        var p = self
        p.keyHashes.removeLast()
        if case .each = p.steps.removeLast() {
            p.text = String(text.dropLast(2))
        } else if let dot = text.lastIndex(of: ".") {
            p.text = String(text[..<dot])
        }
        return p
    }

    /// The first key of the path (for Markdown header fields).
    public var firstKey: String? {
        if case .key(let k) = steps.first { return k }
        return nil
    }

    /// Every node the path reaches in `root`; arrays met at a `.key` step are walked through.
    public func resolve(in root: Node) -> [Node] {
        var current = [root]
        for (i, step) in steps.enumerated() {
            var next: [Node] = []
            for n in current {
                switch step {
                case .each:
                    if let a = n.array { next.append(contentsOf: a) } else { next.append(n) }
                case .key(let k):
                    FieldPath.collect(key: k, hash: keyHashes[i], in: n, into: &next)
                }
            }
            current = next
            if current.isEmpty { break }
        }
        return current
    }

    private static func collect(key: String, hash: UInt64, in n: Node, into out: inout [Node]) {
        switch n.value {
        case .object(let members):
            for m in members where m.matches(key, hash: hash) { out.append(m.node) }
        case .array(let items):
            for i in items { collect(key: key, hash: hash, in: i, into: &out) }
        default: break
        }
    }
}
