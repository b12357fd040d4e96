/// A value made on first use, once, by whichever thread asks first (the others wait for it).
final class Lazy<Value>: Sendable {
    private let value = Locked<Value?>(nil)

    func get(_ make: () -> Value) -> Value {
        value.withLock { v in
            if let known = v { return known }
            let made = make()
            v = made
            return made
        }
    }
}
