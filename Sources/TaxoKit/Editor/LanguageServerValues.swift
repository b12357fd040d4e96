/// Completion of a field's allowed values (`values:` of the kind's schema) where a value is being written:
/// `"status": "a|` in JSON, `status: a|` in YAML, `**Status:** a|` in a Markdown entity's header.
extension LanguageServer {
    func valueCompletion(before: String, line: Int, character: Int, path: String, lib: Library) -> [String: Any]? {
        guard let k = lib.config.kindIndex(forPath: path), let schema = lib.config.kinds[k].schema,
            let (key, typed) = LanguageServer.fieldBeingWritten(before, format: Discovery.format(of: path))
        else { return nil }
        let nk = FieldKey.normalize(key)
        guard
            let rule = schema.fields.first(where: { r in
                !r.values.isEmpty
                    && r.path.steps.last.map { if case .key(let x) = $0 { return x == nk } else { return false } }
                        == true
            })
        else { return nil }
        let start = character - typed.utf16.count
        let range = LanguageServer.lineRange(line, start, character)
        let items: [[String: Any]] = rule.values.enumerated().compactMap { n, v in
            guard typed.isEmpty || v.lowercased().hasPrefix(typed.lowercased()) else { return nil }
            return [
                "label": v, "kind": 20, "detail": "allowed value of \(rule.name)", "sortText": "\(1000 + n)",
                "textEdit": ["range": range, "newText": v],
            ]
        }
        return ["isIncomplete": false, "items": items]
    }

    /// The field whose value the text before the cursor is writing, and what is typed of the value.
    static func fieldBeingWritten(_ before: String, format: DiscoveredFile.Format?) -> (String, String)? {
        switch format {
        case .json?:
            // `"key": "typed` with no closing quote yet.
            guard let open = before.lastIndex(of: "\""), !before[before.index(after: open)...].contains("\\") else {
                return nil
            }
            let typed = String(before[before.index(after: open)...])
            var head = before[..<open].reversed().drop { $0 == " " || $0 == "\t" }
            guard head.first == ":" else { return nil }
            head = head.dropFirst().drop { $0 == " " || $0 == "\t" }
            guard head.first == "\"" else { return nil }
            let key = String(head.dropFirst().prefix { $0 != "\"" }.reversed())
            return key.isEmpty ? nil : (key, typed)
        case .yaml?:
            var s = Substring(before).drop { $0 == " " }
            if s.hasPrefix("- ") { s = s.dropFirst(2) }
            guard let colon = s.firstIndex(of: ":") else { return nil }
            let key = s[..<colon].trimmingCharacters(in: .whitespaces)
            var typed = s[s.index(after: colon)...].drop { $0 == " " }
            if typed.first == "\"" || typed.first == "'" { typed = typed.dropFirst() }
            guard !key.isEmpty, !key.contains(" #"), !typed.contains(":") else { return nil }
            return (key, String(typed))
        case .markdown?:
            let s = before.drop { $0 == " " || $0 == "-" }
            guard s.hasPrefix("**"), let end = s.range(of: ":**") ?? s.range(of: "**:") else { return nil }
            let key = String(s[s.index(s.startIndex, offsetBy: 2)..<end.lowerBound])
            return (key, String(s[end.upperBound...].drop { $0 == " " }))
        default:
            return nil
        }
    }
}
