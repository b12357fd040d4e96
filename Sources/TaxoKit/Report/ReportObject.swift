/// An object of a report context (`ReportValue.object`): its members in the order they were set, found by
/// comparing keys. A page's objects hold a handful of members with short keys, which compare as two
/// machine words: scanning them beats hashing every key into a table made per object (the site's pages
/// and the reports make hundreds of thousands of such objects and look each member up when rendering).
/// Equality ignores the order, as it did for a dictionary; `ReportValue.add(to:)` (a page's print) follows it.
public struct ReportObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: ReportValue)
    public private(set) var members: [Element]

    public init() { members = [] }

    /// Members from a literal, whose keys differ (as a dictionary literal's must; checked in debug builds:
    /// a page's tree makes hundreds of thousands of literals, each key compared with every other).
    public init(dictionaryLiteral elements: (String, ReportValue)...) {
        members = elements.map { ($0.0, $0.1) }
        assert(Set(members.map(\.key)).count == members.count, "a key given twice in \(members.map(\.key))")
    }

    /// Members from a dictionary (in its keys' order).
    public init(_ dictionary: [String: ReportValue]) {
        members = dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Members whose keys are known to differ (an encoder's keyed container writes each key once).
    init(unique members: [Element]) { self.members = members }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public subscript(key: String) -> ReportValue? {
        get { index(forKey: key).map { members[$0].value } }
        set {
            if let i = index(forKey: key) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    /// Where `key` is set: keys of another length are passed over without a string comparison (mostly
    /// unequal keys).
    private func index(forKey key: String) -> Int? {
        let n = key.utf8.count
        return members.withUnsafeBufferPointer { b in
            b.indices.first { b[$0].key.utf8.count == n && b[$0].key == key }
        }
    }

    /// What `body` says of the value set for `key`, read in place (nil when none is set): a template
    /// writing a member out needs no copy of it.
    func withValue<R>(forKey key: String, _ body: (ReportValue) -> R) -> R? {
        guard let i = index(forKey: key) else { return nil }
        return members.withUnsafeBufferPointer { body($0[i].value) }
    }

    public func makeIterator() -> IndexingIterator<[Element]> { members.makeIterator() }

    public func mapValues(_ transform: (ReportValue) throws -> ReportValue) rethrows -> ReportObject {
        ReportObject(unique: try members.map { ($0.key, try transform($0.value)) })
    }

    /// The same members with the same values, in any order.
    public static func == (a: ReportObject, b: ReportObject) -> Bool {
        guard a.count == b.count else { return false }
        for m in a.members {
            guard let v = b[m.key], v == m.value else { return false }
        }
        return true
    }
}
