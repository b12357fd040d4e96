/// What taxo's reports need to know about kinds, whatever a library calls them: which kind holds tools,
/// prompts, the workflow hierarchy, skills ... (`roles:` in taxonomy.yaml, e.g.
/// `roles: { tool: software, milestone: phase }`). By default a role is played by the kind of the same name.
public enum Role: String, CaseIterable, Sendable {
    case tool, prompt, workflow, milestone, task, step, responsibility, skill, object, action, department

    /// The gap report's groups, in order: a title and the roles whose kinds it holds.
    static let gapGroups: [(title: String, roles: [Role])] = [
        ("Tools", [.tool]), ("Workflows", [.workflow]), ("Milestones / Tasks / Steps", [.milestone, .task, .step]),
        ("Responsibilities", [.responsibility]), ("Skills", [.skill]), ("Objects", [.object]), ("Actions", [.action]),
    ]

    /// Roles whose names are too generic to find in free text (verbs, department names).
    static let unmatchedInText: Set<Role> = [.action, .department]

    /// Roles of the work hierarchy whose `needs` lines make a mention high priority.
    static let needing: [Role] = [.workflow, .milestone, .task, .step]
}

extension Config {
    /// The kind index that plays a role (nil when no kind does).
    public func kindIndex(role: Role) -> Int? {
        let name = roles[role] ?? role.rawValue
        return name.isEmpty ? nil : kinds.firstIndex { $0.name == name }
    }

    /// The role a kind plays, if any.
    public func role(ofKind k: Int) -> Role? {
        Role.allCases.first { kindIndex(role: $0) == k }
    }
}
