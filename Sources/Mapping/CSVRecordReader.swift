/// Reads CSV (RFC 4180 and the dialects of `CSVDialect`) as records: each row becomes an
/// `.object` whose members are the columns in order, each a `.string` (`.null` for a field
/// a short row lacks, when `raggedRows` is `.pad`).
///
/// The input streams through a 64 KiB buffer: memory stays bounded by the longest row,
/// whatever the file size. Quoted fields may hold delimiters, line breaks (kept as written)
/// and doubled quotes; a quote inside an unquoted field is an ordinary character, as most
/// spreadsheet programs write it. Rows end at CRLF, LF or CR.
///
/// Errors are `RecordInputError`s with line and column (Unicode scalars from the start of
/// the line): an unterminated quoted field (at its opening quote), text between a closing
/// quote and the next delimiter, a row with too many fields (at the first extra one) or too
/// few (at its end), a field that is not valid UTF-8, a duplicate column name. After an
/// error in one row, `next()` goes on with the next row; a bad header, the end of the
/// input inside a quoted field, a field longer than the reader's limit and a read error
/// end the reading (later calls throw the same error).
public struct CSVRecordReader: RecordReader {
    /// The dialect the input is read in.
    public let dialect: CSVDialect
    /// The column names: the header row, or `"1"`, `"2"`, … once the first row is read.
    public private(set) var columns: [String] = []

    private var input: ByteInput
    private var pos = 0
    private var fields: [String] = []
    private var fieldColumns: [Int] = []
    private var recordColumns = false
    private var scratch: [UInt8] = []
    private var records = 0
    private var rowFailure: RecordInputError?
    private var fatal: RecordInputError?
    private var started = false
    private let delimiter: UInt8
    private let quote: UInt16
    private let escape: UInt16
    private let comment: [UInt8]

    /// Reads the CSV file at `path` (`-` for standard input).
    public init(path: String, dialect: CSVDialect = .rfc4180) throws(RecordInputError) {
        try self.init(input: ByteInput(path: path, encoding: dialect.encoding), dialect: dialect)
    }

    /// Reads CSV held in memory, `chunkSize` bytes at a time.
    public init(data: [UInt8], source: String = "<memory>", dialect: CSVDialect = .rfc4180,
                chunkSize: Int = 64 << 10) throws(RecordInputError) {
        try self.init(input: ByteInput(data: data, source: source, encoding: dialect.encoding, chunkSize: chunkSize),
                      dialect: dialect)
    }

    init(input: ByteInput, dialect: CSVDialect) throws(RecordInputError) {
        do { try dialect.validate() } catch {
            throw RecordInputError(error.message, source: input.source, line: 0, column: 0)
        }
        self.input = input
        self.dialect = dialect
        delimiter = dialect.delimiterByte
        quote = dialect.quoteCode
        escape = dialect.escapeCode
        comment = dialect.commentPrefix.map { Array($0.utf8) } ?? []
    }

    /// The next row as a record, or nil at the end of the input.
    public mutating func next() throws(RecordInputError) -> (RecordValue, RecordPosition)? {
        if let fatal { throw fatal }
        let found: Row?
        do {
            // What is thrown here ends the reading: a bad header, the end of the input
            // inside a quoted field, a field over the length limit, a read error.
            if !started {
                started = true
                if dialect.header { try readHeader() }
            }
            found = try readRow(expected: columns.isEmpty ? nil : columns.count)
        } catch {
            fatal = error
            throw error
        }
        guard let row = found else { return nil }
        // Errors in a row are thrown once the whole row is read: the next call goes on
        // with the next row.
        records += 1
        if columns.isEmpty { columns = (1...max(fields.count, 1)).map { String($0) } }
        if let rowFailure { throw rowFailure }
        if fields.count != columns.count, dialect.raggedRows == .error {
            let message = "the row has \(fields.count) field\(fields.count == 1 ? "" : "s") where \(dialect.header ? "the header has" : "the first row has") \(columns.count)"
            throw RecordInputError(message, source: input.source, line: row.ragged.line, column: row.ragged.column)
        }
        var members: [RecordMember] = []
        members.reserveCapacity(max(columns.count, fields.count))
        for (i, name) in columns.enumerated() {
            members.append(RecordMember(name, i < fields.count ? .string(fields[i]) : .null))
        }
        if fields.count > columns.count {
            for i in columns.count..<fields.count { members.append(RecordMember(String(i + 1), .string(fields[i]))) }
        }
        return (.object(members), RecordPosition(source: input.source, number: records, line: row.line))
    }

    /// Reads the header row into `columns`.
    private mutating func readHeader() throws(RecordInputError) {
        recordColumns = true
        defer { recordColumns = false }
        guard let row = try readRow(expected: nil) else { return }
        if let rowFailure { throw rowFailure }
        try takeHeader(line: row.line)
    }

    /// Makes the row just read the column names: trimmed when the dialect trims, empty
    /// names replaced by the column number, duplicates refused.
    private mutating func takeHeader(line: Int) throws(RecordInputError) {
        var seen: Set<String> = []
        columns = []
        for (i, field) in fields.enumerated() {
            let name = field.isEmpty ? String(i + 1) : field
            guard seen.insert(name).inserted else {
                throw RecordInputError("the column name \"\(name)\" occurs twice in the header", source: input.source,
                                       line: line, column: i < fieldColumns.count ? fieldColumns[i] : 1)
            }
            columns.append(name)
        }
    }

    // MARK: Rows

    private struct Row {
        var line: Int
        /// Where a wrong field count is reported: the first extra field, or the row's end.
        var ragged: (line: Int, column: Int) = (0, 0)
    }

    private enum Terminator { case delimiter, lineEnd, end, malformed }

    /// Reads the next row into `fields` (comment and blank lines skipped); nil at the end.
    /// A field that cannot be read leaves its error in `rowFailure` and the reader at the
    /// next row; the end of the input inside a quoted field is thrown at once.
    private mutating func readRow(expected: Int?) throws(RecordInputError) -> Row? {
        fields.removeAll(keepingCapacity: true)
        fieldColumns.removeAll(keepingCapacity: true)
        rowFailure = nil
        while true {
            if pos >= input.count {
                pos -= try input.refill(keepingFrom: pos)
                if pos >= input.count { return nil }
            }
            let b = input.bytes[pos]
            if dialect.skipBlankLines, b == 0x0A || b == 0x0D {
                try consumeLineEnd()
                continue
            }
            if !comment.isEmpty, b == comment[0], try atComment() {
                try skipRestOfLine()
                continue
            }
            break
        }
        var row = Row(line: input.line)
        while true {
            if let expected, fields.count == expected, row.ragged.line == 0 {
                row.ragged = (input.line, input.column(at: pos))
            }
            if recordColumns { fieldColumns.append(input.column(at: pos)) }
            switch try readField() {
            case .delimiter:
                pos += 1
                continue
            case .malformed:
                try skipRestOfLine()
            case .lineEnd, .end:
                if let expected, fields.count < expected, row.ragged.line == 0 {
                    row.ragged = (input.line, input.column(at: pos))
                }
                if pos < input.count { try consumeLineEnd() }
            }
            return row
        }
    }

    /// Records the first error of the row being read.
    private mutating func fail(_ error: RecordInputError) {
        if rowFailure == nil { rowFailure = error }
    }

    /// Reads one field at `pos` into `fields`, leaving `pos` at the delimiter or line end
    /// after it.
    private mutating func readField() throws(RecordInputError) -> Terminator {
        if pos >= input.count { pos -= try input.refill(keepingFrom: pos) }
        if dialect.trim { try skipBlanks() }
        guard pos < input.count, UInt16(input.bytes[pos]) == quote else { return try readUnquotedField() }
        try readQuotedField()
        if dialect.trim { try skipBlanks() }
        if pos >= input.count { pos -= try input.refill(keepingFrom: pos) }
        guard pos < input.count else { return .end }
        let b = input.bytes[pos]
        if b == delimiter { return .delimiter }
        if b == 0x0A || b == 0x0D { return .lineEnd }
        fail(input.error("unexpected \(Self.describe(b)) after the closing quote of a field (a quote inside a quoted field is written twice)",
                         at: pos))
        return .malformed
    }

    private mutating func readUnquotedField() throws(RecordInputError) -> Terminator {
        var start = pos
        var i = pos
        let d = delimiter
        while true {
            let p = input.bytes
            let n = input.count
            while i < n {
                let b = p[i]
                if b == d || b == 0x0A || b == 0x0D { break }
                i += 1
            }
            if i < n || input.atEnd { break }
            let shift = try input.refill(keepingFrom: start)
            start -= shift
            i -= shift
        }
        var end = i
        if dialect.trim {
            while end > start, Self.isBlank(input.bytes[end - 1], delimiter: d) { end -= 1 }
        }
        pos = i
        if let text = UTF8Check.string(UnsafeBufferPointer(start: input.bytes + start, count: end - start)) {
            fields.append(text)
        } else {
            fail(input.error(Self.invalidUTF8, at: start))
            fields.append("")
        }
        guard i < input.count else { return .end }
        return input.bytes[i] == d ? .delimiter : .lineEnd
    }

    static let invalidUTF8 = "the field is not valid UTF-8 (is the file in another encoding? set the dialect's encoding)"

    private mutating func readQuotedField() throws(RecordInputError) {
        let quoteLine = input.line
        let quoteColumn = input.column(at: pos)
        let q = quote
        let e = escape
        pos += 1
        var seg = pos
        var i = pos
        var escaped = false
        scratch.removeAll(keepingCapacity: true)
        while true {
            var p = input.bytes
            var n = input.count
            while i < n {
                let b = p[i]
                if UInt16(b) == q || UInt16(b) == e || b == 0x0A || b == 0x0D { break }
                i += 1
            }
            if i < n, p[i] == 0x0A {
                i += 1
                input.newLine(at: i)
                continue
            }
            if i + 1 >= n, !input.atEnd {
                let shift = try input.refill(keepingFrom: seg)
                seg -= shift
                i -= shift
                continue
            }
            if i >= n {
                pos = i
                throw RecordInputError("the quoted field never ends: its closing quote is missing", source: input.source,
                                       line: quoteLine, column: quoteColumn)
            }
            p = input.bytes
            n = input.count
            let b = p[i]
            let next: Int = i + 1 < n ? Int(p[i + 1]) : -1
            if b == 0x0D {
                i += 1
                if next != 0x0A { input.newLine(at: i) }
                continue
            }
            if UInt16(b) == e, e != q {
                guard next >= 0 else { i += 1; continue }
                scratch.append(contentsOf: UnsafeBufferPointer(start: p + seg, count: i - seg))
                escaped = true
                seg = i + 1
                i += 2
                if next == 0x0A { input.newLine(at: i) }
                continue
            }
            if next >= 0, UInt16(next) == q {
                scratch.append(contentsOf: UnsafeBufferPointer(start: p + seg, count: i + 1 - seg))
                escaped = true
                i += 2
                seg = i
                continue
            }
            // The closing quote.
            let tail = UnsafeBufferPointer(start: p + seg, count: i - seg)
            pos = i + 1
            let text: String?
            if escaped {
                scratch.append(contentsOf: tail)
                text = UTF8Check.string(scratch)
            } else {
                text = UTF8Check.string(tail)
            }
            if let text {
                fields.append(text)
            } else {
                fail(RecordInputError(Self.invalidUTF8, source: input.source, line: quoteLine, column: quoteColumn))
                fields.append("")
            }
            return
        }
    }

    // MARK: Lines and blanks

    private static func isBlank(_ b: UInt8, delimiter: UInt8) -> Bool {
        (b == 0x20 || b == 0x09) && b != delimiter
    }

    private mutating func skipBlanks() throws(RecordInputError) {
        while true {
            if pos >= input.count {
                pos -= try input.refill(keepingFrom: pos)
                if pos >= input.count { return }
            }
            guard Self.isBlank(input.bytes[pos], delimiter: delimiter) else { return }
            pos += 1
        }
    }

    /// Consumes CRLF, LF or CR at `pos`.
    private mutating func consumeLineEnd() throws(RecordInputError) {
        let b = input.bytes[pos]
        pos += 1
        if b == 0x0D {
            if pos >= input.count { pos -= try input.refill(keepingFrom: pos) }
            if pos < input.count, input.bytes[pos] == 0x0A { pos += 1 }
        }
        input.newLine(at: pos)
    }

    /// Skips to the start of the next line (quotes are not looked at).
    private mutating func skipRestOfLine() throws(RecordInputError) {
        while true {
            if pos >= input.count {
                pos -= try input.refill(keepingFrom: pos)
                if pos >= input.count { return }
            }
            let b = input.bytes[pos]
            if b == 0x0A || b == 0x0D {
                try consumeLineEnd()
                return
            }
            pos += 1
        }
    }

    /// Whether the comment prefix starts at `pos`.
    private mutating func atComment() throws(RecordInputError) -> Bool {
        if input.count - pos < comment.count, !input.atEnd {
            pos -= try input.refill(keepingFrom: pos)
        }
        guard input.count - pos >= comment.count else { return false }
        for (k, c) in comment.enumerated() where input.bytes[pos + k] != c { return false }
        return true
    }

    static func describe(_ b: UInt8) -> String {
        if b >= 0x21, b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b == 0x20 { return "space" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }
}
