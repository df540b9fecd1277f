/// An XML Schema that cannot be used: a file that cannot be read, a document that is not
/// well-formed XML or not a schema, a schema libxml2 cannot compile (the first problems,
/// each with its file and line), or one that declares no global element for the records.
public struct XMLSchemaLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
