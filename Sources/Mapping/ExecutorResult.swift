import RDF

/// What became of one record.
enum ExecutorResult: Sendable {
    /// The record to write (record output).
    case record(RecordValue)
    /// The statements to write (RDF output).
    case quads([Quad])
    /// The record cannot be mapped; it goes to the rejects file with the reason.
    case rejected(String)
    /// The record did not pass the filter.
    case skipped
}
