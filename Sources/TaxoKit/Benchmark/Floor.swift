/// The benchmark floor: read every file of the library, and optionally parse every JSON, YAML and
/// Markdown file once, with no extraction or validation. `taxo bench-floor` runs it.
public enum Floor {
    /// Discovers and reads every file (and with `parse`, parses it once); the counts show the work was done.
    public static func run(root: String, config: Config, parse: Bool, discoverOnly: Bool = false) -> (
        files: Int, bytes: Int, nodes: Int
    ) {
        let (files, _) = Discovery.discover(root: root, config: config)
        if discoverOnly { return (files.count, files.reduce(0) { $0 + $1.size }, 0) }
        let counts = Parallel.map(files) { f -> (Int, Int) in
            guard let raw = FileReader.read(f.absolutePath) else { return (0, 0) }
            guard parse else { return (raw.count, 0) }
            let file = SourceFile(path: f.path, rawBytes: raw)
            switch f.format {
            case .json:
                if case .success = JSONParser.parse(file.bytes) { return (raw.count, 1) }
            case .yaml:
                if case .success = YAMLReader.parse(file.text, lines: file.lines) { return (raw.count, 1) }
            case .markdown:
                return (raw.count, MarkdownParser.parse(file).headings.count)
            case .csv:
                break
            }
            return (raw.count, 0)
        }
        return (files.count, counts.reduce(0) { $0 + $1.0 }, counts.reduce(0) { $0 + $1.1 })
    }
}
