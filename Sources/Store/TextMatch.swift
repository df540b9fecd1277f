import RDF

/// One full-text search hit: the statement whose literal matched, and its graph.
public struct TextMatch: Sendable, Equatable {
    public var subject: Term
    public var predicate: Term
    public var literal: Literal
    /// The IRI of the graph holding the statement.
    public var graph: String

    public init(subject: Term, predicate: Term, literal: Literal, graph: String) {
        self.subject = subject
        self.predicate = predicate
        self.literal = literal
        self.graph = graph
    }
}
