/// Mermaid flowchart text with safe node IDs and escaped labels.
public struct Mermaid {
    private var ids: [String: String] = [:]
    private var lines: [String] = ["flowchart TD"]
    private var edges = Set<String>()

    /// An empty diagram.
    public init() {}

    /// Characters that break Mermaid labels, as entity codes.
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\"": out += "#quot;"
            case "[": out += "#91;"
            case "]": out += "#93;"
            case "(": out += "#40;"
            case ")": out += "#41;"
            case "{": out += "#123;"
            case "}": out += "#125;"
            case "|": out += "#124;"
            case "<": out += "#60;"
            case ">": out += "#62;"
            case "#": out += "#35;"
            case "`": out += "#96;"
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// Declares a node once and returns its ID (`n1`, `n2`, ...).
    public mutating func node(_ key: String, label: String) -> String {
        if let id = ids[key] { return id }
        let id = "n\(ids.count + 1)"
        ids[key] = id
        lines.append("    \(id)[\"\(Mermaid.escape(label))\"]")
        return id
    }

    /// An arrow from one node to another (nodes from `node`).
    public mutating func edge(_ a: String, _ b: String) {
        if edges.insert(a + ">" + b).inserted { lines.append("    \(a) --> \(b)") }
    }

    public var text: String { lines.joined(separator: "\n") }
}
