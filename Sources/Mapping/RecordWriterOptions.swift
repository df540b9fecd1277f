/// How records are written, for every format (each writer uses what applies to it).
public struct RecordWriterOptions: Sendable, Hashable {
    /// CSV: the dialect (delimiter, quote, header row, encoding, line end).
    public var dialect: CSVDialect
    /// CSV: the columns in order. When nil, the members of the first record.
    public var columns: [String]?
    /// CSV: the text that joins the values of a member holding a list of plain values.
    /// A list holding objects or lists is written as JSON text.
    public var listSeparator: String
    /// JSON and XML: whether to indent (two spaces) or write everything on one line.
    /// (JSON Lines is always one record per line.)
    public var pretty: Bool
    /// XML: the root element (`records` when nil). JSON: when given, the output is an
    /// object whose member of that name holds the array of records.
    public var root: String?
    /// XML: the element of each record (`record` when nil).
    public var record: String?
    /// XML: namespace declarations put on the root element (prefix "" for the default
    /// namespace), so names may be written `prefix:name`.
    public var namespaces: [String: String]

    /// Options with the defaults of each format.
    public init(dialect: CSVDialect = CSVDialect(), columns: [String]? = nil, listSeparator: String = ";",
                pretty: Bool = false, root: String? = nil, record: String? = nil,
                namespaces: [String: String] = [:]) {
        self.dialect = dialect
        self.columns = columns
        self.listSeparator = listSeparator
        self.pretty = pretty
        self.root = root
        self.record = record
        self.namespaces = namespaces
    }
}
