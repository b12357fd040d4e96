import Foundation
import Yams

/// Reads YAML through Yams into the same position-keeping `Node` tree as JSON.
public enum YAMLReader {
    /// Why a YAML file could not be read, and where.
    public struct Failure: Error, Sendable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    /// Parses one YAML document. `lines` converts Yams' line/column marks to byte offsets;
    /// `lineOffset` shifts lines when the YAML is embedded (front matter).
    public static func parse(_ text: String, lines: LineTable, lineOffset: Int = 0) -> Result<Node?, Failure> {
        if let deep = YAMLLimits.checkNesting(text, lineOffset: lineOffset) { return .failure(deep) }
        do {
            guard let root = try Yams.compose(yaml: text) else { return .success(nil) }
            var budget = YAMLLimits.maxNodes
            guard let node = convert(root, lines: lines, lineOffset: lineOffset, budget: &budget) else {
                let at = root.mark
                return .failure(
                    Failure(
                        message:
                            "the document expands to more than \(YAMLLimits.maxNodes) nodes (aliases that repeat aliases?)",
                        line: (at?.line ?? 1) + lineOffset, column: at?.column ?? 1))
            }
            return .success(node)
        } catch let e as YamlError {
            return .failure(failure(e, lineOffset: lineOffset))
        } catch {
            return .failure(Failure(message: "YAML could not be read", line: 1 + lineOffset, column: 1))
        }
    }

    static func failure(_ e: YamlError, lineOffset: Int) -> Failure {
        switch e {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var msg = problem
            if let c = context { msg = "\(problem) (\(c.text))" }
            return Failure(message: msg, line: mark.line + lineOffset, column: mark.column)
        case .reader(let problem, _, _, _):
            return Failure(message: problem, line: 1 + lineOffset, column: 1)
        default:
            return Failure(message: "YAML could not be read", line: 1 + lineOffset, column: 1)
        }
    }

    static func offset(_ mark: Mark?, lines: LineTable, lineOffset: Int) -> Int {
        guard let m = mark else { return 0 }
        return lines.offset(line: m.line + lineOffset, column: m.column)
    }

    static func isNumber(_ s: String) -> Bool {
        var u = Substring(s)
        if u.first == "-" || u.first == "+" { u = u.dropFirst() }
        guard let f = u.first, f.isASCIIDigit else { return false }
        var dots = 0
        for c in u {
            if c == "." { dots += 1; if dots > 1 { return false } } else if !c.isASCIIDigit && c != "_" { return false }
        }
        return true
    }

    /// The node as taxo's `Node`, or nil once more than `budget` nodes were made (aliases expand here).
    static func convert(_ n: Yams.Node, lines: LineTable, lineOffset: Int, budget: inout Int) -> Node? {
        budget -= 1
        if budget < 0 { return nil }
        let off = offset(n.mark, lines: lines, lineOffset: lineOffset)
        switch n {
        case .scalar(let s):
            if s.style == .plain || s.style == .any {
                switch s.string {
                case "", "~", "null", "Null", "NULL": return Node(.null, at: off)
                case "true", "True", "TRUE", "yes", "Yes", "on", "On": return Node(.bool(true), at: off)
                case "false", "False", "FALSE", "no", "No", "off", "Off": return Node(.bool(false), at: off)
                default:
                    if isNumber(s.string) { return Node(.number(s.string), at: off) }
                }
            }
            return Node(.string(s.string), at: off)
        case .sequence(let seq):
            var items: [Node] = []
            items.reserveCapacity(seq.count)
            for item in seq {
                guard let c = convert(item, lines: lines, lineOffset: lineOffset, budget: &budget) else { return nil }
                items.append(c)
            }
            return Node(.array(items), at: off)
        case .mapping(let map):
            var members: [Member] = []
            members.reserveCapacity(map.count)
            for (k, v) in map {
                let key = k.scalar?.string ?? "<complex key>"
                guard let value = convert(v, lines: lines, lineOffset: lineOffset, budget: &budget) else { return nil }
                members.append(
                    Member(key: key, keyOffset: offset(k.mark, lines: lines, lineOffset: lineOffset), node: value))
            }
            return Node(.object(members), at: off)
        }
    }
}
