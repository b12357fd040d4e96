import Testing

@testable import TaxoKit

/// The model's equality compares every stored field of its copy-on-write boxes (a field added to a box but
/// not to `==` would make the cache round-trip test blind to it).
@Suite struct ModelEqualityTests {
    /// The stored fields of the value inside a copy-on-write box.
    func boxFields(_ value: Any) -> Int? {
        guard let box = Mirror(reflecting: value).children.first(where: { $0.label == "s" })?.value,
            let fields = Mirror(reflecting: box).children.first(where: { $0.label == "value" })?.value
        else { return nil }
        return Mirror(reflecting: fields).children.count
    }

    @Test func equalityComparesEveryStoredField() throws {
        let r = TestSupport.compile([
            (
                "LIBRARIES/LBS_003_Tools/TOL-001_A.json",
                #"{"tool_id": "TOL-001", "name": "A", "alternatives": ["TOL-002"]}"#
            ),
            ("TASK_MANAGERS/RESEARCHES/03_ANALYSIS/N.md", "# N\n\nTOL-001 (A)\n"),
        ])
        let e = try #require(r.library.entities.first)
        let ref = try #require(e.references.first)
        let m = try #require(r.library.documents.first?.mentions.first)
        #expect(boxFields(e) == Entity.comparedFields)
        #expect(boxFields(ref) == Reference.comparedFields)
        #expect(boxFields(m) == Mention.comparedFields)
    }

    @Test func aChangedFieldMakesValuesDiffer() throws {
        let r = TestSupport.compile([
            ("LIBRARIES/LBS_003_Tools/TOL-001_A.json", #"{"tool_id": "TOL-001", "name": "A"}"#)
        ])
        let e = try #require(r.library.entities.first)
        var changed = e
        #expect(changed == e)
        changed.status = "retired"
        #expect(changed != e)
        var f = try #require(r.library.files.first)
        let original = f
        f.entities[0].aliases = ["B"]
        #expect(f != original)
    }
}
