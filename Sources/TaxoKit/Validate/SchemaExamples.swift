/// The small library the record-schema rules' examples share: tools whose `fields:` the configuration lists.
enum SchemaExamples {
    static let config = """
        kinds:
          tool:
            prefix: TOL
            files: ["tools/*.json", "tools/*.md"]
            id_fields: [tool_id]
            fields:
              name: required
              category: { required: true, values: [AI, Design, Security] }
              website: url
              added: date
              rating: number
              tags: { type: list, items: string }
              steps[].name: required
              vendor: { deprecated: "use maker" }
              maker: string
              version: { pattern: '^v[0-9]+$' }
            additional_fields: report
        """

    /// A library of the configuration and one file per (path, content) pair under `tools/`.
    static func files(_ tools: [(String, String)]) -> [(String, String)] {
        [("taxonomy.yaml", config)] + tools.map { ("tools/" + $0.0, $0.1) }
    }

    /// A tool's JSON file with these members after its ID.
    static func tool(_ id: String, _ members: String) -> (String, String) {
        ("\(id).json", "{\n  \"tool_id\": \"\(id)\",\n  " + members + "\n}\n")
    }
}
