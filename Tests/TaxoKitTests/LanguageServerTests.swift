import Foundation
import Testing

@testable import TaxoKit

/// The protocol layer of `taxo lsp` (the end-to-end test drives the binary with pytest-lsp: Tests/lsp).
@Suite struct LanguageServerTests {
    func body(_ s: String) -> [UInt8] { Array(s.utf8) }

    func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func framingSplitsMessagesAcrossChunksAndSkipsBadHeaders() throws {
        var f = LSPFraming()
        let a = LSPFraming.frame(body(#"{"a":1}"#)), b = LSPFraming.frame(body(#"{"b":2}"#))
        let all = a + b
        f.append(all.prefix(5))
        #expect(f.next() == nil)
        f.append(all.dropFirst(5))
        #expect(f.next() == .message(body(#"{"a":1}"#)))
        #expect(f.next() == .message(body(#"{"b":2}"#)))
        #expect(f.next() == nil)
        f.append(body("X-Other: 1\r\n\r\n"))
        guard case .badHeader = f.next() else {
            Issue.record("a header without Content-Length is not a message"); return
        }
        f.append(LSPFraming.frame(body("{}")))
        #expect(f.next() == .message(body("{}")))
    }

    @Test func malformedJSONGetsAParseErrorAndUnknownRequestsMethodNotFound() throws {
        let s = LanguageServer(workingDirectory: FileManager.default.temporaryDirectory)
        let parse = try json(try #require(s.handle(body("{not json")).first))
        #expect((parse["error"] as? [String: Any])?["code"] as? Int == -32700)
        let unknown = try json(try #require(s.handle(body(#"{"jsonrpc":"2.0","id":7,"method":"taxo/nothing"}"#)).first))
        #expect((unknown["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect(unknown["id"] as? Int == 7)
        // An unknown notification is ignored.
        #expect(s.handle(body(#"{"jsonrpc":"2.0","method":"taxo/nothing"}"#)).isEmpty)
    }

    @Test func exitCodeIsZeroOnlyAfterShutdown() throws {
        let clean = LanguageServer(workingDirectory: FileManager.default.temporaryDirectory)
        let reply = try json(try #require(clean.handle(body(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#)).first))
        #expect(reply["result"] is NSNull)
        _ = clean.handle(body(#"{"jsonrpc":"2.0","method":"exit"}"#))
        #expect(clean.exitCode == 0)
        let abrupt = LanguageServer(workingDirectory: FileManager.default.temporaryDirectory)
        _ = abrupt.handle(body(#"{"jsonrpc":"2.0","method":"exit"}"#))
        #expect(abrupt.exitCode == 1)
    }

    /// A server initialised on a copy of the example library (removed by the caller).
    func server(capabilities: String = "{}") throws -> (LanguageServer, URL) {
        let root = try TestSupport.exampleCopy()
        let s = LanguageServer(workingDirectory: root)
        _ = s.handle(
            body(
                #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(root.absoluteString)","capabilities":\#(capabilities)}}"#
            ))
        return (s, root)
    }

    /// Opens a buffer (`text` already escaped for a JSON string) and returns what the server sent back.
    func open(_ s: LanguageServer, _ uri: String, language: String, escapedText text: String) -> [[UInt8]] {
        s.handle(
            body(
                #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"\#(language)","version":1,"text":"\#(text)"}}}"#
            ))
    }

    /// Sends a request at a position of a buffer and returns the reply.
    func request(_ s: LanguageServer, _ method: String, _ uri: String, line: Int, character: Int) throws -> [String:
        Any]
    {
        try json(
            try #require(
                s.handle(
                    body(
                        #"{"jsonrpc":"2.0","id":2,"method":"textDocument/\#(method)","params":{"textDocument":{"uri":"\#(uri)"},"position":{"line":\#(line),"character":\#(character)},"context":{"includeDeclaration":true}}}"#
                    )
                ).first))
    }

    /// Sends a request on a whole buffer (`textDocument/codeLens` ...) and returns the reply.
    func requestOn(_ s: LanguageServer, _ method: String, _ uri: String) throws -> [String: Any] {
        try json(
            try #require(
                s.handle(
                    body(
                        #"{"jsonrpc":"2.0","id":5,"method":"textDocument/\#(method)","params":{"textDocument":{"uri":"\#(uri)"}}}"#
                    )
                ).first))
    }

    @Test func openingABufferPublishesItsFindings() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/TOL-QA-099_X.json").absoluteString
        let text = #"{\n  \"tool_id\": \"TOL-QA-099\",\n  \"name\": \"X\",\n  \"alternatives\": [\"TOL-QA-998\"]\n}\n"#
        let out = open(s, uri, language: "json", escapedText: text)
        let note = try json(try #require(out.first))
        #expect(note["method"] as? String == "textDocument/publishDiagnostics")
        let diags = (note["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        let dangling = try #require(diags.first { $0["code"] as? String == "TAX0201" })
        let start = (dangling["range"] as? [String: Any])?["start"] as? [String: Any]
        #expect(start?["line"] as? Int == 3)
        #expect(dangling["severity"] as? Int == 1)
    }

    /// Opens a new skill whose `components.tool` is `tool` (its value starts at character 27 of line 2).
    func openSkill(_ s: LanguageServer, _ root: URL, tool: String) -> String {
        let uri = root.appendingPathComponent("TALENTS/Skills/Master/new_skills.json").absoluteString
        let text =
            #"[\n  {\"skill_id\": \"SKL-900\", \"skill_phrase\": \"inspected\",\n   \"components\": {\"tool\": \""#
            + tool + #"\"}}\n]\n"#
        _ = open(s, uri, language: "json", escapedText: text)
        return uri
    }

    /// A hover's Markdown and the character its range starts at.
    func hoverText(_ hover: [String: Any]) -> (value: String?, start: Int?) {
        let result = hover["result"] as? [String: Any]
        let start = (result?["range"] as? [String: Any])?["start"] as? [String: Any]
        return ((result?["contents"] as? [String: Any])?["value"] as? String, start?["character"] as? Int)
    }

    /// A tool written by name (`"tool": "MCP Inspector"`) is a link: definition goes to the tool's record and
    /// hover shows its card.
    @Test func definitionAndHoverOnALinkByName() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = openSkill(s, root, tool: "MCP Inspector (debugging)")
        let definition = try request(s, "definition", uri, line: 2, character: 30)
        let target = try #require(definition["result"] as? [String: Any])
        #expect((target["uri"] as? String)?.hasSuffix("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json") == true)
        let hover = try request(s, "hover", uri, line: 2, character: 30)
        let (value, startCharacter) = hoverText(hover)
        #expect(value?.hasPrefix("**TOL-QA-031** MCP Inspector") == true, "\(hover)")
        #expect(startCharacter == 27)
        // Off the name: nothing.
        #expect(try request(s, "definition", uri, line: 2, character: 5)["result"] is NSNull)
    }

    /// Hover on a name that links to nothing says why and what it may have meant; it has no definition.
    @Test func hoverOnANameThatLinksToNothing() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = openSkill(s, root, tool: "MCP Inspektor")
        let hover = try request(s, "hover", uri, line: 2, character: 30)
        let (value, startCharacter) = hoverText(hover)
        #expect(
            value?.hasPrefix("**MCP Inspektor**: no tool has this name; did you mean 'MCP Inspector'?") == true,
            "\(hover)")
        #expect(startCharacter == 27)
        #expect(try request(s, "definition", uri, line: 2, character: 30)["result"] is NSNull)
    }

    /// A buffer with CRLF line ends (or CR alone) has its lines: hover finds the ID on the third line, and
    /// a finding's range is on the line the compile gives. (Split at "\n", a CRLF buffer was one line:
    /// `\r\n` is one Character, so hover, definition and completion found nothing past the first line.)
    @Test(arguments: ["\r\n", "\r"])
    func hoverInABufferWithCarriageReturns(ending: String) throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Notes.md")
            .absoluteString
        let text = ["# Notes", "", "Uses TOL-QA-031 and TOL-QA-998.", ""].joined(separator: ending)
        let escaped = text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        let opened = open(s, uri, language: "markdown", escapedText: escaped)
        let note = try json(try #require(opened.first))
        let diags = (note["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        let dangling = try #require(diags.first { ($0["message"] as? String)?.contains("TOL-QA-998") == true })
        let start = try #require((dangling["range"] as? [String: Any])?["start"] as? [String: Any])
        #expect(start["line"] as? Int == 2)
        #expect(start["character"] as? Int == 20)
        let reply = try request(s, "hover", uri, line: 2, character: 8)
        let value = ((reply["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        #expect(value?.hasPrefix("**TOL-QA-031**") == true)
        // The department as its code and configured name.
        #expect(value?.contains("- department: QA (Quality Assurance)") == true)
    }

    /// In Video_025's documents MLS-001 is the video's own milestone ("Build the Research Graph"), not the
    /// library's MLS-001, which was made from Video_024: hover says so, definition goes to the transcript's
    /// declaration, and no inlay hint names the other milestone.
    @Test func aVideosOwnIDIsNotTheLibrarysEntity() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_025_Notes.md")
            .absoluteString
        _ = open(s, uri, language: "markdown", escapedText: #"# Notes\n\nMLS-001 comes first.\n"#)
        let hover = try request(s, "hover", uri, line: 2, character: 3)
        let value = hoverText(hover).value
        #expect(
            value == "**MLS-001**: Video_025's own milestone, declared in "
                + "TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_025.md:34")
        let definition = try request(s, "definition", uri, line: 2, character: 3)
        let target = try #require(definition["result"] as? [String: Any])
        #expect((target["uri"] as? String)?.hasSuffix("02_TRANSCRIPTIONS/Video_025.md") == true)
        let hints = try inlayHints(s, uri, lines: 0...3)
        #expect(hints.isEmpty)
        // In Video_024's documents it is the library's milestone, made from that video.
        let uri24 = root.appendingPathComponent(
            "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Video_024_Notes.md"
        ).absoluteString
        _ = open(s, uri24, language: "markdown", escapedText: #"# Notes\n\nMLS-001 comes first.\n"#)
        let hover24 = try request(s, "hover", uri24, line: 2, character: 3)
        let value24 = ((hover24["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        #expect(value24?.hasPrefix("**MLS-001** Prepare Baseline MCP Server") == true)
    }

    /// Positions a client sends are not trusted: a negative or far-off line or character gets an empty answer
    /// (a negative line or character trapped completion, ending the server).
    @Test func positionsOutOfTheBufferGetEmptyAnswers() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Notes.md")
            .absoluteString
        _ = open(s, uri, language: "markdown", escapedText: "# Notes\\n\\nTOL-\\n")
        for (method, line, character) in [
            ("completion", -1, 0), ("completion", 2, -5), ("completion", 99, 0), ("hover", -1, 0),
            ("definition", 2, -3), ("references", 1_000_000, 1_000_000),
        ] {
            let reply = try request(s, method, uri, line: line, character: character)
            #expect(reply["error"] == nil, "\(method) at \(line):\(character)")
            let result = reply["result"]
            let empty =
                result is NSNull || ((result as? [String: Any])?["items"] as? [Any])?.isEmpty == true
                || (result as? [Any])?.isEmpty == true
            #expect(empty, "\(method) at \(line):\(character)")
        }
        // A real position still completes.
        let ok = try request(s, "completion", uri, line: 2, character: 4)
        #expect((((ok["result"] as? [String: Any])?["items"] as? [Any])?.count ?? 0) > 0)
    }

    /// Sends a request with raw params and returns its result.
    func call(_ s: LanguageServer, _ method: String, params: String) throws -> Any? {
        let reply = try json(
            try #require(s.handle(body(#"{"jsonrpc":"2.0","id":3,"method":"\#(method)","params":\#(params)}"#)).first))
        return reply["result"]
    }

    @Test func workspaceSymbolsFindEntitiesByIDAndNameBestFirst() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        func names(_ query: String) throws -> [String] {
            let r = try call(s, "workspace/symbol", params: #"{"query":"\#(query)"}"#) as? [[String: Any]] ?? []
            return r.compactMap { $0["name"] as? String }
        }
        #expect(try names("TOL-SEC-124").first == "TOL-SEC-124 ScaleKit Dashboard")
        // Names that start with the query before names that only hold it.
        let scale = try names("scalekit")
        let starts = scale.prefix { $0.split(separator: " ").dropFirst().first?.lowercased() == "scalekit" }
        #expect(starts.contains("TOL-SEC-124 ScaleKit Dashboard"))
        #expect(starts.contains("TOL-SEC-125 ScaleKit Python SDK"))
        #expect(scale.count > starts.count)
        #expect(try names("no such thing anywhere").isEmpty)
        let first = try #require(
            (try call(s, "workspace/symbol", params: #"{"query":"TOL-SEC-124"}"#) as? [[String: Any]])?.first)
        let uri = ((first["location"] as? [String: Any])?["uri"] as? String) ?? ""
        #expect(uri.hasSuffix("LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json"))
        #expect(first["containerName"] as? String == "tool")
    }

    @Test func documentSymbolsOutlineHeadingsAndEntities() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let doc = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_024.md").absoluteString
        let outline = try #require(
            try call(s, "textDocument/documentSymbol", params: #"{"textDocument":{"uri":"\#(doc)"}}"#)
                as? [[String: Any]])
        // Two top-level headings (# Video_024 Transcription, # TAXONOMY ANALYSIS), the ## sections inside.
        #expect(outline.map { $0["name"] as? String } == ["Video_024 Transcription", "TAXONOMY ANALYSIS"])
        let sections = (outline[0]["children"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(sections.prefix(2) == ["1. Metadata Section", "2. Description Section"])
        // The first top-level heading ends on the line before the next (line 68 of the file: 0-based 66).
        let end = ((outline[0]["range"] as? [String: Any])?["end"] as? [String: Any])?["line"] as? Int
        #expect(end == 66)
        let tool = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json").absoluteString
        let symbols = try #require(
            try call(s, "textDocument/documentSymbol", params: #"{"textDocument":{"uri":"\#(tool)"}}"#)
                as? [[String: Any]])
        #expect(symbols.map { $0["name"] as? String } == ["TOL-SEC-124"])
        #expect(symbols.first?["detail"] as? String == "ScaleKit Dashboard")
    }

    /// A finding's noted places (the other records of a file citing one missing ID) are its related
    /// information.
    @Test func notedPlacesAreRelatedInformation() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent("LIBRARIES/Responsibilities/Objects/QA_Extra.json").absoluteString
        let escaped = MissingIDFoldTests.objects.replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        let note = try json(try #require(open(s, uri, language: "json", escapedText: escaped).first))
        let diags = (note["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        let dangling = try #require(diags.first { $0["code"] as? String == "TAX0201" })
        let related = try #require(dangling["relatedInformation"] as? [[String: Any]])
        #expect(related.count == 2)
        let place = related[0]["location"] as? [String: Any]
        #expect(place?["uri"] as? String == uri)
        #expect(((place?["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int == 2)
        #expect(related[0]["message"] as? String == "also referenced by OBJ-QA-902 (field 'related_tools[0]')")
    }

    /// The inlay hints of a range of lines of a buffer.
    func inlayHints(_ s: LanguageServer, _ uri: String, lines: ClosedRange<Int>) throws -> [[String: Any]] {
        try #require(
            try call(
                s, "textDocument/inlayHint",
                params:
                    #"{"textDocument":{"uri":"\#(uri)"},"range":{"start":{"line":\#(lines.lowerBound),"character":0},"end":{"line":\#(lines.upperBound),"character":0}}}"#
            ) as? [[String: Any]])
    }

    @Test func inlayHintsNameTheEntityOfEachID() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/TOL-QA-099_X.json").absoluteString
        let text =
            #"{\n  \"tool_id\": \"TOL-QA-099\",\n  \"name\": \"X\",\n  \"alternatives\": [\"TOL-SEC-124\", \"TOL-QA-998\", \"TOL-QA-031 (MCP Inspector)\"]\n}\n"#
        _ = open(s, uri, language: "json", escapedText: text)
        let hints = try inlayHints(s, uri, lines: 0...9)
        // One hint: TOL-SEC-124's name after it. Not the file's own ID, not an ID that names nothing, not one
        // already followed by its name.
        #expect(hints.map { $0["label"] as? String } == ["ScaleKit Dashboard"])
        let position = try #require(hints.first?["position"] as? [String: Int])
        #expect(position["line"] == 3)
        #expect(position["character"] == #"  "alternatives": ["TOL-SEC-124"#.utf16.count)
    }

    @Test(arguments: [
        ("LIBRARIES/LBS_003_Tools/QA/TOL-QA-099_X.json", #"  \"alternatives\": [\"scalekit da"#, 2),
        ("TASK_MANAGERS/TSM-006_Workflows/WRF-099_X.yaml", "  - ScaleKit Da", 2),
    ])
    func completionByNameWritesTheID(path: String, escapedLine: String, line: Int) throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent(path).absoluteString
        _ = open(s, uri, language: "json", escapedText: #"x\n\n"# + escapedLine)
        let typed = escapedLine.replacingOccurrences(of: "\\\"", with: "\"")
        let reply = try request(s, "completion", uri, line: line, character: typed.utf16.count)
        let items = try #require((reply["result"] as? [String: Any])?["items"] as? [[String: Any]])
        let first = try #require(items.first)
        #expect(first["label"] as? String == "ScaleKit Dashboard")
        let edit = try #require(first["textEdit"] as? [String: Any])
        #expect(edit["newText"] as? String == "TOL-SEC-124")
        // The edit replaces what was typed of the name, and only that.
        let range = try #require(edit["range"] as? [String: Any])
        let start = try #require(range["start"] as? [String: Int])
        let fragment = typed.hasSuffix("scalekit da") ? "scalekit da" : "ScaleKit Da"
        #expect(start["character"] == typed.utf16.count - fragment.utf16.count)
        // Not in Markdown prose, where every word would pop a list.
        let md = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/N.md").absoluteString
        _ = open(s, md, language: "markdown", escapedText: "ScaleKit Da")
        let prose = try request(s, "completion", md, line: 0, character: 11)
        #expect(((prose["result"] as? [String: Any])?["items"] as? [Any])?.isEmpty == true)
    }

    /// Applies a WorkspaceEdit's `changes` (UTF-16 ranges on one line each) to the files under `root`.
    func apply(_ edit: [String: Any], under root: URL) throws -> Int {
        let changes = try #require(edit["changes"] as? [String: [[String: Any]]])
        for (uri, edits) in changes {
            let url = try #require(URL(string: uri))
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            // Right to left on a line, so earlier ranges stay where they were.
            let sorted = edits.sorted {
                let a = ($0["range"] as? [String: Any])?["start"] as? [String: Int] ?? [:]
                let b = ($1["range"] as? [String: Any])?["start"] as? [String: Int] ?? [:]
                return (a["line"] ?? 0, a["character"] ?? 0) > (b["line"] ?? 0, b["character"] ?? 0)
            }
            for e in sorted {
                let range = try #require(e["range"] as? [String: Any])
                let start = try #require(range["start"] as? [String: Int]),
                    end = try #require(range["end"] as? [String: Int])
                let n = try #require(start["line"])
                var u = Array(lines[n].utf16)
                u.replaceSubrange(start["character"]!..<end["character"]!, with: Array((e["newText"] as! String).utf16))
                lines[n] = String(decoding: u, as: UTF16.self)
            }
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        return changes.values.reduce(0) { $0 + $1.count }
    }

    @Test func renameRewritesEveryPlaceOfAnIDAndTheLibraryStillResolves() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let doc = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_025.md").absoluteString
        let lines = try String(
            contentsOf: root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/02_TRANSCRIPTIONS/Video_025.md"),
            encoding: .utf8
        ).components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("| TOL-QA-031 |") })
        let at = #""textDocument":{"uri":"\#(doc)"},"position":{"line":\#(line),"character":4}"#
        let prepared = try #require(try call(s, "textDocument/prepareRename", params: "{\(at)}") as? [String: Any])
        #expect(prepared["placeholder"] as? String == "TOL-QA-031")
        // Not on an ID: nothing to rename.
        let nothing = try call(
            s, "textDocument/prepareRename",
            params: #"{"textDocument":{"uri":"\#(doc)"},"position":{"line":0,"character":0}}"#)
        #expect(nothing is NSNull)
        // Refused: an ID taken, one of another kind, not an ID.
        for bad in ["TOL-SEC-124", "RSP-950", "not an id"] {
            let reply = try json(
                try #require(
                    s.handle(
                        body(
                            #"{"jsonrpc":"2.0","id":9,"method":"textDocument/rename","params":{\#(at),"newName":"\#(bad)"}}"#
                        )
                    )
                    .first))
            #expect((reply["error"] as? [String: Any])?["code"] as? Int == -32602, "\(bad)")
        }
        // A note open in the editor: its mention is renamed, the paths and file names holding the ID are not
        // (the files keep their names).
        let notes = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/Notes.md")
        let noteText = "# Notes\n\nSee TOL-QA-031 in [notes](x/TOL-QA-031.md).\n"
        try noteText.write(to: notes, atomically: true, encoding: .utf8)
        _ = open(
            s, notes.absoluteString, language: "markdown",
            escapedText: noteText.replacingOccurrences(of: "\n", with: "\\n"))
        let before = Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
        let edit = try #require(
            try call(s, "textDocument/rename", params: #"{\#(at),"newName":"TOL-QA-077"}"#) as? [String: Any])
        let count = try apply(edit, under: root)
        #expect(
            try String(contentsOf: notes, encoding: .utf8)
                == "# Notes\n\nSee TOL-QA-077 in [notes](x/TOL-QA-031.md).\n")
        #expect(count >= 20)
        let after = Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
        let lib = after.library
        #expect(lib.table["TOL-QA-77"] != nil)
        #expect(lib.table["TOL-QA-31"] == nil)
        // Every link that reached the old ID reaches the new one: nothing new dangles.
        // (The note's link path names a file by the old ID: it is left, and reads as a mention of it.)
        func dangling(_ r: CompileResult) -> Int {
            r.diagnostics.filter {
                ($0.code == "TAX0201" || $0.code == "TAX0205") && $0.location?.file.hasSuffix("/Notes.md") != true
            }.count
        }
        #expect(dangling(after) == dangling(before))
        let tool = try String(
            contentsOf: root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json"), encoding: .utf8)
        #expect(tool.contains("\"tool_id\": \"TOL-QA-077\""))
    }

    /// Re-extracting only the edited buffer gives what a whole compile with that buffer gives, also for a
    /// buffer that does not parse and for a new file.
    @Test(arguments: [
        (
            "LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json",
            "{\"tool_id\": \"TOL-QA-031\", \"name\": \"MCP Inspector\", \"alternatives\": [\"TOL-QA-998\"]}"
        ),
        ("LIBRARIES/LBS_003_Tools/QA/MCP_Inspector.json", "{\"tool_id\": \"TOL-QA-031\",,}"),
        ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Extractions/New_Notes.md", "# Notes\n\nRSP-999 and TOL-QA-031.\n"),
    ])
    func anUpdateEqualsAWholeCompile(path: String, text: String) throws {
        let root = TestSupport.repoRoot.path
        let config = TestSupport.defaultConfig
        let before = Compiler.compile(root: root, config: config)
        let updated = Compiler.update(before, config: config, changed: [path: Array(text.utf8)])
        let whole = Compiler.compile(
            root: root, config: config, options: CompileOptions(overlay: [path: Array(text.utf8)]))
        #expect(updated.diagnostics.map(TestSupport.render) == whole.diagnostics.map(TestSupport.render))
        #expect(updated.library.entities.count == whole.library.entities.count)
        #expect(updated.diagnostics.contains { $0.location?.file == path })
    }
}

extension LanguageServerTests {
    /// Opens `TOL-QA-099_X.json`, a tool whose line 3 lists one alternative: its path, URI and escaped text.
    func openTool(_ s: LanguageServer, _ root: URL, alternative: String) -> (path: String, uri: String, text: String) {
        let path = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-099_X.json"
        let uri = root.appendingPathComponent(path).absoluteString
        let text =
            #"{\n  \"tool_id\": \"TOL-QA-099\",\n  \"name\": \"X\",\n  \"alternatives\": [\""#
            + alternative + #"\"]\n}\n"#
        _ = open(s, uri, language: "json", escapedText: text)
        return (path, uri, text)
    }

    /// The code actions for one line of a buffer.
    func codeActions(_ s: LanguageServer, _ uri: String, line: Int) throws -> [[String: Any]] {
        let reply = try json(
            try #require(
                s.handle(
                    body(
                        #"{"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"\#(uri)"},"range":{"start":{"line":\#(line),"character":0},"end":{"line":\#(line),"character":5}},"context":{"diagnostics":[]}}}"#
                    )
                ).first))
        return try #require(reply["result"] as? [[String: Any]])
    }

    /// A dangling reference written with a label gets a quick fix creating that entry; the edit applied as
    /// an editor would (the new file written, the master list replaced), the library compiles without the
    /// finding and the new entry has the label for its name.
    @Test func aDanglingReferenceOffersToCreateWhatItNames() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let (path, uri, text) = openTool(s, root, alternative: "TOL-QA-998 (Okta Verify)")
        let actions = try codeActions(s, uri, line: 3)
        let create = try #require(
            actions.first { ($0["title"] as? String)?.hasPrefix("Create tool TOL-QA-998") == true })
        #expect((create["title"] as? String)?.contains("'Okta Verify'") == true)
        let changes = try #require((create["edit"] as? [String: Any])?["documentChanges"] as? [[String: Any]])
        #expect(changes.first?["kind"] as? String == "create")
        // Applied: every text edit replaces a whole file (new or existing) with its new text.
        try (text.replacingOccurrences(of: #"\n"#, with: "\n").replacingOccurrences(of: #"\""#, with: "\""))
            .write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        var created: String?
        for c in changes where c["edits"] != nil {
            let doc = try #require(c["textDocument"] as? [String: Any])
            let written = try #require(doc["uri"] as? String)
            let target = try #require(URL(string: written))
            let edit = try #require((c["edits"] as? [[String: Any]])?.first)
            let newText = try #require(edit["newText"] as? String)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try newText.write(to: target, atomically: true, encoding: .utf8)
            if created == nil { created = newText }
        }
        #expect(created?.contains("TOL-QA-998") == true)
        let after = Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
        #expect(!after.diagnostics.contains { $0.message.contains("TOL-QA-998") })
        let entity = try #require(after.library.entities.first { $0.id?.written == "TOL-QA-998" })
        #expect(entity.name == "Okta Verify")
        // Nothing to create where nothing dangles.
        #expect(try codeActions(s, uri, line: 1).allSatisfy { ($0["title"] as? String)?.hasPrefix("Create") != true })
    }
}

extension LanguageServerTests {
    /// A dangling ID with a "did you mean" gets a quick fix per suggestion that rewrites it in place; applied,
    /// the finding is gone. Nothing is offered where the buffer no longer holds what the finding read.
    @Test func didYouMeanIsAQuickFix() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let (path, uri, text) = openTool(s, root, alternative: "TOL-SCE-124 (ScaleKit)")
        let before = try #require(s.result)
        let actions = try codeActions(s, uri, line: 3)
        let change = try #require(
            actions.first { ($0["title"] as? String) == "Change 'TOL-SCE-124' to 'TOL-SEC-124' (TAX0201)" },
            "\(actions.map { $0["title"] ?? "" })")
        #expect(change["isPreferred"] as? Bool == true)
        let edit = try #require(
            ((change["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])
        let range = try #require(edit.first?["range"] as? [String: Any])
        let start = try #require(range["start"] as? [String: Any]), end = try #require(range["end"] as? [String: Any])
        #expect(start["line"] as? Int == 3 && end["line"] as? Int == 3)
        // Applied to the line as an editor would.
        var lines = text.replacingOccurrences(of: #"\n"#, with: "\n").replacingOccurrences(of: #"\""#, with: "\"")
            .components(separatedBy: "\n")
        let line = Array(lines[3].utf16)
        let a = try #require(start["character"] as? Int), z = try #require(end["character"] as? Int)
        lines[3] =
            String(decoding: line[..<a], as: UTF16.self) + (edit.first?["newText"] as? String ?? "")
            + String(decoding: line[z...], as: UTF16.self)
        // Offered only where the buffer still holds what the finding read: not once it was edited.
        s.buffers[path] = lines.joined(separator: "\n")
        #expect(s.suggestionActions(path: path, uri: uri, lines: 3...3, result: before).isEmpty)
        try lines.joined(separator: "\n").write(
            to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        let after = Compiler.compile(root: root.path, config: TestSupport.defaultConfig)
        #expect(!after.diagnostics.contains { $0.location?.file == path && $0.code == "TAX0201" })
        #expect(after.library.entities.contains { $0.references.contains { $0.id.written == "TOL-SEC-124" } })
    }
}

extension LanguageServerTests {
    /// A lens above each entity a file declares, counting the links to it and the mentions of it, as the
    /// library has them (counted here from the compile, not from the server).
    @Test func codeLensesCountWhatPointsAtEachEntity() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = "LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json"
        let uri = root.appendingPathComponent(path).absoluteString
        let reply = try requestOn(s, "codeLens", uri)
        let lenses = try #require(reply["result"] as? [[String: Any]])
        #expect(lenses.count == 1)
        let title = try #require((lenses.first?["command"] as? [String: Any])?["title"] as? String)
        let lib = Compiler.compile(root: root.path, config: TestSupport.defaultConfig).library
        let e = try #require(lib.entities.firstIndex { $0.id?.written == "TOL-SEC-124" })
        let links = lib.targets.enumerated().reduce(0) { n, t in n + t.element.filter { $0 == e && t.offset != e }.count
        }
        let mentions = lib.documents.reduce(0) { n, d in n + d.mentions.filter { lib.lookup($0.id) == e }.count }
        #expect(links > 0 && mentions > 0)
        #expect(title.hasPrefix("\(links) link"))
        #expect(title.contains("· \(mentions) mention"))
        let start = ((lenses.first?["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int
        #expect(start == lib.entities[e].location.line - 1)
        #expect(
            LanguageServer.lensTitle(links: 0, sources: 0, mentions: 1, documents: 1)
                == "no links · 1 mention in 1 document")
        #expect(
            LanguageServer.lensTitle(links: 3, sources: 2, mentions: 0, documents: 0)
                == "3 links from 2 entities · no mentions")
    }

    /// Where a field's value is being written, its allowed values are offered (filtered by what is typed).
    @Test func allowedValuesAreCompleted() throws {
        let root = try TestSupport.exampleCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let yaml = DefaultConfig.yaml.replacingOccurrences(
            of: "    id_fields: [tool_id, id]\n",
            with: "    id_fields: [tool_id, id]\n    fields:\n      status: { values: [active, beta, archived] }\n")
        try yaml.write(to: root.appendingPathComponent("taxonomy.yaml"), atomically: true, encoding: .utf8)
        let s = LanguageServer(workingDirectory: root)
        _ = s.handle(
            body(
                #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(root.absoluteString)","capabilities":{}}}"#
            ))
        let uri = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/QA/TOL-QA-099_X.json").absoluteString
        _ = open(s, uri, language: "json", escapedText: #"{\n  \"tool_id\": \"TOL-QA-099\",\n  \"status\": \"a\n}\n"#)
        let reply = try request(s, "completion", uri, line: 2, character: 14)
        let items = try #require((reply["result"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.map { $0["label"] as? String } == ["active", "archived"])
        let edit = try #require(items.first?["textEdit"] as? [String: Any])
        #expect(((edit["range"] as? [String: Any])?["start"] as? [String: Any])?["character"] as? Int == 13)
        #expect(edit["newText"] as? String == "active")
        // Other fields, and other kinds' files, keep the usual completion.
        #expect(LanguageServer.fieldBeingWritten(#"  "name": "Fig"#, format: .json)! == ("name", "Fig"))
        #expect(LanguageServer.fieldBeingWritten("status: be", format: .yaml)! == ("status", "be"))
        #expect(LanguageServer.fieldBeingWritten("- status: 'be", format: .yaml)! == ("status", "be"))
        #expect(LanguageServer.fieldBeingWritten("**Status:** ar", format: .markdown)! == ("Status", "ar"))
        #expect(LanguageServer.fieldBeingWritten(#"  "status": "active", "#, format: .json) == nil)
        #expect(LanguageServer.fieldBeingWritten("url: https://x", format: .yaml) == nil)
    }
}

extension LanguageServerTests {
    /// A record's own ID in no scheme (TAX0102) gets a quick fix that gives it the next free ID of its kind
    /// everywhere it is written (the step file and a document citing it), not in file names.
    /// Offered as an edit in full, or, to a client that resolves edits later, as data only, its edit made
    /// when the action is resolved (offering it then reads no file).
    @Test(arguments: [false, true]) func anOwnIDInNoSchemeIsRenamedEverywhere(resolving: Bool) throws {
        let (s, root) = try server(
            capabilities: resolving
                ? #"{"textDocument":{"codeAction":{"resolveSupport":{"properties":["edit"]}}}}"# : "{}")
        defer { try? FileManager.default.removeItem(at: root) }
        let step = "TASK_MANAGERS/TSM-004_Step_Templates/DESIGN/Step-Template-155_DESIGN-001-01.md"
        let notes = "TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Design_Notes.md"
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(step).deletingLastPathComponent(), withIntermediateDirectories: true)
        try "# Notes\n\nDESIGN-001-01 comes first.\n".write(
            to: root.appendingPathComponent(notes), atomically: true, encoding: .utf8)
        let uri = root.appendingPathComponent(step).absoluteString
        let created = root.appendingPathComponent(notes).absoluteString
        _ = s.handle(
            body(
                #"{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"\#(created)","type":1}]}}"#
            ))
        _ = open(
            s, uri, language: "markdown",
            escapedText:
                #"# Step Template: DESIGN-001-01\n\n| Attribute | Value |\n|---|---|\n| Step ID | `DESIGN-001-01` |\n"#)
        let lib = try #require(s.result?.library)
        let finding = try #require(s.result?.diagnostics.first { $0.code == "TAX0102" && $0.location?.file == step })
        let next = try #require(finding.suggestions.first?.with)
        #expect(lib.grammar.typedID(next).map { lib.config.kinds[$0.kind].name } == "step")
        let actions = try codeActions(s, uri, line: 4)
        let rename = try #require(
            actions.first { ($0["title"] as? String) == "Rename 'DESIGN-001-01' to '\(next)' everywhere (TAX0102)" },
            "\(actions.map { $0["title"] ?? "" })")
        var resolved = rename
        if resolving {
            #expect(rename["edit"] == nil)
            let request = try JSONSerialization.data(withJSONObject: [
                "jsonrpc": "2.0", "id": 9, "method": "codeAction/resolve", "params": rename,
            ])
            let reply = try #require(s.handle(Array(request)).first)
            resolved = try #require(try json(reply)["result"] as? [String: Any])
            #expect(resolved["title"] as? String == rename["title"] as? String)
        }
        let changes = try #require((resolved["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])
        #expect(changes[uri]?.count == 2)
        #expect(changes[created]?.count == 1)
        #expect(changes.values.joined().allSatisfy { $0["newText"] as? String == next })
        // No local "Change ... to ..." beside it: the ID is written elsewhere too.
        #expect(!actions.contains { ($0["title"] as? String)?.hasPrefix("Change 'DESIGN-001-01'") == true })
    }
}
