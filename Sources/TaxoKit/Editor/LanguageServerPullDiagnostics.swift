import Foundation

/// Pull diagnostics (LSP 3.17), for a client that asks for them (`textDocument.diagnostic` in its capabilities):
/// `textDocument/diagnostic` gives one file's findings, `workspace/diagnostic` every file's, so that the
/// editor's problems list holds the whole library's findings, not only the open files'. Each report has a
/// result ID (a hash of its items): a file whose findings have not changed is reported "unchanged". A workspace
/// request with nothing new to say is held open and answered when a change brings something (the protocol's
/// long poll); when a compile changes the findings of a file other than the one edited (fixing a missing ID in
/// one file clears the dangling references in others), a client that supports it is asked to pull again
/// (`workspace/diagnostic/refresh`).
extension LanguageServer {
    func documentDiagnostic(_ params: [String: Any]) -> [String: Any] {
        guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String,
            let path = relativePath(uri)
        else { return ["kind": "full", "items": [Any]()] }
        let diags = findingsByFile()[path] ?? []
        let marks = held(diags)
        let id = resultID(diags, held: marks, path: path)
        if params["previousResultId"] as? String == id { return ["kind": "unchanged", "resultId": id] }
        return [
            "kind": "full", "resultId": id, "items": diagnosticItems(diags, held: marks, path: path).map(\.dictionary),
        ]
    }

    /// Answers a workspace request at once when some file's findings differ from what the client holds, else
    /// holds it (answering the one held before, which the client has given up, with nothing).
    func workspaceDiagnostic(id: Any?, _ params: [String: Any]) -> [[UInt8]] {
        var previous: [String: String] = [:]
        for p in params["previousResultIds"] as? [[String: Any]] ?? [] {
            if let uri = p["uri"] as? String, let value = p["value"] as? String { previous[uri] = value }
        }
        var out = releaseHeldRequest()
        if let report = workspaceReport(previous: previous) {
            out.append(LanguageServer.response(id: id, json: report))
        } else if let id {
            heldWorkspaceRequest = (id, previous)
        }
        return out
    }

    /// Every file's report that differs from the client's (a file it holds findings for that has none now gets
    /// an empty one), as the JSON of the request's result (written directly: thousands of findings); nil when
    /// none differs.
    func workspaceReport(previous: [String: String], byFile given: [String: [Diagnostic]]? = nil) -> String? {
        guard let root else { return nil }
        let byFile = given ?? findingsByFile()
        var uris: [String: String] = [:]
        for path in byFile.keys { uris[root.appendingPathComponent(path).absoluteString] = path }
        for uri in previous.keys where uris[uri] == nil {
            if let path = relativePath(uri) { uris[uri] = path }
        }
        var w = JSONWriter(pretty: false)
        var any = false
        w.beginObject()
        w.beginArray("items")
        for (uri, path) in uris.sorted(by: { $0.key < $1.key }) {
            let diags = byFile[path] ?? []
            let marks = held(diags)
            let id = resultID(diags, held: marks, path: path)
            guard previous[uri] != id else { continue }
            any = true
            w.beginObject()
            w.beginArray("items")
            for item in diagnosticItems(diags, held: marks, path: path) { item.write(into: &w) }
            w.endArray()
            w.string("kind", "full")
            w.string("resultId", id)
            w.string("uri", uri)
            w.string("version", nil)
            w.endObject()
            // Lines read for this file's ranges are not needed again.
            lineCache = [:]
        }
        w.endArray()
        w.endObject()
        return any ? w.out : nil
    }

    /// After a message that compiled again or read a rewritten baseline, when some file's findings changed:
    /// a held workspace request answered, and a client that supports it asked to pull again, unless the only
    /// file whose findings changed is the one the message edited (the client pulls that one itself).
    func afterCompile(_ before: Int, baseline baselineBefore: Int, edited: String?) -> [[UInt8]] {
        guard pullDiagnostics, generation != before || baseline.version != baselineBefore, !shutdownRequested
        else { return [] }
        let (changed, byFile) = filesWhoseFindingsChanged()
        guard !changed.isEmpty else { return [] }
        var out: [[UInt8]] = []
        if let held = heldWorkspaceRequest, let report = workspaceReport(previous: held.previous, byFile: byFile) {
            heldWorkspaceRequest = nil
            out.append(LanguageServer.response(id: held.id, json: report))
        }
        if refreshSupport, changed != Set(edited.map { [$0] } ?? []) {
            refreshRequests += 1
            out.append(
                LanguageServer.encode([
                    "jsonrpc": "2.0", "id": "taxo-refresh-\(refreshRequests)", "method": "workspace/diagnostic/refresh",
                ]))
        }
        return out
    }

    /// The files whose findings differ from those of the last call (a hash of each file's findings and of the
    /// baseline read is kept: a rewritten baseline changes how every finding shows), and every file's findings.
    @discardableResult
    func filesWhoseFindingsChanged() -> (changed: Set<String>, byFile: [String: [Diagnostic]]) {
        let byFile = findingsByFile()
        let version = baseline.version
        let prints = byFile.mapValues { diags in
            var h = Hasher()
            h.combine(diags)
            h.combine(version)
            return h.finalize()
        }
        let changed = Set(prints.keys).union(findingPrints.keys).filter { prints[$0] != findingPrints[$0] }
        findingPrints = prints
        return (changed, byFile)
    }

    /// The held workspace request answered with nothing (the client sent another, or the server shuts down).
    func releaseHeldRequest() -> [[UInt8]] {
        guard let held = heldWorkspaceRequest else { return [] }
        heldWorkspaceRequest = nil
        return [LanguageServer.response(id: held.id, ["items": [Any]()])]
    }

    /// `$/cancelRequest` of the held workspace request: answered as cancelled.
    func cancel(_ id: Any?) -> [[UInt8]] {
        guard let held = heldWorkspaceRequest, let id, "\(held.id)" == "\(id)" else { return [] }
        heldWorkspaceRequest = nil
        return [LanguageServer.error(id: held.id, code: -32800, message: "cancelled")]
    }

    /// A report's result ID, made without making its items: a hash of what they are made from (each finding,
    /// whether the baseline holds it (`held`), and the content of the files their ranges are measured in), so that a
    /// file whose report the client holds costs neither reading its lines nor encoding its items.
    func resultID(_ diags: [Diagnostic], held: [Bool], path: String) -> String {
        var h = StreamHash()
        h.add("taxo pull 1")
        h.add(contentPrint(path))
        for (i, d) in diags.enumerated() {
            h.add(d.code); h.add(d.severity.label); h.add(d.message)
            h.add(d.location?.line ?? 0); h.add(d.location?.column ?? 0)
            h.add(held[i] ? 1 : 0)
            h.add(d.notes.count)
            for n in d.notes {
                h.add(n.message); h.add(n.location?.file); h.add(n.location?.line ?? 0)
                h.add(n.location?.column ?? 0)
                h.add(n.location.flatMap { contentPrint($0.file) })
            }
        }
        return h.hex
    }

    /// What a file's ranges are measured in: its content hash in the compile (which holds open buffers), else
    /// its text (a file the compile does not read, such as taxonomy.yaml).
    func contentPrint(_ path: String) -> String? {
        if fileHashes.generation != generation {
            var hashes: [String: String] = [:]
            for f in result?.library.files ?? [] { hashes[f.path] = f.hash }
            fileHashes = (generation, hashes)
        }
        if let known = fileHashes.hashes[path] { return known }
        return text(of: path).map { Hashing.fnv1aHex(Array($0.utf8)) }
    }
}
