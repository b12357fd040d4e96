import Foundation
import Testing

@testable import TaxoKit

/// Where `taxo lsp` puts its ranges: document links, highlights, and columns after text whose Unicode
/// scalars and Swift Characters differ.
extension LanguageServerTests {
    /// Two links to one file on a line are two document links, each over its own destination (after an emoji
    /// of two Unicode scalars).
    @Test func documentLinksCoverEachDestinationWhereItIsWritten() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Links.md").absoluteString
        let text =
            #"# Links\n\n⚠️ See ../02_TRANSCRIPTIONS/Video_024.md: [a](../02_TRANSCRIPTIONS/Video_024.md), [b](../02_TRANSCRIPTIONS/Video_024.md).\n"#
        _ = open(s, uri, language: "markdown", escapedText: text)
        let reply = try requestOn(s, "documentLink", uri)
        let links = try #require(reply["result"] as? [[String: Any]])
        let starts = links.compactMap {
            (($0["range"] as? [String: Any])?["start"] as? [String: Any])?["character"] as? Int
        }
        let line =
            "⚠️ See ../02_TRANSCRIPTIONS/Video_024.md: [a](../02_TRANSCRIPTIONS/Video_024.md), [b](../02_TRANSCRIPTIONS/Video_024.md)."
        let first =
            line.utf16.count - "../02_TRANSCRIPTIONS/Video_024.md), [b](../02_TRANSCRIPTIONS/Video_024.md).".utf16.count
        let second = line.utf16.count - "../02_TRANSCRIPTIONS/Video_024.md).".utf16.count
        #expect(starts == [first, second])
    }
}

extension LanguageServerTests {
    func highlights(_ reply: [String: Any]) -> [(line: Int, start: Int, kind: Int)] {
        (reply["result"] as? [[String: Any]] ?? []).compactMap { h in
            guard let start = (h["range"] as? [String: Any])?["start"] as? [String: Any],
                let line = start["line"] as? Int,
                let character = start["character"] as? Int, let kind = h["kind"] as? Int
            else { return nil }
            return (line, character, kind)
        }
    }

    /// Every spelling of the entity under the cursor in the buffer, its declaration as the write; not another
    /// entity's ID; an ID that names nothing highlights itself as written.
    @Test func documentHighlightsMarkEachSpellingOfTheEntity() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let uri = root.appendingPathComponent("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/Notes.md").absoluteString
        _ = open(
            s, uri, language: "markdown",
            escapedText:
                #"# Notes\n\nTOL-SEC-124, TOOL-SEC-124 and TOL-SEC-125.\nTOL-SEC-124 again; TOL-SEC-998, TOL-SEC-998.\n"#
        )
        let found = highlights(try request(s, "documentHighlight", uri, line: 3, character: 2))
        #expect(found.map { [$0.line, $0.start, $0.kind] } == [[2, 0, 2], [2, 13, 2], [3, 0, 2]])
        let missing = highlights(try request(s, "documentHighlight", uri, line: 3, character: 22))
        #expect(missing.map { [$0.line, $0.start] } == [[3, 19], [3, 32]])
        #expect(highlights(try request(s, "documentHighlight", uri, line: 0, character: 2)).isEmpty)
        // In the tool's own file, its ID field is the declaration.
        let tool = root.appendingPathComponent("LIBRARIES/LBS_003_Tools/Auth/ScaleKit_Dashboard.json").absoluteString
        let own = highlights(try request(s, "documentHighlight", tool, line: 3, character: 16))
        #expect(own.first.map { [$0.line, $0.kind] } == [3, LanguageServer.highlightWrite])
    }
}

extension LanguageServerTests {
    /// taxo counts columns in Unicode scalars; an emoji with its variation selector (`⚠️`, two scalars, one
    /// Swift Character) before an ID must not move the finding's range nor lose its quick fix.
    @Test func rangesAfterAnEmojiWithAVariationSelectorStayOnTheID() throws {
        let (s, root) = try server()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = "LIBRARIES/LBS_003_Tools/QA/TOL-QA-099_X.json"
        let uri = root.appendingPathComponent(path).absoluteString
        let text =
            #"{\n  \"tool_id\": \"TOL-QA-099\",\n  \"name\": \"X\",\n  \"alternatives\": [\"⚠️ TOL-SCE-124 (ScaleKit)\"]\n}\n"#
        let out = open(s, uri, language: "json", escapedText: text)
        let line = #"  "alternatives": ["⚠️ TOL-SCE-124 (ScaleKit)"]"#
        let at = line.utf16.count - #"TOL-SCE-124 (ScaleKit)"]"#.utf16.count
        let note = try json(try #require(out.first))
        let diags = (note["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
        let dangling = try #require(diags.first { $0["code"] as? String == "TAX0201" })
        let range = try #require(dangling["range"] as? [String: Any])
        #expect((range["start"] as? [String: Any])?["character"] as? Int == at)
        #expect((range["end"] as? [String: Any])?["character"] as? Int == at + 11)
        let actions = try codeActions(s, uri, line: 3)
        let change = try #require(
            actions.first { ($0["title"] as? String) == "Change 'TOL-SCE-124' to 'TOL-SEC-124' (TAX0201)" },
            "\(actions.map { $0["title"] ?? "" })")
        let edit = try #require(
            ((change["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])
        #expect(((edit.first?["range"] as? [String: Any])?["start"] as? [String: Any])?["character"] as? Int == at)
    }
}
