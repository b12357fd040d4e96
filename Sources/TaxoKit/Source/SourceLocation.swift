/// A position in a library file: a path relative to the library root, 1-based line and column.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    /// A place: library-relative path, 1-based line and column.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Ordered by file, line and column.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        return a.column < b.column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
