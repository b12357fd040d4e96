/// Values by an integer key (a node's offset in its file, a hash), for small tables asked often: the keys
/// sorted and searched by halves, where a dictionary hashed every key asked (a record's typed link fields
/// by offset, the field names that name a kind by hash).
struct IntTable<Value> {
    private var keys: [Int] = []
    private var values: [Value] = []

    /// The table of these pairs; of pairs with the same key, the last given wins (as assigning them to a
    /// dictionary in order would).
    init(_ pairs: [(key: Int, value: Value)]) {
        let order = pairs.indices.sorted { (pairs[$0].key, $0) < (pairs[$1].key, $1) }
        for i in order {
            if keys.last == pairs[i].key {
                values[values.count - 1] = pairs[i].value
            } else {
                keys.append(pairs[i].key)
                values.append(pairs[i].value)
            }
        }
    }

    subscript(key: Int) -> Value? {
        guard !keys.isEmpty else { return nil }
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < keys.count && keys[lo] == key ? values[lo] : nil
    }
}

extension IntTable: Sendable where Value: Sendable {}
