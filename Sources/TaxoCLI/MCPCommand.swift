import ArgumentParser
import Foundation
import MCP
import TaxoKit

struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the library to AI assistants over the Model Context Protocol (stdio).",
        discussion: """
            Compiles the library once, keeps it up to date with the files before every call, and offers the tools \
            search, get_entity, resolve, next_id, check_entry, gaps, get_video, get_document, findings, fix, \
            get_schema, rename_id, move_file, diff and create_entry, and the resources taxo://config, taxo://rules and \
            taxo://tracker. Read-only unless --allow-write is given (create_entry, rename_id, move_file and fix write; \
            without it they say what they would do). Nothing outside the library is read or written.
            """)

    @OptionGroup var library: LibraryOptions

    @Flag(name: .long, help: "Let create_entry, rename_id, move_file and fix write into the library.")
    var allowWrite = false

    func run() throws {
        let root = try library.rootURL()
        let config = try library.loadConfig(root: root)
        // The library is compiled in the background while the client connects; the first call waits for it.
        let holder = MCPLibrary(root: root.path, config: config, allowWrite: allowWrite)
        Task { await holder.warmUp() }
        let failure = Locked<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await MCPCommand.serve(holder)
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            done.signal()
        }
        done.wait()
        if let message = failure.withLock({ $0 }) {
            Console.err("taxo: error: \(message)\n")
            throw TaxoExit(code: 2)
        }
    }

    static func serve(_ holder: MCPLibrary) async throws {
        let server = Server(
            name: "taxo", version: TaxoVersion.string, title: "taxo knowledge library",
            capabilities: .init(
                resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
        let tools = try AssistantTool.all.map { t in
            Tool(
                name: t.name, title: t.title, description: t.description,
                inputSchema: try JSONDecoder().decode(MCP.Value.self, from: Data(t.inputSchema.utf8)),
                annotations: .init(
                    title: t.title, readOnlyHint: t.readOnly, destructiveHint: t.destructive,
                    idempotentHint: t.readOnly,
                    openWorldHint: false))
        }
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: tools) }
        await server.withMethodHandler(CallTool.self) { params in
            let arguments = (params.arguments ?? [:]).mapValues(MCPCommand.argument)
            let outcome = await holder.call(params.name, arguments: arguments)
            let structured: MCP.Value? =
                outcome.isError ? nil : try? JSONDecoder().decode(Value.self, from: Data(outcome.text.utf8))
            return .init(
                content: [.text(text: outcome.text, annotations: nil, _meta: nil)], structuredContent: structured,
                isError: outcome.isError)
        }
        await server.withMethodHandler(ListResources.self) { _ in
            .init(
                resources: AssistantResource.all.map {
                    Resource(name: $0.name, uri: $0.uri, description: $0.description, mimeType: $0.mimeType)
                }, nextCursor: nil)
        }
        await server.withMethodHandler(ReadResource.self) { params in
            do {
                let text = try await holder.read(params.uri)
                let mime = AssistantResource.all.first { $0.uri == params.uri }?.mimeType
                return .init(contents: [.text(text, uri: params.uri, mimeType: mime)])
            } catch let e as TaxoError {
                throw MCPError.invalidParams(e.message)
            }
        }
        try await server.start(transport: StdioTransport())
        await server.waitUntilCompleted()
    }

    /// An MCP value as a tool argument.
    static func argument(_ v: MCP.Value) -> ToolArgument {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .data(_, let d): return .string(d.base64EncodedString())
        case .array(let a): return .array(a.map(argument))
        case .object(let o): return .object(o.mapValues(argument))
        }
    }
}

/// The session, one call at a time, made on first use (`warmUp` starts it right after launch).
actor MCPLibrary {
    let root: String
    let config: Config
    let allowWrite: Bool
    var made: AssistantSession?

    init(root: String, config: Config, allowWrite: Bool) {
        self.root = root
        self.config = config
        self.allowWrite = allowWrite
    }

    var session: AssistantSession {
        if let made { return made }
        let s = AssistantSession(root: root, config: config, allowWrite: allowWrite)
        made = s
        return s
    }

    func warmUp() { _ = session }

    func call(_ name: String, arguments: [String: ToolArgument]) -> ToolOutcome {
        session.call(name, arguments: arguments)
    }

    func read(_ uri: String) throws -> String { try session.read(uri) }
}
