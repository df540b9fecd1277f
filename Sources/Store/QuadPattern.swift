import RDF

/// A quad pattern: each position is bound to a term or left open (`nil`).
public struct QuadPattern: Sendable, Equatable {
    public var subject: Term?
    public var predicate: Term?
    public var object: Term?
    /// The graph IRI, or `nil` for every graph.
    public var graph: String?

    public init(subject: Term? = nil, predicate: Term? = nil, object: Term? = nil, graph: String? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }

    /// Matches every quad.
    public static let all = QuadPattern()
}
