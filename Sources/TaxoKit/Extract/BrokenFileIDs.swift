/// The IDs a file that does not parse appears to declare, so that one broken file is one error and not a
/// cascade of dangling references elsewhere: the ID in its file name, and the values of its kind's ID
/// fields found by a tolerant scan (`"tool_id": "TOL-QA-031"` in JSON, `tool_id: TOL-QA-031` in YAML).
enum BrokenFileIDs {
    static func scan(_ file: SourceFile, kindIndex: Int, grammar: IDGrammar, names: FieldNames) -> [BrokenDeclaration] {
        var out: [BrokenDeclaration] = []
        var seen = Set<String>()
        func add(_ value: String) {
            switch grammar.check(value) {
            case .valid(let p) where p.kind == kindIndex, .legacy(let p) where p.kind == kindIndex:
                if seen.insert(p.key).inserted { out.append(BrokenDeclaration(key: p.key, written: p.written)) }
            default:
                break
            }
        }
        if let named = OwnID.filenameID(file.path, kindIndex: kindIndex, grammar: grammar) { add(named.written) }
        let idKeys = Set(names.idFields[kindIndex])
        let b = file.bytes
        var i = 0
        // key-value pairs: an optionally quoted key, ':', an optionally quoted value on the same line.
        while i < b.count {
            guard b[i] == 58 else { i += 1; continue }
            defer { i += 1 }
            // The key before the colon.
            var ke = i
            while ke > 0, b[ke - 1] == 32 || b[ke - 1] == 9 { ke -= 1 }
            var ks = ke
            if ke > 0, b[ke - 1] == 34 {
                ks = ke - 1
                while ks > 0, b[ks - 1] != 34, b[ks - 1] != 10 { ks -= 1 }
                guard ks > 0, b[ks - 1] == 34 else { continue }
            } else {
                while ks > 0, b[ks - 1] != 10, b[ks - 1] != 32, b[ks - 1] != 45, b[ks - 1] != 123, b[ks - 1] != 44 {
                    ks -= 1
                }
            }
            let rawKey = String(decoding: b[ks..<ke], as: UTF8.self)
            let key = rawKey.hasSuffix("\"") ? String(rawKey.dropLast()) : rawKey
            guard idKeys.contains(FieldKey.normalize(key)) else { continue }
            // The value after it.
            var vs = i + 1
            while vs < b.count, b[vs] == 32 || b[vs] == 9 { vs += 1 }
            let quoted = vs < b.count && (b[vs] == 34 || b[vs] == 39)
            if quoted { vs += 1 }
            var ve = vs
            while ve < b.count, b[ve] != 10, b[ve] != 13, b[ve] != 34, b[ve] != 39,
                quoted || (b[ve] != 44 && b[ve] != 125)
            { ve += 1 }
            add(String(decoding: b[vs..<ve], as: UTF8.self))
        }
        return out
    }
}
