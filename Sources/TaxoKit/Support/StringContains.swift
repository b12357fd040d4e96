/// `contains` for a string in a string, compared byte for byte (UTF-8) by `ByteSearch`. Without these,
/// `text.contains("…")` resolves to Foundation's, which bridges both strings to NSString and compares UTF-16
/// units on every call (3 % of a cold build's CPU at 10k went there: paths, labels, cells and keys searched
/// per entity and line). Like Foundation's, an empty `other` is never contained.
extension String {
    func contains(_ other: String) -> Bool { ByteSearch.contains(utf8, other) }
}

extension Substring {
    func contains(_ other: String) -> Bool { ByteSearch.contains(utf8, other) }
}
