/// An error in a mapping file, with the file, line and column it points at (from 1).
///
/// Every problem in a mapping file is found and reported this way before any record is
/// read: YAML syntax, unknown keys (with a suggestion), wrong types, missing keys, unknown
/// functions, bad regular expressions, templates and formats, and value maps that cannot
/// be loaded.
public struct MappingSpecError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The mapping file as given.
    public var source: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1 (counted in Unicode scalars).
    public var column: Int
    /// What is wrong.
    public var message: String

    /// An error at `line`:`column` of `source`.
    public init(_ message: String, source: String, line: Int, column: Int) {
        self.message = message
        self.source = source
        self.line = line
        self.column = column
    }

    /// `file:line:column: error: message`, as compilers print errors.
    public var description: String { "\(source):\(line):\(column): error: \(message)" }
}
