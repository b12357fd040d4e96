/// A Mustache template compiled for `ReportValue` contexts: rendered by walking the tree with no dynamic
/// casts or reflection, which made swift-mustache's rendering a third of a cold `taxo build` and `taxo site`.
///
/// It gives the text swift-mustache gives for the templates it accepts (variables, `{{{x}}}`, `{{&x}}`,
/// sections, inverted sections, comments, dotted names, `.`, standalone lines, the TEXT content type
/// `Templates` sets); `CompiledTemplate.Parser` refuses anything else (partials, transforms, set
/// delimiters, blocks, another content type) and `Templates` renders such a template with swift-mustache.
/// A differential test renders random templates and contexts both ways.
struct CompiledTemplate: Sendable {
    /// Where a name is looked up: `.` the current value; `.a.b` from the current value only; `a.b` the
    /// first value up the context stack that has `a`, then `b` inside it.
    enum Name: Sendable, Equatable {
        case current
        case top([String])
        case stack([String])
    }

    enum Node: Sendable {
        case text(String)
        case variable(Name)
        case section(Name, [Node])
        case inverted(Name, [Node])
    }

    let nodes: [Node]

    /// The template rendered with a context.
    func render(_ context: ReportValue) -> String {
        String(decoding: renderBytes(context), as: UTF8.self)
    }

    /// The template rendered with a context, as UTF-8 (appending to a String checks its capacity and flags
    /// at every piece; the site writes pages from these bytes without making a String of them).
    func renderBytes(_ context: ReportValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        // swift-mustache is handed `""` for a null context.
        var stack: [Frame] = [context == .null ? .plain("") : .value(context)]
        CompiledTemplate.render(nodes, stack: &stack, into: &out)
        return out
    }

    /// A value on the context stack: a context value, or a plain string (what swift-mustache holds for a
    /// null inside an array, or a text's `renderText`), which has no members.
    enum Frame {
        case value(ReportValue)
        case plain(String)
    }

    static func render(_ nodes: [Node], stack: inout [Frame], into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let t):
                out.append(contentsOf: t.utf8)
            case .variable(let name):
                guard let v = lookup(name, in: stack) else { continue }
                append(v, to: &out)
            case .section(let name, let body):
                section(lookup(name, in: stack), body, stack: &stack, into: &out)
            case .inverted(let name, let body):
                inverted(lookup(name, in: stack), body, stack: &stack, into: &out)
            }
        }
    }

    static func section(_ v: Frame?, _ body: [Node], stack: inout [Frame], into out: inout [UInt8]) {
        guard let v else { return }
        switch v {
        case .value(.null): return
        case .value(.bool(let b)):
            if b { render(body, stack: &stack, into: &out) }
        case .value(.array(let items)):
            for item in items {
                stack.append(element(item))
                render(body, stack: &stack, into: &out)
                stack.removeLast()
            }
        default:
            stack.append(v)
            render(body, stack: &stack, into: &out)
            stack.removeLast()
        }
    }

    static func inverted(_ v: Frame?, _ body: [Node], stack: inout [Frame], into out: inout [UInt8]) {
        switch v {
        case nil, .value(.null)?, .value(.bool(false))?:
            render(body, stack: &stack, into: &out)
        case .value(.array(let items))? where items.isEmpty:
            stack.append(v!)
            render(body, stack: &stack, into: &out)
            stack.removeLast()
        default:
            return
        }
    }

    /// An array's element as swift-mustache pushes it: a null becomes an empty plain string.
    static func element(_ v: ReportValue) -> Frame {
        if case .null = v { return .plain("") }
        return .value(v)
    }

    static func append(_ f: Frame, to out: inout [UInt8]) {
        switch f {
        case .plain(let s): out.append(contentsOf: s.utf8)
        case .value(let v):
            switch v {
            case .text(let s): out.append(contentsOf: s.utf8)
            case .int(let n): out.append(contentsOf: String(n).utf8)
            case .double(let d): out.append(contentsOf: String(d).utf8)
            case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
            case .null: return
            // What swift-mustache prints for a list or an object in a variable (nothing a template wants).
            case .array, .object: out.append(contentsOf: String(describing: v.mustache!).utf8)
            }
        }
    }

    static func lookup(_ name: Name, in stack: [Frame]) -> Frame? {
        switch name {
        case .current:
            return stack.last
        case .top(let names):
            return descend(stack.last!, names[...])
        case .stack(let names):
            guard let first = names.first else { return stack.last }
            for f in stack.reversed() {
                if let child = member(first, of: f) { return descend(child, names.dropFirst()) }
            }
            return nil
        }
    }

    static func descend(_ f: Frame, _ names: ArraySlice<String>) -> Frame? {
        var f = f
        for n in names {
            guard let child = member(n, of: f) else { return nil }
            f = child
        }
        return f
    }

    /// A member as swift-mustache finds it: an object's non-null member; a text, number or double's
    /// `renderText` (reflection on its wrapper); nothing in anything else.
    static func member(_ name: String, of f: Frame) -> Frame? {
        guard case .value(let v) = f else { return nil }
        switch v {
        case .object(let members):
            guard let m = members[name] else { return nil }
            if case .null = m { return nil }
            return .value(m)
        case .text(let s): return name == "renderText" ? .plain(s) : nil
        case .int(let n): return name == "renderText" ? .plain(String(n)) : nil
        case .double(let d): return name == "renderText" ? .plain(String(d)) : nil
        default: return nil
        }
    }
}
