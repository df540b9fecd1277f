import RDF

/// What became of one record.
enum ExecutorResult: Sendable {
    /// The record to write (record output).
    case record(RecordValue)
    /// The statements to write (RDF output).
    case quads([Quad])
    /// The statements, written as N-Triples or N-Quads lines on the mapping thread into
    /// the lines of its slice of the batch (`ExecutorBatch.lines`).
    case serialized(statements: Int)
    /// The record cannot be mapped; it goes to the rejects file with the reason.
    case rejected(String)
    /// The record did not pass the filter.
    case skipped
}
