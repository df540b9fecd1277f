/// A named graph in a store and where it came from.
public struct GraphInfo: Sendable, Equatable, Codable {
    /// The graph's IRI.
    public var graph: String
    /// The file path or URL the graph was imported from.
    public var source: String
    /// When it was imported, ISO 8601 in UTC.
    public var importedAt: String
    /// `ByteHash` (64-bit, from the RDF module) of the source bytes, as 16 hex digits.
    public var contentHash: String
    /// The syntax the source was read as (`RDFFormat` raw value).
    public var format: String
    /// The number of distinct triples stored.
    public var tripleCount: Int

    public init(graph: String, source: String, importedAt: String, contentHash: String, format: String, tripleCount: Int) {
        self.graph = graph
        self.source = source
        self.importedAt = importedAt
        self.contentHash = contentHash
        self.format = format
        self.tripleCount = tripleCount
    }
}
