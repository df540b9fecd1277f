/// Writes records as CSV rows in a `CSVDialect`, streaming (64 KiB at a time to the sink
/// or file).
///
/// Each record must be an object; its members are written under the columns of the same
/// name, in column order (a member a record lacks is an empty field). With the columns
/// given, other members are left out; without, the first record's members are the columns
/// and a later record with a member outside them is an error rather than data dropped.
///
/// Values: strings as they are, numbers as written, booleans `true`/`false`, null empty; a
/// list of plain values joined with the list separator; objects and lists holding objects
/// or lists as compact JSON text.
///
/// A field is quoted only when it must be: when it holds the delimiter, the quote, the
/// escape character, a line break, white space at either end (for dialects that trim), or
/// the comment prefix at the start of a row, or when a row's only field is empty (which
/// would otherwise read back as a blank line). The dialect's encoding applies; a character
/// it cannot represent is an error.
public struct CSVRecordWriter: RecordWriter {
    /// The columns, once known.
    public private(set) var columns: [String]?
    /// The dialect written.
    public let dialect: CSVDialect
    /// The text between the values of a list.
    public let listSeparator: String
    private let strictColumns: Bool
    private var output: ByteOutput
    private var started = false
    private var records = 0
    private var field: [UInt8] = []
    private let delimiter: UInt8
    private let quote: UInt8?
    private let escape: UInt8?
    private let comment: [UInt8]
    private let lineEnd: [UInt8]

    /// A writer that hands its bytes to `sink`.
    public init(columns: [String]? = nil, dialect: CSVDialect = .rfc4180, listSeparator: String = ";",
                sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws(RecordOutputError) {
        try self.init(columns: columns, dialect: dialect, listSeparator: listSeparator, target: OutputTarget(sink: sink))
    }

    /// A writer to the file at `path` (created or truncated; `-` for standard output).
    public init(path: String, columns: [String]? = nil, dialect: CSVDialect = .rfc4180,
                listSeparator: String = ";") throws(RecordOutputError) {
        try self.init(columns: columns, dialect: dialect, listSeparator: listSeparator, target: OutputTarget(path: path))
    }

    init(columns: [String]?, dialect: CSVDialect, listSeparator: String, target: OutputTarget) throws(RecordOutputError) {
        do { try dialect.validate() } catch { throw RecordOutputError(error.message, destination: target.name) }
        self.columns = columns
        self.dialect = dialect
        self.listSeparator = listSeparator
        strictColumns = columns == nil
        output = ByteOutput(target: target)
        delimiter = dialect.delimiterByte
        quote = dialect.quote.map { UInt8($0.value) }
        escape = dialect.escape.map { UInt8($0.value) }
        comment = dialect.commentPrefix.map { Array($0.utf8) } ?? []
        lineEnd = dialect.lineTerminator.bytes
    }

    /// Writes one record as a row (the header row first, before the first record).
    public mutating func write(_ record: RecordValue) throws {
        records += 1
        let mark = output.bytes.count
        do throws(RecordOutputError) {
            guard case .object(let members) = record else {
                throw RecordOutputError("a CSV row is written from an object, not \(record.kindName)")
            }
            if columns == nil { columns = members.map(\.name) }
            try start()
            let columns = self.columns!
            if strictColumns {
                for member in members where !columns.contains(member.name) {
                    throw RecordOutputError("the member \"\(member.name)\" is not one of the columns (\(columns.joined(separator: ", "))), which the first record set")
                }
            }
            for (i, column) in columns.enumerated() {
                if i > 0 { output.bytes.append(delimiter) }
                let value: RecordValue
                if i < members.count, members[i].name == column {
                    value = members[i].value
                } else {
                    value = members.first { $0.name == column }?.value ?? .null
                }
                try appendField(value, only: columns.count == 1, first: i == 0)
            }
            output.bytes.append(contentsOf: lineEnd)
        } catch {
            output.bytes.removeSubrange(mark...)
            throw error.located(destination: output.target.name, record: records)
        }
        try output.flushIfFull()
    }

    /// Writes the header if nothing was written yet, then flushes (and closes a file).
    public mutating func finish() throws {
        if columns != nil {
            do throws(RecordOutputError) { try start() } catch { throw error.located(destination: output.target.name, record: nil) }
        }
        try output.finish()
    }

    /// The header row, once.
    private mutating func start() throws(RecordOutputError) {
        guard !started else { return }
        started = true
        guard dialect.header, let columns else { return }
        for (i, column) in columns.enumerated() {
            if i > 0 { output.bytes.append(delimiter) }
            try appendField(.string(column), only: columns.count == 1, first: i == 0)
        }
        output.bytes.append(contentsOf: lineEnd)
    }

    // MARK: Fields

    private mutating func appendField(_ value: RecordValue, only: Bool, first: Bool) throws(RecordOutputError) {
        field.removeAll(keepingCapacity: true)
        switch value {
        case .null: break
        case .string(let s): try dialect.encoding.append(s, to: &field)
        case .number(let s): try dialect.encoding.append(s, to: &field)
        case .bool(let b): field.append(contentsOf: (b ? "true" : "false").utf8)
        case .array(let items):
            if items.allSatisfy(Self.isPlain) {
                for (k, item) in items.enumerated() {
                    if k > 0 { try dialect.encoding.append(listSeparator, to: &field) }
                    try dialect.encoding.append(Self.plainText(item), to: &field)
                }
            } else {
                try appendJSON(value)
            }
        case .object:
            try appendJSON(value)
        }
        guard needsQuotes(only: only, first: first) else {
            output.bytes.append(contentsOf: field)
            return
        }
        guard let quote else {
            throw RecordOutputError("a field holds the delimiter or a line break, and the dialect has no quote character")
        }
        output.bytes.append(quote)
        for b in field {
            if b == quote || (escape != nil && b == escape) { output.bytes.append(escape ?? quote) }
            output.bytes.append(b)
        }
        output.bytes.append(quote)
    }

    private mutating func appendJSON(_ value: RecordValue) throws(RecordOutputError) {
        var json: [UInt8] = []
        try JSONText.append(value, to: &json)
        try dialect.encoding.append(String(decoding: json, as: UTF8.self), to: &field)
    }

    private func needsQuotes(only: Bool, first: Bool) -> Bool {
        if field.isEmpty { return only }
        for b in field where b == delimiter || b == 0x0A || b == 0x0D || b == quote || (escape != nil && b == escape) {
            return true
        }
        if dialect.trim, let f = field.first, let l = field.last, f == 0x20 || f == 0x09 || l == 0x20 || l == 0x09 { return true }
        if first, !comment.isEmpty, field.starts(with: comment) { return true }
        return false
    }

    static func isPlain(_ value: RecordValue) -> Bool {
        switch value {
        case .array, .object: false
        default: true
        }
    }

    static func plainText(_ value: RecordValue) -> String { ExpressionValue.text(value) ?? "" }
}
