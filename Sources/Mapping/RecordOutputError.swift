/// A record that cannot be written in the output format (a name that is no XML name, a
/// number that is no JSON number, a character the output encoding lacks, a field that is
/// not a column), or output that cannot be written at all (a full disk).
public struct RecordOutputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public var message: String
    /// The output file as given, when known.
    public var destination: String?
    /// The record's number in the output, from 1, when the error concerns one record.
    public var record: Int?

    /// An error with `message`, optionally naming the output and the record.
    public init(_ message: String, destination: String? = nil, record: Int? = nil) {
        self.message = message
        self.destination = destination
        self.record = record
    }

    /// `out.xml: error: record 3: message`.
    public var description: String {
        var text = destination.map { "\($0): error: " } ?? "error: "
        if let record { text += "record \(record): " }
        return text + message
    }

    /// The same error, naming the output and the record when it did not yet.
    func located(destination: String?, record: Int?) -> RecordOutputError {
        var copy = self
        if copy.destination == nil { copy.destination = destination }
        if copy.record == nil { copy.record = record }
        return copy
    }
}
