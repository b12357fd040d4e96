import Testing

@testable import TaxoKit

/// The field names that name a kind (`tools_used`, `Tools Used`, `primary_tool`).
@Suite struct FieldNamesTests {
    /// A key's named kind, found by the hash of its normalised form, is what looking it up as written (a
    /// snake-case key) or normalised (any other) in dictionaries of the keys finds, for the keys of every
    /// kind and spellings of them: upper case, spaces, dashes, no separator, a letter more.
    @Test func namedKindsAreFoundAsDictionariesOfTheKeysFindThem() {
        let config = TestSupport.defaultConfig
        let names = FieldNames(config: config)
        let normalized = FieldNames.nameLinkKeys(config, normalized: true)
        let written = FieldNames.nameLinkKeys(config, normalized: false)
        func reference(_ key: String, in kind: Int) -> Int? {
            let snake = key.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || $0 == 95 }
            guard let k = snake ? written[key] : normalized[FieldKey.normalize(key)], k != kind else { return nil }
            return k
        }
        var keys: [String] = []
        for k in written.keys {
            keys += [
                k, k.uppercased(), k.replacingAll("_", with: " "), k.replacingAll("_", with: "-"),
                k.replacingAll("_", with: ""), k + "s", "x" + k, k.capitalized,
            ]
        }
        keys += ["", "_", "name", "Tool Ids", "tools__used", "Tööls"]
        for key in keys {
            for kind in [0, 1, config.kinds.count - 1] {
                #expect(
                    names.namedKind(key: key, hash: FieldKey.hash(key), in: kind) == reference(key, in: kind),
                    "\(key) \(kind)")
            }
        }
        #expect(keys.contains { names.namedKind(key: $0, hash: FieldKey.hash($0), in: -1) != nil })
    }
}
