/// A syntax error in RDF input, with the position of the first offending character.
///
/// Lines and columns are 1-based; the column counts Unicode scalars, as editors do.
/// The CLI prints it as `path:line:column: error: message`.
public struct RDFSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words a data steward can act on.
    public var message: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// The file or URL the input came from, when known.
    public var source: String?

    public init(_ message: String, line: Int, column: Int, source: String? = nil) {
        self.message = message
        self.line = line
        self.column = column
        self.source = source
    }

    /// `path:line:column: error: message`.
    public var description: String {
        "\(source ?? "<input>"):\(line):\(column): error: \(message)"
    }
}

/// An error writing RDF: a term or statement that the target syntax cannot express.
public struct RDFWriteError: Error, Sendable, CustomStringConvertible {
    /// What cannot be written, and what to do instead.
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "error: \(message)" }
}

/// Where quads go as a parser produces them.
public typealias QuadSink = (Quad) throws -> Void
