/// An error reading or writing SSSOM: malformed TSV or YAML, a missing required slot, an
/// undeclared prefix, an IRI that cannot be written as a CURIE.
///
/// Reading errors carry the position of the offending value: 1-based line and column,
/// the column counted in Unicode scalars as editors do. They print as
/// `path:line:column: error: message`.
public struct SSSOMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The file the error is in, when known.
    public var source: String?
    /// 1-based line, when the error has a position.
    public var line: Int?
    /// 1-based column in Unicode scalars, when the error has a position.
    public var column: Int?

    /// An error, at a position when `line` is given.
    public init(_ message: String, source: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.source = source
        self.line = line
        self.column = column
    }

    /// `path:line:column: error: message`, leaving out what is not known.
    public var description: String {
        var location = source ?? (line == nil ? "" : "<input>")
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return location.isEmpty ? "error: \(message)" : "\(location): error: \(message)"
    }
}
