import Foundation

/// `taxo lsp`: the Language Server Protocol (3.17) over one compiled library kept in memory. It takes
/// message bodies and returns the bodies to send (the CLI does the reading and writing): diagnostics on
/// open, change and save, or pulled by a client that asks for them (`LanguageServerPullDiagnostics`), a known
/// finding marked as such (`LanguageServerBaseline`); go-to-definition from any ID; hover; completion of IDs
/// after a prefix; references (backlinks and mentions) and the same entity's other places in the buffer (`LanguageServerHighlights`);
/// document links; code actions for every `taxo fix` repair and to create what a
/// dangling ID names (`LanguageServerCreate`); a file's outline and
/// any entity by ID or name (`LanguageServerSymbols`); renaming an ID everywhere (`LanguageServerRename`);
/// the name of each ID's entity shown after it (`LanguageServerHints`); above each entity, what points at it
/// (`LanguageServerLenses`); call and type hierarchies (`LanguageServerHierarchy`); files changed outside the
/// editor read again (`LanguageServerWatchedFiles`); shutdown and exit.
/// Requests it does not know get MethodNotFound; a body that is not JSON gets a ParseError.
public final class LanguageServer {
    /// Set by `exit`: 0 after `shutdown`, 1 without.
    public private(set) var exitCode: Int32?
    var shutdownRequested = false
    let workingDirectory: URL
    var root: URL?
    var config: Config?
    /// The findings of a `taxonomy.yaml` that does not load (the last configuration that loaded stays in use).
    var configDiagnostics: [Diagnostic] = []
    /// The extraction cache `taxo build` leaves in `output/`: files not edited are not parsed again.
    var cache: ExtractionCache?
    var result: CompileResult? {
        didSet {
            lensCounts = nil
            generation += 1
        }
    }
    /// Counts compiles: what held requests compare with.
    var generation = 0
    /// What points at each entity (code lenses), counted once per compile.
    var lensCounts: LensCounts?
    /// Open buffers: path relative to the root -> text.
    var buffers: [String: String] = [:]
    /// Paths whose diagnostics were published (so that an empty list clears them).
    var published: Set<String> = []
    /// Lines of the files ranges were made in, for the message being handled.
    var lineCache: [String: [Substring]] = [:]
    /// Each library file's content hash in the compile of this generation (pull diagnostics' result IDs).
    var fileHashes: (generation: Int, hashes: [String: String]) = (-1, [:])
    /// The IDs other git branches take, read when a quick fix would create an entry (see `takenElsewhere`).
    var branches: (ids: BranchIDs?, read: Date)?
    /// Whether the client shows a code action it may not apply, with the reason (`disabled`).
    var disabledActions = false
    /// Whether the client fills a code action's edit in later (`codeAction/resolve`): the rename of an ID
    /// everywhere, which reads every file that writes it, is then made only for the action chosen.
    var resolvesActionEdits = false
    /// The baseline `taxonomy.yaml` names (`LanguageServerBaseline`).
    var baseline = BaselineWatch()
    /// Whether the client pulls diagnostics (`LanguageServerPullDiagnostics`) instead of being sent them, and
    /// whether it re-pulls when asked to.
    var pullDiagnostics = false
    var refreshSupport = false
    /// Whether the client watches files for a server that registers watchers, and whether it was asked to
    /// (`LanguageServerWatchedFiles`).
    var watchesFiles = false
    var watchRegistered = false
    /// A `workspace/diagnostic` request held open until the findings change, with the result IDs the client
    /// holds.
    var heldWorkspaceRequest: (id: Any, previous: [String: String])?
    var refreshRequests = 0
    /// A hash of each file's findings at the last compile (which files' findings a compile changed).
    var findingPrints: [String: Int] = [:]

    /// A server for the library found from `workingDirectory` (until the client's initialize names its root).
    public init(workingDirectory: URL) {
        self.workingDirectory = workingDirectory
    }

    // MARK: Messages

    /// Handles one message body; returns the bodies to send, in order.
    public func handle(_ body: [UInt8]) -> [[UInt8]] {
        lineCache = [:]
        defer { lineCache = [:] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)), let message = object as? [String: Any]
        else {
            return [
                LanguageServer.encode([
                    "jsonrpc": "2.0", "id": NSNull(), "error": ["code": -32700, "message": "the message is not JSON"],
                ])
            ]
        }
        let method = message["method"] as? String
        let id = message["id"]
        var generationBefore = generation
        var baselineBefore = baseline.version
        let params = message["params"] as? [String: Any] ?? [:]
        guard let method else {
            // A response from the client (to a `workspace/diagnostic/refresh`): nothing to do.
            return []
        }
        if shutdownRequested, method != "exit", id != nil {
            return [LanguageServer.error(id: id, code: -32600, message: "the server is shutting down")]
        }
        var out: [[UInt8]] = []
        switch method {
        case "initialize":
            out.append(LanguageServer.response(id: id, initialize(params)))
            generationBefore = generation
            if pullDiagnostics { filesWhoseFindingsChanged() }
            baselineBefore = baseline.version
        case "initialized": out += watchRegistration()
        case "$/setTrace", "workspace/didChangeConfiguration": break
        case "$/cancelRequest": out += cancel(params["id"])
        case "textDocument/diagnostic": out.append(LanguageServer.response(id: id, documentDiagnostic(params)))
        case "workspace/diagnostic": out += workspaceDiagnostic(id: id, params)
        case "shutdown":
            shutdownRequested = true
            out += releaseHeldRequest()
            out.append(LanguageServer.response(id: id, NSNull()))
        case "exit": exitCode = shutdownRequested ? 0 : 1
        case "textDocument/didOpen", "textDocument/didChange", "textDocument/didSave", "textDocument/didClose":
            out += didChange(method, params)
        case "workspace/willRenameFiles": out.append(LanguageServer.response(id: id, willRenameFiles(params)))
        case "workspace/didRenameFiles":
            didRenameFiles(params)
            out += publishAll()
        case "workspace/didChangeWatchedFiles": out += didChangeWatchedFiles(params)
        case "textDocument/definition": out.append(LanguageServer.response(id: id, definition(params)))
        case "textDocument/hover": out.append(LanguageServer.response(id: id, hover(params)))
        case "textDocument/completion": out.append(LanguageServer.response(id: id, completion(params)))
        case "textDocument/references": out.append(LanguageServer.response(id: id, references(params)))
        case "textDocument/documentHighlight":
            out.append(LanguageServer.response(id: id, documentHighlights(params)))
        case "textDocument/documentLink": out.append(LanguageServer.response(id: id, documentLinks(params)))
        case "textDocument/codeAction": out.append(LanguageServer.response(id: id, codeActions(params)))
        case "codeAction/resolve":
            switch resolveCodeAction(params) {
            case .success(let action): out.append(LanguageServer.response(id: id, action))
            case .failure(let refusal): out.append(LanguageServer.error(id: id, code: -32602, message: refusal.message))
            }
        case "textDocument/documentSymbol": out.append(LanguageServer.response(id: id, documentSymbols(params)))
        case "workspace/symbol": out.append(LanguageServer.response(id: id, workspaceSymbols(params)))
        case "textDocument/prepareRename": out.append(LanguageServer.response(id: id, prepareRename(params)))
        case "textDocument/inlayHint": out.append(LanguageServer.response(id: id, inlayHints(params)))
        case "textDocument/codeLens": out.append(LanguageServer.response(id: id, codeLenses(params)))
        case "textDocument/prepareCallHierarchy", "textDocument/prepareTypeHierarchy":
            let types = method == "textDocument/prepareTypeHierarchy"
            out.append(LanguageServer.response(id: id, prepareHierarchy(params, types: types)))
        case "callHierarchy/incomingCalls": out.append(LanguageServer.response(id: id, incomingCalls(params)))
        case "callHierarchy/outgoingCalls": out.append(LanguageServer.response(id: id, outgoingCalls(params)))
        case "typeHierarchy/supertypes": out.append(LanguageServer.response(id: id, supertypes(params)))
        case "typeHierarchy/subtypes": out.append(LanguageServer.response(id: id, subtypes(params)))
        case "textDocument/rename":
            switch rename(params) {
            case .success(let edit): out.append(LanguageServer.response(id: id, edit))
            case .failure(let refusal): out.append(LanguageServer.error(id: id, code: -32602, message: refusal.message))
            }
        default:
            // Notifications we do not handle are ignored; requests get MethodNotFound.
            if id != nil {
                out.append(LanguageServer.error(id: id, code: -32601, message: "method not found: \(method)"))
            }
        }
        let edited = ((params["textDocument"] as? [String: Any])?["uri"] as? String).flatMap(relativePath)
        return out + afterCompile(generationBefore, baseline: baselineBefore, edited: edited)
    }

    static func encode(_ object: [String: Any]) -> [UInt8] {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return Array(data)
    }

    static func response(id: Any?, _ result: Any) -> [UInt8] {
        encode(["jsonrpc": "2.0", "id": id ?? NSNull(), "result": result])
    }

    /// A response whose result is JSON written already (a large report).
    static func response(id: Any?, json result: String) -> [UInt8] {
        // Keys are sorted, so `result` is the last member: the frame ends with it, and its placeholder is
        // replaced by the result.
        let frame = encode(["jsonrpc": "2.0", "id": id ?? NSNull(), "result": "taxo:result"])
        let tail = Array(#""result":"taxo:result"}"#.utf8)
        guard frame.count >= tail.count, Array(frame.suffix(tail.count)) == tail else {
            return response(id: id, NSNull())
        }
        return Array(frame.dropLast(tail.count - #""result":"#.utf8.count)) + Array(result.utf8) + Array("}".utf8)
    }

    static func error(id: Any?, code: Int, message: String) -> [UInt8] {
        encode(["jsonrpc": "2.0", "id": id ?? NSNull(), "error": ["code": code, "message": message]])
    }

    // MARK: Lifecycle

    func initialize(_ params: [String: Any]) -> [String: Any] {
        var start = workingDirectory
        if let uri = params["rootUri"] as? String, let url = LanguageServer.fileURL(uri) {
            start = url
        } else if let path = params["rootPath"] as? String {
            start = URL(fileURLWithPath: path)
        }
        root = ConfigLoader.findLibrary(from: start) ?? start
        let textDocument = (params["capabilities"] as? [String: Any])?["textDocument"] as? [String: Any]
        let codeAction = textDocument?["codeAction"] as? [String: Any]
        disabledActions = codeAction?["disabledSupport"] as? Bool ?? false
        pullDiagnostics = textDocument?["diagnostic"] is [String: Any]
        let workspace = (params["capabilities"] as? [String: Any])?["workspace"] as? [String: Any]
        refreshSupport = (workspace?["diagnostics"] as? [String: Any])?["refreshSupport"] as? Bool ?? false
        watchesFiles =
            (workspace?["didChangeWatchedFiles"] as? [String: Any])?["dynamicRegistration"] as? Bool ?? false
        resolvesActionEdits =
            ((codeAction?["resolveSupport"] as? [String: Any])?["properties"] as? [Any])?.contains {
                $0 as? String == "edit"
            } ?? false
        recompile()
        var capabilities = LanguageServer.capabilities
        if pullDiagnostics {
            capabilities["diagnosticProvider"] = [
                "identifier": "taxo", "interFileDependencies": true, "workspaceDiagnostics": true,
            ]
        }
        return ["capabilities": capabilities, "serverInfo": ["name": "taxo", "version": TaxoVersion.string]]
    }

    /// What the server offers every client (pull diagnostics are added for a client that asks for them).
    static var capabilities: [String: Any] {
        [
            "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": false]],
            "definitionProvider": true, "hoverProvider": true, "referencesProvider": true,
            "documentHighlightProvider": true,
            "completionProvider": ["triggerCharacters": ["-"]],
            "documentLinkProvider": ["resolveProvider": false],
            "codeActionProvider": ["codeActionKinds": ["quickfix"], "resolveProvider": true],
            "documentSymbolProvider": true, "workspaceSymbolProvider": true,
            "renameProvider": ["prepareProvider": true], "inlayHintProvider": true,
            "codeLensProvider": ["resolveProvider": false], "callHierarchyProvider": true,
            "typeHierarchyProvider": true,
            "workspace": [
                "fileOperations": [
                    "willRename": ["filters": [["scheme": "file", "pattern": ["glob": "**"]]]],
                    "didRename": ["filters": [["scheme": "file", "pattern": ["glob": "**"]]]],
                ]
            ],
        ]
    }

    /// Compiles the library with the open buffers standing for their files.
    func recompile() {
        guard let root else { return }
        reloadConfig(root)
        guard let config else { return }
        if cache == nil {
            cache = ExtractionCache(
                path: root.appendingPathComponent("output/" + ExtractionCache.fileName).path, configHash: config.hash)
        }
        let overlay = buffers.mapValues { Array($0.utf8) }
        result = Compiler.compile(
            root: root.path, config: config, cache: cache, options: CompileOptions(overlay: overlay))
    }

    /// The configuration as it stands: `taxonomy.yaml`'s open buffer, else the file, else the built-in one
    /// (with the library's department records). Read at every full compile, so that an edited or saved
    /// configuration applies at once; one that does not load keeps the last one that did, and its findings
    /// are published on `taxonomy.yaml`. A changed configuration drops the extraction cache made for the old.
    func reloadConfig(_ root: URL) {
        let loaded =
            buffers[ConfigLoader.fileName].map {
                ConfigLoader.parse(SourceFile(path: ConfigLoader.fileName, text: $0))
            } ?? ConfigLoader.load(root: root)
        configDiagnostics = loaded.0 == nil ? loaded.1 : []
        // One that does not load keeps the last good one (the built-in one when there was none).
        if loaded.0 == nil, config != nil { return }
        guard let fresh = loaded.0 ?? ConfigLoader.builtIn(root: root.path).0, fresh.hash != config?.hash else {
            return
        }
        cache = nil
        config = fresh
    }

    /// Only the edited buffer is extracted again; the rest of the model is kept from the last compile.
    func update(_ path: String) {
        // The configuration changes how every file reads: compile everything with it.
        if path == ConfigLoader.fileName { return recompile() }
        guard let previous = result, let config, let text = buffers[path] else { return recompile() }
        result = Compiler.update(previous, config: config, changed: [path: Array(text.utf8)])
    }

    func didChange(_ method: String, _ params: [String: Any]) -> [[UInt8]] {
        guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String,
            let path = relativePath(uri)
        else { return [] }
        switch method {
        case "textDocument/didOpen":
            buffers[path] = doc["text"] as? String ?? ""
            update(path)
        case "textDocument/didChange":
            // Full-text sync: the last change holds the whole text.
            if let changes = params["contentChanges"] as? [[String: Any]], let text = changes.last?["text"] as? String {
                buffers[path] = text
            }
            update(path)
        case "textDocument/didClose":
            buffers[path] = nil
            recompile()
        default:
            // didSave: the file on disk changed (maybe by others, with other files): compile everything again.
            // Branches may have moved too (a commit, a fetch).
            branches = nil
            recompile()
        }
        return publishAll(closing: method == "textDocument/didClose" ? path : nil)
    }

    /// Diagnostics of every open buffer (an empty list for one that has none any more, or was closed).
    func publishAll(closing: String? = nil) -> [[UInt8]] {
        // A client that pulls diagnostics asks for them (`LanguageServerPullDiagnostics`): nothing is pushed.
        guard !pullDiagnostics, let root else { return [] }
        let byFile = findingsByFile()
        var out: [[UInt8]] = []
        var paths = Set(buffers.keys).union(published)
        if let closing { paths.insert(closing) }
        for path in paths.sorted() {
            let open = buffers[path] != nil
            let diags = open ? byFile[path] ?? [] : []
            // A closed buffer always gets an (empty) list; an open one always gets its list.
            if !open, path != closing, !published.contains(path) { continue }
            out.append(
                LanguageServer.encode([
                    "jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                    "params": [
                        "uri": root.appendingPathComponent(path).absoluteString,
                        "diagnostics": diagnosticItems(diags, held: held(diags), path: path).map(\.dictionary),
                    ],
                ]))
            if open && !diags.isEmpty { published.insert(path) } else { published.remove(path) }
        }
        return out
    }

    /// Every finding of the library by file: the compile's, the configuration's and the baseline's.
    func findingsByFile() -> [String: [Diagnostic]] {
        guard let result else { return [:] }
        refreshBaseline()
        var byFile: [String: [Diagnostic]] = [:]
        // A run of one file's findings at a time (a compile's come sorted by file): one table lookup per run,
        // and no array of all of them made first (35,000 findings are grouped again on every change).
        func add(_ diags: [Diagnostic]) {
            var i = diags.startIndex
            while i < diags.endIndex {
                guard let f = diags[i].location?.file else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < diags.endIndex, diags[j].location?.file == f { j += 1 }
                byFile[f, default: []].append(contentsOf: diags[i..<j])
                i = j
            }
        }
        add(result.diagnostics)
        add(configDiagnostics)
        add(baselineProblems())
        return byFile
    }

    /// One file's findings as LSP diagnostics (a finding the baseline holds, `held`, as a hint saying so).
    func diagnosticItems(_ diags: [Diagnostic], held: [Bool], path: String) -> [DiagnosticItem] {
        guard let root else { return [] }
        return zip(diags, held).map { d, held in
            let shown = LanguageServer.shown(d, held: held)
            // The places a finding's notes point at (the other references of a missing ID, the first
            // definition of a duplicate), as the client's related information.
            let related = d.notes.compactMap { n -> DiagnosticItem.Related? in
                guard let at = n.location else { return nil }
                return DiagnosticItem.Related(
                    uri: root.appendingPathComponent(at.file).absoluteString,
                    span: LanguageServer.span(at, lines: lines(of: at.file)), message: n.message)
            }
            return DiagnosticItem(
                span: LanguageServer.span(d.location, lines: lines(of: path)), severity: shown.severity, code: d.code,
                message: shown.message, related: related)
        }
    }

    static func severity(_ s: Severity) -> Int {
        switch s {
        case .error: return 1
        case .warning: return 2
        default: return 3
        }
    }

    // MARK: Paths and positions

    static func fileURL(_ uri: String) -> URL? {
        guard uri.hasPrefix("file://"), let url = URL(string: uri) else { return nil }
        return url.standardizedFileURL
    }

    /// The library path of the document a request names (`textDocument.uri`), or nil.
    func documentPath(_ params: [String: Any]) -> String? {
        ((params["textDocument"] as? [String: Any])?["uri"] as? String).flatMap(relativePath)
    }

    /// The position a request names (0-based line, UTF-16 character), or nil.
    static func position(_ params: [String: Any]) -> (line: Int, character: Int)? {
        guard let pos = params["position"] as? [String: Any], let line = pos["line"] as? Int,
            let character = pos["character"] as? Int
        else { return nil }
        return (line, character)
    }

    func relativePath(_ uri: String) -> String? {
        guard let url = LanguageServer.fileURL(uri), let root else { return nil }
        let r = root.standardizedFileURL.path, p = url.path
        guard p.hasPrefix(r + "/") else { return nil }
        return String(p.dropFirst(r.count + 1))
    }

    /// A buffer's text, or the file's on disk.
    func text(of path: String) -> String? {
        if let b = buffers[path] { return b }
        guard let root, let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A file's lines, split once per message however many ranges are made in it.
    func lines(of path: String) -> [Substring]? {
        if let known = lineCache[path] { return known }
        let lines = text(of: path).map(LanguageServer.lines)
        lineCache[path] = lines
        return lines
    }

    /// A line as taxo counts columns: in Unicode scalars (`⚠️`, a sign and its variation selector, is two;
    /// a Swift Character would be one).
    static func scalars(_ line: Substring) -> [Unicode.Scalar] { Array(line.unicodeScalars) }

    /// How many UTF-16 units scalars take: LSP's characters.
    static func utf16Count(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        scalars.reduce(0) { $0 + $1.utf16.count }
    }

    /// A one-line range at a location (line and column are 1-based, columns in Unicode scalars), to the end
    /// of the word there.
    static func range(_ loc: SourceLocation?, lines: [Substring]?) -> [String: Any] {
        let s = span(loc, lines: lines)
        return LanguageServer.lineRange(s.line, s.start, s.end)
    }

    /// The range `range` gives, as numbers: a 0-based line and UTF-16 characters.
    static func span(_ loc: SourceLocation?, lines: [Substring]?) -> (line: Int, start: Int, end: Int) {
        let line = max(0, (loc?.line ?? 1) - 1)
        var start = max(0, (loc?.column ?? 1) - 1)
        var end = start
        if let lines {
            if line < lines.count {
                let chars = scalars(lines[line])
                start = min(start, chars.count)
                // A location at a string's opening quote: the range covers what the string holds.
                while start < chars.count, chars[start] == "\"" || chars[start] == "'" { start += 1 }
                end = start
                while end < chars.count, !chars[end].properties.isWhitespace,
                    !"\"',()[]|".unicodeScalars.contains(chars[end])
                {
                    end += 1
                }
                let a = utf16Count(chars[..<start])
                end = a + utf16Count(chars[start..<end])
                start = a
            }
        }
        return (line, start, max(end, start))
    }

    /// A Markdown link's destination as written (extraction placed it where cmark found the link, so two links
    /// to one file on a line are two ranges); where it was not found as written, the word at its location.
    static func linkRange(_ l: MarkdownLink, lines: [Substring]?) -> [String: Any] {
        let written = l.backslashed ?? l.destination
        let line = l.location.line - 1
        if let lines, line >= 0, line < lines.count {
            let chars = scalars(lines[line])
            let start = l.location.column - 1
            if start >= 0, start <= chars.count, chars[start...].starts(with: written.unicodeScalars) {
                let a = utf16Count(chars[..<start])
                return lineRange(line, a, a + written.utf16.count)
            }
        }
        return range(l.location, lines: lines)
    }

    /// The ID written at a position of a buffer: the token, and its UTF-16 range on the line.
    func idAt(_ params: [String: Any]) -> (path: String, id: ParsedID, line: Int, range: (Int, Int))? {
        guard let path = documentPath(params), let (line, character) = LanguageServer.position(params),
            let text = text(of: path), let grammar = result?.library.grammar
        else { return nil }
        let lines = LanguageServer.lines(text)
        guard line >= 0, line < lines.count else { return nil }
        let lineText = String(lines[line])
        let bytes = Array(lineText.utf8)
        var found: (ParsedID, Int, Int)?
        bytes.withUnsafeBufferPointer { b in
            grammar.scan(b) { tok, a, z in
                guard found == nil, case .id(let p) = tok else { return }
                let ua = String(decoding: bytes[..<a], as: UTF8.self).utf16.count
                let uz = String(decoding: bytes[..<z], as: UTF8.self).utf16.count
                if character >= ua, character <= uz { found = (p, ua, uz) }
            }
        }
        guard let f = found else { return nil }
        return (path, f.0, line, (f.1, f.2))
    }

    func location(of loc: SourceLocation) -> [String: Any]? {
        guard let root else { return nil }
        return [
            "uri": root.appendingPathComponent(loc.file).absoluteString,
            "range": LanguageServer.range(loc, lines: lines(of: loc.file)),
        ]
    }

    // MARK: Requests

    /// Where the video of the document at `path` declares the ID as its own (its transcript's scope
    /// section), when it does: the ID then names no library entity there.
    func videoDeclaration(of id: ParsedID, in path: String) -> SourceLocation? {
        guard let lib = result?.library, let d = lib.documents.first(where: { $0.path == path }), let v = d.video,
            lib.videoOwnKeys(of: d).contains(id.key)
        else { return nil }
        for doc in lib.documents where doc.video == v {
            if let m = doc.mentions.first(where: { $0.declaresScope && $0.id.key == id.key }) { return m.location }
        }
        return nil
    }

    /// The library entity the ID under the cursor names (none for the video's own IDs in its documents).
    func entity(at: (path: String, id: ParsedID, line: Int, range: (Int, Int))) -> Int? {
        guard let lib = result?.library, videoDeclaration(of: at.id, in: at.path) == nil else { return nil }
        return lib.lookup(at.id)
    }

    func definition(_ params: [String: Any]) -> Any {
        guard let at = idAt(params), let lib = result?.library else {
            guard let n = nameLinkAt(params), case .target(let t) = n.link, let lib = result?.library else {
                return NSNull()
            }
            return location(of: lib.entities[t].location) ?? NSNull()
        }
        if let own = videoDeclaration(of: at.id, in: at.path) { return location(of: own) ?? NSNull() }
        guard let e = lib.lookup(at.id) else { return NSNull() }
        return location(of: lib.entities[e].location) ?? NSNull()
    }

    func hover(_ params: [String: Any]) -> Any {
        guard let at = idAt(params), let lib = result?.library else {
            guard let n = nameLinkAt(params), let lib = result?.library else { return NSNull() }
            switch n.link {
            case .target(let t): return hover(entity: t, line: n.line, range: n.range, lib: lib)
            case .unmatched(let u): return hover(unmatched: u, line: n.line, range: n.range, lib: lib)
            }
        }
        let range = LanguageServer.lineRange(at.line, at.range.0, at.range.1)
        if let own = videoDeclaration(of: at.id, in: at.path) {
            let kind = lib.config.kinds[at.id.kind].name
            let video = lib.documents.first { $0.path == at.path }?.video ?? ""
            return [
                "contents": [
                    "kind": "markdown",
                    "value": "**\(at.id.written)**: \(video)'s own \(kind), declared in \(own.file):\(own.line)",
                ],
                "range": range,
            ]
        }
        guard let e = lib.lookup(at.id) else {
            let kind = lib.config.kinds[at.id.kind].name
            return [
                "contents": ["kind": "markdown", "value": "**\(at.id.written)**: no \(kind) has this ID"],
                "range": range,
            ]
        }
        return hover(entity: e, line: at.line, range: at.range, lib: lib)
    }

    /// An entity's card for a hover over an ID, or over a name that links to it.
    func hover(entity e: Int, line: Int, range r: (Int, Int), lib: Library) -> Any {
        let range = LanguageServer.lineRange(line, r.0, r.1)
        let ent = lib.entities[e]
        let inbound = lib.targets.reduce(0) { $0 + $1.filter { $0 == e }.count }
        let mentions = ent.id.map { lib.mentions(of: $0.key).count } ?? 0
        var lines = [
            "**\(lib.displayID(ent))** \(ent.name ?? "")", "",
            "- kind: \(lib.config.kinds[ent.kind].name)",
        ]
        if let code = lib.departmentCode(of: ent) {
            let name = lib.config.departments.first { $0.code == code }?.name
            lines.append("- department: \(code)" + (name.map { " (\($0))" } ?? ""))
        } else if let d = ent.department {
            lines.append("- department: \(d) (not a known department)")
        }
        lines.append("- file: \(ent.file):\(ent.location.line)")
        lines.append("- links: \(ent.references.count) out, \(inbound) in; \(mentions) mentions in documents")
        return ["contents": ["kind": "markdown", "value": lines.joined(separator: "\n")], "range": range]
    }

    func completion(_ params: [String: Any]) -> Any {
        guard let path = documentPath(params), let (line, character) = LanguageServer.position(params),
            let text = text(of: path), let lib = result?.library
        else { return ["isIncomplete": false, "items": []] }
        let lines = LanguageServer.lines(text)
        // (A client's position is not trusted: a negative line or character is no position.)
        guard line >= 0, line < lines.count, character >= 0 else { return ["isIncomplete": false, "items": []] }
        // The word before the cursor: capitals, digits and dashes (`TOL-`, `TOL-QA-0`).
        let before = String(String(lines[line]).utf16.prefix(character)) ?? ""
        if let values = valueCompletion(before: before, line: line, character: character, path: path, lib: lib) {
            return values
        }
        let word = String(before.reversed().prefix { $0.isUppercase || $0.isNumber || $0 == "-" }.reversed())
        guard word.contains("-") else {
            return nameCompletion(before: before, line: line, character: character, path: path, lib: lib)
        }
        var items: [[String: Any]] = []
        var seen = Set<String>()
        for e in lib.entities {
            let id = lib.displayID(e)
            guard id.hasPrefix(word), seen.insert(id).inserted else { continue }
            items.append([
                "label": id, "kind": 18, "detail": e.name ?? "",
                "documentation": "\(lib.config.kinds[e.kind].name) in \(e.file)",
            ])
            if items.count >= 500 { break }
        }
        items.sort { ($0["label"] as? String ?? "") < ($1["label"] as? String ?? "") }
        return ["isIncomplete": items.count >= 500, "items": items]
    }

    func references(_ params: [String: Any]) -> Any {
        guard let at = idAt(params), let lib = result?.library, let e = entity(at: at) else { return [] }
        let key = lib.entities[e].id?.key
        var locs: [SourceLocation] = []
        for (i, ent) in lib.entities.enumerated() {
            for (ri, ref) in ent.references.enumerated() where lib.targets[i][ri] == e { locs.append(ref.location) }
        }
        if let key { locs += lib.mentions(of: key).map(\.mention.location) }
        if let ctx = params["context"] as? [String: Any], ctx["includeDeclaration"] as? Bool == true {
            locs.append(lib.entities[e].location)
        }
        return locs.sorted().compactMap { location(of: $0) }
    }

    func documentLinks(_ params: [String: Any]) -> Any {
        guard let path = documentPath(params), let root,
            let file = result?.library.files.first(where: { $0.path == path }), let md = file.markdown
        else { return [] }
        let dir = (path as NSString).deletingLastPathComponent
        var out: [[String: Any]] = []
        for l in md.links {
            let dest = l.destination
            guard !dest.isEmpty, !dest.contains("://"), !dest.hasPrefix("#"), !dest.hasPrefix("mailto:") else {
                continue
            }
            let target = String(dest.split(separator: "#", maxSplits: 1).first ?? "")
            let url = root.appendingPathComponent(dir.isEmpty ? target : dir + "/" + target).standardizedFileURL
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            out.append(["range": LanguageServer.linkRange(l, lines: lines(of: path)), "target": url.absoluteString])
        }
        return out
    }

    func codeActions(_ params: [String: Any]) -> Any {
        guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String,
            let path = relativePath(uri),
            let result, let root
        else { return [] }
        let fixes = Fixes.plan(result, root: root.path, only: [path])
        var out: [[String: Any]] = []
        if let range = params["range"] as? [String: Any], let start = range["start"] as? [String: Any],
            let end = range["end"] as? [String: Any], let a = start["line"] as? Int, let z = end["line"] as? Int, a <= z
        {
            out += createActions(path: path, lines: a...z, result: result, root: root)
            out += suggestionActions(path: path, uri: uri, lines: a...z, result: result)
        }
        for fix in fixes where fix.path == path {
            let original = fix.original
            for edit in fix.edits where edit.code != FileNameMismatch.info.code {
                let range = LanguageServer.lspRange(bytes: original, start: edit.start, end: edit.end)
                let title = "taxo fix (\(edit.code)): " + (Fixes.descriptions[edit.code] ?? "repair")
                out.append([
                    "title": title, "kind": "quickfix",
                    "edit": ["changes": [uri: [["range": range, "newText": edit.replacement]]]],
                ])
            }
        }
        // A stale file name (TAX0105): the file renamed after the ID inside, with every link to it rewritten.
        if let rename = fixes.first(where: { $0.path == path })?.renameTo {
            var changes: [[String: Any]] = []
            for fix in fixes {
                let edits = fix.edits.filter { $0.code == FileNameMismatch.info.code }
                guard !edits.isEmpty else { continue }
                changes.append([
                    "textDocument": ["uri": root.appendingPathComponent(fix.path).absoluteString, "version": NSNull()],
                    "edits": edits.map { e -> [String: Any] in
                        [
                            "range": LanguageServer.lspRange(bytes: fix.original, start: e.start, end: e.end),
                            "newText": e.replacement,
                        ]
                    },
                ])
            }
            changes.append([
                "kind": "rename", "oldUri": uri, "newUri": root.appendingPathComponent(rename).absoluteString,
            ])
            out.append([
                "title":
                    "taxo fix (TAX0105): rename to \((rename as NSString).lastPathComponent) and rewrite the links to it",
                "kind": "quickfix", "edit": ["documentChanges": changes],
            ])
        }
        return out
    }

    /// A text's lines as LSP counts them: a line ends at `\n`, `\r\n` or `\r` (a String splits at "\n"
    /// alone would keep a CRLF file in one line: `\r\n` is one Character).
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// A range within one line (0-based line, UTF-16 characters), as LSP writes it.
    static func lineRange(_ line: Int, _ start: Int, _ end: Int) -> [String: Any] {
        ["start": ["line": line, "character": start], "end": ["line": line, "character": end]]
    }

    /// A byte range of a file as an LSP range (lines, UTF-16 characters).
    static func lspRange(bytes: [UInt8], start: Int, end: Int) -> [String: Any] {
        func position(_ offset: Int) -> [String: Any] {
            var line = 0, lineStart = 0
            // A line ends at LF, or at a CR not followed by LF.
            for i in 0..<min(offset, bytes.count)
            where bytes[i] == 10 || (bytes[i] == 13 && (i + 1 == bytes.count || bytes[i + 1] != 10)) {
                line += 1
                lineStart = i + 1
            }
            let prefix = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self)
            return ["line": line, "character": prefix.utf16.count]
        }
        return ["start": position(start), "end": position(end)]
    }
}
