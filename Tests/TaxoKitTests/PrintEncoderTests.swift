import Testing

@testable import TaxoKit

/// The site's page prints (`PrintEncoder`): the same for equal contexts, another for any change, nesting
/// included.
@Suite struct PrintEncoderTests {
    struct Inner: Encodable { var x: String; var y: String? }
    struct Outer: Encodable { var a: Inner; var y: String?; var list: [Inner]; var n: Int; var html: HTML? }

    func outer(x: String = "x", innerY: String? = nil, outerY: String? = "y", list: [Inner] = [], n: Int = 1)
        -> Outer
    {
        Outer(a: Inner(x: x, y: innerY), y: outerY, list: list, n: n, html: HTML("<b>"))
    }

    @Test func equalContextsGiveEqualPrintsAndAnyChangeAnother() throws {
        let base = try PrintEncoder.print(outer())
        #expect(try PrintEncoder.print(outer()) == base)
        let changed = [
            outer(x: "z"), outer(innerY: "y"), outer(outerY: nil), outer(list: [Inner(x: "x", y: nil)]), outer(n: 2),
        ]
        var prints = Set([base])
        for c in changed { prints.insert(try PrintEncoder.print(c)) }
        #expect(prints.count == changed.count + 1)
    }

    @Test func whereAMemberBelongsChangesThePrint() throws {
        // `{a: {x, y: "v"}, y: nil}` and `{a: {x, y: nil}, y: "v"}`: the same values in another place.
        let inner = try PrintEncoder.print(outer(innerY: "v", outerY: nil))
        let outerPrint = try PrintEncoder.print(outer(innerY: nil, outerY: "v"))
        #expect(inner != outerPrint)
        // One list of two items and two lists of one item each.
        let two = try PrintEncoder.print([[Inner(x: "1", y: nil), Inner(x: "2", y: nil)]])
        let split = try PrintEncoder.print([[Inner(x: "1", y: nil)], [Inner(x: "2", y: nil)]])
        #expect(two != split)
    }
}

/// The report encoder's tree: nested objects and lists where they belong, keys in snake_case, text escaped,
/// taxo's own markup as it is, and a key written twice holding what was written last (a value over a
/// nested container and a nested container over a value).
@Suite struct ReportEncoderTests {
    struct Inner: Encodable { var itemName: String }
    struct Outer: Encodable {
        var sourceID: String
        var inner: Inner
        var list: [Inner]
        var count: Int
        var html: HTML
    }

    /// Writes `key` first as one thing, then as another.
    struct Twice: Encodable {
        var valueLast: Bool
        enum Keys: String, CodingKey { case key }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            if valueLast {
                var nested = c.nestedContainer(keyedBy: Keys.self, forKey: .key)
                try nested.encode("inner", forKey: .key)
                try c.encode("outer", forKey: .key)
            } else {
                try c.encode("outer", forKey: .key)
                var nested = c.nestedContainer(keyedBy: Keys.self, forKey: .key)
                try nested.encode("inner", forKey: .key)
            }
        }
    }

    @Test func encodesTheTreeWithSnakeCaseKeysAndEscapedText() throws {
        let v = try ReportEncoder.encode(
            Outer(
                sourceID: "a<b", inner: Inner(itemName: "x"), list: [Inner(itemName: "1"), Inner(itemName: "2")],
                count: 3, html: HTML("<b>")), escaping: .html)
        #expect(
            v
                == .object([
                    "source_id": .text("a&lt;b"), "inner": .object(["item_name": .text("x")]),
                    "list": .array([.object(["item_name": .text("1")]), .object(["item_name": .text("2")])]),
                    "count": .int(3), "html": .text("<b>"),
                ]))
    }

    @Test func aKeyWrittenTwiceHoldsTheLastValue() throws {
        #expect(try ReportEncoder.encode(Twice(valueLast: true)) == .object(["key": .text("outer")]))
        #expect(
            try ReportEncoder.encode(Twice(valueLast: false)) == .object(["key": .object(["key": .text("inner")])]))
    }
}
