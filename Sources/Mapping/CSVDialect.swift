/// How a CSV file is written: RFC 4180 by default (comma, double quote doubled inside
/// quoted fields, a header row, UTF-8, CRLF line ends on output), and the variants agencies
/// publish (`;` from spreadsheets set to Norwegian, tab, `|`, Latin-1 or Windows-1252,
/// comment lines).
public struct CSVDialect: Sendable, Hashable {
    /// What to do with a row that has more or fewer fields than the header (or the first
    /// row, without a header).
    public enum RaggedRows: String, Sendable, Hashable {
        /// The row is an error naming its line and column (the reader goes on with the
        /// next row if asked for it).
        case error
        /// Missing fields are `.null`; extra fields are kept under their 1-based column
        /// number (`"5"`).
        case pad
    }

    /// The line end the writer puts after each row (readers accept CRLF, LF and CR).
    public enum LineTerminator: String, Sendable, Hashable {
        /// `\r\n`, as RFC 4180 says.
        case crlf
        /// `\n`.
        case lf

        var bytes: [UInt8] { self == .crlf ? [0x0D, 0x0A] : [0x0A] }
    }

    /// The field separator: an ASCII character other than CR, LF and the quote.
    public var delimiter: Unicode.Scalar
    /// The quote character, or nil when fields are never quoted.
    public var quote: Unicode.Scalar?
    /// The character that escapes the next one inside a quoted field (`\`), or nil when a
    /// quote inside a quoted field is written twice (RFC 4180).
    public var escape: Unicode.Scalar?
    /// Whether the first row names the columns. Without a header, columns are named by
    /// their 1-based number: `"1"`, `"2"`, …
    public var header: Bool
    /// Whether spaces (and tabs, unless tab is the delimiter) around fields are dropped.
    /// Inside quotes they are always kept.
    public var trim: Bool
    /// Lines that start with this text are skipped (`#`), or nil.
    public var commentPrefix: String?
    /// Whether lines with nothing on them are skipped (RFC 4180 would read one empty field).
    public var skipBlankLines: Bool
    /// The file's character encoding.
    public var encoding: RecordEncoding
    /// Rows with the wrong number of fields: an error, or padded.
    public var raggedRows: RaggedRows
    /// The line end the writer uses.
    public var lineTerminator: LineTerminator

    /// A dialect; every argument defaults to RFC 4180 with a header row, UTF-8.
    public init(delimiter: Unicode.Scalar = ",", quote: Unicode.Scalar? = "\"", escape: Unicode.Scalar? = nil,
                header: Bool = true, trim: Bool = false, commentPrefix: String? = nil,
                skipBlankLines: Bool = true, encoding: RecordEncoding = .utf8,
                raggedRows: RaggedRows = .error, lineTerminator: LineTerminator = .crlf) {
        self.delimiter = delimiter
        self.quote = quote
        self.escape = escape
        self.header = header
        self.trim = trim
        self.commentPrefix = commentPrefix
        self.skipBlankLines = skipBlankLines
        self.encoding = encoding
        self.raggedRows = raggedRows
        self.lineTerminator = lineTerminator
    }

    /// RFC 4180: comma, double quote, header row, UTF-8.
    public static let rfc4180 = CSVDialect()
    /// Semicolon-separated, as spreadsheets in Norwegian (and most European) locales save CSV.
    public static let semicolon = CSVDialect(delimiter: ";")
    /// Tab-separated values.
    public static let tab = CSVDialect(delimiter: "\t")
    /// Pipe-separated values.
    public static let pipe = CSVDialect(delimiter: "|")

    /// Throws when the characters cannot work together: each must be ASCII, none may be a
    /// line break, and delimiter, quote and escape must differ (an escape equal to the
    /// quote is the RFC 4180 doubling, and is accepted).
    public func validate() throws(RecordInputError) {
        func check(_ scalar: Unicode.Scalar?, _ role: String) throws(RecordInputError) {
            guard let scalar else { return }
            if !scalar.isASCII || scalar == "\n" || scalar == "\r" {
                throw RecordInputError("the CSV \(role) must be an ASCII character other than a line break, not \(RecordEncoding.describe(scalar))",
                                       source: "", line: 0, column: 0)
            }
        }
        try check(delimiter, "delimiter")
        try check(quote, "quote")
        try check(escape, "escape")
        if delimiter == quote || delimiter == escape {
            throw RecordInputError("the CSV delimiter and the quote or escape character are the same", source: "", line: 0, column: 0)
        }
        if let commentPrefix, commentPrefix.isEmpty || commentPrefix.contains(where: { $0 == "\n" || $0 == "\r" }) {
            throw RecordInputError("the CSV comment prefix must be non-empty text on one line", source: "", line: 0, column: 0)
        }
    }

    var delimiterByte: UInt8 { UInt8(truncatingIfNeeded: delimiter.value) }
    /// The quote as a byte; 0x100 when there is none (never equal to a byte).
    var quoteCode: UInt16 { quote.map { UInt16($0.value) } ?? 0x100 }
    /// The escape as a byte (the quote itself for doubling); 0x100 when there is no quote.
    var escapeCode: UInt16 { escape.map { UInt16($0.value) } ?? quoteCode }
}
