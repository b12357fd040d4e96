import Foundation

/// Go-to-definition and hover on a link written as a name (`"tool": "Zoom"`): the entity it names, as the
/// last compile resolved it; or, for a name that links to nothing, why and the names it may have meant.
extension LanguageServer {
    /// What a link by name under the cursor is.
    enum NameLink {
        /// It names this entity.
        case target(Int)
        /// It names no entity of its kind, or several.
        case unmatched(UnmatchedName)
    }

    /// The link by name under the cursor, and its UTF-16 range on the line.
    func nameLinkAt(_ params: [String: Any]) -> (link: NameLink, line: Int, range: (Int, Int))? {
        guard let path = documentPath(params), let (line, character) = LanguageServer.position(params),
            let lib = result?.library, let lines = lines(of: path), line >= 0, line < lines.count
        else { return nil }
        let chars = LanguageServer.scalars(lines[line])
        /// The UTF-16 range of a reference's text when the cursor is in it.
        func span(_ r: Reference) -> (Int, Int)? {
            guard r.location.line == line + 1 else { return nil }
            let start = min(max(r.location.column - 1, 0), chars.count)
            let end = min(start + r.id.written.unicodeScalars.count, chars.count)
            let ua = LanguageServer.utf16Count(chars[..<start])
            let uz = ua + LanguageServer.utf16Count(chars[start..<end])
            return character >= ua && character <= uz ? (ua, uz) : nil
        }
        for (ei, e) in lib.entities.enumerated() where e.file == path {
            for (ri, r) in e.references.enumerated() where r.id.isName {
                if let t = lib.targets[ei][ri], let s = span(r) { return (.target(t), line, s) }
            }
            for u in lib.unmatchedNames(of: ei) {
                if let s = span(u.reference) { return (.unmatched(u), line, s) }
            }
        }
        return nil
    }

    /// The hover of a name that links to nothing.
    func hover(unmatched u: UnmatchedName, line: Int, range r: (Int, Int), lib: Library) -> Any {
        let range = LanguageServer.lineRange(line, r.0, r.1)
        let kind = lib.config.kinds[u.reference.id.kind].name
        let advice =
            u.sharedBy.isEmpty
            ? "A link by name: write the name or the ID of a \(kind) of the library, or add the \(kind)."
            : "A link by name: write the ID of the \(kind) it means."
        let value = "**\(u.reference.id.written)**: \(u.explanation(in: lib))\n\n\(advice)"
        return ["contents": ["kind": "markdown", "value": value], "range": range]
    }
}
