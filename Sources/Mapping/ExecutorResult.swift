import RDF

/// What became of one record.
enum ExecutorResult: Sendable {
    /// The record to write (record output).
    case record(RecordValue)
    /// The statements to write (RDF output).
    case quads([Quad])
    /// The statements already written as N-Triples or N-Quads, on the mapping thread.
    case serialized([UInt8], statements: Int)
    /// The record cannot be mapped; it goes to the rejects file with the reason.
    case rejected(String)
    /// The record did not pass the filter.
    case skipped
}
