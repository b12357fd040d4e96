/// `taxo phases --check FILE`: compares a hand-kept phase tracker with the computed one.
public enum PhaseCheck {
    /// A line of a hand-kept tracker that disagrees with the files, and why.
    public struct Finding: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// Compares a hand-kept `VIDEOS_INDEX.md` with the tracker computed from the files.
    public static func check(_ file: SourceFile, tracker: PhaseTracker) -> [Finding] {
        var out: [Finding] = []
        let n = file.lines.lineCount
        var seen = Set<String>()
        var l = 1
        var foundTracker = false
        while l < n {
            let head = file.lines.lineText(l)
            guard head.trimmingSpacesSubstring().hasPrefix("|"),
                TableCellCount.isSeparator(Array(file.lines.lineText(l + 1).utf8)[...])
            else { l += 1; continue }
            let cols = GapScanner.cells(head).map { FieldKey.normalize($0) }
            let width = cols.count
            let videoCol = cols.firstIndex { $0 == "video" || $0 == "videoid" }
            var phaseCols: [Int: Int] = [:]
            for (i, c) in cols.enumerated() where c.hasPrefix("phase") {
                if let num = Int(c.dropFirst(5)) { phaseCols[num] = i }
            }
            var r = l + 2
            while r <= n, file.lines.lineText(r).trimmingSpacesSubstring().hasPrefix("|") {
                let row = file.lines.lineText(r)
                let cells = GapScanner.cells(row)
                if cells.count != width {
                    out.append(Finding(line: r, message: "row has \(cells.count) cells; the header has \(width)"))
                }
                if !phaseCols.isEmpty, let vc = videoCol, vc < cells.count {
                    foundTracker = true
                    let vid = cells[vc].trimmingSpaces()
                    seen.insert(vid)
                    out += compare(vid, cells: cells, phaseColumns: phaseCols, line: r, tracker: tracker)
                }
                r += 1
            }
            l = r
        }
        if foundTracker {
            for v in tracker.videos where !seen.contains(v.id) {
                out.append(
                    Finding(
                        line: 1, message: "\(v.id) is missing from the tracker (its last done phase is \(v.lastDone))"))
            }
        } else {
            out.append(
                Finding(line: 1, message: "no phase tracker table (a 'Video' column and 'Phase N' columns) was found"))
        }
        return out.sorted { ($0.line, $0.message) < ($1.line, $1.message) }
    }

    /// One row's phase cells against the computed phases of its video: a ✅ without a clean artifact, or a
    /// done phase not marked ✅.
    static func compare(_ vid: String, cells: [String], phaseColumns: [Int: Int], line r: Int, tracker: PhaseTracker)
        -> [Finding]
    {
        var out: [Finding] = []
        let computed = tracker.videos.first { $0.id == vid }
        for (num, ci) in phaseColumns.sorted(by: { $0.key < $1.key }) where ci < cells.count {
            let claim = cells[ci]
            let claimsDone = claim.contains("✅")
            let state = computed?.phases.first { $0.phase.number == num }?.state ?? .missing
            let phaseName = tracker.phases.first { $0.number == num }?.name ?? ""
            if claimsDone && state != .done {
                let what =
                    state == .errors
                    ? "its artifact has errors"
                    : "no artifact exists" + (computed == nil ? " (the library has no file of \(vid))" : "")
                out.append(Finding(line: r, message: "\(vid) Phase \(num) (\(phaseName)) is marked ✅ but \(what)"))
            } else if !claimsDone && state == .done {
                out.append(
                    Finding(line: r, message: "\(vid) Phase \(num) (\(phaseName)) is marked '\(claim)' but it is done"))
            }
        }
        return out
    }
}
