/// The box of a copy-on-write value type (`Entity`, `Reference`, `Mention`, whose fields it holds and which
/// read and write them through `@dynamicMemberLookup`): the library passes them
/// through many arrays and loops, and copying one costs a single retain instead of one per field. The
/// owner writes `value` only after `isKnownUniquelyReferenced` said no one else holds the box, and
/// otherwise puts a fresh copy in its place first.
///
/// `value` is exempt from run-time exclusivity checks, and the box is Sendable, for that reason: a box
/// another thread can see is shared, so it is never written again, only read.
final class CopyOnWrite<Value: Sendable>: @unchecked Sendable {
    @exclusivity(unchecked) var value: Value

    init(_ value: Value) { self.value = value }

    /// Makes `box` its owner's alone before a write: a copy in its place when anyone else holds it.
    static func own(_ box: inout CopyOnWrite) {
        if !isKnownUniquelyReferenced(&box) { box = CopyOnWrite(box.value) }
    }
}
