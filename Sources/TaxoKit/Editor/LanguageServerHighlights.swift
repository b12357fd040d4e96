import Foundation

/// `textDocument/documentHighlight`: with the cursor on an ID, every place the buffer writes the same entity
/// (any spelling of its ID: `TOOL-QA-31` and `TOL-QA-031`, an older ID it answers to), its declaration
/// marked as the write; an ID that names no entity highlights its other occurrences as written.
extension LanguageServer {
    /// LSP's DocumentHighlightKind: a read of a symbol, and its write (the declaration).
    static let highlightRead = 2
    static let highlightWrite = 3

    func documentHighlights(_ params: [String: Any]) -> Any {
        guard let at = idAt(params), let lib = result?.library, let text = text(of: at.path) else { return [] }
        let target = entity(at: at)
        // The video's own IDs (its transcript declares them) name no library entity in its documents.
        let ownOfVideo = target == nil ? [] : lib.documents.first { $0.path == at.path }.map(lib.videoOwnKeys) ?? []
        let declaredOn = target.flatMap { lib.entities[$0].file == at.path ? lib.entities[$0].location.line : nil }
        var out: [[String: Any]] = []
        for (n, line) in LanguageServer.lines(text).enumerated() {
            let bytes = Array(line.utf8)
            bytes.withUnsafeBufferPointer { b in
                lib.grammar.scan(b) { tok, a, z in
                    guard case .id(let p) = tok,
                        target.map({ !ownOfVideo.contains(p.key) && lib.lookup(p) == $0 }) ?? (p.key == at.id.key)
                    else { return }
                    let ua = String(decoding: bytes[..<a], as: UTF8.self).utf16.count
                    let uz = ua + String(decoding: bytes[a..<z], as: UTF8.self).utf16.count
                    let kind = declaredOn == n + 1 ? LanguageServer.highlightWrite : LanguageServer.highlightRead
                    out.append(["range": LanguageServer.lineRange(n, ua, uz), "kind": kind])
                }
            }
        }
        return out
    }
}
