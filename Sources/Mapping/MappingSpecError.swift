/// An error in a mapping file, with the file, line and column it points at (from 1).
///
/// Every problem in a mapping file is found and reported this way before any record is
/// read: YAML syntax, unknown keys (with a suggestion), wrong types, missing keys, unknown
/// functions, bad regular expressions, templates and formats, and value maps that cannot
/// be loaded.
public struct MappingSpecError: LocatedError, Sendable, Equatable {
    /// Where in the mapping file.
    public var location: FileLocation
    /// What is wrong.
    public var message: String

    /// An error at `line`:`column` of `source`.
    public init(_ message: String, source: String, line: Int, column: Int) {
        self.message = message
        location = FileLocation(source: source, line: line, column: column)
    }
}
