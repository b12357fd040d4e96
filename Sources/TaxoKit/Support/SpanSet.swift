/// Sorted, non-overlapping byte ranges (the IDs found in a document), asked whether a range overlaps one.
struct SpanSet {
    let spans: [Range<Int>]

    init(_ spans: [Range<Int>]) {
        var sorted = true
        for i in spans.indices.dropFirst() where spans[i].lowerBound < spans[i - 1].lowerBound { sorted = false }
        self.spans = sorted ? spans : spans.sorted { $0.lowerBound < $1.lowerBound }
    }

    func overlaps(_ r: Range<Int>) -> Bool {
        // The first span ending after r starts; spans before it end before r.
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].upperBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < spans.count, spans[i].lowerBound < r.upperBound {
            if spans[i].overlaps(r) { return true }
            i += 1
        }
        return false
    }
}
