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
