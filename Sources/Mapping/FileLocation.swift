/// A place in a file that an error points at: the file as given, the line and the column
/// (both from 1; the column counted in Unicode scalars).
public struct FileLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as given.
    public var source: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1 (counted in Unicode scalars).
    public var column: Int

    public init(source: String, line: Int, column: Int) {
        self.source = source
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(source):\(line):\(column)" }
}

/// An error at a place in a file (a mapping, an input, a schema), printed as compilers
/// print errors: `file:line:column: error: message`.
public protocol LocatedError: Error, CustomStringConvertible {
    /// Where.
    var location: FileLocation { get set }
    /// What is wrong.
    var message: String { get }
}

extension LocatedError {
    /// The file as given.
    public var source: String {
        get { location.source }
        set { location.source = newValue }
    }
    /// The line, from 1.
    public var line: Int {
        get { location.line }
        set { location.line = newValue }
    }
    /// The column, from 1 (counted in Unicode scalars).
    public var column: Int {
        get { location.column }
        set { location.column = newValue }
    }

    /// `file:line:column: error: message`.
    public var description: String { "\(location): error: \(message)" }
}
