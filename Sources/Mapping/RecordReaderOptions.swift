/// How records are read, for every format (each reader uses what applies to it).
public struct RecordReaderOptions: Sendable, Hashable {
    /// CSV: the dialect (delimiter, quoting, header, encoding, …).
    public var dialect: CSVDialect
    /// Where records are in a document. JSON: a JSONPath subset (`$`, `$[*]`,
    /// `$.a.b[*]`, `$..name[*]`; see `JSONPath`), `$[*]` for a top-level array and `$`
    /// otherwise when nil. XML: an XPath subset (`/a/b/c`, `//c`; see `XMLPath`),
    /// required. Ignored for CSV and JSON Lines (a record per row or line).
    public var iterator: String?
    /// XML: namespace prefixes the iterator uses (`["e": "urn:example"]`); a prefix not
    /// given here means the namespace the document binds it to where the element is.
    public var namespaces: [String: String]
    /// XML: the names of child elements that are always arrays, even when an element has
    /// only one of them (otherwise a child becomes an array only when it repeats).
    public var arrayElements: Set<String>
    /// The size of each read from the file, in bytes (64 KiB).
    public var chunkSize: Int
    /// The deepest nesting of JSON arrays and objects or XML elements accepted (1,000).
    public var maxDepth: Int
    /// The longest single value (a CSV row's field, a JSON string, a JSON Lines line …)
    /// accepted, in bytes (64 MiB).
    public var maxValueLength: Int

    /// Options with the defaults of each format.
    public init(dialect: CSVDialect = CSVDialect(), iterator: String? = nil, namespaces: [String: String] = [:],
                arrayElements: Set<String> = [], chunkSize: Int = 64 << 10, maxDepth: Int = 1_000,
                maxValueLength: Int = 64 << 20) {
        self.dialect = dialect
        self.iterator = iterator
        self.namespaces = namespaces
        self.arrayElements = arrayElements
        self.chunkSize = chunkSize
        self.maxDepth = maxDepth
        self.maxValueLength = maxValueLength
    }
}
