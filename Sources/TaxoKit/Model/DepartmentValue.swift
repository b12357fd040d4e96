/// A department link's value that is no configured code or alias (in any case) and no configured name
/// (`"departments": ["Developers"]`). Whether it names a department is decided once the library is resolved,
/// by the names its department records give (`UnknownDepartment.valueFindings`).
public struct DepartmentValue: Sendable, Hashable {
    public var value: String
    public var location: SourceLocation
}
