/// One way a record fails its JSON Schema: where in the record, which keyword, and why.
public struct JSONSchemaError: Sendable, Hashable, CustomStringConvertible {
    /// JSON Pointer to the failing value in the record (`/orgnr`, `/adresse/0`; empty for
    /// the record itself).
    public var instancePath: String
    /// The schema keyword that failed (`pattern`, `required`, `type`, …).
    public var keyword: String
    /// What is wrong, e.g. `does not match pattern ^[0-9]{9}$`.
    public var message: String

    /// An error at `instancePath` from `keyword`.
    public init(instancePath: String, keyword: String, message: String) {
        self.instancePath = instancePath
        self.keyword = keyword
        self.message = message
    }

    /// `/orgnr: does not match pattern ^[0-9]{9}$` (`/` stands for the record itself).
    public var description: String { "\(instancePath.isEmpty ? "/" : instancePath): \(message)" }
}

/// A schema that cannot be used: unreadable, not a schema, a bad regular expression, or a
/// `$ref` that points outside the document (remote schemas are not fetched).
public struct JSONSchemaLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
