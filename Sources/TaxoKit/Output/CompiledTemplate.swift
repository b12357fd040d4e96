/// A Mustache template compiled for `ReportValue` contexts: parsed into a tree of nodes, flattened into a
/// program that rendering walks with no dynamic casts or reflection (which made swift-mustache's rendering
/// a third of a cold `taxo build` and `taxo site`).
///
/// It gives the text swift-mustache gives for the templates it accepts (variables, `{{{x}}}`, `{{&x}}`,
/// sections, inverted sections, comments, dotted names, `.`, standalone lines, the TEXT content type
/// `Templates` sets); `CompiledTemplate.Parser` refuses anything else (partials, transforms, set
/// delimiters, blocks, another content type) and `Templates` renders such a template with swift-mustache.
/// A differential test renders random templates and contexts both ways.
struct CompiledTemplate: Sendable {
    /// Where a name is looked up: `.` the current value; `.a.b` from the current value only; `a.b` the
    /// first value up the context stack that has `a`, then `b` inside it; `a` (`member`, most names) the
    /// first value up the stack that has `a`.
    enum Name: Sendable, Equatable {
        case current
        case top([String])
        case stack([String])
        case member(String)
    }

    /// The parsed template (`Parser`), flattened into `Program`.
    enum Node: Sendable {
        case text(String)
        case variable(Name)
        case section(Name, [Node])
        case inverted(Name, [Node])
    }

    /// The nodes flattened, as rendering walks them.
    let program: Program

    /// The tree as a list of operations whose operands are offsets: walking it copies nothing (walking the
    /// tree copied every node it passed, retaining its texts and names: a fifth of rendering a page).
    struct Program: Sendable {
        enum Op: Sendable {
            /// `bytes[start..<end]`.
            case text(start: Int, end: Int)
            /// `names[name]`.
            case variable(name: Int)
            /// The body is the operations up to `end`.
            case section(name: Int, end: Int)
            case inverted(name: Int, end: Int)
        }
        var ops: [Op] = []
        var bytes: [UInt8] = []
        var names: [Name] = []

        init(_ nodes: [Node]) { add(nodes) }

        mutating func add(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text(let t):
                    let start = bytes.count
                    bytes += t.utf8
                    ops.append(.text(start: start, end: bytes.count))
                case .variable(let n):
                    names.append(n)
                    ops.append(.variable(name: names.count - 1))
                case .section(let n, let body), .inverted(let n, let body):
                    names.append(n)
                    let name = names.count - 1, at = ops.count
                    ops.append(.text(start: 0, end: 0))
                    add(body)
                    if case .section = node {
                        ops[at] = .section(name: name, end: ops.count)
                    } else {
                        ops[at] = .inverted(name: name, end: ops.count)
                    }
                }
            }
        }
    }

    /// The template rendered with a context.
    func render(_ context: ReportValue) -> String {
        String(decoding: renderBytes(context), as: UTF8.self)
    }

    /// The template rendered with a context, as UTF-8 (appending to a String checks its capacity and flags
    /// at every piece; the site writes pages from these bytes without making a String of them).
    func renderBytes(_ context: ReportValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        render(context, into: &out)
        return out
    }

    /// The template rendered with a context, appended to `out` (a page's body written into its frame
    /// where the frame leaves room for it, without a buffer of its own copied there).
    func render(_ context: ReportValue, into out: inout [UInt8]) {
        // swift-mustache is handed `""` for a null context.
        var stack: [Frame] = [context == .null ? .plain("") : .value(context)]
        program.ops.withUnsafeBufferPointer { ops in
            program.bytes.withUnsafeBufferPointer { bytes in
                program.names.withUnsafeBufferPointer { names in
                    Code(ops: ops, bytes: bytes, names: names).run(0..<ops.count, stack: &stack, into: &out)
                }
            }
        }
    }

    /// A program's parts, borrowed while a render runs.
    struct Code {
        let ops: UnsafeBufferPointer<Program.Op>
        let bytes: UnsafeBufferPointer<UInt8>
        let names: UnsafeBufferPointer<Name>

        func run(_ range: Range<Int>, stack: inout [Frame], into out: inout [UInt8]) {
            var i = range.lowerBound
            while i < range.upperBound {
                switch ops[i] {
                case .text(let start, let end):
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    i += 1
                case .variable(let n):
                    if case .member(let name) = names[n] {
                        appendMember(name, of: stack, to: &out)
                    } else if let v = lookup(names[n], in: stack) {
                        append(v, to: &out)
                    }
                    i += 1
                case .section(let n, let end):
                    section(lookup(names[n], in: stack), i + 1..<end, stack: &stack, into: &out)
                    i = end
                case .inverted(let n, let end):
                    inverted(lookup(names[n], in: stack), i + 1..<end, stack: &stack, into: &out)
                    i = end
                }
            }
        }

        func section(_ v: Frame?, _ body: Range<Int>, stack: inout [Frame], into out: inout [UInt8]) {
            guard let v else { return }
            switch v {
            case .value(.null): return
            case .value(.bool(let b)):
                if b { run(body, stack: &stack, into: &out) }
            case .value(.array(let items)):
                for item in items {
                    stack.append(element(item))
                    run(body, stack: &stack, into: &out)
                    stack.removeLast()
                }
            default:
                stack.append(v)
                run(body, stack: &stack, into: &out)
                stack.removeLast()
            }
        }

        func inverted(_ v: Frame?, _ body: Range<Int>, stack: inout [Frame], into out: inout [UInt8]) {
            switch v {
            case nil, .value(.null)?, .value(.bool(false))?:
                run(body, stack: &stack, into: &out)
            case .value(.array(let items))? where items.isEmpty:
                stack.append(v!)
                run(body, stack: &stack, into: &out)
                stack.removeLast()
            default:
                return
            }
        }
    }

    /// A value on the context stack: a context value, or a plain string (what swift-mustache holds for a
    /// null inside an array, or a text's `renderText`), which has no members.
    enum Frame {
        case value(ReportValue)
        case plain(String)
    }

    /// An array's element as swift-mustache pushes it: a null becomes an empty plain string.
    static func element(_ v: ReportValue) -> Frame {
        if case .null = v { return .plain("") }
        return .value(v)
    }

    static func append(_ f: Frame, to out: inout [UInt8]) {
        switch f {
        case .plain(let s): out.append(contentsOf: s.utf8)
        case .value(let v): append(value: v, to: &out)
        }
    }

    static func append(value v: ReportValue, to out: inout [UInt8]) {
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

    /// `{{name}}` (`Name.member`) appended where it is found: what `lookup` then `append` write, without
    /// copying the frames it passes or an object's member it finds (most of a page's variables).
    static func appendMember(_ name: String, of stack: [Frame], to out: inout [UInt8]) {
        stack.withUnsafeBufferPointer { frames in
            for f in frames.indices.reversed() {
                if case .value(.object(let members)) = frames[f] {
                    let found = members.withValue(forKey: name) { v -> Bool in
                        if case .null = v { return false }
                        append(value: v, to: &out)
                        return true
                    }
                    if found == true { return }
                } else if let v = member(name, of: frames[f]) {
                    return append(v, to: &out)
                }
            }
        }
    }

    static func lookup(_ name: Name, in stack: [Frame]) -> Frame? {
        switch name {
        case .current:
            return stack.last
        case .member(let name):
            return firstMember(name, in: stack)
        case .top(let names):
            return descend(stack.last!, names[...])
        case .stack(let names):
            guard let first = names.first else { return stack.last }
            return firstMember(first, in: stack).flatMap { descend($0, names.dropFirst()) }
        }
    }

    /// The member `name` of the first value up the stack that has it.
    static func firstMember(_ name: String, in stack: [Frame]) -> Frame? {
        for f in stack.indices.reversed() {
            if let child = member(name, of: stack[f]) { return child }
        }
        return nil
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
