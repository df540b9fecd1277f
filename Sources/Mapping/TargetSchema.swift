/// The schema every output record of a record target must satisfy (`schema:`); a record
/// that does not goes to the rejects file with the schema's first problems.
public enum TargetSchema: Sendable {
    /// A JSON Schema (draft 2020-12), checking the record as the JSON object it is.
    case json(JSONSchema)
    /// An XML Schema (a `.xsd` file), checking the record in its XML form: the record
    /// element the XML writer writes for it, whatever the target's format.
    case xsd(XMLSchemaValidator)

    /// How many problems a rejection names; the rest are counted.
    static let shownProblems = 3

    /// What is wrong with `record` (the first problems, `; `-separated), or nil when it
    /// is valid.
    func problems(of record: RecordValue) -> String? {
        let messages: [String]
        switch self {
        case .json(let schema): messages = schema.validate(record).map(\.description)
        case .xsd(let schema): messages = schema.validate(record)
        }
        guard !messages.isEmpty else { return nil }
        let more = messages.count - Self.shownProblems
        return messages.prefix(Self.shownProblems).joined(separator: "; ") + (more > 0 ? " (and \(more) more)" : "")
    }
}
