/// A cell of the TSV section, its quotes and escaping quotes removed, with where it starts.
struct SSSOMTSVField {
    var text: String
    var line: Int
    var column: Int
}

/// Splits the TSV section of an SSSOM/TSV file into records, following the quoting rules
/// of spec-formats-tsv (adapted from RFC 4180): a value may be enclosed in double quotes,
/// must be when it holds a tab, a line break or a double quote, and a quote inside a
/// quoted value is doubled. A double quote that does not open a value is an ordinary
/// character. Lines end in LF or CRLF; blank lines are skipped.
struct SSSOMTSVScanner {
    private let bytes: [UInt8]
    private var index: Int
    private let source: String?
    /// The line and column of `bytes[index]`.
    private(set) var line: Int
    private(set) var column = 1

    private static let tab = UInt8(ascii: "\t")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")
    private static let quote = UInt8(ascii: "\"")

    /// A scanner over `bytes` from `start`, which is on line `line`, column 1.
    init(bytes: [UInt8], start: Int, line: Int, source: String?) {
        self.bytes = bytes
        self.index = start
        self.line = line
        self.source = source
    }

    /// The next record's cells and the line it starts on, or `nil` at the end.
    mutating func nextRecord() throws -> (fields: [SSSOMTSVField], line: Int)? {
        while index < bytes.count {
            if bytes[index] == Self.lf {
                advance()
            } else if bytes[index] == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf {
                advance()
                advance()
            } else {
                break
            }
        }
        guard index < bytes.count else { return nil }
        let recordLine = line
        var fields: [SSSOMTSVField] = []
        while true {
            fields.append(try scanField())
            guard index < bytes.count else { break }
            let byte = bytes[index]
            advance()
            if byte == Self.tab { continue }
            if byte == Self.cr { advance() }  // the LF of a CRLF
            break
        }
        return (fields, recordLine)
    }

    private mutating func scanField() throws -> SSSOMTSVField {
        let startLine = line
        let startColumn = column
        guard index < bytes.count, bytes[index] == Self.quote else {
            let start = index
            while index < bytes.count, !atFieldEnd() { advance() }
            return SSSOMTSVField(text: try text(bytes[start..<index], line: startLine, column: startColumn),
                                 line: startLine, column: startColumn)
        }
        advance()
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw SSSOMError("the quoted value that starts here has no closing quote",
                                 source: source, line: startLine, column: startColumn)
            }
            let byte = bytes[index]
            advance()
            if byte != Self.quote {
                value.append(byte)
            } else if index < bytes.count, bytes[index] == Self.quote {
                value.append(byte)
                advance()
            } else {
                break
            }
        }
        guard index >= bytes.count || atFieldEnd() else {
            throw SSSOMError("a quoted value must end at its closing quote (a tab or the end of the line must follow)",
                             source: source, line: line, column: column)
        }
        return SSSOMTSVField(text: try text(value[...], line: startLine, column: startColumn),
                             line: startLine, column: startColumn)
    }

    /// True at a tab, an LF or a CRLF.
    private func atFieldEnd() -> Bool {
        let byte = bytes[index]
        return byte == Self.tab || byte == Self.lf
            || (byte == Self.cr && index + 1 < bytes.count && bytes[index + 1] == Self.lf)
    }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == Self.lf {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private func text(_ slice: ArraySlice<UInt8>, line: Int, column: Int) throws -> String {
        guard let string = String(validating: slice, as: UTF8.self) else {
            throw SSSOMError("the value is not valid UTF-8", source: source, line: line, column: column)
        }
        return string
    }
}
