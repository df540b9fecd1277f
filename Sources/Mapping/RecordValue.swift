/// One value of a record as read from CSV (a flat object of strings), JSON or XML (elements
/// as objects, attributes as `@name` members, text as `#text`), and as written.
public enum RecordValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, kept as written so formatting and precision are not lost.
    case number(String)
    case string(String)
    case array([RecordValue])
    /// Members in their order in the source.
    case object([RecordMember])
}

extension RecordValue {
    /// What kind of value this is, for messages: `null`, `a boolean`, `a number`, `a
    /// string`, `an array`, `an object` (JSON's names, as JSON Schema's `type` speaks of them).
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A named member of an object value.
public struct RecordMember: Sendable, Hashable {
    public var name: String
    public var value: RecordValue

    public init(_ name: String, _ value: RecordValue) {
        self.name = name
        self.value = value
    }
}

/// Where a record came from, for errors and the rejects file.
public struct RecordPosition: Sendable, Hashable {
    /// The input file as given.
    public var source: String
    /// The record's number in its input, from 1.
    public var number: Int
    /// The line the record starts on, from 1 (0 when the format has no lines to speak of).
    public var line: Int

    public init(source: String, number: Int, line: Int) {
        self.source = source
        self.number = number
        self.line = line
    }
}

/// Reads records one at a time from an input, in constant memory where the format allows.
public protocol RecordReader {
    /// The next record with its position, or nil at the end; throws `RecordInputError`
    /// for input that cannot be read (the position says where).
    mutating func next() throws -> (RecordValue, RecordPosition)?
}

/// Writes records one at a time.
public protocol RecordWriter {
    mutating func write(_ record: RecordValue) throws
    /// Writes what the format needs at the end (a closing bracket) and flushes.
    mutating func finish() throws
}

/// Input that cannot be read as records, with file, line and column.
public struct RecordInputError: LocatedError, Sendable, Equatable {
    public var location: FileLocation
    public var message: String

    public init(_ message: String, source: String, line: Int, column: Int) {
        self.message = message
        location = FileLocation(source: source, line: line, column: column)
    }
}
