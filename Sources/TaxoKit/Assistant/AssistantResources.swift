import Foundation

/// What `taxo mcp` offers to read besides its tools: the configuration, the rules, the phase tracker.
public struct AssistantResource: Sendable {
    public var uri: String
    public var name: String
    public var description: String
    public var mimeType: String

    public static let all: [AssistantResource] = [
        AssistantResource(
            uri: "taxo://config", name: "taxonomy.yaml",
            description: "The library's configuration: kinds, ID patterns, departments, document types, roles.",
            mimeType: "application/yaml"),
        AssistantResource(
            uri: "taxo://rules", name: "Rules",
            description:
                "Every rule taxo checks (as taxo explain --format json): code, name, severity, explanation, examples.",
            mimeType: "application/json"),
        AssistantResource(
            uri: "taxo://tracker", name: "VIDEOS_INDEX.md",
            description: "The phase tracker computed from the files: each video's seven phases and its next action.",
            mimeType: "text/markdown"),
    ]
}

extension AssistantSession {
    /// A resource's text.
    public func read(_ uri: String) throws -> String {
        refresh()
        switch uri {
        case "taxo://config":
            if let data = FileManager.default.contents(atPath: root + "/taxonomy.yaml") {
                return String(decoding: data, as: UTF8.self)
            }
            // The departments the library's own department records add to it, as `taxo check` reads them.
            let builtIn = Set(ConfigLoader.defaultConfig.0?.departments.map(\.code) ?? [])
            let added = config.departments.filter { !builtIn.contains($0.code) }.map(\.code)
            return "# No taxonomy.yaml: the built-in configuration"
                + (added.isEmpty
                    ? ""
                    : ", with the departments \(added.joined(separator: ", ")) of the library's department records")
                + ".\n" + DefaultConfig.yaml
        case "taxo://rules":
            return DataJSON.rules(RuleRegistry.all)
        case "taxo://tracker":
            let tracker = PhaseTracker(result: result)
            return try templates.render("videos-index.md", tracker.context(command: "taxo mcp"))
        default:
            throw TaxoError.badArgument(
                "no resource '\(uri)'; the resources are " + AssistantResource.all.map(\.uri).joined(separator: ", "))
        }
    }
}
