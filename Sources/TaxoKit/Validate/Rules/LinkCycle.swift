/// TAX0302: links through an acyclic field (dependencies, parents) that form a cycle.
enum LinkCycle {
    static let info = RuleInfo(
        code: "TAX0302", name: "link-cycle", family: "hierarchy", severity: .error,
        summary: "Links through a field declared acyclic form a cycle.",
        explanation: """
            Fields such as `dependencies[]` are declared `acyclic: true`: following them must never lead back to
            where it started, or no order of work exists. Each cycle is reported once, at its first member in
            path order, with the whole cycle spelled out.
            """,
        triggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_A.json",
                    "{\"milestone_id\": \"MLS-001\", \"name\": \"A\", \"dependencies\": [\"MLS-002\"]}"
                ),
                (
                    "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-002_B.json",
                    "{\"milestone_id\": \"MLS-002\", \"name\": \"B\", \"dependencies\": [\"MLS-001\"]}"
                ),
            ]),
            RuleExample([
                LinkCycle.milestone(1, "A", dependsOn: 2), LinkCycle.milestone(2, "B", dependsOn: 3),
                LinkCycle.milestone(3, "C", dependsOn: 1),
            ]),
        ],
        nonTriggering: [
            RuleExample([
                (
                    "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_A.json",
                    "{\"milestone_id\": \"MLS-001\", \"name\": \"A\"}"
                ),
                (
                    "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-002_B.json",
                    "{\"milestone_id\": \"MLS-002\", \"name\": \"B\", \"dependencies\": [\"MLS-001\"]}"
                ),
            ]),
            RuleExample([
                LinkCycle.milestone(1, "A", dependsOn: 2), LinkCycle.milestone(2, "B", dependsOn: 3),
                LinkCycle.milestone(3, "C", dependsOn: nil),
            ]),
        ])

    /// A milestone of the examples, depending on another one or on none.
    static func milestone(_ n: Int, _ name: String, dependsOn: Int?) -> (String, String) {
        let deps = dependsOn.map { ", \"dependencies\": [\"MLS-00\($0)\"]" } ?? ""
        return (
            "TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-00\(n)_\(name).json",
            "{\"milestone_id\": \"MLS-00\(n)\", \"name\": \"\(name)\"\(deps)}"
        )
    }

    static func check(_ lib: Library) -> [Diagnostic] {
        var adj: [Int: [Int]] = [:]
        for (ei, e) in lib.entities.enumerated() {
            let kind = lib.config.kinds[e.kind]
            for (ri, r) in e.references.enumerated() {
                guard let li = r.linkIndex, kind.links[li].acyclic, let t = lib.targets[ei][ri], t != ei else {
                    continue
                }
                adj[ei, default: []].append(t)
            }
        }
        guard !adj.isEmpty else { return [] }
        var state = [UInt8](repeating: 0, count: lib.entities.count)  // 0 new, 1 on stack, 2 done
        var out: [Diagnostic] = []
        var reported = Set<[Int]>()
        for start in adj.keys.sorted() where state[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            var path: [Int] = [start]
            state[start] = 1
            while let top = stack.last {
                let succ = adj[top.node] ?? []
                if top.next < succ.count {
                    stack[stack.count - 1].next += 1
                    let s = succ[top.next]
                    if state[s] == 0 {
                        state[s] = 1
                        stack.append((s, 0))
                        path.append(s)
                    } else if state[s] == 1, let i = path.firstIndex(of: s) {
                        let cycle = Array(path[i...])
                        let key = cycle.sorted()
                        if reported.insert(key).inserted {
                            let first = cycle.min { lib.entities[$0].location < lib.entities[$1].location }!
                            let rot = Array(
                                cycle[cycle.firstIndex(of: first)!...] + cycle[..<cycle.firstIndex(of: first)!])
                            let names = (rot + [first]).map { lib.displayID(lib.entities[$0]) }.joined(
                                separator: " -> ")
                            out.append(
                                info.diagnostic(
                                    "cycle: \(names)", at: lib.entities[first].location,
                                    notes: rot.dropFirst().map {
                                        .init(
                                            "\(lib.displayID(lib.entities[$0])) is here", at: lib.entities[$0].location)
                                    },
                                    hint: "remove one of these links"))
                        }
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                    path.removeLast()
                }
            }
        }
        return out
    }
}

extension LinkCycle: LibraryPass {
    static let stage = RuleStage.library
    static let cost = 9
}

extension LinkCycle {
    /// Where each triggering example's findings land, pinned: `example file:line:column message`, in order.
    static let pinned = [
        "0 TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_A.json:1:18 cycle: MLS-001 -> MLS-002 -> MLS-001",
        "1 TASK_MANAGERS/TSM-002_Milestone_Templates/MLS-001_A.json:1:18 cycle: MLS-001 -> MLS-002 -> MLS-003 -> MLS-001",
    ]
}
