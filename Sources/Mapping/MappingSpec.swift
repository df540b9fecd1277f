import RDFIO

/// A mapping specification, read from a YAML mapping file (see `docs/mapping.md`): where
/// records come from, which fields are built from each, and how they are written.
///
/// Fields read the input record (paths, templates over paths, constants, functions);
/// the target reads fields (CSV columns, JSON and XML members, RDF subjects, properties
/// and templates are all named by fields).
public struct MappingSpec: Sendable {
    /// The mapping file as given, for messages.
    public var file: String
    /// The directory relative file names in the mapping resolve against.
    public var directory: String
    /// The input's format and how to read it.
    public var source: MappingSpecSource
    /// The output's format and shape.
    public var target: MappingSpecTarget
    /// The fields, in the order they are evaluated (a field may use earlier ones).
    public var fields: [MappingSpecField]
    /// The value maps, in file order; `lookup` steps refer to them by position.
    public var maps: [ValueMapSpec]
    /// Second sources joined to each record by key.
    public var joins: [MappingSpecJoin]
    /// Records for which this does not hold are skipped (and counted as skipped).
    var filter: ExpressionCondition?

    /// The field called `name`, if there is one.
    public func field(named name: String) -> MappingSpecField? { fields.first { $0.name == name } }
}

/// Where records come from and how they are read.
public struct MappingSpecSource: Sendable {
    /// The record format.
    public var format: RecordFormat
    /// The reader options: the CSV dialect (with the encoding), the iterator (a JSONPath
    /// subset for JSON, an XPath subset for XML), XML namespaces and array elements.
    public var options: RecordReaderOptions
    /// A file to read (joins only; the main input is named on the command line).
    public var file: String?

    /// A source of `format`.
    public init(format: RecordFormat, options: RecordReaderOptions = RecordReaderOptions(), file: String? = nil) {
        self.format = format
        self.options = options
        self.file = file
    }
}

/// What records become.
public struct MappingSpecTarget: Sendable {
    /// The output format: records, or an RDF syntax.
    public enum Format: Sendable, Hashable {
        /// CSV, JSON, JSON Lines or XML.
        case records(RecordFormat)
        /// Any RDF syntax Samsvar writes.
        case rdf(RDFFormat)
    }

    /// The output format.
    public var format: Format
    /// The fields written to record output, by position, in order (all fields unless
    /// `columns` says otherwise).
    public var columns: [Int]
    /// The writer options of record output (dialect, list separator, root and record
    /// elements, indentation); the columns are filled in from `columns`.
    public var options: RecordWriterOptions
    /// For RDF output: the resources each record becomes.
    public var rdf: RDFTargetSpec?
    /// For record output: the schema each output record must satisfy (`schema:`), a JSON
    /// Schema or an XSD (checking the record's XML form); records that do not go to the
    /// rejects file with the schema's errors.
    public var schema: TargetSchema?
}

/// One field of the output.
public struct MappingSpecField: Sendable {
    /// The field's name: a CSV column, a JSON member (dots make nested objects), an XML
    /// element (`@name` an attribute), and the name RDF properties and templates use.
    public var name: String
    /// Where the value comes from.
    var value: Expression
    /// The steps applied to the value, in order (the `function` list, then `map`).
    var steps: [ExpressionFunction]
    /// The value used when the field is empty (null, `""` or an empty list).
    public var defaultValue: RecordValue?
    /// When true, an empty field rejects the record.
    public var required: Bool
    /// When given and false, the field is absent (not defaulted, not required).
    var when: ExpressionCondition?
    /// The type the value is converted to.
    public var type: MappingSpecFieldType?
}

/// The types a field's value can be converted to (`type:`), for JSON and XML output and
/// RDF literals.
public enum MappingSpecFieldType: String, Sendable, CaseIterable {
    /// Text (numbers as written, booleans `true`/`false`).
    case string
    /// A number as JSON writes them (`12`, `-1.5`, `2.5E3`).
    case number
    /// A whole number.
    case integer
    /// `true`/`false`, `1`/`0`, `yes`/`no`, `ja`/`nei`.
    case boolean
}

/// A second source whose records are joined to each input record by key (a hash join: the
/// second source is read into memory first).
public struct MappingSpecJoin: Sendable {
    /// The second source; its `file` is required.
    public var source: MappingSpecSource
    /// The paths in the input record that make the key.
    var key: [ExpressionPath]
    /// The paths in the joined records that make their key.
    var on: [ExpressionPath]
    /// The member the joined record (or records) appears as in the input record.
    public var name: String
    /// With `all`, the member holds the list of all matching records; with `one` a
    /// record matching several is rejected.
    public var matchAll: Bool
    /// When true, a record without a match is rejected; otherwise the member is null.
    public var required: Bool
}
