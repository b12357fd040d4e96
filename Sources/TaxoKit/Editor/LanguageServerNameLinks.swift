import Foundation

/// Go-to-definition and hover on a link written as a name (`"tool": "Zoom"`): the entity it names, as the
/// last compile resolved it.
extension LanguageServer {
    /// The link by name under the cursor: the entity it goes to, and its UTF-16 range on the line.
    func nameLinkAt(_ params: [String: Any]) -> (target: Int, line: Int, range: (Int, Int))? {
        guard let path = documentPath(params), let (line, character) = LanguageServer.position(params),
            let lib = result?.library, let lines = lines(of: path), line >= 0, line < lines.count
        else { return nil }
        let chars = Array(lines[line])
        for (ei, e) in lib.entities.enumerated() where e.file == path {
            for (ri, r) in e.references.enumerated() where r.id.isName && r.location.line == line + 1 {
                guard let t = lib.targets[ei][ri] else { continue }
                let start = min(max(r.location.column - 1, 0), chars.count)
                let end = min(start + r.id.written.count, chars.count)
                let ua = String(chars[..<start]).utf16.count, uz = String(chars[..<end]).utf16.count
                if character >= ua, character <= uz { return (t, line, (ua, uz)) }
            }
        }
        return nil
    }
}
