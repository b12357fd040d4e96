/// Mentions shown one document line at a time: `See **ACT-001** and [ACT-001](…)` on line 46 is one row,
/// `…md:46 (2 on this line)`, not two identical rows. `taxo show` and the site's entity pages list them so;
/// JSON answers keep every mention with its column.
enum MentionLines {
    /// Items in document order with consecutive items on the same (document, line) merged: each first item
    /// and how many mentions it stands for.
    static func collapse<T>(_ items: some Sequence<T>, place: (T) -> (document: String, line: Int)) -> [(
        item: T, count: Int
    )] {
        var out: [(item: T, count: Int)] = []
        var last: (document: String, line: Int)?
        for x in items {
            let p = place(x)
            if let l = last, l.document == p.document, l.line == p.line {
                out[out.count - 1].count += 1
            } else {
                out.append((x, 1))
                last = p
            }
        }
        return out
    }

    /// The note after a row standing for `count` mentions ("" for one).
    static func note(_ count: Int) -> String { count > 1 ? " (\(count) on this line)" : "" }
}
