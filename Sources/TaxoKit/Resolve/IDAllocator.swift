/// Next free IDs, one allocator for gap reports, `--stubs`, `taxo new` and the MCP `next_id`: per kind and
/// department, after every ID the library declares or its documents announce, unique within one session,
/// and in the library's own pattern for the kind (with a department segment where most of its IDs have one).
public struct IDAllocator: Sendable {
    var used: [String: Int] = [:]
    /// Exact IDs the library takes (declared, in broken files, announced), by canonical key: made once and
    /// shared by every copy (a gap report copies the allocator per video; at 100k entities this set is
    /// large, and a copy that inserted into it would copy it whole).
    private let libraryIDs: Set<String>
    /// IDs taken since: reserved or handed out by this copy.
    private var added: Set<String> = []
    let config: Config
    /// Per kind: how many IDs carry no department segment, and how many carry each department.
    var withoutDepartment: [Int: Int] = [:]
    var departmentUse: [Int: [String: Int]] = [:]

    /// The IDs the library declares, has in broken files, or its documents announce, as taken.
    public init(library: Library) {
        config = library.config
        var ids = Set<String>()
        for e in library.entities {
            guard let p = e.id, !p.legacy else { continue }
            ids.insert(p.key)
            let dept = p.canonicalDepartment ?? p.department
            if let d = dept {
                departmentUse[p.kind, default: [:]][d, default: 0] += 1
            } else {
                withoutDepartment[p.kind, default: 0] += 1
            }
            guard let n = Int(p.number) else { continue }
            let k = IDAllocator.key(p.kind, dept)
            used[k] = max(used[k] ?? 0, n)
        }
        for key in library.broken.keys { ids.insert(key) }
        // IDs announced in documents (proposals, reserved and planned IDs) are taken too; video-scoped
        // kinds restart per video and do not count.
        for id in IDAllocator.announced(in: library) {
            ids.insert(id.key)
            guard let n = Int(id.number) else { continue }
            let k = IDAllocator.key(id.kind, id.canonicalDepartment ?? id.department)
            used[k] = max(used[k] ?? 0, n)
        }
        libraryIDs = ids
    }

    /// The IDs the library's documents announce (proposals, reserved and planned IDs), in document order:
    /// taken for every video's next free IDs, so a gap report is made again when another video announces one.
    static func announced(in library: Library) -> [ParsedID] {
        var out: [ParsedID] = []
        for d in library.documents {
            for m in d.mentions where m.isProposal && !m.id.legacy && !library.config.kinds[m.id.kind].scoped {
                out.append(m.id)
            }
        }
        return out
    }

    static func key(_ kind: Int, _ dept: String?) -> String { "\(kind)|\(dept ?? "")" }

    /// The department segment a new ID of a kind gets: none when the kind has none or most of its IDs have
    /// none; otherwise the one given, else the kind's most used department.
    public func department(kind: Int, given: String?) -> String? {
        guard keepsDepartment(kind: kind) else { return nil }
        if let g = given { return g }
        let (with, without) = departmentCounts(kind)
        guard config.kinds[kind].department == .required || with > without else { return nil }
        return departmentUse[kind]?.filter { isKnown($0.key) }.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// Whether a new ID of the kind keeps the department it is given: the kind requires one, or at least half
    /// of its IDs carry one (the library's pattern for the kind).
    public func keepsDepartment(kind: Int) -> Bool {
        switch config.kinds[kind].department {
        case .none: return false
        case .required: return true
        default:
            let (with, without) = departmentCounts(kind)
            return with >= without
        }
    }

    /// How many of a kind's IDs carry a department segment, and how many do not.
    func departmentCounts(_ kind: Int) -> (with: Int, without: Int) {
        (departmentUse[kind]?.values.reduce(0, +) ?? 0, withoutDepartment[kind] ?? 0)
    }

    /// The configured departments the kind's IDs use, sorted (a misspelt segment is not one).
    public func departments(kind: Int) -> [String] { (departmentUse[kind] ?? [:]).keys.filter(isKnown).sorted() }

    func isKnown(_ department: String) -> Bool {
        let code = department.split(separator: "-").first.map(String.init) ?? department
        return config.departments.contains { $0.code == code }
    }

    /// Whether an ID is free: nobody declares, announces or was given it.
    public func isFree(_ id: ParsedID) -> Bool { !isTaken(id.key) }

    func isTaken(_ key: String) -> Bool { libraryIDs.contains(key) || added.contains(key) }

    /// Takes an ID a document writes for a new entity, so that no suggestion repeats it (the numbers after
    /// the library's highest stay free: `TOL-AID-999` does not push the next suggestion to 1000).
    public mutating func reserve(_ id: ParsedID) {
        if !libraryIDs.contains(id.key) { added.insert(id.key) }
    }

    /// The next free ID of a kind and department (exactly that department; see `department(kind:given:)`).
    public mutating func next(kind: Int, department: String?) -> String {
        let k = IDAllocator.key(kind, department)
        var n = (used[k] ?? 0) + 1
        while true {
            let (id, key) = spelled(kind: kind, department: department, number: n)
            if !isTaken(key) {
                used[k] = n
                added.insert(key)
                return id
            }
            n += 1
        }
    }

    /// The ID of a kind and department with this number, when it is free (it is then taken); else nil.
    public mutating func take(kind: Int, department: String?, number: Int) -> String? {
        let (id, key) = spelled(kind: kind, department: department, number: number)
        guard number > 0, !isTaken(key) else { return nil }
        added.insert(key)
        return id
    }

    /// An ID as written (digits padded to the kind's width) and its canonical key.
    func spelled(kind: Int, department: String?, number n: Int) -> (id: String, key: String) {
        let kd = config.kinds[kind]
        let digits = String(n)
        let head = kd.prefix + (department.map { "-" + $0 } ?? "") + "-"
        return (head + String(repeating: "0", count: max(0, kd.minDigits - digits.count)) + digits, head + digits)
    }

    /// The next free ID in the library's pattern for the kind, given a department hint.
    public mutating func suggest(kind: Int, department given: String?) -> String {
        next(kind: kind, department: department(kind: kind, given: given))
    }
}
