import Foundation

/// `textDocument/inlayHint`: the name of the entity each ID stands for, shown after it (`"TOL-SEC-124"`
/// reads `"TOL-SEC-124" ScaleKit Dashboard`), so a list of IDs can be read without looking each one up. An ID
/// that names nothing gets no hint (its finding says so), nor one already followed by its name, nor a video's
/// own milestone, task or step ID in the video's documents.
extension LanguageServer {
    /// At most this many hints per request (a client asks for the visible range).
    static let maxInlayHints = 2000

    func inlayHints(_ params: [String: Any]) -> Any {
        guard let path = documentPath(params), let lines = lines(of: path), let lib = result?.library else {
            return []
        }
        let range = params["range"] as? [String: Any]
        let first = max(0, ((range?["start"] as? [String: Any])?["line"] as? Int) ?? 0)
        let last = min(lines.count - 1, ((range?["end"] as? [String: Any])?["line"] as? Int) ?? lines.count - 1)
        guard first <= last else { return [] }
        // The entities this file declares, by line: their own ID gets no hint.
        var declared: [Int: Set<String>] = [:]
        for e in lib.entities where e.file == path {
            if let key = e.id?.key { declared[e.location.line - 1, default: []].insert(key) }
        }
        // The video's own IDs (its transcript declares them) name no library entity in its documents.
        let ownOfVideo = lib.documents.first { $0.path == path }.map(lib.videoOwnKeys) ?? []
        var out: [[String: Any]] = []
        for n in first...last {
            let line = lines[n]
            guard line.utf8.contains(UInt8(ascii: "-")) else { continue }
            let bytes = Array(line.utf8)
            bytes.withUnsafeBufferPointer { b in
                lib.grammar.scan(b) { tok, _, z in
                    guard out.count < LanguageServer.maxInlayHints, case .id(let p) = tok,
                        declared[n]?.contains(p.key) != true, !ownOfVideo.contains(p.key), let i = lib.lookup(p),
                        let name = lib.entities[i].name,
                        !name.isEmpty
                    else { return }
                    // Already labelled: `TOL-SEC-124 (ScaleKit Dashboard)`, `| TOL-SEC-124 | ScaleKit Dashboard |`.
                    let after = String(decoding: bytes[z...].prefix(name.utf8.count + 8), as: UTF8.self)
                    if after.localizedCaseInsensitiveContains(name) { return }
                    let character = String(decoding: bytes[..<z], as: UTF8.self).utf16.count
                    out.append([
                        "position": ["line": n, "character": character], "label": name, "paddingLeft": true,
                    ])
                }
            }
        }
        return out
    }
}
