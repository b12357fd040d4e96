/// What `templates/entries/*.json.mustache` is given for a draft entry (`taxo new`, `taxo gaps --stubs`):
/// its fields, each escaped for inside a JSON string.
struct EntryStubContext: Encodable {
    struct Evidence: Encodable {
        var text: JSONString
        var last: Bool
    }

    var idField: JSONString
    var nameField: JSONString
    var id: JSONString
    var name: JSONString
    var kind: JSONString
    var department: JSONString?
    var source: JSONString
    var evidence: [Evidence]
    var generatedBy: JSONString

    init(
        kind: Kind, id: String, name: String, department: String?, source: String, evidence: [String],
        generatedBy: String
    ) {
        idField = JSONString(kind.idFields.first { !$0.contains(" ") && !$0.contains(".") } ?? "id")
        nameField = JSONString(kind.nameFields.first { !$0.contains(" ") && !$0.contains(".") } ?? "name")
        self.id = JSONString(id)
        self.name = JSONString(name)
        self.kind = JSONString(kind.name)
        self.department = department.map(JSONString.init)
        self.source = JSONString(source)
        self.evidence = evidence.enumerated().map {
            Evidence(text: JSONString($0.element), last: $0.offset == evidence.count - 1)
        }
        self.generatedBy = JSONString(generatedBy)
    }

    /// The kind's own template (`entries/<kind>.json`) or the default one, rendered.
    func render(templates: Templates) throws -> String {
        let own = "entries/\(kind.text).json"
        return try templates.render(
            templates.source(own) != nil ? own : "entries/default.json", try ReportValue.make(self))
    }
}
